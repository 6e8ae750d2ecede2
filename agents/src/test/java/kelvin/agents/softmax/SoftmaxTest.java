package kelvin.agents.softmax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import kelvin.agents.testing.TestRngs;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** Tests of {@link Softmax} against DESIGN.md's "Softmax" numbers and hand computations. */
class SoftmaxTest {

    /** Seed of the Monte Carlo checks (fixed: a pass is not re-rolled). */
    private static final long SEED = 0x5EED_50F7L;

    private static final double[] LOGITS = {2, 1, 0.1};

    @Test
    void designExampleAtTemperatureOne() {
        assertProbabilities(new double[] {0.659001, 0.242433, 0.098566}, LOGITS, 1.0);
    }

    @Test
    void designExampleAtTemperatureTwo() {
        assertProbabilities(new double[] {0.501688, 0.304289, 0.194023}, LOGITS, 2.0);
    }

    @Test
    void designExampleAtTemperatureOneHalf() {
        assertProbabilities(new double[] {0.863777, 0.116900, 0.019323}, LOGITS, 0.5);
    }

    private static void assertProbabilities(double[] expected, double[] z, double t) {
        double[] p = new double[z.length];
        Softmax.probabilities(z, z.length, t, p);
        assertArrayEquals(expected, p, 1e-6, "T = " + t);
    }

    @Test
    void probabilitiesMatchTheTextbookFormulaWithoutMaxSubtraction() {
        // small logits: the naive exp(z/T) / sum exp(z/T) is accurate here and independent of the code
        for (double t : new double[] {0.3, 1.0, 7.0}) {
            double[] naive = new double[3];
            double sum = 0;
            for (int i = 0; i < 3; i++) {
                naive[i] = Math.exp(LOGITS[i] / t);
                sum += naive[i];
            }
            for (int i = 0; i < 3; i++) {
                naive[i] /= sum;
            }
            double[] p = new double[3];
            Softmax.probabilities(LOGITS, 3, t, p);
            assertArrayEquals(naive, p, 1e-15, "T = " + t);
        }
    }

    @Test
    void entropyMatchesAHandComputation() {
        // T = 1: w = (e^2, e^1, e^0.1); H = -sum p ln p with p = w / sum w
        double w0 = Math.exp(2);
        double w1 = Math.exp(1);
        double w2 = Math.exp(0.1);
        double total = w0 + w1 + w2;
        double p0 = w0 / total;
        double p1 = w1 / total;
        double p2 = w2 / total;
        double expected = -(p0 * Math.log(p0) + p1 * Math.log(p1) + p2 * Math.log(p2));
        assertEquals(expected, Softmax.entropy(LOGITS, 3, 1.0), 1e-14);
        // with the DESIGN.md probabilities: -(.659001 ln .659001 + .242433 ln .242433 + .098566 ln .098566)
        assertEquals(0.8467384, Softmax.entropy(LOGITS, 3, 1.0), 1e-6);
    }

    @Test
    void entropyLimits() {
        assertEquals(Math.log(3), Softmax.entropy(LOGITS, 3, Double.POSITIVE_INFINITY), 0.0);
        assertEquals(0.0, Softmax.entropy(LOGITS, 3, 0.0), 0.0);
        assertEquals(Math.log(2), Softmax.entropy(new double[] {1, 3, 3, 0}, 4, 0.0), 0.0);
        assertEquals(0.0, Softmax.entropy(new double[] {7}, 1, 0.5), 0.0);
        assertEquals(Math.log(4), Softmax.entropy(new double[] {2, 2, 2, 2}, 4, 0.1), 1e-15);
        // T tiny: one-hot, exactly 0 after clamping
        assertEquals(0.0, Softmax.entropy(LOGITS, 3, 1e-6), 0.0);
    }

    @Test
    void logProbabilitiesAreLogsOfProbabilities() {
        double[] p = new double[3];
        double[] logp = new double[3];
        for (double t : new double[] {0.05, 0.5, 1.0, 2.0, 1e6}) {
            Softmax.probabilities(LOGITS, 3, t, p);
            Softmax.logProbabilities(LOGITS, 3, t, logp);
            for (int i = 0; i < 3; i++) {
                assertEquals(Math.log(p[i]), logp[i], 1e-13, "T = " + t + ", i = " + i);
            }
        }
    }

