package kelvin.experiments.scorecard;

import static kelvin.experiments.scorecard.AggregateStatisticTest.table;
import static kelvin.experiments.scorecard.StratifiedBootstrapTest.rng;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class PerformanceProfileTest {
    private static final long SEED = 0x7a0L;

    @Test
    void countsScoresStrictlyAboveEachThreshold() {
        // pooled 0, 0.5, 0.5, 1, 2: above -1 all 5; above 0 four; above 0.5 two (the 0.5s are not
        // above it); above 0.75 two; above 1 one; above 2 none
        ScoreTable t = table(new double[] {0, 0.5, 1}, new double[] {0.5, 2});
        double[] taus = {-1, 0, 0.5, 0.75, 1, 2};
        PerformanceProfile p = PerformanceProfile.of(t, taus, StratifiedBootstrap.of(200, 0.95), rng(SEED));
        assertArrayEquals(new double[] {1, 0.8, 0.4, 0.4, 0.2, 0}, p.fractions(), 1e-15);
        assertArrayEquals(taus, p.taus());
        assertEquals(0.4, PerformanceProfile.fractionAbove(t, 0.5), 1e-15);
        // every resample has all its scores above -1 and none above 2
        assertEquals(new Estimate(1, 1, 1), p.at(0));
        assertEquals(new Estimate(0, 0, 0), p.at(5));
    }

    @Test
    void bandsComeFromStratifiedResamplesAndFallWithTau() {
        ScoreTable t = table(new double[] {0.1, 0.6, 0.9, 0.3}, new double[] {0.2, 0.7, 1.2});
        double[] taus = TauGrid.linear(0, 1.25, 26);
        int b = 400;
        PerformanceProfile p = PerformanceProfile.of(t, taus, StratifiedBootstrap.of(b, 0.95), rng(SEED));
        double[] low = p.low();
        double[] high = p.high();
        for (int i = 1; i < taus.length; i++) {
            assertTrue(low[i] <= low[i - 1] && high[i] <= high[i - 1], "band rises at tau " + taus[i]);
        }
        // the band at tau = 0.5 by hand: 4 draws of env0, 3 of env1 per resample, as documented
        UniformRandomProvider twin = rng(SEED);
        double[][] rows = {{0.1, 0.6, 0.9, 0.3}, {0.2, 0.7, 1.2}};
        double[] atHalf = new double[b];
        for (int r = 0; r < b; r++) {
            int above = 0;
            for (double[] row : rows) {
                for (int k = 0; k < row.length; k++) {
                    above += row[twin.nextInt(row.length)] > 0.5 ? 1 : 0;
                }
            }
            atHalf[r] = above / 7.0;
        }
        Arrays.sort(atHalf);
        double pos = (b - 1) * 0.025;
        int i = (int) pos;
        double expectedLow = atHalf[i] + (pos - i) * (atHalf[i + 1] - atHalf[i]);
        assertEquals(0.5, taus[10], 1e-15);
        assertEquals(expectedLow, low[10], 1e-15);
        assertEquals(4 / 7.0, p.fractions()[10], 1e-15);
    }

    @Test
    void tauGridsOnLinearAndLogAxes() {
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, TauGrid.linear(0, 1, 5), 1e-15);
        double[] log = TauGrid.log(0.01, 100, 5);
        double[] expected = {0.01, 0.1, 1, 10, 100};
        for (int i = 0; i < log.length; i++) {
            assertEquals(expected[i], log[i], 1e-12 * expected[i]);
        }
        assertEquals(0.01, log[0]);
        assertEquals(100, log[4]);
        assertEquals("log tau grid: the first threshold must be positive, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> TauGrid.log(0, 1, 5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> TauGrid.linear(1, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> TauGrid.linear(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> PerformanceProfile.fractionAbove(
                table(new double[] {1}), Double.NaN));
    }
}
