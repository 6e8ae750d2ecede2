package kelvin.agents.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kelvin.agents.softmax.Mellowmax;
import kelvin.agents.softmax.Softmax;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class MellowmaxPolicyTest {

    private static PolicyRun run(double omega, int k) {
        return new MellowmaxPolicy(omega).start(k, RandomSource.XO_RO_SHI_RO_128_PP.create(11L));
    }

    @Test
    void itIsTheSoftmaxOfBetaQ() {
        double[] q = {0, 1};
        double beta = Math.log(Math.log((1 + Math.E) / 2) / (1 - Math.log((1 + Math.E) / 2)));
        double[] p = new double[2];
        run(1, 2).distribution(q, 0, p);
        assertArrayEquals(new double[] {1 / (1 + Math.exp(beta)), Math.exp(beta) / (1 + Math.exp(beta))}, p, 1e-10);
    }

    @Test
    void samplesFollowTheDistributionWithinFourStandardErrors() {
        double[] q = {0.2, 1.0, 0.7, -0.4};
        PolicyRun r = run(2, 4);
        double[] p = new double[4];
        r.distribution(q, 0, p);
        int n = 200_000;
        int[] counts = new int[4];
        for (int i = 0; i < n; i++) {
            counts[r.select(q, i)]++;
        }
        for (int a = 0; a < 4; a++) {
            double se = Math.sqrt(p[a] * (1 - p[a]) / n);
            assertEquals(p[a], counts[a] / (double) n, 4 * se, "action " + a);
        }
        assertEquals(Softmax.temperatureOfBeta(new Mellowmax(2).beta(q, 4)), r.temperature(n), 0);
    }

    @Test
    void theTemperatureIsThatOfTheLastChoiceAndFollowsTheValues() {
        PolicyRun r = run(1, 2);
        assertTrue(Double.isNaN(r.temperature(0)), "no choice yet");
        r.select(new double[] {0, 0.01}, 0);
        // near ties: mm ~ mean + omega d^2 / 8, so beta -> omega / 2 and T -> 2
        assertEquals(2, r.temperature(0), 1e-4);
        r.select(new double[] {0, 10}, 1);
        // x = (0, 10), omega 1: e^(10 beta) = mm / (10 - mm), mm = 10 + ln((1 + e^-10) / 2)
        double mm = 10 + Math.log((1 + Math.exp(-10)) / 2);
        assertEquals(10 / Math.log(mm / (10 - mm)), r.temperature(1), 1e-9);
    }

    @Test
    void tiesAreUniformWithFullEntropy() {
        PolicyRun r = run(5, 3);
        double[] q = {1, 1, 1};
        assertEquals(Math.log(3), r.entropy(q, 0), 1e-15);
        double[] p = new double[3];
        r.distribution(q, 0, p);
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, p, 1e-15);
    }
}
