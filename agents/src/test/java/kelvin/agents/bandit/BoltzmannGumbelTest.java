package kelvin.agents.bandit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kelvin.agents.softmax.Softmax;
import kelvin.agents.testing.TestRngs;
import kelvin.env.bandit.BanditRun;
import kelvin.env.bandit.GaussianBandit;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link BoltzmannGumbel}: N. Cesa-Bianchi, C. Gentile, G. Lugosi and G. Neu, "Boltzmann
 * exploration done right", NIPS 30, 2017 (section 4), and the Gumbel-max trick.
 */
class BoltzmannGumbelTest {

    private static final long SEED = 0x6_0BE1L;

    @Test
    void pullsEveryArmOnceInIndexOrderWithoutDrawing() {
        TestRngs.Counting rng = new TestRngs.Counting(TestRngs.seeded(SEED));
        BoltzmannGumbel.Learner learner = BoltzmannGumbel.of(1).start(4, rng);
        assertEquals(1, rng.calls()); // the Monte Carlo seed
        double[] out = new double[4];
        for (int a = 0; a < 4; a++) {
            assertEquals(a, learner.select());
            learner.distribution(out);
            double[] pointMass = new double[4];
            pointMass[a] = 1;
            assertArrayEquals(pointMass, out, 0.0);
            assertEquals(0.0, learner.entropy(), 0.0);
            learner.update(a, a);
        }
        assertEquals(1, rng.calls());
        learner.select();
        assertEquals(1 + 4, rng.calls()); // then one uniform per arm per step (no tie)
    }

    /** One step by hand: argmax_a mu_a + c Z_a / sqrt(N_a), Z_a = -ln(-ln U_a). */
    @Test
    void selectPerturbsEveryArmWithAFreshGumbel() {
        double c = 1.0;
        // first value: the Monte Carlo seed; then U_0 = 0.25, U_1 = 0.75
        BoltzmannGumbel.Learner learner = BoltzmannGumbel.of(c).start(2, TestRngs.replaying(0.5, 0.25, 0.75));
        learner.update(0, 1.0); // mu_0 = 1, N_0 = 1
        learner.update(1, 0.0);
        learner.update(1, 0.0); // mu_1 = 0, N_1 = 2
        assertEquals(c / Math.sqrt(2), learner.scale(1), 1e-15);
        double score0 = 1.0 + c * -Math.log(-Math.log(0.25)) / Math.sqrt(1); // 1 - 0.327 = 0.673
        double score1 = 0.0 + c * -Math.log(-Math.log(0.75)) / Math.sqrt(2); // 1.246 / 1.414 = 0.881
        assertTrue(score1 > score0);
        assertEquals(1, learner.select());
    }

    /** U = 0 would give Z = -infinity; it is read as 2^-54, so Z = -ln(54 ln 2) = -3.62. */
    @Test
    void zeroUniformGivesAFiniteGumbel() {
        assertEquals(-Math.log(-Math.log(0x1.0p-54)), BoltzmannGumbel.gumbel(TestRngs.replaying(0.0)), 0.0);
        assertEquals(-Math.log(54 * Math.log(2)), BoltzmannGumbel.gumbel(TestRngs.replaying(0.0)), 1e-14);
        double largest = BoltzmannGumbel.gumbel(TestRngs.replaying(1 - 0x1.0p-53));
        assertTrue(largest > 36 && largest < 37, "Z at the largest U: " + largest);
    }

