package kelvin.agents.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import kelvin.agents.schedule.Fixed;
import kelvin.agents.schedule.Linear;
import kelvin.agents.testing.RecordingSchedule;
import kelvin.agents.testing.TestRngs;
import org.junit.jupiter.api.Test;

/** Tests of {@link EpsilonGreedy}. */
class EpsilonGreedyTest {

    private static final long SEED = 0xE751_1011L;
    private static final double[] Q = {1, 3, 3, 0};

    @Test
    void distributionByHand() {
        // eps = 0.2, K = 4, two maxima: p_max = 0.2/4 + 0.8/2 = 0.45, p_other = 0.2/4 = 0.05
        PolicyRun run = EpsilonGreedy.of(0.2).start(4, TestRngs.seeded(SEED));
        double[] out = new double[4];
        run.distribution(Q, 0, out);
        assertArrayEquals(new double[] {0.05, 0.45, 0.45, 0.05}, out, 1e-15);
    }

    @Test
    void entropyByHand() {
        PolicyRun run = EpsilonGreedy.of(0.2).start(4, TestRngs.seeded(SEED));
        double expected = -(2 * 0.45 * Math.log(0.45) + 2 * 0.05 * Math.log(0.05));
        assertEquals(expected, run.entropy(Q, 0), 1e-15);
        // eps = 0 with a unique maximum is one-hot; eps = 1 is uniform
        PolicyRun greedy = EpsilonGreedy.of(0).start(4, TestRngs.seeded(SEED));
        assertEquals(0.0, greedy.entropy(new double[] {1, 2, 3, 4}, 0), 0.0);
        assertEquals(Math.log(4), EpsilonGreedy.of(1).start(4, TestRngs.seeded(SEED)).entropy(Q, 0), 1e-15);
        // all tied: uniform whatever eps
        assertEquals(Math.log(4), run.entropy(new double[] {2, 2, 2, 2}, 0), 1e-15);
    }

    @Test
    void selectionFrequenciesMatchTheDistribution() {
        PolicyRun run = EpsilonGreedy.of(0.2).start(4, TestRngs.seeded(SEED));
        int n = 40_000;
        long[] counts = new long[4];
        for (int i = 0; i < n; i++) {
            counts[run.select(Q, i)]++;
        }
        double[] p = {0.05, 0.45, 0.45, 0.05};
        for (int a = 0; a < 4; a++) {
            double fourSe = 4 * Math.sqrt(p[a] * (1 - p[a]) / n);
            assertEquals(p[a], (double) counts[a] / n, fourSe, "arm " + a + ": " + Arrays.toString(counts));
        }
    }

    @Test
    void epsilonFollowsItsScheduleAndHasNoTemperature() {
        // linear epsilon from 1 to 0 over 10 steps: entropy ln 4 at t = 0, 0 at t = 10 (unique max)
        PolicyRun run = EpsilonGreedy.of(Linear.of(1.0, 0.0, 10)).start(4, TestRngs.seeded(SEED));
        double[] q = {0, 1, 0, 0};
        assertEquals(Math.log(4), run.entropy(q, 0), 1e-15);
        assertEquals(0.0, run.entropy(q, 10), 0.0);
        assertTrue(Double.isNaN(run.temperature(3)));
    }

    @Test
    void feedbackIsForwardedToTheSchedule() {
        RecordingSchedule schedule = new RecordingSchedule(0.5);
        PolicyRun run = EpsilonGreedy.of(schedule).start(4, TestRngs.seeded(SEED));
        assertTrue(run.needsEntropy());
        run.observe(1.5, 0.25);
        assertArrayEquals(new double[] {1.5, 0.25}, schedule.runs.get(0).observed.get(0), 0.0);
    }

    @Test
    void validation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EpsilonGreedy.of(1.5));
        assertEquals("epsilon is not in [0, 1]: 1.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EpsilonGreedy.of(Double.NaN));
        assertEquals("epsilon is not in [0, 1]: NaN", e.getMessage());
        PolicyRun run = EpsilonGreedy.of(Fixed.of(2.0)).start(4, TestRngs.seeded(SEED));
        e = assertThrows(IllegalArgumentException.class, () -> run.select(Q, 0));
        assertEquals("epsilon is not in [0, 1]: 2.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EpsilonGreedy.of(0.1).start(0, TestRngs.seeded(1)));
        assertEquals("arms is not at least 1: 0", e.getMessage());
    }
}
