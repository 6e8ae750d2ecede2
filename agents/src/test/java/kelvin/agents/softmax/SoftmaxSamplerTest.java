package kelvin.agents.softmax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import kelvin.agents.testing.TestRngs;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

/**
 * {@link SoftmaxSampler} must return exactly the index of the plain {@link Softmax#sample} for the
 * same logits, temperature and uniform: checked draw by draw over millions of steps of the 10-armed
 * testbed (fixed and annealed temperatures, with and without the hint), over random and extreme
 * logits, and on draws placed on the boundaries of the inversion, where only the plain path can
 * decide. Every comparison is exact (an index), and all generators are seeded.
 */
class SoftmaxSamplerTest {

    /** Seed of the comparisons (fixed: a pass is not re-rolled). */
    private static final long SEED = 0x5A3D_1E55L;

    @Test
    void polynomialExpIsWithinItsDocumentedErrorOfMathExp() {
        // the certificate's margin rests on this bound (3.5e-6); the Taylor remainder alone is 3.41e-6
        double worst = 0;
        for (double s = -700; s <= 64; s += 0x1p-10) {
            worst = Math.max(worst, Math.abs(CertifiedWeights.exp(s) / Math.exp(s) - 1));
        }
        UniformRandomProvider rng = TestRngs.seeded(SEED);
        for (int i = 0; i < 1_000_000; i++) {
            double s = -700 + 764 * rng.nextDouble();
            worst = Math.max(worst, Math.abs(CertifiedWeights.exp(s) / Math.exp(s) - 1));
        }
        assertTrue(worst < 3.5e-6, "worst relative error " + worst);
        assertTrue(worst > 3.0e-6, "the bound is nearly reached at |r| = ln(2)/2: " + worst);
        assertEquals(1.0, CertifiedWeights.exp(0.0), 0.0);
        assertEquals(1.0, CertifiedWeights.exp(-0.0), 0.0);
        assertTrue(CertifiedWeights.exp(-700) >= Double.MIN_NORMAL, "e^-700 stays a normal double");
    }

    /**
     * The testbed of Sutton &amp; Barto (section 2.3) with sample averages, as the bandit runner plays
     * it: every action of the fast path is compared with the plain path at the same Q, T and u.
     */
    private static long[] testbed(int runs, int steps, boolean annealed, boolean hint) {
        final int k = 10;
        long fast = 0;
        long plainCalls = 0;
        double[] scratch = new double[k];
        for (int r = 0; r < runs; r++) {
            UniformRandomProvider env = TestRngs.stream(SEED, r, 0);
            UniformRandomProvider agent = TestRngs.stream(SEED, r, 1);
            ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(env);
            double[] mu = new double[k];
            for (int i = 0; i < k; i++) {
                mu[i] = normal.sample();
            }
            double[] q = new double[k];
            long[] n = new long[k];
            SoftmaxSampler sampler = SoftmaxSampler.of(k);
            int changed = SoftmaxSampler.UNCHANGED;
            for (int t = 0; t < steps; t++) {
                double temperature = annealed ? Math.max(0.01, Math.pow(0.9995, t)) : 0.2;
                double u = agent.nextDouble();
                int expected = Softmax.sample(q, k, temperature, u, scratch);
                int a = hint ? sampler.sample(q, temperature, u, changed) : sampler.sample(q, temperature, u);
                assertEquals(expected, a, "run " + r + " step " + t);
                double reward = mu[a] + normal.sample();
                q[a] += (reward - q[a]) / ++n[a];
                changed = a;
            }
            fast += steps - sampler.plainCalls();
            plainCalls += sampler.plainCalls();
        }
        return new long[] {fast, plainCalls};
    }

    @Test
    void fixedTemperatureTestbedGivesThePlainActionsWithTheHint() {
        long[] counts = testbed(200, 10_000, false, true); // 2 million draws
        // the plain path decides about 2 (K - 1) M = 2.8e-4 of the draws (x near a boundary), not more
        assertTrue(counts[1] > 0 && counts[1] < 2e-3 * 2_000_000, "plain path decided " + counts[1]);
    }

    @Test
    void fixedTemperatureTestbedGivesThePlainActionsWithoutTheHint() {
        testbed(50, 10_000, false, false);
    }

    @Test
    void annealedTestbedGivesThePlainActions() {
        long[] counts = testbed(100, 10_000, true, true); // T from 1 to the floor 0.01, new T every step
        assertTrue(counts[1] < 2e-3 * 1_000_000, "plain path decided " + counts[1]);
    }

