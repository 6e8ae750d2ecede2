package kelvin.experiments.results;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When a parameter study's x axis is logarithmic. */
class SensitivityAxisTest {

    @Test
    void geometricSequencesAreLog() {
        assertTrue(Sensitivity.isGeometric(new double[] {1.0 / 128, 1.0 / 64, 1.0 / 32, 1.0 / 16}));
    }

    @Test
    void oneTwoFiveStepsOverDecadesAreLog() {
        assertTrue(Sensitivity.isGeometric(new double[] {0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20}));
        assertTrue(Sensitivity.isGeometric(new double[] {0.01, 0.03, 0.1, 0.3, 1}));
    }

    @Test
    void evenStepsStayLinearEvenOverDecades() {
        double[] even = new double[100];
        for (int i = 0; i < even.length; i++) {
            even[i] = 0.1 * (i + 1);
        }
        assertFalse(Sensitivity.isGeometric(even));
        assertFalse(Sensitivity.isGeometric(new double[] {1, 2, 3, 4, 5}));
    }

    @Test
    void narrowOrNonPositiveSweepsStayLinear() {
        assertFalse(Sensitivity.isGeometric(new double[] {1, 2, 5}), "under two decades and not geometric");
        assertFalse(Sensitivity.isGeometric(new double[] {0, 1, 10, 100}));
        assertFalse(Sensitivity.isGeometric(new double[] {1, 10}), "two values");
    }
}
