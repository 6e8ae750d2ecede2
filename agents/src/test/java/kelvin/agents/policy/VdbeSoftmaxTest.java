package kelvin.agents.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kelvin.agents.schedule.Fixed;
import kelvin.agents.testing.TestRngs;
import org.junit.jupiter.api.Test;

/** VDBE-Softmax (Tokic & Palm 2011) against hand-computed exploration rates and probabilities. */
class VdbeSoftmaxTest {

    @Test
    void theRateMovesByDeltaTowardsTheValueDifferenceFunction() {
        // |d| / sigma = ln 3: x = 1/3, f = (2/3) / (4/3) = 1/2; eps = 0.5 * 0.5 + 0.5 * 1
        assertEquals(0.75, VdbeSoftmax.nextEpsilon(1.0, Math.log(3), 1.0, 0.5), 1e-15);
        assertEquals(0.75, VdbeSoftmax.nextEpsilon(1.0, -Math.log(3), 1.0, 0.5), 1e-15, "only |d| counts");
        // no change: f = 0, eps decays by (1 - delta)
        assertEquals(0.6, VdbeSoftmax.nextEpsilon(0.8, 0.0, 2.0, 0.25), 1e-15);
        // a change of sigma: f = tanh(1/2) = 0.46212
        assertEquals(Math.tanh(0.5), VdbeSoftmax.nextEpsilon(0.0, 3.0, 3.0, 1.0), 1e-15);
    }

    @Test
    void theDistributionMixesSoftmaxAndGreedyByTheStatesRate() {
        PolicyRun run = VdbeSoftmax.of(Fixed.of(1.0), 1.0, 0.5, 1.0).start(2, 3, TestRngs.seeded(1));
        double[] q = {1, 0};
        double[] p = new double[2];
        double b0 = Math.E / (Math.E + 1);
        run.inState(2);
        run.distribution(q, 0, p);
        assertArrayEquals(new double[] {b0, 1 - b0}, p, 1e-15, "eps = 1: the softmax");
        run.valueChanged(2, Math.log(3)); // eps(2) = 0.75
        run.distribution(q, 0, p);
        assertArrayEquals(new double[] {0.75 * b0 + 0.25, 0.75 * (1 - b0)}, p, 1e-15);
        double h = -(p[0] * Math.log(p[0]) + p[1] * Math.log(p[1]));
        assertEquals(h, run.entropy(q, 0), 1e-15);
        assertEquals(1.0, run.temperature(0), 0);
        run.inState(0);
        run.distribution(q, 0, p);
        assertArrayEquals(new double[] {b0, 1 - b0}, p, 1e-15, "another state keeps its own rate");
    }

    @Test
    void tiedMaximaShareTheGreedyPart() {
        PolicyRun run = VdbeSoftmax.of(Fixed.of(0.5), 1.0, 1.0, 0.0).start(3, TestRngs.seeded(1));
        double[] p = new double[3];
        run.distribution(new double[] {2, 2, 1}, 0, p);
        assertArrayEquals(new double[] {0.5, 0.5, 0}, p, 0, "eps = 0: greedy, ties split");
        assertEquals(Math.log(2), run.entropy(new double[] {2, 2, 1}, 0), 1e-15);
    }

    @Test
    void selectDrawsTheUniformThenSoftmaxOrGreedy() {
        // u = 0.5 < eps = 0.75: softmax with the next uniform 0.9, which falls in action 1's share
        // (cumulative weights 1, 1 + 1/e for q = (1, 0), T = 1: 0.9 * 1.3679 = 1.231 > 1)
        PolicyRun run = VdbeSoftmax.of(Fixed.of(1.0), 1.0, 0.5, 1.0).start(2, TestRngs.replaying(0.5, 0.9, 0.8));
        run.valueChanged(0, Math.log(3));
        assertEquals(1, run.select(new double[] {1, 0}, 0));
        // u = 0.8 >= 0.75: greedy, one maximum, no draw
        assertEquals(0, run.select(new double[] {1, 0}, 1));
    }

    @Test
    void samplesFollowTheMixtureWithinFourStandardErrors() {
        PolicyRun run = VdbeSoftmax.of(Fixed.of(0.7), 1.0, 1.0, 0.4).start(4, TestRngs.seeded(2024));
        double[] q = {0.2, 1.0, 0.7, -0.4};
        double[] p = new double[4];
        run.distribution(q, 0, p);
        int n = 200_000;
        int[] counts = new int[4];
        for (int i = 0; i < n; i++) {
            counts[run.select(q, i)]++;
        }
        for (int a = 0; a < 4; a++) {
            double se = Math.sqrt(p[a] * (1 - p[a]) / n);
            assertEquals(p[a], counts[a] / (double) n, 4 * se, "action " + a);
        }
    }

    @Test
    void deltaDefaultsToOneOverK() {
        PolicyRun run = VdbeSoftmax.of(Fixed.of(1.0), 1.0).start(4, TestRngs.seeded(1));
        run.valueChanged(0, 0.0); // eps = (1 - 1/4) * 1
        double[] p = new double[4];
        run.distribution(new double[] {1, 0, 0, 0}, 0, p);
        double b0 = Math.E / (Math.E + 3);
        assertEquals(0.75 * b0 + 0.25, p[0], 1e-15);
        assertTrue(run.perState());
    }

    @Test
    void badParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> VdbeSoftmax.of(Fixed.of(1.0), 0.0));
        assertThrows(IllegalArgumentException.class, () -> VdbeSoftmax.of(Fixed.of(1.0), 1.0, 1.5, 1.0));
        assertThrows(IllegalArgumentException.class, () -> VdbeSoftmax.of(Fixed.of(1.0), 1.0, 0.5, -0.1));
        PolicyRun run = VdbeSoftmax.of(Fixed.of(1.0), 1.0).start(2, 2, TestRngs.seeded(1));
        assertThrows(IndexOutOfBoundsException.class, () -> run.inState(2));
    }
}