    @Test
    void randomAndExtremeLogitsGiveThePlainActions() {
        UniformRandomProvider rng = TestRngs.seeded(SEED + 1);
        double[] temperatures = {0, 1e-300, 1e-3, 0.05, 0.2, 1, 7, 1e5, 1e300, Double.POSITIVE_INFINITY};
        double[] scales = {1e-12, 1e-3, 1, 30, 1e4, 1e100, 1e300};
        int draws = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int k = 1 + rng.nextInt(trial % 3 == 0 ? 3 : 40);
            double scale = scales[rng.nextInt(scales.length)];
            double[] z = new double[k];
            for (int i = 0; i < k; i++) {
                z[i] = rng.nextInt(4) == 0 ? Math.round(rng.nextDouble() * 3) : scale * (2 * rng.nextDouble() - 1);
            }
            double[] scratch = new double[k];
            SoftmaxSampler sampler = SoftmaxSampler.of(k);
            double t = temperatures[rng.nextInt(temperatures.length)];
            for (int step = 0; step < 200; step++) {
                if (rng.nextInt(8) == 0) {
                    t = temperatures[rng.nextInt(temperatures.length)] * (0.5 + rng.nextDouble());
                }
                int changes = rng.nextInt(3); // 0, 1 or 2 logits move before the draw
                for (int c = 0; c < changes; c++) {
                    int i = rng.nextInt(k);
                    z[i] = rng.nextInt(16) == 0 ? z[rng.nextInt(k)] : z[i] + scale * 0.1 * (2 * rng.nextDouble() - 1);
                }
                double u = rng.nextDouble();
                double tt = t;
                int at = trial;
                assertEquals(Softmax.sample(z, k, t, u, scratch), sampler.sample(z, t, u),
                    () -> "trial " + at + ": k = " + k + ", T = " + tt + ", u = " + u);
                draws++;
            }
        }
        assertEquals(600_000, draws);
    }

    @Test
    void drawsOnTheBoundariesOfTheInversionAreDecidedLikeThePlainPath() {
        // u placed where u * W meets a partial sum C_i, and one or two ulps around it: the fast weights
        // cannot tell these apart, so the certificate must hand them to the plain path
        UniformRandomProvider rng = TestRngs.seeded(SEED + 2);
        int k = 10;
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            z[i] = 2 * rng.nextDouble() - 1;
        }
        double[] w = new double[k];
        double[] scratch = new double[k];
        SoftmaxSampler sampler = SoftmaxSampler.of(k);
        int checked = 0;
        for (double t : new double[] {0.05, 0.2, 1, 3}) {
            double total = Softmax.weights(z, k, t, w);
            double c = 0;
            for (int i = 0; i < k - 1; i++) {
                c += w[i];
                double u0 = c / total;
                double u = u0;
                for (int step = 0; step < 3; step++) {
                    u = Math.nextDown(u);
                }
                for (int step = 0; step < 7; step++, u = Math.nextUp(u)) {
                    assertEquals(Softmax.sample(z, k, t, u, scratch), sampler.sample(z, t, u),
                        "T = " + t + ", boundary " + i + ", u = " + u);
                    checked++;
                }
            }
        }
        assertEquals(4 * 9 * 7, checked);
        assertTrue(sampler.plainCalls() >= 4 * 9 * 5, "boundary draws went to the plain path: " + sampler.plainCalls());
    }

    @Test
    void theResultDoesNotDependOnTheHistory() {
        UniformRandomProvider rng = TestRngs.seeded(SEED + 3);
        int k = 7;
        double[] z = new double[k];
        SoftmaxSampler used = SoftmaxSampler.of(k);
        for (int step = 0; step < 10_000; step++) {
            z[rng.nextInt(k)] = 2 * rng.nextDouble();
            double t = rng.nextInt(2) == 0 ? 0.3 : 0.1 + rng.nextDouble();
            double u = rng.nextDouble();
            assertEquals(SoftmaxSampler.of(k).sample(z, t, u), used.sample(z, t, u), "step " + step);
        }
    }

    @Test
    void validationMatchesThePlainPath() {
        double[] z = {1, 2, 3};
        SoftmaxSampler sampler = SoftmaxSampler.of(3);
        assertMessage("u is not in [0, 1): 1.0", () -> sampler.sample(z, 1, 1.0));
        assertMessage("u is not in [0, 1): NaN", () -> sampler.sample(z, 1, Double.NaN));
        assertMessage("temperature is not in [0, +Infinity]: -1.0", () -> sampler.sample(z, -1, 0.5));
        assertMessage("temperature is not in [0, +Infinity]: NaN", () -> sampler.sample(z, Double.NaN, 0.5));
        assertMessage("k is not in [1, 2]: 3", () -> sampler.sample(new double[] {1, 2}, 1, 0.5));
        assertMessage("logit 1 is not finite: NaN", () -> sampler.sample(new double[] {0, Double.NaN, 1}, 1, 0.5));
        sampler.sample(z, 1, 0.5); // weights cached at T = 1: a bad logit is still caught on the fast path
        assertMessage("logit 2 is not finite: Infinity",
            () -> sampler.sample(new double[] {1, 2, Double.POSITIVE_INFINITY}, 1, 0.5, 2));
        assertMessage("changed is not in [-1, 3): 3", () -> sampler.sample(z, 1, 0.5, 3));
        assertMessage("changed is not in [-1, 3): -2", () -> sampler.sample(z, 1, 0.5, -2));
        assertMessage("k is not at least 1: 0", () -> SoftmaxSampler.of(0));
    }

    @Test
    void aWrongHintIsCaughtByTheAssertion() {
        boolean assertions = false;
        assert assertions = true;
        assumeTrue(assertions, "needs -ea");
        SoftmaxSampler sampler = SoftmaxSampler.of(3);
        double[] z = {1, 2, 3};
        sampler.sample(z, 0.5, 0.5);
        z[0] = 5;
        assertThrows(AssertionError.class, () -> sampler.sample(z, 0.5, 0.5, 2));
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }
}
