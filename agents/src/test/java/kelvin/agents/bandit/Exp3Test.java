package kelvin.agents.bandit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kelvin.agents.testing.TestRngs;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link Exp3}: P. Auer, N. Cesa-Bianchi, Y. Freund and R. E. Schapire, "The
 * nonstochastic multiarmed bandit problem", SIAM J. Computing 32(1), 2002, 48-77 (Figure 1,
 * Corollary 3.2).
 */
class Exp3Test {

    private static final long SEED = 0xE_0E3L;

    /**
     * K = 3, gamma = 0.1, equal weights: p = (1/3, 1/3, 1/3); arm 0 pays 1: x_hat = 1 / (1/3) = 3,
     * ln w_0 += 0.1 * 3 / 3 = 0.1; then p_0 = 0.9 e^0.1 / (e^0.1 + 2) + 0.1 / 3 and
     * p_1 = p_2 = 0.9 / (e^0.1 + 2) + 0.1 / 3.
     */
    @Test
    void oneStepByHand() {
        double gamma = 0.1;
        Exp3.Learner learner = Exp3.of(gamma).start(3, TestRngs.seeded(SEED));
        double[] p = new double[3];
        learner.distribution(p);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, p, 1e-15);
        assertEquals(Math.log(3), learner.entropy(), 1e-15);
        learner.update(0, 1.0);
        double xHat = 1.0 / p[0];
        assertEquals(3.0, xHat, 1e-15);
        assertEquals(gamma * xHat / 3, learner.logWeight(0), 0.0);
        assertEquals(0.1, learner.logWeight(0), 1e-15);
        assertEquals(0.0, learner.logWeight(1), 0.0);
        double e = Math.exp(0.1);
        double p0 = 0.9 * e / (e + 2) + 0.1 / 3;
        double p1 = 0.9 * 1 / (e + 2) + 0.1 / 3;
        learner.distribution(p);
        assertArrayEquals(new double[] {p0, p1, p1}, p, 1e-15);
        double h = -(p0 * Math.log(p0) + 2 * p1 * Math.log(p1));
        assertEquals(h, learner.entropy(), 1e-15);
        assertTrue(Double.isNaN(learner.temperature()));
    }

    /** Rewards are rescaled to x = (r - min) / (max - min) before the importance weighting. */
    @Test
    void rewardsAreRescaledToTheUnitInterval() {
        double gamma = 0.3;
        Exp3.Learner learner = Exp3.of(gamma, -1, 3).start(2, TestRngs.seeded(SEED));
        learner.update(1, 2.0); // x = (2 + 1) / 4 = 0.75, p_1 = 1/2: ln w_1 += 0.3 * 1.5 / 2
        assertEquals(gamma * (0.75 / 0.5) / 2, learner.logWeight(1), 1e-15);
        learner.update(0, -1.0); // x = 0: no change
        assertEquals(0.0, learner.logWeight(0), 0.0);
    }

    /** One uniform per step, inverted on the cumulative probabilities. */
    @Test
    void selectInvertsOneUniform() {
        // after arm 0 pays 1: p = (0.9 e^0.1/(e^0.1+2) + 1/30, 0.9/(e^0.1+2) + 1/30, same) = (0.3537, 0.3232, 0.3232)
        TestRngs.Replay rng = TestRngs.replaying(0.3125, 0.375, 0.5, 0.6875, 0.999);
        Exp3.Learner learner = Exp3.of(0.1).start(3, rng);
        learner.update(0, 1.0);
        double[] p = new double[3];
        learner.distribution(p);
        assertTrue(p[0] > 0.35 && p[0] < 0.36 && p[0] + p[1] > 0.67 && p[0] + p[1] < 0.68);
        assertEquals(0, learner.select());
        assertEquals(1, learner.select());
        assertEquals(1, learner.select());
        assertEquals(2, learner.select());
        assertEquals(2, learner.select());
        assertEquals(5, rng.draws());
    }

    /** Log-weights grow by at most 1 per step (p_A &gt;= gamma / K), so nothing overflows. */
    @Test
    void logWeightsStayFiniteOverLongRuns() {
        Exp3.Learner learner = Exp3.of(0.05).start(4, TestRngs.seeded(SEED));
        double[] p = new double[4];
        for (int t = 0; t < 200_000; t++) {
            int a = learner.select();
            double before = learner.logWeight(a);
            learner.update(a, a == 3 ? 1.0 : 0.0);
            assertTrue(learner.logWeight(a) - before <= 1.0);
        }
        learner.distribution(p);
        assertTrue(Double.isFinite(learner.logWeight(3)));
        assertEquals(1 - 0.05 + 0.05 / 4, p[3], 1e-9); // arm 3 has all the weight; the rest is the gamma/K floor
        assertEquals(0.05 / 4, p[0], 1e-9);
    }

    /** gamma = min(1, sqrt(K ln K / ((e - 1) T))) (Corollary 3.2 with g = T). */
    @Test
    void defaultGamma() {
        assertEquals(Math.sqrt(10 * Math.log(10) / ((Math.E - 1) * 1000)), Exp3.defaultGamma(10, 1000), 1e-15);
        assertEquals(0.11576, Exp3.defaultGamma(10, 1000), 1e-5);
        assertEquals(1.0, Exp3.defaultGamma(10, 5), 0.0); // capped at 1
        assertEquals(1.0, Exp3.defaultGamma(1, 1000), 0.0); // one arm: the formula's 0 is not valid
        assertMessage("horizon is not at least 1: 0", () -> Exp3.defaultGamma(2, 0));
        assertMessage("arms is not at least 1: 0", () -> Exp3.defaultGamma(0, 10));
    }

    @Test
    void rewardsOutsideTheRangeAreClippedToIt() {
        Exp3.Learner above = Exp3.of(0.1).start(3, TestRngs.seeded(SEED));
        Exp3.Learner top = Exp3.of(0.1).start(3, TestRngs.seeded(SEED));
        above.update(0, 1.5);
        top.update(0, 1.0);
        assertEquals(top.logWeight(0), above.logWeight(0), 0.0);
        Exp3.Learner below = Exp3.of(0.1).start(3, TestRngs.seeded(SEED));
        below.update(0, -2);
        assertEquals(0.0, below.logWeight(0), 0.0);
    }

    @Test
    void validation() {
        assertMessage("gamma is not in (0, 1]: 0.0", () -> Exp3.of(0));
        assertMessage("gamma is not in (0, 1]: NaN", () -> Exp3.of(Double.NaN));
        assertMessage("gamma is not in (0, 1]: 1.5", () -> Exp3.of(1.5));
        assertMessage("rewardMin is not finite: -Infinity", () -> Exp3.of(0.1, Double.NEGATIVE_INFINITY, 1));
        assertMessage("rewardMax is not finite: NaN", () -> Exp3.of(0.1, 0, Double.NaN));
        assertMessage("rewardMax - rewardMin is not finite and > 0: 1.0 - 1.0 = 0.0", () -> Exp3.of(0.1, 1, 1));
        assertMessage("rewardMax - rewardMin is not finite and > 0: 1.7976931348623157E308 - -1.7976931348623157E308"
            + " = Infinity", () -> Exp3.of(0.1, -Double.MAX_VALUE, Double.MAX_VALUE));
        Exp3.Learner learner = Exp3.of(0.1).start(2, TestRngs.seeded(SEED));
        assertMessage("reward is NaN", () -> learner.update(0, Double.NaN));
        assertEquals(0.0, learner.logWeight(0), 0.0);
        assertMessage("arms is not at least 1: 0", () -> Exp3.of(0.1).start(0, TestRngs.seeded(SEED)));
        assertThrows(NullPointerException.class, () -> Exp3.of(0.1).start(2, null));
        assertEquals("exp3(gamma=0.1, reward-range=[0.0, 1.0])", Exp3.of(0.1).toString());
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }
}
