package kelvin.agents.softmax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MellowmaxTest {

    @Test
    void theOperatorMatchesItsDefinitionByHand() {
        // mm_1(0, 1) = ln((e^0 + e^1) / 2) = ln(1.859140914...) = 0.620114506...
        assertEquals(Math.log((1 + Math.E) / 2), Mellowmax.value(new double[] {0, 1}, 2, 1), 1e-15);
        assertEquals(0.6201145069582774, Mellowmax.value(new double[] {0, 1}, 2, 1), 1e-15);
        // omega scales: mm_2(0, 1) = ln((1 + e^2) / 2) / 2
        assertEquals(Math.log((1 + Math.exp(2)) / 2) / 2, Mellowmax.value(new double[] {0, 1}, 2, 2), 1e-15);
    }

    @Test
    void theOperatorLiesBetweenTheMeanAndTheMaximum() {
        double[] x = {-3, 0.5, 2, 2, 7};
        double mean = (-3 + 0.5 + 2 + 2 + 7) / 5;
        assertEquals(mean, Mellowmax.value(x, 5, 1e-9), 1e-6, "omega -> 0 gives the mean");
        assertEquals(mean, Mellowmax.value(x, 5, 1e-300), 1e-12, "without losing its digits");
        // omega -> infinity: max - ln(n / count of maxima) / omega
        assertEquals(7 - Math.log(5) / 1e6, Mellowmax.value(x, 5, 1e6), 1e-12, "omega -> infinity gives the max");
        for (double w : new double[] {0.01, 0.3, 1, 5, 40}) {
            double mm = Mellowmax.value(x, 5, w);
            assertTrue(mm > mean && mm < 7, w + ": " + mm);
        }
        // no overflow where exp(w x) alone would
        assertEquals(1000 + Math.log((1 + Math.exp(-1000)) / 2), Mellowmax.value(new double[] {1000, 0}, 2, 1),
                1e-9);
    }

    @Test
    void betaSolvesThePapersEquationByHandForTwoActions() {
        // sum_a exp(beta x_a) (x_a - mm) = 0 with x = (0, 1): e^beta = mm / (1 - mm)
        double mm = Math.log((1 + Math.E) / 2);
        double expected = Math.log(mm / (1 - mm));
        assertEquals(0.49003428, expected, 1e-8);
        assertEquals(expected, new Mellowmax(1).beta(new double[] {0, 1}, 2), 1e-10);
    }

    @Test
    void theMaximumEntropyPolicysExpectedValueIsMellowmax() {
        double[][] cases = {{0, 1, 2}, {-5, 3, 3.5, 3.6, 10}, {1e-6, 2e-6, 0}, {100, -100, 50}};
        for (double w : new double[] {0.1, 1, 16.55, 200}) {
            Mellowmax op = new Mellowmax(w);
            for (double[] x : cases) {
                double beta = op.beta(x, x.length);
                double[] p = new double[x.length];
                Softmax.probabilities(x, x.length, Softmax.temperatureOfBeta(beta), p);
                double expected = 0;
                for (int i = 0; i < x.length; i++) {
                    expected += p[i] * x[i];
                }
                double mm = Mellowmax.value(x, x.length, w);
                assertEquals(mm, expected, 1e-9 * Math.max(1, Math.abs(mm)), "omega " + w);
            }
        }
    }

    @Test
    void tiedValuesGiveTheUniformPolicy() {
        assertEquals(0, new Mellowmax(3).beta(new double[] {2.5, 2.5, 2.5}, 3));
        assertEquals(0, new Mellowmax(3).beta(new double[] {4}, 1));
    }

    @Test
    void omegaMustBeFiniteAndPositive() {
        assertThrows(IllegalArgumentException.class, () -> new Mellowmax(0));
        assertThrows(IllegalArgumentException.class, () -> new Mellowmax(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new Mellowmax(Double.NaN));
    }
}
