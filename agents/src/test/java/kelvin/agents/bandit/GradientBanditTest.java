package kelvin.agents.bandit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kelvin.agents.softmax.Softmax;
import kelvin.agents.testing.TestRngs;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link GradientBandit}: Sutton &amp; Barto (2018), section 2.8, eqs. 2.11-2.12, with
 * DESIGN.md's baseline convention (Rbar_t = mean of the rewards before t, Rbar_0 = R_0).
 */
class GradientBanditTest {

    private static final long SEED = 0x62AD_1E27L;

    /**
     * Eq. 2.12 without a baseline, H = 0, alpha = 0.1, K = 4, arm 0 pays 1: pi = 1/4 each, so
     * H_0 = 0.1 * 1 * (1 - 1/4) = 0.075 and H_b = -0.1 * 1 * 1/4 = -0.025 for b != 0.
     */
    @Test
    void oneStepByHandWithoutBaseline() {
        int k = 4;
        double alpha = 0.1;
        GradientBandit.Learner learner = GradientBandit.of(alpha, false).start(k, TestRngs.seeded(SEED));
        assertEquals(0.0, learner.baselineValue(), 0.0);
        learner.update(0, 1.0);
        assertEquals(alpha * 1 * (1 - 1.0 / k), learner.preference(0), 1e-15);
        for (int b = 1; b < k; b++) {
            assertEquals(-alpha * 1 * (1.0 / k), learner.preference(b), 1e-15);
        }
        // the new policy is softmax(H) (eq. 2.11)
        double[] expected = new double[k];
        double w0 = Math.exp(0.075);
        double wb = Math.exp(-0.025);
        for (int i = 0; i < k; i++) {
            expected[i] = (i == 0 ? w0 : wb) / (w0 + 3 * wb);
        }
        double[] out = new double[k];
        learner.distribution(out);
        assertArrayEquals(expected, out, 1e-15);
        assertEquals(0.0, learner.baselineValue(), 0.0); // no baseline: always 0
    }

    /**
     * With a baseline the first reward is its own baseline: the first update is zero, whatever the
     * reward. Then Rbar_1 = R_0, and the second update is alpha (R_1 - R_0) (1{b = A} - pi_b).
     */
    @Test
    void firstUpdateIsZeroWithBaselineAndThenTheBaselineIsTheEarlierMean() {
        double alpha = 0.1;
        GradientBandit.Learner learner = GradientBandit.of(alpha, true).start(4, TestRngs.seeded(SEED));
        assertTrue(Double.isNaN(learner.baselineValue()));
        learner.update(0, 5.0); // R_0 - Rbar_0 = 5 - 5 = 0
        for (int b = 0; b < 4; b++) {
            assertEquals(0.0, learner.preference(b), 0.0, "arm " + b);
        }
        assertEquals(5.0, learner.baselineValue(), 0.0);
        learner.update(1, 7.0); // step = 0.1 (7 - 5) = 0.2; pi = 1/4 each
        assertEquals(0.2 * (1 - 0.25), learner.preference(1), 1e-15);
        assertEquals(-0.2 * 0.25, learner.preference(0), 1e-15);
        assertEquals(-0.2 * 0.25, learner.preference(3), 1e-15);
        assertEquals(6.0, learner.baselineValue(), 0.0); // mean of 5 and 7
        // third update: Rbar_2 = 6, pi = softmax(H) before it
        double[] h = {learner.preference(0), learner.preference(1), learner.preference(2), learner.preference(3)};
        double[] pi = new double[4];
        Softmax.probabilities(h, 4, 1.0, pi);
        learner.update(2, 4.0); // step = 0.1 (4 - 6) = -0.2
        assertEquals(h[2] + -0.2 * (1 - pi[2]), learner.preference(2), 1e-15);
        assertEquals(h[1] - -0.2 * pi[1], learner.preference(1), 1e-15);
        assertEquals((5.0 + 7.0 + 4.0) / 3, learner.baselineValue(), 1e-15);
        assertEquals(3, learner.step());
    }

    /** One uniform per step, inverted on the cumulative softmax weights (as the boltzmann policy). */
    @Test
    void selectDrawsOneUniformFromSoftmaxOfThePreferences() {
        TestRngs.Replay rng = TestRngs.replaying(0.0, 0.5, 0.75, 0.9999);
        GradientBandit.Learner learner = GradientBandit.of(0.1, false).start(4, rng);
        // H = 0: uniform; u = 0 -> 0, 0.5 -> 2, 0.75 -> 3, 0.9999 -> 3
        assertEquals(0, learner.select());
        assertEquals(2, learner.select());
        assertEquals(3, learner.select());
        assertEquals(3, learner.select());
        assertEquals(4, rng.draws());
        assertEquals(1.0, learner.temperature(), 0.0);
        assertEquals(Math.log(4), learner.entropy(), 1e-15);
    }

    @Test
    void validation() {
        assertMessage("alpha is not finite and > 0: 0.0", () -> GradientBandit.of(0, true));
        assertMessage("alpha is not finite and > 0: NaN", () -> GradientBandit.of(Double.NaN, true));
        assertMessage("alpha is not finite and > 0: Infinity",
            () -> GradientBandit.of(Double.POSITIVE_INFINITY, false));
        assertMessage("arms is not at least 1: 0", () -> GradientBandit.of(0.1, true).start(0, TestRngs.seeded(SEED)));
        assertMessage("reward is not finite: NaN",
            () -> GradientBandit.of(0.1, true).start(2, TestRngs.seeded(SEED)).update(0, Double.NaN));
        assertThrows(NullPointerException.class, () -> GradientBandit.of(0.1, true).start(2, null));
        assertEquals("gradient-bandit(alpha=0.1, baseline=true)", GradientBandit.of(0.1, true).toString());
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }
}
