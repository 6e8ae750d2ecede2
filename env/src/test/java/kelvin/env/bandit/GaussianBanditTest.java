package kelvin.env.bandit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Tests of {@link GaussianBandit}: seeding, draw order, reward distribution, validation. */
class GaussianBanditTest {

    /** Fixed seed: every statistical check below is deterministic and was passed once, not re-rolled. */
    private static final long SEED = 20260101L;

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    @Test
    void sameSeedGivesIdenticalMeansAndRewards() {
        GaussianBandit env = GaussianBandit.testbed(10);
        BanditRun a = env.start(rng(SEED));
        BanditRun b = env.start(rng(SEED));
        for (int i = 0; i < 10; i++) {
            assertEquals(a.mean(i), b.mean(i), 0.0);
        }
        for (int t = 0; t < 1000; t++) {
            int arm = t % 10;
            assertEquals(a.pull(arm), b.pull(arm), 0.0, "step " + t);
        }
    }

    @Test
    void differentSeedGivesDifferentMeansAndRewards() {
        GaussianBandit env = GaussianBandit.testbed(10);
        BanditRun a = env.start(rng(SEED));
        BanditRun b = env.start(rng(SEED + 1));
        int sameMeans = 0;
        for (int i = 0; i < 10; i++) {
            sameMeans += a.mean(i) == b.mean(i) ? 1 : 0;
        }
        int sameRewards = 0;
        for (int t = 0; t < 100; t++) {
            sameRewards += a.pull(3) == b.pull(3) ? 1 : 0;
        }
        assertEquals(0, sameMeans);
        assertEquals(0, sameRewards);
    }

    /** NOTES.md rule 1: K means first, then one standard normal per pull whatever the arm. */
    @Test
    void drawOrderIsMeansThenOneNormalPerPull() {
        double meanOfMeans = 0.5;
        double sdOfMeans = 2.0;
        double noise = 1.5;
        GaussianBandit env = GaussianBandit.drawn(4, meanOfMeans, sdOfMeans, noise);
        BanditRun run = env.start(rng(SEED));
        NormalizedGaussianSampler reference = ZigguratSampler.NormalizedGaussian.of(rng(SEED));
        double[] mu = new double[4];
        for (int i = 0; i < 4; i++) {
            mu[i] = meanOfMeans + sdOfMeans * reference.sample();
            assertEquals(mu[i], run.mean(i), 0.0, "mean of arm " + i);
        }
        int[] arms = {2, 2, 0, 3, 1, 1, 0, 2};
        for (int arm : arms) {
            double expected = mu[arm] + noise * reference.sample();
            assertEquals(expected, run.pull(arm), 0.0);
        }
    }

    /** Common random numbers: the noise z_t of run r does not depend on which arms were pulled. */
    @Test
    void noiseSequenceDoesNotDependOnTheArmsPulled() {
        GaussianBandit env = GaussianBandit.testbed(10);
        BanditRun alwaysZero = env.start(rng(SEED));
        BanditRun wandering = env.start(rng(SEED));
        UniformRandomProvider armChooser = rng(99);
        for (int t = 0; t < 2000; t++) {
            int arm = armChooser.nextInt(10);
            double z0 = alwaysZero.pull(0) - alwaysZero.mean(0);
            double z1 = wandering.pull(arm) - wandering.mean(arm);
            // r - mu recovers z up to one rounding of the sum, hence the tolerance
            assertEquals(z0, z1, 1e-12, "step " + t);
        }
    }

    @Test
    void fixedMeansAreTheSameInEveryRunAndDrawNothing() {
        double[] means = {-1.0, 0.5, 2.0};
        GaussianBandit env = GaussianBandit.of(3, means, 1.0);
        BanditRun run = env.start(rng(SEED));
        NormalizedGaussianSampler reference = ZigguratSampler.NormalizedGaussian.of(rng(SEED));
        assertEquals(0.5 + reference.sample(), run.pull(1), 0.0);
        BanditRun other = env.start(rng(SEED + 7));
        for (int i = 0; i < 3; i++) {
            assertEquals(means[i], run.mean(i), 0.0);
            assertEquals(means[i], other.mean(i), 0.0);
        }
        assertArrayEquals(means, env.means(), 0.0);
        means[0] = 100; // the factory copied the array
        assertEquals(-1.0, env.means()[0], 0.0);
    }

    @Test
    void rewardMeanAndSdMatchArmWithinFourStandardErrors() {
        double mu = 2.0;
        double sigma = 2.0;
        GaussianBandit env = GaussianBandit.of(3, new double[] {-1.0, 0.5, mu}, sigma);
        BanditRun run = env.start(rng(SEED));
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        for (int t = 0; t < n; t++) {
            double r = run.pull(2);
            sum += r;
            sumSq += r * r;
        }
        double mean = sum / n;
        double variance = (sumSq - n * mean * mean) / (n - 1);
        double seMean = sigma / Math.sqrt(n);
        // normal samples: Var(s^2) = 2 sigma^4 / (n - 1)
        double seVariance = sigma * sigma * Math.sqrt(2.0 / (n - 1));
        assertEquals(mu, mean, 4 * seMean, "mean reward");
        assertEquals(sigma * sigma, variance, 4 * seVariance, "reward variance");
    }

