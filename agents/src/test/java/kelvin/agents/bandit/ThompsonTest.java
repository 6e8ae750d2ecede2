package kelvin.agents.bandit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kelvin.agents.policy.Argmax;
import kelvin.agents.testing.TestRngs;
import kelvin.env.bandit.BanditRun;
import kelvin.env.bandit.BernoulliBandit;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link Thompson}: conjugate posterior updates (Russo et al. 2018, "A tutorial on Thompson
 * sampling", sections 3-4; Agrawal &amp; Goyal 2012), the draw order, the Gamma sampler against
 * Commons RNG, and the Monte Carlo action distribution.
 */
class ThompsonTest {

    private static final long SEED = 0x7_0A5L;

    /** Beta(1, 1) prior: after successes s and failures f the posterior is Beta(1 + s, 1 + f). */
    @Test
    void bernoulliPosteriorCountsSuccessesAndFailures() {
        Thompson.Learner learner = Thompson.bernoulli().start(3, TestRngs.seeded(SEED));
        assertEquals(1.0, learner.posteriorAlpha(1), 0.0);
        assertEquals(1.0, learner.posteriorBeta(1), 0.0);
        assertEquals(0.5, learner.posteriorMean(1), 0.0);
        learner.update(1, 1.0);
        learner.update(1, 0.0);
        learner.update(1, 1.0);
        learner.update(2, 0.0);
        assertEquals(1 + 2, learner.posteriorAlpha(1), 0.0); // two successes
        assertEquals(1 + 1, learner.posteriorBeta(1), 0.0); // one failure
        assertEquals(3.0 / (3 + 2), learner.posteriorMean(1), 0.0);
        assertEquals(1.0, learner.posteriorAlpha(2), 0.0);
        assertEquals(2.0, learner.posteriorBeta(2), 0.0);
        assertEquals(3, learner.pulls(1));
        assertEquals(2.0, learner.rewardSum(1), 0.0);
        assertEquals(1.0, learner.posteriorAlpha(0), 0.0);
    }

    /** N(0, 1) prior, known sigma: precision tau = 1 + N / sigma^2, mean m = (S / sigma^2) / tau. */
    @Test
    void gaussianPosteriorIsTheConjugateNormal() {
        double sigma = 2.0;
        Thompson.Learner learner = Thompson.gaussian(sigma).start(2, TestRngs.seeded(SEED));
        assertEquals(1.0, learner.posteriorPrecision(0), 0.0); // the prior N(0, 1)
        assertEquals(0.0, learner.posteriorMean(0), 0.0);
        learner.update(0, 1.0);
        learner.update(0, 3.0);
        double tau = 1 + 2 / (sigma * sigma); // 1.5
        double m = ((1.0 + 3.0) / (sigma * sigma)) / tau; // (4/4) / 1.5 = 2/3
        assertEquals(tau, learner.posteriorPrecision(0), 1e-15);
        assertEquals(m, learner.posteriorMean(0), 1e-15);
        learner.update(0, -2.0);
        double tau3 = 1 + 3 / 4.0; // 1.75
        assertEquals(tau3, learner.posteriorPrecision(0), 1e-15);
        assertEquals((2.0 / 4) / tau3, learner.posteriorMean(0), 1e-15);
        assertEquals(1.0, learner.posteriorPrecision(1), 0.0);
    }

    /**
     * Draw order, Gaussian model: one nextLong() seeds the Monte Carlo generator at start; then per
     * step theta_a = m_a + z_a (1 / sqrt(tau_a)) for a = 0 .. K-1 from a ziggurat sampler over the
     * agent's stream, and the argmax is played.
     */
    @Test
    void gaussianSelectDrawsOneNormalPerArmInOrder() {
        double sigma = 1.0;
        Thompson.Learner learner = Thompson.gaussian(sigma).start(3, TestRngs.seeded(SEED));
        UniformRandomProvider reference = TestRngs.seeded(SEED);
        reference.nextLong(); // the Monte Carlo seed
        NormalizedGaussianSampler z = ZigguratSampler.NormalizedGaussian.of(reference);
        double[] sum = new double[3];
        long[] n = new long[3];
        double[] theta = new double[3];
        for (int t = 0; t < 200; t++) {
            for (int a = 0; a < 3; a++) {
                double tau = 1 + n[a] / (sigma * sigma);
                double posteriorSd = 1 / Math.sqrt(tau);
                theta[a] = (sum[a] / (sigma * sigma)) / tau + posteriorSd * z.sample();
            }
            int expected = Argmax.select(theta, 3, reference); // ties have probability 0: no draw
            int arm = learner.select();
            assertEquals(expected, arm, "step " + t);
            double reward = 0.3 * arm; // any deterministic reward
            learner.update(arm, reward);
            sum[arm] += reward;
            n[arm]++;
        }
    }

    /**
     * Draw order, Bernoulli model: theta_a = X / (X + Y), X ~ Gamma(alpha_a) then Y ~ Gamma(beta_a),
     * bit for bit what Commons RNG's AhrensDieterMarsagliaTsangGammaSampler draws from the same stream.
     */
    @Test
    void bernoulliSelectMatchesCommonsRngGammaDrawForDraw() {
        BanditRun bandit = BernoulliBandit.of(0.2, 0.5, 0.7, 0.4).start(TestRngs.seeded(SEED + 1));
        Thompson.Learner learner = Thompson.bernoulli().start(4, TestRngs.seeded(SEED));
        UniformRandomProvider reference = TestRngs.seeded(SEED);
        reference.nextLong(); // the Monte Carlo seed
        double[] theta = new double[4];
        for (int t = 0; t < 300; t++) {
            for (int a = 0; a < 4; a++) {
                double x = AhrensDieterMarsagliaTsangGammaSampler.of(reference, learner.posteriorAlpha(a), 1).sample();
                double y = AhrensDieterMarsagliaTsangGammaSampler.of(reference, learner.posteriorBeta(a), 1).sample();
                theta[a] = x / (x + y);
            }
            int expected = Argmax.select(theta, 4, reference);
            int arm = learner.select();
            assertEquals(expected, arm, "step " + t);
            learner.update(arm, bandit.pull(arm));
        }
    }

    /** The package's Marsaglia-Tsang loop equals Commons RNG's sampler for shapes &gt;= 1, draw for draw. */
    @Test
    void marsagliaTsangEqualsCommonsRng() {
        for (double shape : new double[] {1, 1.5, 2, 3, 7.25, 50, 1e4}) {
            UniformRandomProvider mine = TestRngs.seeded(SEED);
            UniformRandomProvider theirs = TestRngs.seeded(SEED);
            NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(mine);
            var library = AhrensDieterMarsagliaTsangGammaSampler.of(theirs, shape, 1);
            double d = MarsagliaTsang.d(shape);
            double c = MarsagliaTsang.c(d);
            for (int i = 0; i < 10_000; i++) {
                assertEquals(library.sample(), MarsagliaTsang.sample(d, c, g, mine), 0.0,
                    "shape " + shape + ", draw " + i);
            }
        }
    }

    /**
     * Monte Carlo distribution, Gaussian model with two arms: P(theta_0 &gt; theta_1) =
     * Phi((m_0 - m_1) / sqrt(1/tau_0 + 1/tau_1)); the estimate from 1000 draws is within 4 se.
     */
    @Test
    void monteCarloDistributionMatchesTheClosedFormForTwoGaussianArms() {
        Thompson.Learner learner = Thompson.gaussian(1.0).start(2, TestRngs.seeded(SEED));
        learner.update(0, 0.8);
        learner.update(0, 0.4);
        learner.update(1, 0.1);
        double m0 = learner.posteriorMean(0);
        double m1 = learner.posteriorMean(1);
        double sd = Math.sqrt(1 / learner.posteriorPrecision(0) + 1 / learner.posteriorPrecision(1));
        double p0 = new NormalDistribution().cumulativeProbability((m0 - m1) / sd);
        double[] out = new double[2];
        learner.distribution(out);
        double se = Math.sqrt(p0 * (1 - p0) / Thompson.MONTE_CARLO_DRAWS);
        assertEquals(p0, out[0], 4 * se);
        assertEquals(1.0, out[0] + out[1], 1e-12);
        double h = -(out[0] * Math.log(out[0]) + out[1] * Math.log(out[1]));
        assertEquals(h, learner.entropy(), 1e-12); // the plug-in entropy of the same (cached) shares
    }

    /** The estimate is cached within a step and renewed after an update. */
    @Test
    void monteCarloEstimateIsCachedUntilTheNextUpdate() {
        Thompson.Learner learner = Thompson.bernoulli().start(3, TestRngs.seeded(SEED));
        double h = learner.entropy();
        double[] a = new double[3];
        double[] b = new double[3];
        learner.distribution(a);
        learner.distribution(b);
        assertArrayEquals(a, b, 0.0);
        assertEquals(h, learner.entropy(), 0.0);
        // uniform priors: every arm wins about a third of the draws
        for (int i = 0; i < 3; i++) {
            assertEquals(1.0 / 3, a[i], 4 * Math.sqrt((1.0 / 3) * (2.0 / 3) / Thompson.MONTE_CARLO_DRAWS));
        }
        for (int t = 0; t < 20; t++) {
            learner.update(0, 1.0);
            learner.update(1, 0.0);
        }
        learner.distribution(b);
        assertTrue(b[0] > 0.9, "arm 0 has 20 successes: " + b[0]);
    }

    /** The Monte Carlo draws use the learner's own generator: asking for them never moves the actions. */
    @Test
    void askingForTheDistributionDoesNotChangeTheActions() {
        BernoulliBandit env = BernoulliBandit.of(0.3, 0.5, 0.6);
        BanditRun quietBandit = env.start(TestRngs.seeded(SEED + 2));
        BanditRun chattyBandit = env.start(TestRngs.seeded(SEED + 2));
        Thompson.Learner quiet = Thompson.bernoulli().start(3, TestRngs.seeded(SEED));
        Thompson.Learner chatty = Thompson.bernoulli().start(3, TestRngs.seeded(SEED));
        double[] out = new double[3];
        for (int t = 0; t < 300; t++) {
            if (t % 3 == 0) {
                chatty.entropy();
                chatty.distribution(out);
            }
            int a = quiet.select();
            assertEquals(a, chatty.select(), "step " + t);
            quiet.update(a, quietBandit.pull(a));
            chatty.update(a, chattyBandit.pull(a));
        }
    }

    /** M only sets the estimate's precision: the actions are the same, the shares are multiples of 1/M. */
    @Test
    void monteCarloDrawsAreConfigurable() {
        Thompson few = Thompson.gaussian(1).withMonteCarloDraws(10);
        assertEquals(10, few.monteCarloDraws());
        assertEquals(Thompson.MONTE_CARLO_DRAWS, Thompson.gaussian(1).monteCarloDraws());
        assertEquals("thompson(gaussian, prior=N(0,1), noise-sd=1.0, monte-carlo-draws=10)", few.toString());
        assertEquals("thompson(bernoulli, prior=Beta(1,1))", Thompson.bernoulli().toString());
        Thompson.Learner a = few.start(3, TestRngs.seeded(SEED));
        Thompson.Learner b = Thompson.gaussian(1).start(3, TestRngs.seeded(SEED));
        double[] out = new double[3];
        for (int t = 0; t < 50; t++) {
            a.distribution(out);
            for (double share : out) {
                assertEquals(Math.rint(share * 10), share * 10, 1e-9);
            }
            int arm = a.select();
            assertEquals(arm, b.select(), "step " + t);
            a.update(arm, 0.5 * arm);
            b.update(arm, 0.5 * arm);
        }
        assertMessage("draws is not at least 1: 0", () -> Thompson.bernoulli().withMonteCarloDraws(0));
    }

    @Test
    void validation() {
        Thompson.Learner bernoulli = Thompson.bernoulli().start(2, TestRngs.seeded(SEED));
        assertMessage("reward is not 0 or 1 (Bernoulli Thompson sampling): 0.5", () -> bernoulli.update(0, 0.5));
        assertMessage("reward is not 0 or 1 (Bernoulli Thompson sampling): NaN",
            () -> bernoulli.update(0, Double.NaN));
        assertEquals(0, bernoulli.pulls(0)); // a rejected reward changes nothing
        Thompson.Learner gaussian = Thompson.gaussian(1).start(2, TestRngs.seeded(SEED));
        assertMessage("reward is not finite: Infinity", () -> gaussian.update(1, Double.POSITIVE_INFINITY));
        assertMessage("noiseSd is not finite and > 0: 0.0", () -> Thompson.gaussian(0));
        assertMessage("noiseSd is not finite and > 0: NaN", () -> Thompson.gaussian(Double.NaN));
        assertMessage("arms is not at least 1: 0", () -> Thompson.bernoulli().start(0, TestRngs.seeded(SEED)));
        assertThrows(IllegalStateException.class, () -> bernoulli.posteriorPrecision(0));
        assertThrows(IllegalStateException.class, () -> gaussian.posteriorAlpha(0));
        assertThrows(NullPointerException.class, () -> Thompson.bernoulli().start(2, null));
        assertEquals(Thompson.Model.GAUSSIAN, Thompson.gaussian(2).model());
        assertEquals(2.0, Thompson.gaussian(2).noiseSd(), 0.0);
        assertTrue(Double.isNaN(Thompson.bernoulli().noiseSd()));
        assertTrue(Double.isNaN(gaussian.temperature()));
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }
}
