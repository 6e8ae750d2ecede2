package kelvin.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kelvin.agents.bandit.GaussianRunner;
import kelvin.experiments.config.ExperimentLoader;
import kelvin.experiments.config.Registry;
import kelvin.experiments.model.BanditCell;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fused loop ({@link kelvin.agents.bandit.FusedBoltzmann}) gives the generic loop's bytes: every cell of each config below is simulated both
 * ways, block by block, and the serialised {@link Moments} (every slot's count, mean, M2, min and
 * max, and every run's row) must be equal. The configs push the loop's rare paths: anchor moves at
 * tiny temperatures, the exact re-sum after {@code RESUM} updates (runs longer than 1024 steps),
 * T = 0 and T = +infinity (always the plain path), logits at and beyond the limit, ties, one arm,
 * many arms, constant step sizes and optimistic starts, every bandit metric at every step.
 */
class FusedLoopTest {

    private static final String METRICS = "metrics: [regret, reward, average-reward, optimal-action, entropy, temperature]\n";

    @TempDir
    Path tmp;

    @Test
    void theTestbedSweepMatchesStepForStep() throws IOException {
        assertSame("runs: 70\nsteps: 1500\nenv: {type: gaussian-bandit, arms: 10}\n"
                + "agents:\n  b: {type: action-value, policy: {type: boltzmann, temperature: {schedule: fixed, value: 0.2}}}\n"
                + "sweep:\n  policy.temperature.value: [0.001, 0.01, 0.05, 0.2, 1.0, 7.5, 1e6]\n"
                + METRICS + "record: {points: 1500}\n");
    }

    @Test
    void greedyUniformAndInverseTemperaturesMatch() throws IOException {
        assertSame("runs: 65\nsteps: 400\nenv: {type: gaussian-bandit, arms: 10}\n"
                + "agents:\n"
                + "  greedy: {type: action-value, policy: {type: boltzmann, temperature: 0}}\n"
                + "  uniform: {type: action-value, policy: {type: boltzmann, temperature: {schedule: fixed, beta: 0}}}\n"
                + "  hot: {type: action-value, policy: {type: boltzmann, temperature: {schedule: fixed, beta: 3}}}\n"
                + METRICS + "record: {points: 50, spacing: log}\n");
    }

    @Test
    void constantStepSizesOptimisticStartsAndLongRunsMatch() throws IOException {
        assertSame("runs: 20\nsteps: 6000\nenv: {type: gaussian-bandit, arms: 5, noise: 2.5, "
                + "means: {distribution: normal, mean: 3, sd: 0.5}}\n"
                + "agents:\n"
                + "  alpha: {type: action-value, alpha: 0.1, initial: 5, policy: {type: boltzmann, temperature: 0.05}}\n"
                + "  average: {type: action-value, initial: -2, policy: {type: boltzmann, temperature: 0.3}}\n"
                + METRICS + "record: {points: 300}\n");
    }

    @Test
    void tiesOneArmManyArmsAndHugeLogitsMatch() throws IOException {
        assertSame("runs: 8\nsteps: 300\nenv: {type: gaussian-bandit, arms: 4, means: [1, 1, 0.5, 1], noise: 0}\n"
                + "agents:\n  b: {type: action-value, policy: {type: boltzmann, temperature: 0.1}}\n"
                + METRICS + "record: {points: 300}\n");
        assertSame("runs: 8\nsteps: 300\nenv: {type: gaussian-bandit, arms: 1}\n"
                + "agents:\n  b: {type: action-value, policy: {type: boltzmann, temperature: 0.5}}\n"
                + METRICS + "record: {points: 30}\n");
        assertSame("runs: 8\nsteps: 3000\nenv: {type: gaussian-bandit, arms: 64}\n"
                + "agents:\n  b: {type: action-value, policy: {type: boltzmann, temperature: 0.02}}\n"
                + METRICS + "record: {points: 100}\n");
        // the largest means a config allows (1e50 in size), and logits q / T near the largest double
        assertSame("runs: 4\nsteps: 200\nenv: {type: gaussian-bandit, arms: 3, means: [3e49, 2e49, -1e49], noise: 0}\n"
                + "agents:\n  b: {type: action-value, policy: {type: boltzmann, temperature: 1e48}}\n"
                + "metrics: [reward, optimal-action, temperature]\nrecord: {points: 200}\n");
        assertSame("runs: 4\nsteps: 200\nenv: {type: gaussian-bandit, arms: 3, means: [1e50, 0, -1e50], noise: 0}\n"
                + "agents:\n  b: {type: action-value, policy: {type: boltzmann, temperature: 1e-257}}\n"
                + "metrics: [reward, optimal-action, temperature]\nrecord: {points: 200}\n");
    }

    @Test
    void onlyTheCoveredCasesTakeTheFusedLoop() throws IOException {
        Experiment e = load("runs: 2\nsteps: 10\nenv: {type: gaussian-bandit, arms: 3}\n"
                + "agents:\n"
                + "  plain: {type: action-value, policy: {type: boltzmann, temperature: 0.2}}\n"
                + "  annealed: {type: action-value, policy: {type: boltzmann, temperature: "
                + "{schedule: exponential, initial: 1, decay: 0.99}}}\n"
                + "  floor: {type: action-value, policy: {type: boltzmann, temperature: 0.2, floor: 0.01}}\n"
                + "  top-k: {type: action-value, policy: {type: boltzmann, temperature: 0.2, top-k: 2}}\n"
                + "  top-k-all: {type: action-value, policy: {type: boltzmann, temperature: 0.2, top-k: 3}}\n"
                + "  eps: {type: action-value, policy: {type: epsilon-greedy, epsilon: 0.1}}\n"
                + "  ucb: {type: ucb1}\n"
                + "metrics: [regret]\n");
        for (Cell cell : e.cells()) {
            BanditCell c = (BanditCell) cell;
            GaussianRunner loop = c.agent().gaussianRunner(c.environment().arms());
            if (c.label().equals("plain") || c.label().equals("top-k-all")) {
                assertNotNull(loop, c.label());
            } else {
                assertNull(loop, c.label());
            }
        }
        Experiment drifting = load("runs: 2\nsteps: 10\nenv: {type: drifting-bandit, arms: 3}\n"
                + "agents:\n  plain: {type: action-value, policy: {type: boltzmann, temperature: 0.2}}\n"
                + "metrics: [regret]\n");
        BanditCell c = (BanditCell) drifting.cells().get(0);
        assertNull(c.environment().start(Streams.environment(drifting.seed(), 0)).stationaryGaussian(),
                "drifting arms are not stationary Gaussian ones, so the fused loop cannot run them");
    }

    private void assertSame(String body) throws IOException {
        Experiment e = load(body);
        BanditSimulation fused = new BanditSimulation(e, true);
        BanditSimulation generic = new BanditSimulation(e, false);
        for (Cell cell : e.cells()) {
            BanditCell c = (BanditCell) cell;
            assertNotNull(c.agent().gaussianRunner(c.environment().arms()), cell.label() + " should take the fused loop");
            for (int from = 0; from < e.runs(); from += Runner.BLOCK) {
                int to = Math.min(e.runs(), from + Runner.BLOCK);
                assertArrayEquals(block(generic, cell, from, to, e), block(fused, cell, from, to, e),
                        cell.label() + ", runs " + from + " to " + to);
            }
        }
    }

    private static byte[] block(BanditSimulation s, Cell cell, int from, int to, Experiment e) throws IOException {
        Moments m = new Moments(s.slots(), s.tallies());
        RunRows rows = new RunRows(Simulation.runColumns(e), to - from);
        s.runBlock(cell, from, to, m, rows);
        assertEquals(to - from, rows.runs());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            m.write(out);
            for (int r = 0; r < rows.runs(); r++) {
                for (int k = 0; k < rows.columns(); k++) {
                    out.writeDouble(rows.get(r, k));
                }
            }
        }
        return bytes.toByteArray();
    }

    private Experiment load(String body) throws IOException {
        Path file = Files.createTempFile(tmp, "fused", ".yaml");
        Files.writeString(file, "name: fused\nseed: 77\n" + body);
        return ExperimentLoader.load(file, List.of(), Registry.builtIns());
    }
}
