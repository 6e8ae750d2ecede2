package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, run headless from tests, and Debian's chromedriver for the tests that drive it
 * with Selenium: found on the PATH, or installed with apt-get only when asked. {@link Mode} says
 * what a test may do when they are missing; a user's {@code mvn -B verify} never installs anything,
 * CI asks for the install and for a failure rather than a skip.
 */
public final class HeadlessChromium {

    /** The system property (e.g. {@code mvn -B verify -Dkelvin.browser=install}) that sets the mode. */
    static final String PROPERTY = "kelvin.browser";
    /** The environment variable that sets the mode when the property is not given ({@code .ci/run}). */
    static final String VARIABLE = "KELVIN_BROWSER";

    private final Path executable;
    private final Path profile;

    private HeadlessChromium(Path executable, Path profile) {
        this.executable = executable;
        this.profile = profile;
    }

    /** A program the browser tests need: the names it goes by on the PATH, the Debian package that brings it. */
    public enum Program {
        /** The browser. */
        BROWSER("chromium", List.of("chromium", "chromium-browser", "google-chrome")),
        /** The WebDriver server Selenium talks to; Debian's matches Debian's chromium version. */
        DRIVER("chromium-driver", List.of("chromedriver"));

        private final String debianPackage;
        private final List<String> names;

        Program(String debianPackage, List<String> names) {
            this.debianPackage = debianPackage;
            this.names = names;
        }
    }

    /** The browser and its driver, both found, for Selenium. */
    public record Programs(Path browser, Path driver) {
    }

    /** What a browser test does when Chromium is not on the PATH. */
    public enum Mode {
        /** Skip (the default): nothing is installed on a user's machine unless asked. */
        FIND,
        /** Install Debian's package with apt-get (as root), else skip. */
        INSTALL,
        /** Install it like {@link #INSTALL}, and fail rather than skip when that is not possible (CI). */
        REQUIRE;

        /**
         * The mode a property or environment value names; blank is {@link #FIND}.
         *
         * @throws IllegalArgumentException for any other value, naming the allowed ones
         */
        static Mode of(String value) {
            String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "", "find", "skip" -> FIND;
                case "install" -> INSTALL;
                case "require" -> REQUIRE;
                default -> throw new IllegalArgumentException(PROPERTY + " / " + VARIABLE + " is '" + value
                        + "'; expected install, require or nothing");
            };
        }

