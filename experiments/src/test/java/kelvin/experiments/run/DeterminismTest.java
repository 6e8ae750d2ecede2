package kelvin.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kelvin.experiments.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same config gives the same bytes whatever the thread count, and on a rerun. */
class DeterminismTest {

    @TempDir
    Path tmp;

    private Path run(String name, int threads) {
        return run("examples/temperature-sweep.yaml", name, threads);
    }

    private Path run(String config, String name, int threads) {
        Path out = tmp.resolve(name);
        // 150 runs = blocks of 64, 64 and 22; the sweep makes several cells compete for threads.
        Cli r = Cli.run("run", config, "--runs", "150", "--set", "steps=300", "--out", out.toString(), "--threads",
                Integer.toString(threads), "--quiet", "--no-plots");
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    @Test
    void curvesAndSummaryAreByteIdenticalForOneTwoAndFourThreads() throws IOException {
        Path one = run("t1", 1);
        Path two = run("t2", 2);
        Path four = run("t4", 4);
        Path again = run("t1-again", 1);
        for (String file : new String[] {"curves.csv", "summary.csv", "config.yaml"}) {
            byte[] expected = Files.readAllBytes(one.resolve(file));
            assertArrayEquals(expected, Files.readAllBytes(two.resolve(file)), file);
            assertArrayEquals(expected, Files.readAllBytes(four.resolve(file)), file);
            assertArrayEquals(expected, Files.readAllBytes(again.resolve(file)), file);
        }
    }

    @Test
    void statefulSchedulesAndMonteCarloAgentsAreByteIdenticalToo() throws IOException {
        for (String config : new String[] {"examples/annealing-shootout-drifting.yaml",
            "examples/bernoulli-benchmark.yaml"}) {
            Path one = run(config, config.hashCode() + "-1", 1);
            Path two = run(config, config.hashCode() + "-2", 2);
            for (String file : new String[] {"curves.csv", "summary.csv"}) {
                assertArrayEquals(Files.readAllBytes(one.resolve(file)), Files.readAllBytes(two.resolve(file)),
                        config + " " + file);
            }
        }
    }
}
