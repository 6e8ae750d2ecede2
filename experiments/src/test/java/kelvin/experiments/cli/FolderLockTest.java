package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kelvin.experiments.ExperimentSession;
import kelvin.experiments.SessionOptions;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.Registry;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.FolderLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer per results folder: a second run, resume, force or plot on a folder another process
 * holds is refused with one line naming that process, exit 2, and writes nothing; the lock dies with
 * its process.
 */
class FolderLockTest {
    private static final String BUSY = "error: %s is being written by process %d \\(since [0-9]{2}:[0-9]{2}:[0-9]{2}\\); "
            + "wait for it or use --out\\n";

    @TempDir
    Path tmp;

    private static List<String> java(Class<?> main) {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        return command;
    }

    private static Cli run(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", CliTest.QUICKSTART, "--runs", "10", "--set", "steps=50",
                "--out", out.toString(), "--quiet", "--threads", "1"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(new String[0]));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void aFolderHeldByAnotherProcessIsRefusedForEveryCommandAndFreedWhenItDies() throws Exception {
        Path out = tmp.resolve("held");
        assertEquals(0, run(out).exit());
        List<String> before = names(out);
        byte[] curves = Files.readAllBytes(out.resolve("curves.csv"));

        List<String> command = java(LockHolder.class);
        command.add(out.toString());
        Process holder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("locked", said.readLine(), "the second process holds the lock");
            String expected = String.format(BUSY, Pattern.quote(out.toString()), holder.pid());
            for (String[] extra : new String[][] {{}, {"--resume"}, {"--force"}, {"--seed", "8", "--force"}}) {
                Cli r = run(out, extra);
                assertEquals(2, r.exit(), String.join(" ", extra) + ": " + r.err());
                assertTrue(r.err().matches(expected), "one line naming the holder: " + r.err());
                assertEquals("", r.out());
            }
            Cli plot = Cli.run("plot", out.toString(), "--quiet");
            assertEquals(2, plot.exit(), plot.err());
            assertTrue(plot.err().matches(expected), plot.err());
            assertEquals(before, names(out), "nothing written or deleted while another process holds the folder");
            assertArrayEquals(curves, Files.readAllBytes(out.resolve("curves.csv")));
        } finally {
            holder.destroyForcibly().waitFor();
        }
        // SIGKILL leaves the lock file but not the lock.
        assertTrue(Files.exists(out.resolve(FolderLock.NAME)));
        Cli again = run(out, "--seed", "8", "--force");
        assertEquals(0, again.exit(), again.err());
        assertEquals(0, Cli.run("plot", out.toString(), "--quiet").exit());
    }

    @Test
    void twoRunsWithDifferentConfigsOnOneNewFolderLeaveTheFirstOnesResultsWhole() throws Exception {
        Path reference = tmp.resolve("reference");
        List<String> args = List.of("run", "examples/temperature-sweep.yaml", "--set", "runs=150", "--set",
                "steps=2000", "--seed", "7", "--quiet", "--no-plots", "--threads", "1");
        List<String> ref = new ArrayList<>(args);
        ref.addAll(List.of("--out", reference.toString()));
        assertEquals(0, Cli.run(ref.toArray(new String[0])).exit());

        Path out = tmp.resolve("shared");
        List<String> command = java(Main.class);
        command.addAll(args);
        command.addAll(List.of("--out", out.toString()));
        Process first = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Path lock = out.resolve(FolderLock.NAME);
            // The holder writes its note into the lock file once it holds the lock.
            while (first.isAlive() && !(Files.exists(lock) && Files.size(lock) > 0)) {
                Thread.sleep(5);
            }
            assertTrue(first.isAlive(), "the first run still runs when the second starts");
            Cli second = Cli.run("run", "examples/temperature-sweep.yaml", "--set", "runs=150", "--set",
                    "steps=2000", "--seed", "8", "--quiet", "--no-plots", "--threads", "1", "--out", out.toString());
            assertEquals(2, second.exit(), second.err());
            assertTrue(second.err().matches(String.format(BUSY, Pattern.quote(out.toString()),
                    first.pid())), second.err());
            assertTrue(first.waitFor(120, TimeUnit.SECONDS), "the first run finishes");
            assertEquals(0, first.exitValue());
        } finally {
            first.destroyForcibly().waitFor();
        }
        for (String f : new String[] {"config.yaml", "curves.csv", "summary.csv", "runs.csv"}) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
        assertEquals(0, Cli.run("plot", out.toString(), "--quiet").exit(), "the folder is one complete run");
    }

    @Test
    void aForceRunKilledMidWayNeverLeavesTheOldCurvesUnderTheNewConfig() throws Exception {
        Path out = tmp.resolve("forced");
        List<String> args = new ArrayList<>(List.of("run", "examples/temperature-sweep.yaml", "--set", "runs=300",
                "--set", "steps=3000", "--quiet", "--no-plots", "--threads", "1", "--out", out.toString()));
        List<String> old = new ArrayList<>(args);
        old.addAll(List.of("--seed", "7"));
        assertEquals(0, Cli.run(old.toArray(new String[0])).exit());
        byte[] oldCurves = Files.readAllBytes(out.resolve("curves.csv"));

        List<String> command = java(Main.class);
        command.addAll(args);
        command.addAll(List.of("--seed", "8", "--force"));
        Process forced = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Path config = out.resolve("config.yaml");
            while (forced.isAlive() && !(Files.exists(config) && Files.readString(config).contains("seed: 8"))) {
                Thread.sleep(2);
            }
            assertTrue(forced.isAlive(), "killed while it computes the new run");
        } finally {
            forced.destroyForcibly().waitFor();
        }
        assertFalse(Files.exists(out.resolve("curves.csv")) && Arrays.equals(oldCurves,
                Files.readAllBytes(out.resolve("curves.csv"))), "the old run's curves are gone");
        assertFalse(Files.exists(out.resolve("manifest.json")), "the new run's manifest is not written yet");
        Cli plot = Cli.run("plot", out.toString());
        assertEquals(2, plot.exit(), plot.err());
        assertTrue(plot.err().contains("manifest.json: missing or unreadable"), plot.err());
        assertEquals(1, plot.err().lines().count(), plot.err());
    }

    @Test
    void theLibraryPathTakesTheLockToo() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("library"));
        Experiment e = Experiment.load(Path.of(CliTest.QUICKSTART),
                List.of("runs=5", "steps=20"), Registry.builtIns());
        SessionOptions options = SessionOptions.inMemory().withThreads(1)
                .writingTo(dir, false);
        try (FolderLock held = FolderLock.acquire(dir)) {
            ConfigException refused = assertThrows(ConfigException.class,
                    () -> ExperimentSession.of(e).run(options));
            assertTrue(refused.getMessage().contains("is being written by process"), refused.getMessage());
            assertFalse(Files.exists(dir.resolve("config.yaml")), "nothing written");
        }
        ExperimentSession.of(e).run(options);
        assertTrue(Files.exists(dir.resolve("manifest.json")));
    }

    @Test
    void aSecondSessionOfTheSameProcessIsRefusedAndTheFirstKeepsItsLock() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("same"));
        try (FolderLock first = FolderLock.acquire(dir)) {
            ConfigException e = assertThrows(ConfigException.class, () -> FolderLock.acquire(dir));
            assertTrue(e.getMessage().startsWith(dir + " is being written by process "
                    + ProcessHandle.current().pid() + " (since "), e.getMessage());
            // The refusal must not have dropped the first session's lock: another process still cannot take it.
            List<String> command = java(LockHolder.class);
            command.add(dir.toString());
            Process other = new ProcessBuilder(command).redirectErrorStream(true).start();
            other.getOutputStream().close();
            assertTrue(other.waitFor(60, TimeUnit.SECONDS));
            String said = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(said.contains("locked"), "the other process was refused: " + said);
            assertTrue(said.contains("is being written by process " + ProcessHandle.current().pid()), said);
        }
        try (FolderLock again = FolderLock.acquire(dir)) {
            assertTrue(Files.exists(dir.resolve(FolderLock.NAME)), "released and taken again");
        }
    }
}
