package kelvin.experiments.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HolmTest {

    @Test
    void adjustsStepDownAndKeepsTheOrderMonotone() {
        // sorted: 0.005 * 4 = 0.02, 0.01 * 3 = 0.03, 0.03 * 2 = 0.06, 0.04 * 1 = 0.04 -> raised to 0.06
        double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, adjusted, 1e-12);
    }

    @Test
    void capsAtOneAndLeavesUndefinedTestsOut() {
        double[] p = {0.5, Double.NaN, 0.2};
        double[] adjusted = Holm.adjust(p);
        assertEquals(2, Holm.count(p));
        assertEquals(0.4, adjusted[2], 1e-12);
        assertEquals(0.5, adjusted[0], 1e-12);
        assertEquals(Double.NaN, adjusted[1]);
        assertArrayEquals(new double[] {1.0, 1.0}, Holm.adjust(new double[] {0.7, 0.9}), 1e-12);
    }

    @Test
    void oneComparisonIsUncorrected() {
        assertArrayEquals(new double[] {0.031}, Holm.adjust(new double[] {0.031}), 0);
    }
}
