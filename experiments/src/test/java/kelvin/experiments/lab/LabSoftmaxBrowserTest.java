package kelvin.experiments.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import kelvin.experiments.cli.Cli;
import kelvin.experiments.results.Mappers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The softmax explorer in headless Chromium: the probabilities and the entropy it displays, for
 * slider positions from T = 0 to T = inf and for a typed beta, are those of {@code kelvin softmax}.
 */
class LabSoftmaxBrowserTest {

    @RegisterExtension
    static final BrowserLab LAB = new BrowserLab();

    /** The slider's ends (softmax.js): 0 is T = 0, 602 is T = inf. */
    private static final int GREEDY = 0;
    private static final int UNIFORM = 602;

    @Test
    void theSliderAndBetaShowTheNumbersOfKelvinSoftmax() throws Exception {
        LAB.open("/softmax");
        ready();
        LAB.assertClean();
        assertEquals("data:,", LAB.script("return document.querySelector('link[rel=icon]').getAttribute('href')"),
                "headless Chromium asks for no icon; a headed browser would ask for /favicon.ico (a 404) without this");
        assertEquals("1", value("sm-temperature"));
        assertDisplayedAsCli("temperature 1 at load");

        for (int position : new int[] {GREEDY, 101, 251, 301, 371, 501, UNIFORM}) {
            slide(position);
            assertDisplayedAsCli("slider at " + position);
        }
        slide(GREEDY);
        assertEquals("0", value("sm-temperature"));
        assertEquals(List.of("1.000000", "0.000000", "0.000000"), displayed(3), "T = 0 is greedy");
        slide(UNIFORM);
        assertEquals("inf", value("sm-temperature"));
        assertEquals(List.of("0.333333", "0.333333", "0.333333"), displayed(3), "T = inf is uniform");
        assertEquals(text("sm-max-entropy"), text("sm-entropy"), "uniform: the entropy is ln K");

        // the arrow keys move the slider one step, as a user's keyboard does
        slide(301);
        WebElement slider = LAB.driver().findElement(By.id("sm-slider"));
        slider.sendKeys(Keys.ARROW_LEFT);
        ready();
        slider.sendKeys(Keys.ARROW_LEFT);
        ready();
        assertEquals("299", slider.getAttribute("value"));
        assertDisplayedAsCli("two steps left of T = 1");

        WebElement beta = LAB.driver().findElement(By.id("sm-beta"));
        beta.clear();
        beta.sendKeys("2.5");
        ready();
        assertEquals("0.4", value("sm-temperature"), "the T field follows beta");
        assertDisplayedAs(cli("--betas", "2.5"), "beta 2.5 typed");
        assertEquals(List.of(), LAB.consoleErrors());
    }

    @Test
    void theTestbedPresetAtAHalfLooksRightAtBothWidths() throws Exception {
        LAB.open("/softmax");
        ready();
        LAB.driver().findElement(By.id("sm-preset-10")).click();
        LAB.waitUntil("the K = 10 preset is shown", d -> LAB.driver().findElements(By.cssSelector("#sm-rows tr"))
                .size() == 10);
        ready();
        // T = 10^(-3 + 270 / 100) = 0.5012
        slide(271);
        assertEquals("0.5012", value("sm-temperature"));
        assertDisplayedAsCli("K = 10 at T = 0.5012");
        LAB.assertClean();
        LAB.resize(BrowserLab.PHONE, 844);
        assertEquals(0, LAB.overflow(), "at phone width nothing sticks out sideways");
        LAB.screenshots("softmax");
        assertEquals(List.of(), LAB.consoleErrors());
    }

    /** Moves the slider as a drag does: a new value, then an input event. */
    private static void slide(int position) {
        LAB.script("const s = document.getElementById('sm-slider'); s.value = arguments[0];"
                + " s.dispatchEvent(new Event('input'));", position);
        ready();
    }

    /** Waits for the page's last answer (softmax.js sets data-state "busy" synchronously on input). */
    private static void ready() {
        LAB.waitUntil("the softmax page has its answer", d -> "ready".equals(LAB.script(
                "return document.body.dataset.state")) && !text("sm-entropy").equals("\u2013"));
    }

    private static String value(String id) {
        return LAB.driver().findElement(By.id(id)).getAttribute("value");
    }

    private static String text(String id) {
        return LAB.driver().findElement(By.id(id)).getText();
    }

    private static List<String> displayed(int k) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            shown.add(LAB.driver().findElement(By.cssSelector("td[data-action='" + i + "']")).getText());
        }
        return shown;
    }

    private static void assertDisplayedAsCli(String when) throws Exception {
        assertDisplayedAs(cli("--temperatures", value("sm-temperature")), when);
    }

    /** Compares the table and the entropy with the CLI's numbers at the page's 6 decimals. */
    private static void assertDisplayedAs(JsonNode expected, String when) {
        JsonNode p = expected.get("probabilities");
        List<String> want = new ArrayList<>();
        for (JsonNode v : p) {
            want.add(sixDecimals(v.asDouble()));
        }
        assertEquals(want, displayed(p.size()), when + ": p(a)");
        assertEquals(sixDecimals(expected.get("entropy").asDouble()), text("sm-entropy"), when + ": entropy");
    }

    /** What JavaScript's toFixed(6) shows: the double's exact value rounded half up. */
    private static String sixDecimals(double v) {
        return new BigDecimal(v).setScale(6, RoundingMode.HALF_UP).toPlainString();
    }

    private static JsonNode cli(String option, String value) throws Exception {
        String logits = value("sm-logits").replaceAll("\\s+", "");
        Cli r = Cli.run("softmax", "--logits", logits, option, value, "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode row = Mappers.JSON.readTree(r.out().strip());
        assertTrue(row.has("probabilities"), r.out());
        return row;
    }
}