    @Test
    void temperatureZeroIsUniformOverTheTiedMaxima() {
        double[] z = {1, 3, 3, 0, 3};
        double[] p = new double[5];
        Softmax.probabilities(z, 5, 0.0, p);
        assertArrayEquals(new double[] {0, 1.0 / 3, 1.0 / 3, 0, 1.0 / 3}, p, 0.0);
        double[] logp = new double[5];
        Softmax.logProbabilities(z, 5, 0.0, logp);
        double minusLn3 = -Math.log(3);
        double inf = Double.NEGATIVE_INFINITY;
        assertArrayEquals(new double[] {inf, minusLn3, minusLn3, inf, minusLn3}, logp, 0.0);
        assertEquals(Math.log(3), Softmax.entropy(z, 5, 0.0), 0.0);
    }

    @Test
    void temperatureZeroSamplesUniformlyAmongTiedMaxima() {
        double[] z = {1, 3, 3, 0, 3};
        double[] scratch = new double[5];
        // inversion on weights (0, 1, 1, 0, 1), W = 3: thirds of [0, 1) map to arms 1, 2 and 4
        assertEquals(1, Softmax.sample(z, 5, 0.0, 0.0, scratch));
        assertEquals(1, Softmax.sample(z, 5, 0.0, 0.33, scratch));
        assertEquals(2, Softmax.sample(z, 5, 0.0, 0.34, scratch));
        assertEquals(2, Softmax.sample(z, 5, 0.0, 0.66, scratch));
        assertEquals(4, Softmax.sample(z, 5, 0.0, 0.67, scratch));
        UniformRandomProvider rng = TestRngs.seeded(SEED);
        int n = 30_000;
        long[] counts = new long[5];
        for (int i = 0; i < n; i++) {
            counts[Softmax.sample(z, 5, 0.0, rng.nextDouble(), scratch)]++;
        }
        assertEquals(0, counts[0]);
        assertEquals(0, counts[3]);
        double fourSe = 4 * Math.sqrt((1.0 / 3) * (2.0 / 3) / n);
        for (int arm : new int[] {1, 2, 4}) {
            assertEquals(1.0 / 3, (double) counts[arm] / n, fourSe, "arm " + arm + ": " + Arrays.toString(counts));
        }
    }

