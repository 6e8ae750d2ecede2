package kelvin.experiments.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, run headless from tests: found on the PATH, or installed with apt-get when
 * the tests run as root on a machine that has it (as CI does on a fresh machine).
 */
final class HeadlessChromium {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    private final Path executable;
    private final Path profile;

    private HeadlessChromium(Path executable, Path profile) {
        this.executable = executable;
        this.profile = profile;
    }

    /**
     * Finds Chromium, installing Debian's package if it is missing and apt-get can run.
     *
     * @param profile a fresh directory for the browser's profile
     * @param tried filled with what was tried, for the skip message
     * @return the browser, or empty when it is not there and cannot be installed
     */
    static Optional<HeadlessChromium> findOrInstall(Path profile, List<String> tried) throws InterruptedException {
        Optional<Path> found = onPath();
        if (found.isEmpty()) {
            tried.add("looked for " + String.join(", ", NAMES) + " on the PATH");
            if (onPath("apt-get").isEmpty()) {
                tried.add("no apt-get on this machine");
            } else if (!"root".equals(System.getProperty("user.name"))) {
                tried.add("apt-get needs root; the tests run as " + System.getProperty("user.name"));
            } else {
                // the package lists of a fresh machine may be missing or stale: update once if the first try fails
                if (run(tried, "apt-get", "install", "-y", "-qq", "chromium") != 0) {
                    run(tried, "apt-get", "update", "-qq");
                    run(tried, "apt-get", "install", "-y", "-qq", "chromium");
                }
                found = onPath();
            }
        }
        return found.map(p -> new HeadlessChromium(p, profile));
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

    private static Optional<Path> onPath() {
        for (String name : NAMES) {
            Optional<Path> p = onPath(name);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
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
