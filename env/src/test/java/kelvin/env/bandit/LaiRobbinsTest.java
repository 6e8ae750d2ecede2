package kelvin.env.bandit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Tests of {@link LaiRobbins}: T. L. Lai and H. Robbins, "Asymptotically efficient adaptive
 * allocation rules", Advances in Applied Mathematics 6(1), 1985, 4-22.
 */
class LaiRobbinsTest {

    /** C(mu) = sum_{a suboptimal} (mu* - mu_a) / KL(mu_a, mu*) for means 0.1, 0.2, ..., 0.9 is 7.516516. */
    @Test
    void constantForMeansPointOneToPointNine() {
        double[] means = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
        assertEquals(7.516516, LaiRobbins.bernoulliConstant(means), 1e-6);
        assertEquals(7.516516, BernoulliBandit.of(means).laiRobbinsConstant(), 1e-6);
        // the same sum written out term by term
        double expected = 0;
        for (double mu : means) {
            if (mu < 0.9) {
                double kl = mu * Math.log(mu / 0.9) + (1 - mu) * Math.log((1 - mu) / 0.1);
                expected += (0.9 - mu) / kl;
            }
        }
        assertEquals(expected, LaiRobbins.bernoulliConstant(means), 1e-12);
    }

    @Test
    void twoArmsByHand() {
        // KL(0.3, 0.5) = 0.3 ln(0.6) + 0.7 ln(1.4); C = 0.2 / KL
        double kl = 0.3 * Math.log(0.3 / 0.5) + 0.7 * Math.log(0.7 / 0.5);
        assertEquals(kl, LaiRobbins.bernoulliKl(0.3, 0.5), 1e-15);
        assertEquals(0.2 / kl, LaiRobbins.bernoulliConstant(0.5, 0.3), 1e-12);
    }

    @Test
    void klConventionsAtZeroAndOne() {
        assertEquals(0.0, LaiRobbins.bernoulliKl(0.4, 0.4), 0.0);
        assertEquals(0.0, LaiRobbins.bernoulliKl(0, 0), 0.0); // 0 ln 0 = 0 on both terms
        assertEquals(0.0, LaiRobbins.bernoulliKl(1, 1), 0.0);
        assertEquals(-Math.log(1 - 0.3), LaiRobbins.bernoulliKl(0, 0.3), 1e-15); // KL(0, q) = -ln(1 - q)
        assertEquals(-Math.log(0.3), LaiRobbins.bernoulliKl(1, 0.3), 1e-15); // KL(1, q) = -ln q
        assertEquals(Double.POSITIVE_INFINITY, LaiRobbins.bernoulliKl(0.2, 0), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, LaiRobbins.bernoulliKl(0.2, 1), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, LaiRobbins.bernoulliKl(0, 1), 0.0);
    }

    @Test
    void constantEdgeCases() {
        // mu* = 1: KL(mu_a, 1) = infinity, so suboptimal arms contribute 0
        assertEquals(0.0, LaiRobbins.bernoulliConstant(0.5, 1.0, 0.2), 0.0);
        // an arm with mean 0 against mu* = 0.5: gap 0.5 over KL(0, 0.5) = ln 2
        assertEquals(0.5 / Math.log(2), LaiRobbins.bernoulliConstant(0.0, 0.5), 1e-15);
        // ties with the best arm are not suboptimal; all equal gives 0
        double kl = LaiRobbins.bernoulliKl(0.2, 0.6);
        assertEquals(0.4 / kl, LaiRobbins.bernoulliConstant(0.6, 0.2, 0.6), 1e-15);
        assertEquals(0.0, LaiRobbins.bernoulliConstant(0.3, 0.3, 0.3), 0.0);
        assertEquals(0.0, LaiRobbins.bernoulliConstant(0.7), 0.0);
    }

    @Test
    void validation() {
        assertMessage("p is not in [0, 1]: NaN", () -> LaiRobbins.bernoulliKl(Double.NaN, 0.5));
        assertMessage("q is not in [0, 1]: 1.5", () -> LaiRobbins.bernoulliKl(0.5, 1.5));
        assertMessage("means is empty: a bandit needs at least 1 arm", LaiRobbins::bernoulliConstant);
        assertMessage("means[1] is not in [0, 1]: -0.2", () -> LaiRobbins.bernoulliConstant(0.5, -0.2));
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }
}