    /**
     * Gumbel-max trick: with equal counts N, argmax_a mu_a + c Z_a / sqrt(N) is distributed as
     * softmax(mu / T) with T = c / sqrt(N). 40000 selects, every arm's frequency within 4 se =
     * 4 sqrt(p (1 - p) / 40000) of the softmax probability.
     */
    @Test
    void equalCountsChooseWithSoftmaxProbabilities() {
        double c = 1.0;
        int n = 4;
        double[] mu = {0.0, 0.5, 1.0, 0.2};
        BoltzmannGumbel.Learner learner = BoltzmannGumbel.of(c).start(4, TestRngs.seeded(SEED));
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 4; a++) {
                learner.update(a, mu[a]);
            }
        }
        double temperature = c / Math.sqrt(n); // 0.5
        double[] p = new double[4];
        Softmax.probabilities(mu, 4, temperature, p); // (0.0871, 0.2369, 0.6439, 0.1300)
        int draws = 40_000;
        int[] counts = new int[4];
        for (int i = 0; i < draws; i++) {
            counts[learner.select()]++; // select does not change the learner: only fresh Z's
        }
        for (int a = 0; a < 4; a++) {
            double se = Math.sqrt(p[a] * (1 - p[a]) / draws);
            assertEquals(p[a], counts[a] / (double) draws, 4 * se, "arm " + a);
        }
        // and the Monte Carlo distribution (1000 draws, own generator) estimates the same softmax
        double[] out = new double[4];
        learner.distribution(out);
        for (int a = 0; a < 4; a++) {
            double se = Math.sqrt(p[a] * (1 - p[a]) / BoltzmannGumbel.MONTE_CARLO_DRAWS);
            assertEquals(p[a], out[a], 4 * se, "Monte Carlo share of arm " + a);
        }
        assertEquals(BanditSupport.entropy(out, 4), learner.entropy(), 0.0);
    }

    @Test
    void zeroScaleIsGreedyAndTiesShareTheMonteCarloMass() {
        BoltzmannGumbel.Learner learner = BoltzmannGumbel.of(0).start(3, TestRngs.seeded(SEED));
        learner.update(0, 0.7);
        learner.update(1, 0.7);
        learner.update(2, 0.1);
        double[] out = new double[3];
        learner.distribution(out);
        assertArrayEquals(new double[] {0.5, 0.5, 0}, out, 1e-12);
        assertEquals(Math.log(2), learner.entropy(), 1e-12);
    }

    @Test
    void sampleAveragesAndScales() {
        BoltzmannGumbel.Learner learner = BoltzmannGumbel.of(2).start(2, TestRngs.seeded(SEED));
        assertEquals(Double.POSITIVE_INFINITY, learner.scale(0));
        learner.update(0, 1.0);
        learner.update(0, 2.0);
        learner.update(0, 6.0);
        assertEquals(3.0, learner.value(0), 0.0);
        assertEquals(3, learner.pulls(0));
        assertEquals(2 / Math.sqrt(3), learner.scale(0), 1e-15);
        assertTrue(Double.isNaN(learner.temperature()));
    }

    /** The Monte Carlo draws use the learner's own generator: asking for them never moves the actions. */
    @Test
    void askingForTheDistributionDoesNotChangeTheActions() {
        GaussianBandit env = GaussianBandit.testbed(5);
        BanditRun quietBandit = env.start(TestRngs.seeded(SEED + 2));
        BanditRun chattyBandit = env.start(TestRngs.seeded(SEED + 2));
        BoltzmannGumbel.Learner quiet = BoltzmannGumbel.of(1).start(5, TestRngs.seeded(SEED));
        BoltzmannGumbel.Learner chatty = BoltzmannGumbel.of(1).start(5, TestRngs.seeded(SEED));
        double[] out = new double[5];
        for (int t = 0; t < 300; t++) {
            chatty.entropy();
            chatty.distribution(out);
            int a = quiet.select();
            assertEquals(a, chatty.select(), "step " + t);
            quiet.update(a, quietBandit.pull(a));
            chatty.update(a, chattyBandit.pull(a));
        }
    }

    @Test
    void validation() {
        assertMessage("c is not finite and >= 0: NaN", () -> BoltzmannGumbel.of(Double.NaN));
        assertMessage("c is not finite and >= 0: -0.5", () -> BoltzmannGumbel.of(-0.5));
        assertMessage("arms is not at least 1: 0", () -> BoltzmannGumbel.of(1).start(0, TestRngs.seeded(SEED)));
        assertMessage("reward is not finite: NaN",
            () -> BoltzmannGumbel.of(1).start(2, TestRngs.seeded(SEED)).update(0, Double.NaN));
        assertThrows(NullPointerException.class, () -> BoltzmannGumbel.of(1).start(2, null));
        assertEquals("boltzmann-gumbel(c=1.0)", BoltzmannGumbel.of(1).toString());
        assertEquals("boltzmann-gumbel(c=1.0, monte-carlo-draws=50)",
            BoltzmannGumbel.of(1).withMonteCarloDraws(50).toString());
        assertEquals(50, BoltzmannGumbel.of(1).withMonteCarloDraws(50).monteCarloDraws());
        assertMessage("draws is not at least 1: -3", () -> BoltzmannGumbel.of(1).withMonteCarloDraws(-3));
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }
}