    @Test
    void drawnMeansFollowTheirNormalWithinFourStandardErrors() {
        double meanOfMeans = 3.0;
        double sdOfMeans = 0.5;
        GaussianBandit env = GaussianBandit.drawn(5, meanOfMeans, sdOfMeans, 1.0);
        UniformRandomProvider stream = rng(SEED);
        int runs = 20_000;
        int n = runs * 5;
        double sum = 0;
        double sumSq = 0;
        for (int r = 0; r < runs; r++) {
            BanditRun run = env.start(stream);
            for (int i = 0; i < 5; i++) {
                double m = run.mean(i);
                sum += m;
                sumSq += m * m;
            }
        }
        double mean = sum / n;
        double variance = (sumSq - n * mean * mean) / (n - 1);
        assertEquals(meanOfMeans, mean, 4 * sdOfMeans / Math.sqrt(n));
        assertEquals(sdOfMeans * sdOfMeans, variance, 4 * sdOfMeans * sdOfMeans * Math.sqrt(2.0 / (n - 1)));
    }

    @Test
    void bestMeanAndOptimalArmsCountTies() {
        BanditRun run = GaussianBandit.of(4, new double[] {1.0, 2.0, -3.0, 2.0}, 1.0).start(rng(SEED));
        assertEquals(2.0, run.bestMean(), 0.0);
        assertFalse(run.isOptimal(0));
        assertTrue(run.isOptimal(1));
        assertFalse(run.isOptimal(2));
        assertTrue(run.isOptimal(3));
        assertEquals(4, run.arms());
    }

    @Test
    void testbedIsTenArmsStandardNormalMeansUnitNoise() {
        GaussianBandit env = GaussianBandit.testbed(10);
        assertEquals(10, env.arms());
        assertTrue(env.meansDrawn());
        assertEquals(0.0, env.meanOfMeans(), 0.0);
        assertEquals(1.0, env.sdOfMeans(), 0.0);
        assertEquals(1.0, env.noise(), 0.0);
        BanditRun run = env.start(rng(SEED));
        NormalizedGaussianSampler reference = ZigguratSampler.NormalizedGaussian.of(rng(SEED));
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 10; i++) {
            double g = reference.sample();
            assertEquals(g, run.mean(i), 0.0); // 0 + 1 * g is exactly g
            best = Math.max(best, g);
        }
        assertEquals(best, run.bestMean(), 0.0);
        assertThrows(IllegalStateException.class, env::means);
    }

    @Test
    void zeroNoiseStillDrawsOneNormalPerPull() {
        BanditRun run = GaussianBandit.of(2, new double[] {0.25, -0.25}, 0.0).start(rng(SEED));
        assertEquals(0.25, run.pull(0), 0.0);
        assertEquals(-0.25, run.pull(1), 0.0);
    }

    @Test
    void validationMessagesNameTheParameterAndValue() {
        assertMessage("arms is not at least 1: 0", () -> GaussianBandit.of(0, new double[0], 1));
        assertMessage("means has 2 entries but arms is 3", () -> GaussianBandit.of(3, new double[] {1, 2}, 1));
        assertMessage("means[1] is not finite: NaN", () -> GaussianBandit.of(2, new double[] {1, Double.NaN}, 1));
        assertMessage("means[0] is not finite: Infinity",
            () -> GaussianBandit.of(1, new double[] {Double.POSITIVE_INFINITY}, 1));
        assertMessage("noise is not finite and >= 0: -1.0", () -> GaussianBandit.of(1, new double[] {0}, -1));
        assertMessage("noise is not finite and >= 0: NaN", () -> GaussianBandit.drawn(2, 0, 1, Double.NaN));
        assertMessage("noise is not finite and >= 0: Infinity",
            () -> GaussianBandit.drawn(2, 0, 1, Double.POSITIVE_INFINITY));
        assertMessage("arms is not at least 1: -2", () -> GaussianBandit.drawn(-2, 0, 1, 1));
        assertMessage("meanOfMeans is not finite: NaN", () -> GaussianBandit.drawn(2, Double.NaN, 1, 1));
        assertMessage("sdOfMeans is not finite and >= 0: -0.5", () -> GaussianBandit.drawn(2, 0, -0.5, 1));
        assertMessage("sdOfMeans is not finite and >= 0: NaN", () -> GaussianBandit.drawn(2, 0, Double.NaN, 1));
    }

    private static void assertMessage(String expected, Runnable factory) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, factory::run);
        assertEquals(expected, e.getMessage());
    }
}
