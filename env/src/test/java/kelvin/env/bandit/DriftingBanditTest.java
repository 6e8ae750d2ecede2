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

/**
 * Tests of {@link DriftingBandit} (Sutton &amp; Barto 2018, Exercise 2.5): draw order, drift
 * statistics, common random numbers, the current best arm, validation.
 */
class DriftingBanditTest {

    /** Fixed seed: every statistical check below is deterministic and was passed once, not re-rolled. */
    private static final long SEED = 20260105L;

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** Per step: the reward noise z_t first, then the K drifts z_{t,0} .. z_{t,K-1}, whatever the arm. */
    @Test
    void drawOrderIsNoiseThenOneDriftPerArm() {
        double drift = 0.3;
        double noise = 1.5;
        double[] mu = {0.5, -1.0, 2.0, 0.0};
        BanditRun run = DriftingBandit.of(4, mu, drift, noise).start(rng(SEED));
        NormalizedGaussianSampler reference = ZigguratSampler.NormalizedGaussian.of(rng(SEED));
        double[] expectedMu = mu.clone();
        int[] arms = {2, 2, 0, 3, 1, 1, 0, 2, 3, 3};
        for (int t = 0; t < arms.length; t++) {
            for (int i = 0; i < 4; i++) {
                assertEquals(expectedMu[i], run.mean(i), 0.0, "mean of arm " + i + " at step " + t);
            }
            double expectedReward = expectedMu[arms[t]] + noise * reference.sample();
            for (int i = 0; i < 4; i++) {
                expectedMu[i] += drift * reference.sample();
            }
            assertEquals(expectedReward, run.pull(arms[t]), 0.0, "reward at step " + t);
        }
    }

    /** Drawn initial means: K normals first (as GaussianBandit), then K + 1 normals per step. */
    @Test
    void drawnMeansComeFirstThenTheSteps() {
        double meanOfMeans = 1.0;
        double sdOfMeans = 2.0;
        double drift = 0.1;
        double noise = 0.5;
        BanditRun run = DriftingBandit.drawn(3, meanOfMeans, sdOfMeans, drift, noise).start(rng(SEED));
        NormalizedGaussianSampler reference = ZigguratSampler.NormalizedGaussian.of(rng(SEED));
        double[] mu = new double[3];
        for (int i = 0; i < 3; i++) {
            mu[i] = meanOfMeans + sdOfMeans * reference.sample();
            assertEquals(mu[i], run.mean(i), 0.0);
        }
        double expected = mu[1] + noise * reference.sample();
        assertEquals(expected, run.pull(1), 0.0);
        for (int i = 0; i < 3; i++) {
            assertEquals(mu[i] + drift * reference.sample(), run.mean(i), 0.0);
        }
    }

    @Test
    void exerciseTwoFiveStartsAllMeansAtZero() {
        DriftingBandit env = DriftingBandit.fromZero(10, 0.01, 1.0);
        BanditRun run = env.start(rng(SEED));
        for (int i = 0; i < 10; i++) {
            assertEquals(0.0, run.mean(i), 0.0);
            assertTrue(run.isOptimal(i)); // all tied at the start
        }
        assertEquals(0.0, run.bestMean(), 0.0);
        assertArrayEquals(new double[10], env.initialMeans(), 0.0);
        assertFalse(env.meansDrawn());
    }

