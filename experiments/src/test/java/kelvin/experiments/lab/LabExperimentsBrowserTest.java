package kelvin.experiments.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kelvin.experiments.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The experiments page in headless Chromium: an invalid config is marked at its line with the
 * message of {@code kelvin validate}, and the quickstart config run from the page fills the chart
 * and writes the same result files, byte for byte, as {@code kelvin run}.
 */
class LabExperimentsBrowserTest {

    @RegisterExtension
    static final BrowserLab LAB = new BrowserLab();

    /** The example the starter is, relative to the module (the tests' working directory). */
    private static final Path QUICKSTART = Path.of("examples", "quickstart.yaml");
    /** The quickstart runs 1,500 runs of 1,000 steps; a slow, shared machine gets time. */
    private static final Duration RUN = Duration.ofMinutes(3);
    private static final Pattern PLACE = Pattern.compile(":(\\d+):\\d+: .*");

    @Test
    void anInvalidConfigIsMarkedAtItsLineWithTheMessageOfKelvinValidate(@TempDir Path tmp) throws Exception {
        LAB.open("/experiments");
        String starter = Files.readString(QUICKSTART);
        WebElement editor = LAB.waitFor(By.id("exp-config"));
        LAB.waitUntil("the starter is loaded", d -> starter.equals(editor.getAttribute("value")));
        validated("ok");
        LAB.assertClean();
        assertEquals("data:,", LAB.script("return document.querySelector('link[rel=icon]').getAttribute('href')"),
                "headless Chromium asks for no icon; a headed browser would ask for /favicon.ico (a 404) without this");

        String bad = starter.replace("arms: 10", "arms: -3");
        assertTrue(!bad.equals(starter), "the starter has arms: 10");
        edit(bad);
        String shown = validated("bad");
        Path file = Files.writeString(tmp.resolve("bad.yaml"), bad);
        Cli cli = Cli.run("validate", file.toString());
        assertEquals(2, cli.exit(), cli.out() + cli.err());
        Matcher want = PLACE.matcher(cli.err().strip());
        assertTrue(want.find(), cli.err());
        assertTrue(shown.endsWith(want.group()), "the page shows '" + shown + "', kelvin validate '" + cli.err() + "'");
        int line = Integer.parseInt(want.group(1));
        assertEquals(starter.lines().toList().indexOf("  arms: 10") + 1, line, "the line of arms");
        List<WebElement> marked = LAB.driver().findElements(By.cssSelector("#exp-gutter .error-line"));
        assertEquals(1, marked.size());
        assertEquals(String.valueOf(line), marked.get(0).getAttribute("data-line"));

        edit(starter);
        validated("ok");
        assertEquals(0, LAB.driver().findElements(By.cssSelector("#exp-gutter .error-line")).size());
        assertEquals(List.of(), LAB.consoleErrors(), "validation answers are not failed requests");
    }

