package kelvin.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kelvin.experiments.ExperimentException;
import kelvin.experiments.cli.Main;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Spark run on a local master writes the same result files as kelvin run, even when a task is retried. */
class SparkRunTest {
    private static final List<String> COMPARED = List.of("curves.csv", "summary.csv", "runs.csv", "states.csv");

    /** A bandit sweep: 2 x 2 cells of 100 runs, so each cell has a full and a partial block. */
    private static final String BANDIT = """
            name: spark-bandit
            seed: 11
            runs: 100
            steps: 150
            env: {type: gaussian-bandit, arms: 5}
            agents:
              boltzmann:
                type: action-value
                policy: {type: boltzmann, temperature: {schedule: fixed, value: 0.2}}
              eps:
                type: action-value
                policy: {type: epsilon-greedy, epsilon: 0.1}
            sweep:
              policy.temperature.value: [0.1, 0.5]
            metrics: [regret, optimal-action]
            record: {points: 20}
            """;

    /** A gridworld, whose results folder has states.csv: 70 runs, one full and one partial block. */
    private static final String GRID = """
            name: spark-grid
            seed: 5
            runs: 70
            episodes: 20
            env: {type: gridworld, map: four-rooms, gamma: 0.95}
            agents:
              q:
                type: q-learning
                policy: {type: boltzmann, temperature: 0.5}
            metrics: [length, return]
            record: {points: 10}
            """;

    @TempDir
    Path tmp;

    @Test
    void banditSweepOnLocalMasterHasTheBytesOfKelvinRun() throws IOException {
        assertSameBytes(BANDIT, "local[2]", 1, false);
    }

    @Test
    void gridworldGroupedInPartitionsHasTheBytesOfKelvinRun() throws IOException {
        assertSameBytes(GRID, "local[2]", 2, true);
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndTheBytesStayTheSame() throws IOException {
        int before = BlockTask.INJECTED_FAILURES.get();
        System.setProperty(BlockTask.FAIL_ONCE, "1/1");
        try {
            assertSameBytes(BANDIT, "local[2,3]", 1, false);
        } finally {
            System.clearProperty(BlockTask.FAIL_ONCE);
        }
        assertEquals(before + 1, BlockTask.INJECTED_FAILURES.get(), "the hook threw once and the task was retried");
    }

    @Test
    void withoutRetriesTheInjectedFailureFailsTheRunAndWritesNothing() throws IOException {
        Path config = write(BANDIT);
        Path out = tmp.resolve("failed");
        System.setProperty(BlockTask.FAIL_ONCE, "0/0");
        ExperimentException failed;
        try {
            failed = assertThrows(ExperimentException.class, () -> SparkRun.run(
                    new SparkRun.Options(config, out, 1, false), () -> conf("local[2]"),
                    new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        } finally {
            System.clearProperty(BlockTask.FAIL_ONCE);
        }
        assertEquals("the Spark job failed: injected failure of cell 0 block 0 (kelvin.spark.failOnce); nothing was "
                + "written", failed.getMessage());
        assertFalse(Files.exists(out), "nothing is written for a failed job");
    }

    @Test
    void badUsageIsOneLineAndExitTwo() {
        StringWriter err = new StringWriter();
        int code = SparkMain.execute(new String[] {"run", "x.yaml", "--blocks-per-partition", "0", "--out", "o"},
                new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertEquals(2, code);
        assertTrue(err.toString().startsWith("error: --blocks-per-partition: '0' is not a whole number"), err.toString());
    }

    @Test
    void aMissingConfigIsOneLineAndExitTwoWithoutStartingSpark() {
        StringWriter err = new StringWriter();
        Path missing = tmp.resolve("missing.yaml");
        int code = SparkMain.execute(new String[] {"run", missing.toString(), "--out", tmp.resolve("o").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertEquals(2, code);
        assertEquals("error: " + missing + ": no such file", err.toString().strip());
        assertFalse(Files.exists(tmp.resolve("o")));
    }

    private void assertSameBytes(String yaml, String master, int blocksPerPartition, boolean states)
            throws IOException {
        Path config = write(yaml);
        Path plain = tmp.resolve("plain");
        Path spark = tmp.resolve("spark");
        StringWriter err = new StringWriter();
        int plainCode = Main.execute(new String[] {"run", config.toString(), "--out", plain.toString(), "--no-plots",
                "--quiet", "--threads", "2"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, plainCode, err.toString());
        StringWriter out = new StringWriter();
        int code = SparkRun.run(new SparkRun.Options(config, spark, blocksPerPartition, false), () -> conf(master),
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("results: " + spark), out.toString());
        for (String name : COMPARED) {
            Path expected = plain.resolve(name);
            if (name.equals("states.csv")) {
                assertEquals(states, Files.exists(expected), "states.csv is written for tabular environments only");
            }
            if (Files.exists(expected)) {
                assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(spark.resolve(name)), name);
            } else {
                assertTrue(!Files.exists(spark.resolve(name)), name);
            }
        }
    }

    private Path write(String yaml) throws IOException {
        Path config = tmp.resolve("config.yaml");
        Files.writeString(config, yaml);
        return config;
    }

    private static SparkConf conf(String master) {
        return new SparkConf().setAppName("kelvin-test").setMaster(master).set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
    }
}
