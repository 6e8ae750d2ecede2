package kelvin.agents.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import kelvin.agents.testing.TestRngs;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** Tests of {@link Greedy}. */
class GreedyTest {

    private static final long SEED = 0x6_4EED_1L;

    /** A generator that must not be used. */
    private static final UniformRandomProvider NO_DRAWS = () -> {
        throw new AssertionError("no random number expected");
    };

    @Test
    void uniqueMaximumIsChosenWithoutDrawing() {
        PolicyRun run = Greedy.of().start(4, NO_DRAWS);
        assertEquals(2, run.select(new double[] {1, 0, 5, 4}, 0));
        assertEquals(0, run.select(new double[] {-1, -2, -3, -4}, 1));
    }

    @Test
    void tiesAreBrokenUniformly() {
        double[] q = {1, 3, 3, 0, 3};
        PolicyRun run = Greedy.of().start(5, TestRngs.seeded(SEED));
        int n = 30_000;
        long[] counts = new long[5];
        for (int i = 0; i < n; i++) {
            counts[run.select(q, i)]++;
        }
        assertEquals(0, counts[0]);
        assertEquals(0, counts[3]);
        double p = 1.0 / 3;
        double fourSe = 4 * Math.sqrt(p * (1 - p) / n);
        for (int arm : new int[] {1, 2, 4}) {
            assertEquals(p, (double) counts[arm] / n, fourSe, "arm " + arm + ": " + Arrays.toString(counts));
        }
    }

    @Test
    void tieBreakingUsesOneNextIntOverTheTies() {
        // nextInt(3) on a scripted stream picks the j-th maximum in index order
        double[] q = {1, 3, 3, 0, 3};
        UniformRandomProvider rng = TestRngs.seeded(SEED);
        UniformRandomProvider same = TestRngs.seeded(SEED);
        PolicyRun run = Greedy.of().start(5, rng);
        int[] maxima = {1, 2, 4};
        for (int i = 0; i < 100; i++) {
            assertEquals(maxima[same.nextInt(3)], run.select(q, i));
        }
    }

    @Test
    void distributionAndEntropyByHand() {
        PolicyRun run = Greedy.of().start(4, NO_DRAWS);
        double[] out = new double[4];
        run.distribution(new double[] {1, 3, 3, 0}, 0, out);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 0}, out, 0.0);
        assertEquals(Math.log(2), run.entropy(new double[] {1, 3, 3, 0}, 0), 0.0);
        assertEquals(0.0, run.entropy(new double[] {1, 3, 2, 0}, 0), 0.0);
        assertEquals(Math.log(4), run.entropy(new double[] {7, 7, 7, 7}, 0), 0.0);
        assertTrue(Double.isNaN(run.temperature(0)));
    }

    @Test
    void validation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Greedy.of().start(0, NO_DRAWS));
        assertEquals("arms is not at least 1: 0", e.getMessage());
        PolicyRun run = Greedy.of().start(2, NO_DRAWS);
        e = assertThrows(IllegalArgumentException.class, () -> run.select(new double[] {0, Double.NaN}, 0));
        assertEquals("action value 1 is not finite: NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run.select(new double[] {0}, 0));
        assertEquals("q has length 1 < arms = 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run.distribution(new double[] {0, 1}, 0, new double[1]));
        assertEquals("out has length 1 < arms = 2", e.getMessage());
    }
}