    @Test
    void theQuickstartRunFromThePageWritesTheBytesOfKelvinRun(@TempDir Path tmp) throws Exception {
        LAB.open("/experiments");
        String starter = Files.readString(QUICKSTART);
        WebElement editor = LAB.waitFor(By.id("exp-config"));
        LAB.waitUntil("the starter is loaded", d -> starter.equals(editor.getAttribute("value")));
        validated("ok");
        // each time the chart is drawn again, note how many variants have their curve
        LAB.script("window.finishedSeen = []; new MutationObserver(() => {"
                + " const labels = [...document.querySelectorAll('#exp-chart .u-legend .u-series .u-label')]"
                + " .map((e) => e.textContent).filter((l) => !l.includes('95%')).slice(1);"
                + " if (labels.length > 0) window.finishedSeen.push(labels.filter((l) => !l.includes('not finished'))"
                + " .length); }).observe(document.getElementById('exp-chart'), { childList: true, subtree: true });");
        LAB.driver().findElement(By.id("exp-run")).click();
        LAB.waitForText(By.id("exp-progress-text"), "Running");
        new WebDriverWait(LAB.driver(), RUN).withMessage("the run is done")
                .until(d -> d.findElement(By.id("exp-progress-text")).getText().startsWith("Done"));
        LAB.waitForText(By.id("exp-result"), "results/quickstart");
        // every variant has its curve (and two hidden band series), none is "not finished"
        LAB.waitUntil("the chart has the three variants' curves", d -> legend().size() == 1 + 3 * 3);
        List<String> curves = legend().stream().filter(l -> !l.contains("95%")).toList();
        assertEquals(List.of("eps-0.1", "boltzmann-0.2", "annealed"), curves.subList(1, curves.size()),
                "the curves after the x series, none 'not finished'");
        @SuppressWarnings("unchecked")
        List<Number> seen = (List<Number>) LAB.script("return window.finishedSeen;");
        List<Integer> finished = seen.stream().map(Number::intValue).toList();
        assertEquals(0, finished.get(0), "the chart starts with the variants' names and no curve: " + seen);
        assertEquals(3, finished.get(finished.size() - 1), "and ends with every curve: " + seen);
        assertEquals(finished.stream().sorted().toList(), finished, "curves only come: " + seen);
        // each variant's curve comes in its own event, so the chart is drawn with one and with two of them
        assertTrue(finished.containsAll(List.of(1, 2)), "the curves fill in one by one: " + seen);
        LAB.waitFor(By.cssSelector("#exp-results tr[data-folder='results/quickstart']"));
        LAB.assertClean();

        Path out = tmp.resolve("cli");
        Cli cli = Cli.run("run", QUICKSTART.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, cli.exit(), cli.err());
        Path lab = LAB.dir().resolve("results").resolve("quickstart");
        for (String name : List.of("curves.csv", "summary.csv", "runs.csv")) {
            assertArrayEquals(Files.readAllBytes(out.resolve(name)), Files.readAllBytes(lab.resolve(name)), name);
        }

        LAB.resize(BrowserLab.PHONE, 844);
        // the chart takes its container's new width 150 ms after the window's resize event
        LAB.waitUntil("at phone width nothing sticks out sideways", d -> LAB.overflow() == 0);
        LAB.screenshots("experiments");
        assertEquals(List.of(), LAB.consoleErrors());
    }

    /** Replaces the config's text as typing does: the page validates 300 ms after the last input. */
    @Test
    void tabIndentsByTwoSpacesAndShiftTabLeavesTheEditor() {
        LAB.open("/experiments");
        WebElement editor = LAB.waitFor(By.id("exp-config"));
        edit("name: tab\nenv:\n");
        validated("bad");
        LAB.script("const e = arguments[0]; e.focus(); e.setSelectionRange(e.value.length, e.value.length);", editor);
        editor.sendKeys(Keys.TAB, "type: gaussian-bandit");
        assertEquals("name: tab\nenv:\n  type: gaussian-bandit", editor.getAttribute("value"), "YAML takes no tabs");
        editor.sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertTrue(!editor.equals(LAB.driver().switchTo().activeElement()), "Shift+Tab leaves the editor");
        editor.click();
        editor.sendKeys(Keys.ESCAPE, Keys.TAB);
        assertTrue(!editor.equals(LAB.driver().switchTo().activeElement()), "Escape then Tab leaves the editor");
        assertEquals("name: tab\nenv:\n  type: gaussian-bandit", editor.getAttribute("value"));
    }

    private static void edit(String text) {
        LAB.script("const e = document.getElementById('exp-config'); e.value = arguments[0];"
                + " e.dispatchEvent(new Event('input'));"
                + " document.getElementById('exp-validation').className = 'exp-validation mono';", text);
    }

    /** Waits for the validation's verdict (class "ok" or "bad") and gives its message. */
    private static String validated(String verdict) {
        return LAB.waitUntil("the config is validated " + verdict, d -> {
            WebElement v = d.findElement(By.id("exp-validation"));
            return v.getAttribute("class").contains(verdict) ? v.getText() : null;
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> legend() {
        return (List<String>) LAB.script("return [...document.querySelectorAll("
                + "'#exp-chart .u-legend .u-series .u-label')].map((e) => e.textContent);");
    }
}
