package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens generated reports in headless Chromium, offline, as a reader would: every image must load,
 * nothing may be fetched from the network, the page must log no error, and a screenshot must show
 * a rendered page. The screenshots are kept under {@code target/browser/} to look at.
 */
class ReportInBrowserTest {

    /** Put into a copy of the page: records errors and, once loaded, writes what it found into the DOM. */
    private static final String PROBE = """
            <script>
            (function () {
              var errors = [];
              window.addEventListener('error', function (e) {
                var t = e.target;
                errors.push(t && t !== window ? 'failed to load ' + (t.currentSrc || t.src || t.href || t.tagName)
                    : 'error: ' + e.message);
              }, true);
              window.addEventListener('unhandledrejection', function (e) { errors.push('unhandled rejection: ' + e.reason); });
              var original = console.error;
              console.error = function () {
                errors.push('console.error: ' + Array.prototype.join.call(arguments, ' '));
                original.apply(console, arguments);
              };
              window.addEventListener('load', function () {
                var broken = [];
                for (var i = 0; i < document.images.length; i++) {
                  var im = document.images[i];
                  if (!im.complete || im.naturalWidth === 0) { broken.push(im.getAttribute('alt') || im.src.slice(0, 80)); }
                }
                var external = performance.getEntriesByType('resource').map(function (r) { return r.name; })
                    .filter(function (n) { return !/^(data|file|blob):/.test(n); });
                var pre = document.createElement('pre');
                pre.id = 'kelvin-verdict';
                pre.textContent = JSON.stringify({images: document.images.length, broken: broken, errors: errors,
                    external: external});
                document.body.appendChild(pre);
              });
            })();
            </script>
            """;

    private static final Pattern VERDICT = Pattern.compile("<pre id=\"kelvin-verdict\">(.*?)</pre>", Pattern.DOTALL);

    private static HeadlessChromium browser;

    @TempDir
    static Path tmp;

    private static final List<String> TRIED = new ArrayList<>();

    @BeforeAll
    static void findBrowser() throws Exception {
        browser = HeadlessChromium.open(HeadlessChromium.Mode.current(), System.getenv().getOrDefault("PATH", ""),
                Files.createDirectories(tmp.resolve("profile")), TRIED).orElse(null);
        if (browser == null) {
            // surefire counts skipped tests but does not show why: say it once, on the build's output
            System.err.println(ReportInBrowserTest.class.getSimpleName() + " skipped: "
                    + HeadlessChromium.missing(TRIED));
        }
    }

    /** Each test, not the class, is skipped, so that the build's summary counts them. */
    @BeforeEach
    void skipWithoutABrowser() {
        Assumptions.assumeTrue(browser != null, () -> "skipped: " + HeadlessChromium.missing(TRIED));
    }

    /** What the probe found, plus console errors Chromium logged on stderr. */
    record Verdict(int images, List<String> problems) {
    }

    private static Verdict check(Path page) throws Exception {
        String html = Files.readString(page);
        Path probed = page.resolveSibling("probed-" + page.getFileName());
        int head = html.indexOf("<head>");
        assertTrue(head >= 0, "the page has a head");
        Files.writeString(probed, html.substring(0, head + 6) + PROBE + html.substring(head + 6));
        HeadlessChromium.Output out = browser.load(probed, "--dump-dom");
        Matcher m = VERDICT.matcher(out.stdout());
        assertTrue(m.find(), "the page loaded and the probe ran; Chromium said: " + out.stderr());
        String json = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        JsonNode v = new ObjectMapper().readTree(json);
        List<String> problems = new ArrayList<>();
        v.get("broken").forEach(b -> problems.add("image did not load: " + b.asText()));
        v.get("errors").forEach(e -> problems.add(e.asText()));
        v.get("external").forEach(e -> problems.add("fetched from the network: " + e.asText()));
        for (String line : out.stderr().split("\n")) {
            if (line.contains(":CONSOLE(") || line.contains("Uncaught")) {
                problems.add("console: " + line.strip());
            }
        }
        return new Verdict(v.get("images").asInt(), problems);
    }

    private static BufferedImage screenshot(Path page, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "browser"));
        Path shot = tmp.resolve(name + ".png");
        browser.load(page, "--screenshot=" + shot, "--window-size=1400,2600");
        assertTrue(Files.size(shot) > 0, "Chromium wrote a screenshot");
        Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        return ImageIO.read(shot.toFile());
    }

    private static Path report(String name, String config, String... extra) {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("run", config, "--out", out.toString(), "--quiet"));
        args.addAll(List.of(extra));
        Cli r = Cli.run(args.toArray(new String[0]));
        assertEquals(0, r.exit(), r.err());
        return out.resolve("report.html");
    }

    private static void assertRendersCleanly(Path page, String name, int minImages) throws Exception {
        Verdict v = check(page);
        assertEquals(List.of(), v.problems(), name + ": the page has no broken image, error or network request");
        assertTrue(v.images() >= minImages, name + ": " + v.images() + " images");
        BufferedImage shot = screenshot(page, name);
        Set<Integer> colours = new HashSet<>();
        int ink = 0;
        for (int y = 0; y < shot.getHeight(); y += 2) {
            for (int x = 0; x < shot.getWidth(); x += 2) {
                int rgb = shot.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        assertTrue(colours.size() > 200, name + ": the screenshot shows text and charts, colours: " + colours.size());
        assertTrue(ink > shot.getWidth() * shot.getHeight() / 4 / 20, name + ": at least 5% of the page is drawn on");
    }

    @Test
    void aBanditReportOpensOfflineWithEveryImageAndNoErrors() throws Exception {
        assertRendersCleanly(report("bandit", CliTest.QUICKSTART, "--runs", "20"), "quickstart-report", 6);
    }

    @Test
    void aGridworldReportWithMapsOpensOfflineWithEveryImageAndNoErrors() throws Exception {
        assertRendersCleanly(report("grid", "examples/sutton-barto-figure-6-4-cliff-walking.yaml", "--runs", "4"),
                "cliff-walking-report", 8);
    }

    @Test
    void theCheckFindsABrokenImageAndAScriptError() throws Exception {
        Path page = tmp.resolve("broken.html");
        Files.writeString(page, "<!doctype html><html><head><title>broken</title></head><body><h1>Broken</h1>"
                + "<img alt=\"missing chart\" src=\"plots/missing.png\">"
                + "<script>undefinedFunction();</script></body></html>");
        Verdict v = check(page);
        assertEquals(1, v.images());
        assertTrue(v.problems().stream().anyMatch(p -> p.contains("image did not load: missing chart")), v.problems().toString());
        assertTrue(v.problems().stream().anyMatch(p -> p.contains("undefinedFunction")), v.problems().toString());
    }
}
