package kelvin.experiments.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The schedule explorer in headless Chromium: the starting schedules are drawn, a schedule added
 * from the picker becomes a new series of the chart, and a bad key value shows the loader's
 * message on that schedule's form.
 */
class LabSchedulesBrowserTest {

    @RegisterExtension
    static final BrowserLab LAB = new BrowserLab();

    @Test
    void anAddedScheduleIsANewSeriesAndABadKeyIsNamedAtItsForm() throws Exception {
        LAB.open("/schedules");
        ready();
        assertEquals(List.of("exponential", "simulated-annealing"), legend(), "the schedules shown first");
        LAB.assertClean();
        assertEquals("data:,", LAB.script("return document.querySelector('link[rel=icon]').getAttribute('href')"),
                "headless Chromium asks for no icon; a headed browser would ask for /favicon.ico (a 404) without this");

        new Select(LAB.driver().findElement(By.id("sc-picker"))).selectByValue("linear");
        LAB.driver().findElement(By.id("sc-add")).click();
        WebElement card = LAB.waitFor(By.cssSelector(".sc-card[data-index='2'][data-schedule='linear']"));
        type(card, "initial", "2");
        type(card, "steps", "1500");
        type(card, "label", "linear-cooling");
        LAB.waitUntil("the chart has a third series", d -> legend().size() == 3);
        ready();
        assertEquals(List.of("exponential", "simulated-annealing", "linear-cooling"), legend());
        assertEquals("", card.findElement(By.cssSelector(".error")).getText());

        type(card, "steps", "-5");
        WebElement error = LAB.waitForText(By.cssSelector(".sc-card[data-index='2'] .error"), "steps");
        String message = error.getText();
        assertTrue(message.contains("-5"), message);
        assertTrue(card.findElement(By.cssSelector("[name='steps']")).findElement(By.xpath(".."))
                .getAttribute("class").contains("bad"), "the field of the bad key is marked");
        assertEquals("", LAB.driver().findElement(By.cssSelector(".sc-card[data-index='0'] .error")).getText(),
                "the other schedules keep their curves");
        assertEquals(List.of("exponential", "simulated-annealing"), legend(), "the bad schedule has no series");
        assertEquals(List.of(), LAB.consoleErrors(), "a bad key is an answer of the page, not a failed request");

        type(card, "steps", "1500");
        LAB.waitUntil("the fixed schedule is drawn again", d -> legend().size() == 3);
        LAB.driver().findElement(By.id("sc-logy")).click();
        ready();
        LAB.resize(BrowserLab.PHONE, 844);
        assertEquals(0, LAB.overflow(), "at phone width nothing sticks out sideways");
        LAB.screenshots("schedules");
        assertEquals(List.of(), LAB.consoleErrors());
    }

    private static void type(WebElement card, String name, String value) {
        LAB.script("const el = arguments[0]; el.value = arguments[1]; el.dispatchEvent(new Event('input'));",
                card.findElement(By.cssSelector("[name='" + name + "']")), value);
        ready();
    }

    /** Waits until the page is not waiting for an answer (schedules.js debounces input by 120 ms). */
    private static void ready() {
        LAB.waitUntil("the schedules page has its answer", d -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "ready".equals(LAB.script("return document.body.dataset.state"));
        });
    }

    /** The chart's series as its legend names them, without the x series. */
    @SuppressWarnings("unchecked")
    private static List<String> legend() {
        List<String> labels = (List<String>) LAB.script("return [...document.querySelectorAll("
                + "'#sc-chart .u-legend .u-series .u-label')].map((e) => e.textContent);");
        return labels.subList(Math.min(1, labels.size()), labels.size());
    }
}
