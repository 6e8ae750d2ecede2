package kelvin.agents.softmax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link Softmax#logSumExp}: T ln sum exp(z / T), the value of the entropy-regularised choice. */
class LogSumExpTest {

    @Test
    void smallCasesByHand() {
        assertEquals(Math.log(Math.exp(1) + Math.exp(2)), Softmax.logSumExp(new double[] {1, 2}, 2, 1), 1e-15);
        // T ln(e^{1/T} + e^{0.5/T}) at T = 0.5: 0.5 ln(e^2 + e)
        assertEquals(0.5 * Math.log(Math.exp(2) + Math.E), Softmax.logSumExp(new double[] {1, 0.5}, 2, 0.5), 1e-15);
        assertEquals(3, Softmax.logSumExp(new double[] {3, 9}, 1, 2.0), 0);
    }

    @Test
    void temperatureZeroIsTheMaximumAndTiesAddTLnCount() {
        assertEquals(2, Softmax.logSumExp(new double[] {1, 2, -5}, 3, 0), 0);
        assertEquals(1 + 0.1 * Math.log(3), Softmax.logSumExp(new double[] {1, 1, 1}, 3, 0.1), 1e-15);
    }

    /** exp(1000) overflows; subtracting the maximum first keeps the result exact. */
    @Test
    void hugeLogitsDoNotOverflow() {
        assertEquals(1000 + Math.log(2), Softmax.logSumExp(new double[] {1000, 1000}, 2, 1), 1e-12);
        assertEquals(-1000, Softmax.logSumExp(new double[] {-1000, -3000}, 2, 1), 0);
    }

    /** It equals sum_i p_i z_i + T H(p) for the softmax p, the entropy-regularised maximum. */
    @Test
    void equalsExpectedLogitPlusTTimesEntropy() {
        double[] z = {0.3, -1.2, 2.5, 2.4};
        double t = 0.7;
        double[] p = new double[4];
        Softmax.probabilities(z, 4, t, p);
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            expected += p[i] * z[i];
        }
        assertEquals(expected + t * Softmax.entropy(z, 4, t), Softmax.logSumExp(z, 4, t), 1e-14);
    }

    @Test
    void badTemperaturesAreRefused() {
        for (double t : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> Softmax.logSumExp(new double[] {1, 2}, 2, t));
        }
    }
}