        /**
         * From {@link #PROPERTY}, else {@link #VARIABLE}, else {@link #FIND}.
         *
         * @return the mode
         */
        public static Mode current() {
            String property = System.getProperty(PROPERTY);
            return of(property != null && !property.isBlank() ? property : System.getenv(VARIABLE));
        }
    }

    /**
     * The browser for a test: found, or installed as {@code mode} allows. When there is none, the
     * test fails under {@link Mode#REQUIRE}; otherwise the result is empty and {@code tried} says
     * what was tried, for the skip message.
     *
     * @param mode whether installing is allowed and whether a missing browser fails the test
     * @param searchPath the folders to look in, as in PATH
     * @param profile a fresh directory for the browser's profile
     * @param tried filled with what was tried
     * @return the browser, or empty when the test is to be skipped
     */
    static Optional<HeadlessChromium> open(Mode mode, String searchPath, Path profile, List<String> tried)
            throws InterruptedException {
        Optional<HeadlessChromium> browser = find(mode, searchPath, profile, tried);
        if (browser.isEmpty() && mode == Mode.REQUIRE) {
            fail(VARIABLE + "=require, but " + missing(tried));
        }
        return browser;
    }

    /**
     * The one line a skipped test gives.
     *
     * @param tried what was tried
     * @return the line
     */
    public static String missing(List<String> tried) {
        return "headless Chromium or its driver is not installed and could not be installed ("
                + String.join("; ", tried) + ")";
    }

    /**
     * Finds Chromium on {@code searchPath}, installing Debian's package when it is missing, the mode
     * allows it and apt-get can run.
     *
     * @param mode whether installing is allowed
     * @param searchPath the folders to look in, as in PATH
     * @param profile a fresh directory for the browser's profile
     * @param tried filled with what was tried, for the skip or failure message
     * @return the browser, or empty when it is not there and could not be installed
     */
    static Optional<HeadlessChromium> find(Mode mode, String searchPath, Path profile, List<String> tried)
            throws InterruptedException {
        return locate(mode, searchPath, EnumSet.of(Program.BROWSER), tried)
                .map(found -> new HeadlessChromium(found.get(Program.BROWSER), profile));
    }

    /**
     * Chromium and chromedriver for a Selenium test: found, or installed as {@code mode} allows.
     * When either is missing the test fails under {@link Mode#REQUIRE}; otherwise the result is
     * empty and {@code tried} says what was tried, for the skip message.
     *
     * @param mode whether installing is allowed and whether a missing program fails the test
     * @param searchPath the folders to look in, as in PATH
     * @param tried filled with what was tried
     * @return both programs, or empty when the test is to be skipped
     * @throws InterruptedException when interrupted while installing
     */
    public static Optional<Programs> forSelenium(Mode mode, String searchPath, List<String> tried)
            throws InterruptedException {
        Optional<Programs> programs = locate(mode, searchPath, EnumSet.allOf(Program.class), tried)
                .map(found -> new Programs(found.get(Program.BROWSER), found.get(Program.DRIVER)));
        if (programs.isEmpty() && mode == Mode.REQUIRE) {
            fail(VARIABLE + "=require, but " + missing(tried));
        }
        return programs;
    }

    /**
     * Finds {@code needed} on {@code searchPath}, installing the Debian packages of the missing ones
     * when the mode allows it and apt-get can run.
     */
    private static Optional<Map<Program, Path>> locate(Mode mode, String searchPath, Set<Program> needed,
            List<String> tried) throws InterruptedException {
        Map<Program, Path> found = new EnumMap<>(Program.class);
        List<String> packages = new ArrayList<>();
        for (Program program : needed) {
            Optional<Path> p = onPath(program.names, searchPath);
            if (p.isPresent()) {
                found.put(program, p.get());
            } else {
                tried.add("looked for " + String.join(", ", program.names) + " on the PATH");
                packages.add(program.debianPackage);
            }
        }
        if (packages.isEmpty()) {
            return Optional.of(found);
        }
        if (mode == Mode.FIND) {
            tried.add("installing " + String.join(" and ", packages) + " needs " + VARIABLE + "=install or -D"
                    + PROPERTY + "=install");
        } else if (onPath("apt-get", searchPath).isEmpty()) {
            tried.add("no apt-get on this machine");
        } else if (!"root".equals(System.getProperty("user.name"))) {
            tried.add("apt-get needs root; the tests run as " + System.getProperty("user.name"));
        } else {
            List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "-qq"));
            install.addAll(packages);
            // the package lists of a fresh machine may be missing or stale: update once if the first try fails
            if (run(tried, install.toArray(new String[0])) != 0) {
                run(tried, "apt-get", "update", "-qq");
                run(tried, install.toArray(new String[0]));
            }
            for (Program program : needed) {
                onPath(program.names, searchPath).ifPresent(p -> found.put(program, p));
            }
        }
        return found.keySet().containsAll(needed) ? Optional.of(found) : Optional.empty();
    }

    private static int run(List<String> tried, String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                tried.add(String.join(" ", command) + ": timed out");
                return -1;
            }
            tried.add(String.join(" ", command) + ": exit " + p.exitValue());
            return p.exitValue();
        } catch (IOException e) {
            tried.add(String.join(" ", command) + ": " + e.getMessage());
            return -1;
        }
    }

    private static Optional<Path> onPath(List<String> names, String searchPath) {
        for (String name : names) {
            Optional<Path> p = onPath(name, searchPath);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> onPath(String name, String searchPath) {
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** What a headless run printed. */
    record Output(String stdout, String stderr) {
    }

    /**
     * Loads a page with the network switched off and the given extra switches, e.g.
     * {@code --dump-dom} or {@code --screenshot=FILE}.
     */
    Output load(Path page, String... switches) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile,
                // offline: any request that is not a file or data URL fails, and so shows up as an error
                "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000"));
        command.addAll(List.of(switches));
        command.add(page.toUri().toString());
        Path out = Files.createTempFile(profile.getParent(), "chromium", ".out");
        Path err = Files.createTempFile(profile.getParent(), "chromium", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("headless Chromium did not finish within 2 minutes: " + command);
        }
        return new Output(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