    /**
     * Each increment mu_i(t+1) - mu_i(t) is N(0, drift^2): sample mean within 4 se = 4 drift / sqrt(n)
     * of 0, sample variance within 4 se = 4 drift^2 sqrt(2 / (n - 1)) of drift^2.
     */
    @Test
    void driftIncrementsHaveTheDriftStandardDeviation() {
        double drift = 0.01;
        int arms = 5;
        int steps = 40_000;
        BanditRun run = DriftingBandit.fromZero(arms, drift, 1.0).start(rng(SEED));
        double[] before = new double[arms];
        double sum = 0;
        double sumSq = 0;
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < arms; i++) {
                before[i] = run.mean(i);
            }
            run.pull(t % arms);
            for (int i = 0; i < arms; i++) {
                double d = run.mean(i) - before[i];
                sum += d;
                sumSq += d * d;
            }
        }
        int n = steps * arms;
        double mean = sum / n;
        double variance = (sumSq - n * mean * mean) / (n - 1);
        assertEquals(0.0, mean, 4 * drift / Math.sqrt(n), "mean increment");
        assertEquals(drift * drift, variance, 4 * drift * drift * Math.sqrt(2.0 / (n - 1)), "increment variance");
    }

    /** Reward noise is N(0, noise^2) around the current mean (4 se). */
    @Test
    void rewardNoiseHasTheNoiseStandardDeviation() {
        double noise = 2.0;
        int steps = 100_000;
        BanditRun run = DriftingBandit.of(2, new double[] {0.0, 1.0}, 0.05, noise).start(rng(SEED));
        double sum = 0;
        double sumSq = 0;
        for (int t = 0; t < steps; t++) {
            double e = -run.mean(1);
            e += run.pull(1);
            sum += e;
            sumSq += e * e;
        }
        double mean = sum / steps;
        double variance = (sumSq - steps * mean * mean) / (steps - 1);
        assertEquals(0.0, mean, 4 * noise / Math.sqrt(steps));
        assertEquals(noise * noise, variance, 4 * noise * noise * Math.sqrt(2.0 / (steps - 1)));
    }

    /**
     * Common random numbers: run r's mean trajectories (hence mu* and the optimal arms) are
     * bit-identical whatever the arms pulled; the noise is checked in the next test.
     */
    @Test
    void runDoesNotDependOnTheArmsPulled() {
        DriftingBandit env = DriftingBandit.drawn(6, 0, 1, 0.05, 1.0);
        BanditRun alwaysZero = env.start(rng(SEED));
        BanditRun wandering = env.start(rng(SEED));
        UniformRandomProvider armChooser = rng(99);
        for (int t = 0; t < 2000; t++) {
            for (int i = 0; i < 6; i++) {
                assertEquals(alwaysZero.mean(i), wandering.mean(i), 0.0, "arm " + i + ", step " + t);
            }
            assertEquals(alwaysZero.bestMean(), wandering.bestMean(), 0.0);
            alwaysZero.pull(0);
            wandering.pull(armChooser.nextInt(6));
        }
        // and the same seed pulling the same arm gives the same rewards
        BanditRun a = env.start(rng(SEED + 1));
        BanditRun b = env.start(rng(SEED + 1));
        for (int t = 0; t < 500; t++) {
            assertEquals(a.pull(t % 6), b.pull(t % 6), 0.0, "step " + t);
        }
    }

    /** The noise z_t = r_t - mu_{a_t}(t) is the same for any arm pulled at step t. */
    @Test
    void noiseDoesNotDependOnTheArmPulled() {
        DriftingBandit env = DriftingBandit.fromZero(4, 0.1, 1.0);
        BanditRun a = env.start(rng(SEED));
        BanditRun b = env.start(rng(SEED));
        for (int t = 0; t < 1000; t++) {
            int armB = (t * 7 + 3) % 4;
            double za = -a.mean(0);
            za += a.pull(0);
            double zb = -b.mean(armB);
            zb += b.pull(armB);
            assertEquals(za, zb, 1e-12, "step " + t); // r - mu recovers z up to one rounding
        }
    }

    /** bestMean and isOptimal describe the current step: the max of the current means; ties all count. */
    @Test
    void bestMeanAndOptimalArmTrackTheCurrentMeans() {
        BanditRun run = DriftingBandit.of(3, new double[] {0.0, 0.05, 0.1}, 0.1, 1.0).start(rng(SEED));
        int bestChanges = 0;
        int previousBest = -1;
        for (int t = 0; t < 5000; t++) {
            double max = Math.max(run.mean(0), Math.max(run.mean(1), run.mean(2)));
            assertEquals(max, run.bestMean(), 0.0, "step " + t);
            int best = -1;
            for (int i = 0; i < 3; i++) {
                assertEquals(run.mean(i) == max, run.isOptimal(i), "arm " + i + ", step " + t);
                if (run.isOptimal(i)) {
                    best = i;
                }
            }
            bestChanges += best != previousBest ? 1 : 0;
            previousBest = best;
            run.pull(t % 3);
        }
        assertTrue(bestChanges > 10, "the best arm changed only " + bestChanges + " times");
    }

    @Test
    void zeroDriftIsStationaryButStillDrawsTheDrifts() {
        double[] mu = {0.2, 0.8};
        BanditRun run = DriftingBandit.of(2, mu, 0.0, 1.0).start(rng(SEED));
        NormalizedGaussianSampler reference = ZigguratSampler.NormalizedGaussian.of(rng(SEED));
        for (int t = 0; t < 100; t++) {
            double expected = mu[t % 2] + reference.sample();
            reference.sample();
            reference.sample();
            assertEquals(expected, run.pull(t % 2), 0.0);
            assertEquals(0.2, run.mean(0), 0.0);
            assertEquals(0.8, run.mean(1), 0.0);
        }
    }

    @Test
    void runsDoNotShareTheirMeansAndFactoriesCopy() {
        double[] mu = {1.0, 2.0};
        DriftingBandit env = DriftingBandit.of(2, mu, 0.5, 1.0);
        mu[0] = 100;
        BanditRun a = env.start(rng(SEED));
        a.pull(0);
        BanditRun b = env.start(rng(SEED + 3));
        assertEquals(1.0, b.mean(0), 0.0); // a's drift did not touch the shared initial means
        assertEquals(2.0, b.mean(1), 0.0);
        assertArrayEquals(new double[] {1.0, 2.0}, env.initialMeans(), 0.0);
        assertEquals(0.5, env.drift(), 0.0);
        assertEquals(1.0, env.noise(), 0.0);
        assertEquals(2, env.arms());
        assertEquals(2, a.arms());
    }

    @Test
    void validationMessagesNameTheParameterAndValue() {
        assertMessage("arms is not at least 1: 0", () -> DriftingBandit.fromZero(0, 0.01, 1));
        assertMessage("initialMeans has 2 entries but arms is 3", () -> DriftingBandit.of(3, new double[2], 0.01, 1));
        assertMessage("initialMeans[1] is not finite: NaN",
            () -> DriftingBandit.of(2, new double[] {0, Double.NaN}, 0.01, 1));
        assertMessage("drift is not finite and >= 0: NaN", () -> DriftingBandit.fromZero(2, Double.NaN, 1));
        assertMessage("drift is not finite and >= 0: -0.01", () -> DriftingBandit.fromZero(2, -0.01, 1));
        assertMessage("noise is not finite and >= 0: Infinity",
            () -> DriftingBandit.fromZero(2, 0.01, Double.POSITIVE_INFINITY));
        assertMessage("meanOfMeans is not finite: NaN", () -> DriftingBandit.drawn(2, Double.NaN, 1, 0.01, 1));
        assertMessage("sdOfMeans is not finite and >= 0: -1.0", () -> DriftingBandit.drawn(2, 0, -1, 0.01, 1));
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> DriftingBandit.drawn(2, 0, 1, 0.01, 1).initialMeans());
        assertEquals("the initial means are drawn per run", e.getMessage());
        // a bad arm consumes no random numbers
        BanditRun run = DriftingBandit.fromZero(2, 0.01, 1).start(rng(SEED));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> run.pull(2));
    }

    private static void assertMessage(String expected, Runnable factory) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, factory::run);
        assertEquals(expected, e.getMessage());
    }
}
