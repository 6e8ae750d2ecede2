package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kelvin slurm}: the generated job scripts, run as SLURM would run them (each array task a
 * process with SLURM_ARRAY_TASK_ID set by hand, all at once, then the merge job), give the plain
 * run's bytes.
 */
class SlurmCommandTest {

    private static final String CONFIG = """
            name: grid
            seed: 8
            runs: 150
            steps: 200
            env: {type: gaussian-bandit, arms: 5}
            agents:
              b: {type: action-value, policy: {type: boltzmann, temperature: 0.3}}
              e: {type: action-value, policy: {type: epsilon-greedy, epsilon: 0.1}}
            sweep:
              initial: [0, 2]
            record: {points: 20}
            """;

    @TempDir
    Path tmp;

    /** Kelvin as a separate JVM with this test's class path: what $KELVIN is on a cluster node. */
    private static String kelvin() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return java + " -cp " + System.getProperty("java.class.path") + " kelvin.experiments.cli.Main";
    }

    private static Process bash(Path script, Path dir, String... env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).directory(dir.toFile())
                .redirectErrorStream(true);
        pb.environment().put("KELVIN", kelvin());
        for (int i = 0; i < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        pb.redirectOutput(dir.resolve(script.getFileName() + "-" + (env.length > 1 ? env[1] : "") + ".log").toFile());
        return pb.start();
    }

    private static void await(Process p, String what, Path log) throws Exception {
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), what + " did not finish");
        assertEquals(0, p.exitValue(), what + ": " + Files.readString(log));
    }

    @Test
    void theArrayTasksAndTheMergeGiveThePlainRunsBytes() throws Exception {
        Path config = Files.writeString(tmp.resolve("grid.yaml"), CONFIG);
        Path scripts = tmp.resolve("slurm");
        Path out = tmp.resolve("results");
        Cli r = Cli.run("slurm", config.toString(), "--shards", "3", "--dir", scripts.toString(), "--out",
                out.toString(), "--time", "0-00:10:00", "--partition", "short");
        assertEquals(0, r.exit(), r.err());
        String array = Files.readString(scripts.resolve("array.sbatch"));
        assertTrue(array.contains("#SBATCH --array=0-2\n") && array.contains("#SBATCH --time=0-00:10:00\n")
                && array.contains("#SBATCH --partition=short\n") && array.contains("--shard \"${SLURM_ARRAY_TASK_ID}/3\""),
                array);
        String submit = Files.readString(scripts.resolve("submit.sh"));
        assertTrue(submit.contains("sbatch --parsable --dependency=afterok:\"${array%%;*}\""), submit);

        List<Process> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(bash(scripts.resolve("array.sbatch"), tmp, "SLURM_ARRAY_TASK_ID", Integer.toString(i),
                    "SLURM_CPUS_PER_TASK", "1"));
        }
        for (int i = 0; i < 3; i++) {
            await(tasks.get(i), "task " + i, tmp.resolve("array.sbatch-" + i + ".log"));
        }
        await(bash(scripts.resolve("merge.sbatch"), tmp), "merge", tmp.resolve("merge.sbatch-.log"));

        Path plain = tmp.resolve("plain");
        assertEquals(0, Cli.run("run", config.toString(), "--out", plain.toString(), "--quiet", "--no-plots").exit());
        for (String f : List.of("curves.csv", "summary.csv", "runs.csv")) {
            assertEquals(Files.readString(plain.resolve(f)), Files.readString(out.resolve(f)), f);
        }
    }

    @Test
    void badOptionsAreOneLine() throws IOException {
        Path config = Files.writeString(tmp.resolve("grid.yaml"), CONFIG);
        for (String[] args : new String[][] {{"--shards", "0"}, {"--shards", "2", "--partition", "a b"},
            {"--shards", "2", "--cpus", "0"}}) {
            List<String> all = new ArrayList<>(List.of("slurm", config.toString(), "--dir", tmp.resolve("s").toString()));
            all.addAll(List.of(args));
            Cli r = Cli.run(all.toArray(String[]::new));
            assertEquals(2, r.exit(), String.join(" ", args));
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(Files.notExists(tmp.resolve("s")), "nothing written");
        }
    }
}
