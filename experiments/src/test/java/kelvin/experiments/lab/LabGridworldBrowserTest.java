package kelvin.experiments.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The gridworld viewer in headless Chromium: an agent learns on four-rooms episode by episode, the
 * map is drawn, and the temperature slider acts on the running agent.
 */
class LabGridworldBrowserTest {

    @RegisterExtension
    static final BrowserLab LAB = new BrowserLab();

    @Test
    void episodesAdvanceTheCounterAndTheMapIsDrawn() {
        LAB.open("/gridworld");
        LAB.waitUntil("the session starts", d -> d.findElement(By.id("grid-episode")).isEnabled());
        LAB.assertClean();
        assertEquals("data:,", LAB.script("return document.querySelector('link[rel=icon]').getAttribute('href')"),
                "headless Chromium asks for no icon; a headed browser would ask for /favicon.ico (a 404) without this");
        new Select(LAB.driver().findElement(By.id("grid-map"))).selectByValue("four-rooms");
        assertEquals("0", text("grid-episodes"));
        WebElement episode = LAB.driver().findElement(By.id("grid-episode"));
        for (int i = 1; i <= 3; i++) {
            episode.click();
            String n = String.valueOf(i);
            LAB.waitUntil("episode " + n + " is counted", d -> text("grid-episodes").equals(n));
        }
        assertTrue(Long.parseLong(text("grid-steps").replace(",", "")) >= 3, "each episode takes steps");
        assertTrue(colours() > 5, "the map is drawn with walls, cells, goal and shading: " + colours() + " colours");

        String before = text("grid-temp-value");
        LAB.script("const s = document.getElementById('grid-temp-slider'); s.value = '0';"
                + " s.dispatchEvent(new Event('input'));");
        LAB.waitUntil("the label shows T = 0", d -> text("grid-temp-value").equals("0"));
        LAB.script("const s = document.getElementById('grid-temp-slider'); s.value = '200';"
                + " s.dispatchEvent(new Event('input'));");
        LAB.waitUntil("the label shows T = inf", d -> !text("grid-temp-value").equals("0"));
        assertNotEquals(before, text("grid-temp-value"));
        episode.click();
        LAB.waitUntil("the agent learns on at the new temperature", d -> text("grid-episodes").equals("4"));
        assertEquals("", text("grid-error"));
        assertEquals(List.of(), LAB.consoleErrors(), "the temperature reached the running agent");
    }

    @Test
    void aLinkStartsFiftyEpisodesOnFourRoomsAndLooksRightAtBothWidths() throws Exception {
        LAB.open("/gridworld#map=four-rooms&slider=83&episodes=50&layer=q");
        LAB.waitUntil("50 episodes are run", d -> text("grid-episodes").equals("50"));
        assertEquals("four-rooms", new Select(LAB.driver().findElement(By.id("grid-map")))
                .getFirstSelectedOption().getAttribute("value"));
        assertTrue(colours() > 5, "the map is drawn: " + colours() + " colours");
        LAB.assertClean();
        // the lengths show the learning better than the returns, which are mostly the goal's 1
        new Select(LAB.driver().findElement(By.id("grid-chart-metric"))).selectByValue("lengths");
        LAB.resize(BrowserLab.PHONE, 844);
        assertEquals(0, LAB.overflow(), "at phone width nothing sticks out sideways");
        LAB.screenshots("gridworld");
        assertEquals(List.of(), LAB.consoleErrors());
    }

    private static String text(String id) {
        return LAB.driver().findElement(By.id(id)).getText();
    }

    /** How many colours the map's canvas shows (a blank canvas has one). */
    private static long colours() {
        return ((Number) LAB.script("const c = document.getElementById('grid-canvas');"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " const seen = new Set(); for (let i = 0; i < d.length; i += 4) {"
                + " seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2] | (d[i + 3] << 24)); } return seen.size;"))
                .longValue();
    }
}
