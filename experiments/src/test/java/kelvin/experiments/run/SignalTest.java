package kelvin.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kelvin.experiments.cli.Cli;
import kelvin.experiments.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM and Ctrl-C (SIGINT) stop a real {@code kelvin run} process within a couple of seconds,
 * with one line saying so; the cells finished before stay, no file is half-written, and
 * {@code --resume} then gives the bytes of an uninterrupted run.
 */
class SignalTest {
    private static final String CONFIG = "examples/temperature-sweep.yaml";
    /** Six cells of about a second each on two threads: time enough to be stopped in the middle. */
    private static final List<String> OVERRIDES = List.of("runs=1200", "steps=5000");
    /** Far more than the two seconds the process gives itself, for a loaded machine. */
    private static final long PROMPT_MILLIS = 5000;

    @TempDir
    Path tmp;

    private static List<String> args(Path out, boolean resume) {
        List<String> a = new ArrayList<>(List.of("run", CONFIG, "--quiet", "--no-plots", "--threads", "2",
                "--out", out.toString()));
        for (String o : OVERRIDES) {
            a.addAll(List.of("--set", o));
        }
        if (resume) {
            a.add("--resume");
        }
        return a;
    }

    private Process start(Path out, boolean resume, Path stderr) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args(out, resume));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile()).start();
    }

    private static long cells(Path out) throws IOException {
        Path dir = out.resolve("cells");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".cell")).count();
        }
    }

    private static List<String> temporaryFiles(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    /** Starts a run, waits for a finished cell, sends the signal and times the exit. */
    private void interrupt(Path out, boolean resume, String signal) throws Exception {
        long before = cells(out);
        Path stderr = tmp.resolve(signal + ".err");
        Process p = start(out, resume, stderr);
        while (cells(out) <= before) {
            assertTrue(p.isAlive(), "the run ended before a cell was saved: " + Files.readString(stderr));
            Thread.sleep(5);
        }
        long saved = cells(out);
        long sent = System.nanoTime();
        if (signal.equals("TERM")) {
            p.destroy();
        } else {
            assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());
        }
        assertTrue(p.waitFor(PROMPT_MILLIS, TimeUnit.MILLISECONDS), "SIG" + signal + " ends the process promptly");
        long millis = (System.nanoTime() - sent) / 1_000_000;
        assertTrue(millis < PROMPT_MILLIS, "exited " + millis + " ms after SIG" + signal);
        assertNotEquals(0, p.exitValue(), "an interrupted run does not report success");
        String err = Files.readString(stderr).strip();
        assertTrue(err.startsWith("error: interrupted; the variants that finished are saved"), err);
        Cli.assertNoInternals(args(out, resume).toArray(new String[0]), err);
        assertTrue(cells(out) >= saved, "the cells saved before the signal stay");
        for (String f : List.of("curves.csv", "summary.csv", "runs.csv", "manifest.json")) {
            assertTrue(!Files.exists(out.resolve(f)), f + " is not written by a stopped run");
        }
    }

    @Test
    void sigtermAndSigintStopARunPromptlyAndResumeGivesTheSameBytes() throws Exception {
        Path reference = tmp.resolve("reference");
        assertEquals(0, Cli.run(args(reference, false).toArray(new String[0])).exit());

        Path out = tmp.resolve("stopped");
        interrupt(out, false, "TERM");
        interrupt(out, true, "INT");
        Cli resumed = Cli.run(args(out, true).toArray(new String[0]));
        assertEquals(0, resumed.exit(), resumed.err());
        for (String f : List.of("curves.csv", "summary.csv", "runs.csv", "config.yaml")) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
        assertEquals(List.of(), temporaryFiles(out), "no temporary file is left after the resume");
    }
}
