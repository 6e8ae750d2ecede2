package kelvin.experiments.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import kelvin.experiments.cli.HeadlessChromium;
import kelvin.experiments.results.Mappers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A lab with every page of {@link LabPages#all} on a temporary folder, and headless Chromium
 * driven by Selenium through Debian's chromedriver, logged in with the token: what the lab's
 * browser tests use. Register it once per test class, so that the class shares one browser:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final BrowserLab LAB = new BrowserLab();
 * </pre>
 *
 * <p>Without Chromium or chromedriver each test is skipped, unless {@code KELVIN_BROWSER=require}
 * (as {@code .ci/run} sets) makes it fail; see {@link HeadlessChromium.Mode}. The browser and the
 * driver are named explicitly, so Selenium Manager never downloads either. Any request to another
 * host goes to a proxy that does not exist, so none leaves the machine, and each is recorded:
 * {@link #assertClean} fails on it and on any console error. Screenshots land in
 * {@code target/lab-screenshots/} of the module.
 */
public final class BrowserLab implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    /** The desktop window: width and height in CSS pixels. */
    public static final int WIDE = 1280;
    private static final int WIDE_HEIGHT = 800;
    /** The phone-width window: width and height in CSS pixels. */
    public static final int PHONE = 390;
    private static final int PHONE_HEIGHT = 844;
    /** A full-page screenshot is cut at this height, in CSS pixels. */
    private static final int LONGEST = 4000;
    /** Where screenshots land, relative to the module (the tests' working directory). */
    public static final Path SCREENSHOTS = Path.of("target", "lab-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);
    /**
     * Selenium warns that it has no DevTools bindings for Debian's Chromium version; none are used
     * (the performance log and CDP commands go through chromedriver, whatever the version). Held
     * here so that the setting is not collected with the logger.
     */
    private static final Logger CDP_VERSION = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION.setLevel(Level.OFF);
    }

    private final List<String> tried = new ArrayList<>();
    private final List<String> console = new ArrayList<>();
    private final List<String> requests = new ArrayList<>();
    private Path tmp;
    private Path dir;
    private LabClient client;
    private ChromeDriver driver;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        HeadlessChromium.Programs programs = HeadlessChromium.forSelenium(HeadlessChromium.Mode.current(),
                System.getenv().getOrDefault("PATH", ""), tried).orElse(null);
        if (programs == null) {
            // surefire counts skipped tests but does not show why: say it once, on the build's output
            System.err.println(context.getDisplayName() + " skipped: " + HeadlessChromium.missing(tried));
            return;
        }
        tmp = Files.createTempDirectory("kelvin-browser-lab");
        dir = Files.createDirectories(tmp.resolve("lab"));
        client = new LabClient(dir, LabPages::all);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(programs.browser().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--hide-scrollbars", "--window-size=" + WIDE + "," + WIDE_HEIGHT,
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")),
                // loopback is never proxied; every other request fails here, after the log has recorded it
                "--proxy-server=127.0.0.1:9");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL", "performance", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(programs.driver().toFile()).usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(WAIT);
        viewport(WIDE, WIDE_HEIGHT);
        logIn();
    }

    /** Each test, not the class, is skipped, so that the build's summary counts them. */
    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeTrue(driver != null, () -> "skipped: " + HeadlessChromium.missing(tried));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (client != null) {
            client.close();
        }
        if (tmp != null) {
            try (Stream<Path> all = Files.walk(tmp)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * The lab's client, for API calls beside the browser.
     *
     * @return the client
     */
    public LabClient client() {
        return client;
    }

    /**
     * The lab's folder (DIR).
     *
     * @return the folder
     */
    public Path dir() {
        return dir;
    }

    /**
     * The browser.
     *
     * @return the driver
     */
    public WebDriver driver() {
        return driver;
    }

    /** Opens the address with the token, as a user does, which sets the cookie. */
    public void logIn() {
        driver.get(client.tokenUrl());
        waitUntil("the first visit redirects to the home page", d -> d.getCurrentUrl().equals(client.base() + "/"));
    }

    /** Forgets the cookie: the browser is then a stranger to the lab until {@link #logIn}. */
    public void logOut() {
        driver.manage().deleteAllCookies();
    }

    /**
     * Opens a page of the lab and waits until it has loaded; the console errors and requests
     * recorded start afresh.
     *
     * @param path the path, e.g. {@code /softmax}
     */
    public void open(String path) {
        drainLogs();
        console.clear();
        requests.clear();
        driver.get(client.base() + path);
        waitUntil("the page loads", d -> "complete".equals(script("return document.readyState")));
    }

    /**
     * Runs a script in the page.
     *
     * @param script the script's body; {@code return} gives its value
     * @param args its {@code arguments}
     * @return what it returned
     */
    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Waits until an element is visible.
     *
     * @param by how to find it, e.g. {@code By.id("temperature")}
     * @return the element
     */
    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).withMessage(() -> by + " is visible")
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Waits until an element's text contains {@code text}.
     *
     * @param by how to find it
     * @param text what it must contain
     * @return the element
     */
    public WebElement waitForText(By by, String text) {
        new WebDriverWait(driver, WAIT).withMessage(() -> by + " shows '" + text + "'")
                .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    /**
     * Waits until {@code condition} gives a value other than null or false.
     *
     * @param <T> the value's type
     * @param what what is awaited, for the failure message
     * @param condition the condition
     * @return its value
     */
    public <T> T waitUntil(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).withMessage(() -> what + "; the page: " + driver.getCurrentUrl())
                .until(condition::apply);
    }

    /**
     * The console errors (SEVERE entries: uncaught exceptions, console.error, failed loads) since
     * the page was opened.
     *
     * @return one line each
     */
    public List<String> consoleErrors() {
        drainLogs();
        return List.copyOf(console);
    }

    /**
     * Every request the page made since it was opened: the page, its scripts, styles, images, API
     * calls and event streams.
     *
     * @return their URLs, in order
     */
    public List<String> requests() {
        drainLogs();
        return List.copyOf(requests);
    }

    /**
     * The requests that named another place than this lab (data and blob URLs stay in the page).
     *
     * @return their URLs
     */
    public List<String> externalRequests() {
        return requests().stream()
                .filter(u -> !u.startsWith(client.base() + "/") && !u.startsWith("data:") && !u.startsWith("blob:"))
                .toList();
    }

    /** Fails when the page logged a console error or made a request that would leave the machine. */
    public void assertClean() {
        List<String> external = externalRequests();
        assertTrue(!requests.isEmpty(), "the performance log recorded the page's requests");
        assertEquals(List.of(), external, "requests that leave 127.0.0.1 (all of them: " + requests + ")");
        assertEquals(List.of(), consoleErrors(), "console errors of " + driver.getCurrentUrl());
    }

    /**
     * Screenshots of the open page at 1280 px and at phone width (390 px), each of the whole page
     * (up to 4000 px high), into {@code target/lab-screenshots/NAME-1280.png} and
     * {@code NAME-390.png}; the window is 1280x800 again afterwards.
     *
     * @param name the page's name in the files' names
     * @return the two files
     * @throws IOException when a file cannot be written
     */
    public List<Path> screenshots(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        List<Path> shots = new ArrayList<>();
        try {
            shots.add(screenshot(name, WIDE, WIDE_HEIGHT));
            shots.add(screenshot(name, PHONE, PHONE_HEIGHT));
        } finally {
            viewport(WIDE, WIDE_HEIGHT);
        }
        return shots;
    }

    private Path screenshot(String name, int width, int height) throws IOException {
        viewport(width, height);
        // let the page lay itself out again (charts follow their container's width) before the picture
        ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 150)));");
        long full = ((Number) script("return Math.max(document.documentElement.scrollHeight,"
                + " document.body ? document.body.scrollHeight : 0)")).longValue();
        long tall = Math.min(Math.max(full, height), LONGEST);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", tall, "scale", 1)));
        Path file = SCREENSHOTS.resolve(name + "-" + width + ".png");
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        return file;
    }

    /**
     * Gives the page a window of {@code width} x {@code height} CSS pixels, as a phone when narrower
     * than 600 px; {@link #screenshots} and {@link #logIn} leave it at 1280x800.
     *
     * @param width the width
     * @param height the height
     */
    public void resize(int width, int height) {
        viewport(width, height);
    }

    /**
     * How many CSS pixels the page is wider than its window (0 when nothing sticks out sideways).
     *
     * @return the overflow
     */
    public int overflow() {
        return ((Number) script("return Math.max(0, document.documentElement.scrollWidth"
                + " - document.documentElement.clientWidth)")).intValue();
    }

    private void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** Moves what the browser logged since the last call into {@link #console} and {@link #requests}. */
    private void drainLogs() {
        for (LogEntry e : driver.manage().logs().get("browser")) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                console.add(e.getMessage());
            }
        }
        for (LogEntry e : driver.manage().logs().get("performance")) {
            try {
                JsonNode message = Mappers.JSON.readTree(e.getMessage()).path("message");
                if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                    requests.add(message.path("params").path("request").path("url").asText());
                }
            } catch (IOException notJson) {
                throw new AssertionError("chromedriver's performance log is not JSON: " + e.getMessage(), notJson);
            }
        }
    }
}
