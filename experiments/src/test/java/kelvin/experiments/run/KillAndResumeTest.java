package kelvin.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kelvin.experiments.cli.Cli;
import kelvin.experiments.cli.Main;
import kelvin.experiments.config.ExperimentLoader;
import kelvin.experiments.config.Registry;
import kelvin.experiments.results.CellStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep killed with SIGKILL (a real process, destroyForcibly) at several points and resumed each
 * time ends byte-identical to an uninterrupted run, and a killed run never leaves a half-written
 * result file.
 */
class KillAndResumeTest {
    private static final String CONFIG = "examples/temperature-sweep.yaml";
    private static final List<String> OVERRIDES = List.of("runs=700", "steps=3000");

    @TempDir
    Path tmp;

    private static String[] args(Path out, int threads, boolean resume) {
        List<String> a = new ArrayList<>(List.of("run", CONFIG, "--quiet", "--no-plots"));
        for (String o : OVERRIDES) {
            a.addAll(List.of("--set", o));
        }
        a.addAll(List.of("--out", out.toString(), "--threads", Integer.toString(threads)));
        if (resume) {
            a.add("--resume");
        }
        return a.toArray(new String[0]);
    }

    private static Process start(Path out, boolean resume) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args(out, 2, resume)));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    @Test
    void killedAtSeveralPointsAndResumedGivesTheSameBytes() throws Exception {
        Path reference = tmp.resolve("reference");
        assertEquals(0, Cli.run(args(reference, 1, false)).exit());

        // Each kill waits for a new cell checkpoint rather than a fixed delay: a delay that lands
        // mid-run on one machine is after the end on a faster one, and the test then kills nothing.
        Path killed = tmp.resolve("killed");
        CellStore checkpoints = new CellStore(killed, ExperimentLoader.load(Path.of(CONFIG), OVERRIDES, Registry.builtIns()));
        int kills = 0;
        boolean resume = false;
        for (int round = 0; round < 4; round++) {
            int before = checkpoints.load().size();
            Process p = start(killed, resume);
            while (!p.waitFor(2, TimeUnit.MILLISECONDS) && checkpoints.load().size() <= before) {
                // poll until the process ends or stores another finished cell
            }
            if (p.isAlive()) {
                p.destroyForcibly().waitFor();
                kills++;
                assertNoHalfWrittenFiles(killed);
            } else {
                assertEquals(0, p.exitValue(), "an unkilled run finishes cleanly");
            }
            resume = true;
        }
        Process last = start(killed, true);
        assertTrue(last.waitFor(120, TimeUnit.SECONDS), "the final resume finishes");
        assertEquals(0, last.exitValue());
        assertTrue(kills >= 2, "the run was killed at least twice (killed " + kills + " times)");
        for (String file : new String[] {"curves.csv", "summary.csv", "config.yaml"}) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(file)), Files.readAllBytes(killed.resolve(file)),
                    file);
        }
    }

    /** Result files are either absent or complete; temporary files may remain, hidden by their dot. */
    private static void assertNoHalfWrittenFiles(Path dir) throws IOException {
        Path curves = dir.resolve("curves.csv");
        if (Files.exists(curves)) {
            String text = Files.readString(curves);
            assertTrue(text.endsWith("\n"), "curves.csv is complete");
        }
        Path manifest = dir.resolve("manifest.json");
        if (Files.exists(manifest)) {
            assertTrue(Files.readString(manifest).strip().endsWith("}"), "manifest.json is complete");
        }
    }
}