    @Test
    void infiniteTemperatureIsUniform() {
        double[] z = {1e300, -1e300, 0, 5};
        double[] p = new double[4];
        Softmax.probabilities(z, 4, Double.POSITIVE_INFINITY, p);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, p, 0.0);
        double[] logp = new double[4];
        Softmax.logProbabilities(z, 4, Double.POSITIVE_INFINITY, logp);
        double q = -Math.log(4);
        assertArrayEquals(new double[] {q, q, q, q}, logp, 0.0);
        assertEquals(Math.log(4), Softmax.entropy(z, 4, Double.POSITIVE_INFINITY), 0.0);
        // u in [j/4, (j+1)/4) picks j
        double[] scratch = new double[4];
        assertEquals(0, Softmax.sample(z, 4, Double.POSITIVE_INFINITY, 0.2, scratch));
        assertEquals(3, Softmax.sample(z, 4, Double.POSITIVE_INFINITY, 0.8, scratch));
    }

    @Test
    void largeLogitsDoNotOverflow() {
        double[] z = {1000, 999, 0};
        double[] p = new double[3];
        Softmax.probabilities(z, 3, 1.0, p);
        // exp(-1000) underflows to 0: p = (1, e^-1, 0) / (1 + e^-1)
        double e1 = Math.exp(-1);
        assertArrayEquals(new double[] {1 / (1 + e1), e1 / (1 + e1), 0.0}, p, 1e-15);
        double[] logp = new double[3];
        Softmax.logProbabilities(z, 3, 1.0, logp);
        double lse = Math.log(1 + e1);
        // log-sum-exp keeps the tiny third entry: -1000 - ln(1 + e^-1), finite
        assertArrayEquals(new double[] {-lse, -1 - lse, -1000 - lse}, logp, 1e-12);
        double h = -(p[0] * Math.log(p[0]) + p[1] * Math.log(p[1]));
        assertEquals(h, Softmax.entropy(z, 3, 1.0), 1e-15);
    }

    @Test
    void extremeLogitsWhoseDifferenceOverflowsStayFinite() {
        double[] z = {Double.MAX_VALUE, -Double.MAX_VALUE};
        double[] p = new double[2];
        for (double t : new double[] {Double.MIN_VALUE, 1e-300, 1.0, 1e300, Double.MAX_VALUE}) {
            Softmax.probabilities(z, 2, t, p);
            assertEquals(1.0, p[0] + p[1], 1e-15, "T = " + t);
            assertTrue(p[0] >= p[1], "T = " + t);
            double h = Softmax.entropy(z, 2, t);
            assertTrue(h >= 0 && h <= Math.log(2), "T = " + t + ": H = " + h);
        }
        // T = MAX_VALUE: the true gap is -2, so p = (1, e^-2) / (1 + e^-2), despite z0 - z1 = +inf
        Softmax.probabilities(z, 2, Double.MAX_VALUE, p);
        double e2 = Math.exp(-2);
        assertArrayEquals(new double[] {1 / (1 + e2), e2 / (1 + e2)}, p, 1e-15);
    }

    @Test
    void sampleFrequenciesFitTheProbabilities() {
        double t = 1.0;
        double[] p = new double[3];
        Softmax.probabilities(LOGITS, 3, t, p);
        UniformRandomProvider rng = TestRngs.seeded(SEED);
        double[] scratch = new double[3];
        int n = 100_000;
        long[] observed = new long[3];
        for (int i = 0; i < n; i++) {
            observed[Softmax.sample(LOGITS, 3, t, rng.nextDouble(), scratch)]++;
        }
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) {
            expected[i] = n * p[i];
            double fourSe = 4 * Math.sqrt(p[i] * (1 - p[i]) / n);
            assertEquals(p[i], (double) observed[i] / n, fourSe, "arm " + i);
        }
        double pValue = new ChiSquareTest().chiSquareTest(expected, observed);
        assertTrue(pValue > 1e-3, "chi-square p-value " + pValue + ": observed " + Arrays.toString(observed)
            + " vs expected " + Arrays.toString(expected));
    }

    @Test
    void sampleInvertsTheCumulativeWeightsLeftToRight() {
        // T = 1 weights (1, e^-1, e^-1.9); C = (1, 1 + e^-1, W); x = u W
        double w1 = Math.exp(-1);
        double w2 = Math.exp(-1.9);
        double total = 1 + w1 + w2;
        double[] scratch = new double[3];
        assertEquals(0, Softmax.sample(LOGITS, 3, 1.0, 0.5 / total, scratch));
        assertEquals(1, Softmax.sample(LOGITS, 3, 1.0, (1 + w1 / 2) / total, scratch));
        assertEquals(2, Softmax.sample(LOGITS, 3, 1.0, 0.99, scratch));
        assertArrayEquals(new double[] {1, w1, w2}, scratch, 0.0);
        // a zero weight is never chosen, even at u = 0 (C_0 = 0 <= x = 0)
        assertEquals(1, Softmax.sample(new double[] {-1e6, 0}, 2, 1.0, 0.0, scratch));
    }

    @Test
    void uJustBelowOneTakesTheLastPositiveWeight() {
        double u = Math.nextDown(1.0); // 1 - 2^-53
        double[] scratch = new double[4];
        // W = 3: x = u * 3 = 3 - 2^-51 (3 - 3 * 2^-53 rounded to nearest), in [C_1, C_2) = [2, 3)
        assertEquals(3 - 0x1.0p-51, u * 3, 0.0);
        assertEquals(2, Softmax.sample(new double[] {5, 5, 5, 0}, 4, 0.0, u, scratch));
        assertEquals(2, Softmax.sample(new double[] {0, 0, 0, -1e6}, 4, 1.0, u, scratch));
        assertEquals(2, Softmax.sample(new double[] {0, 0, 0}, 3, Double.POSITIVE_INFINITY, u, new double[3]));
        // a last weight too small to move the sum (W = 1 + 1e-300 = 1) is not chosen
        assertEquals(0, Softmax.sample(new double[] {0, -690}, 2, 1.0, u, new double[2]));
    }

    @Test
    void roundOffFallbackTakesTheLastPositiveWeight() {
        // sample() cannot produce x >= W for u < 1 (see Softmax.invert), so drive the inversion directly
        double[] w = {0.0, 1.0, 0.5, 1.0, 0.0, 0.0};
        double total = 2.5;
        assertEquals(3, Softmax.invert(w, 6, total)); // x = W: no C_i exceeds it; last positive weight
        assertEquals(3, Softmax.invert(w, 6, Math.nextUp(total)));
        assertEquals(3, Softmax.invert(w, 6, Math.nextDown(total)));
        assertEquals(1, Softmax.invert(w, 6, 0.0)); // C_0 = 0 <= 0: the zero weight is skipped
        assertEquals(0, Softmax.invert(new double[] {1.0}, 1, 1.0));
    }

    @Test
    void sampleAcceptsAScratchLongerThanK() {
        double[] scratch = new double[10];
        Arrays.fill(scratch, 42);
        assertEquals(0, Softmax.sample(new double[] {1, 0, 99}, 2, 0.0, 0.5, scratch));
        assertEquals(42, scratch[2], 0.0); // only the first k entries are touched
    }

    @Test
    void betaConversions() {
        assertEquals(Double.POSITIVE_INFINITY, Softmax.temperatureOfBeta(0.0), 0.0);
        assertEquals(0.0, Softmax.temperatureOfBeta(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(0.2, Softmax.temperatureOfBeta(5.0), 0.0);
        assertEquals(5.0, Softmax.betaOfTemperature(0.2), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, Softmax.betaOfTemperature(0.0), 0.0);
        assertEquals(0.0, Softmax.betaOfTemperature(Double.POSITIVE_INFINITY), 0.0);
    }

    @Test
    void validationMessagesNameTheValue() {
        double[] z = {1, 2, 3};
        double[] out = new double[3];
        assertMessage("temperature is not in [0, +Infinity]: -1.0", () -> Softmax.probabilities(z, 3, -1, out));
        assertMessage("temperature is not in [0, +Infinity]: NaN", () -> Softmax.entropy(z, 3, Double.NaN));
        assertMessage("temperature is not in [0, +Infinity]: -Infinity",
            () -> Softmax.logProbabilities(z, 3, Double.NEGATIVE_INFINITY, out));
        assertMessage("k is not in [1, 3]: 4", () -> Softmax.probabilities(z, 4, 1, new double[4]));
        assertMessage("k is not in [1, 3]: 0", () -> Softmax.entropy(z, 0, 1));
        assertMessage("out has length 2 < k = 3", () -> Softmax.probabilities(z, 3, 1, new double[2]) );
        assertMessage("scratch has length 1 < k = 3", () -> Softmax.sample(z, 3, 1, 0.5, new double[1]));
        assertMessage("u is not in [0, 1): 1.0", () -> Softmax.sample(z, 3, 1, 1.0, out));
        assertMessage("u is not in [0, 1): NaN", () -> Softmax.sample(z, 3, 1, Double.NaN, out));
        assertMessage("logit 1 is not finite: NaN", () -> Softmax.entropy(new double[] {0, Double.NaN}, 2, 1));
        assertMessage("logit 0 is not finite: Infinity",
            () -> Softmax.probabilities(new double[] {Double.POSITIVE_INFINITY}, 1, 1, out));
        assertMessage("beta is not in [0, +Infinity]: -2.0", () -> Softmax.temperatureOfBeta(-2));
        assertMessage("temperature is not in [0, +Infinity]: NaN", () -> Softmax.betaOfTemperature(Double.NaN));
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }
}
