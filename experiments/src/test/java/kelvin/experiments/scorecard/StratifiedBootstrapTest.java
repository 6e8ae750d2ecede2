package kelvin.experiments.scorecard;

import static kelvin.experiments.scorecard.AggregateStatisticTest.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class StratifiedBootstrapTest {
    private static final long SEED = 20211206L;

    @Test
    void reproducesTheDocumentedDrawsAndTypeSevenQuantiles() {
        ScoreTable t = table(new double[] {0.1, 0.5, 0.9}, new double[] {0.3, 0.7});
        int b = 7;
        Estimate got = StratifiedBootstrap.of(b, 0.95).interval(t, AggregateStatistic.MEAN, rng(SEED));

        // the same draws by hand: per resample, 3 run indices of env0 then 2 of env1
        UniformRandomProvider twin = rng(SEED);
        double[][] rows = {{0.1, 0.5, 0.9}, {0.3, 0.7}};
        double[] replicates = new double[b];
        for (int i = 0; i < b; i++) {
            double m0 = (rows[0][twin.nextInt(3)] + rows[0][twin.nextInt(3)] + rows[0][twin.nextInt(3)]) / 3;
            double m1 = (rows[1][twin.nextInt(2)] + rows[1][twin.nextInt(2)]) / 2;
            replicates[i] = (m0 + m1) / 2;
        }
        Arrays.sort(replicates);
        // numpy's linear percentile: position (B - 1) p, interpolated between neighbours
        double lowAt = 6 * 0.025;
        double highAt = 6 * 0.975;
        double low = replicates[0] + lowAt * (replicates[1] - replicates[0]);
        double high = replicates[5] + (highAt - 5) * (replicates[6] - replicates[5]);
        assertEquals((0.5 + 0.5) / 2, got.value(), 1e-15);
        assertEquals(low, got.low(), 1e-15);
        assertEquals(high, got.high(), 1e-15);
    }

    @Test
    void resamplesStayWithinTheirEnvironment() {
        // env0 has one run, 5: it is in every resample, so the mean of the environment means is
        // (5 + m1) / 2 with m1 in {0, 0.5, 1}: 2.5, 2.75 or 3, nothing else
        ScoreTable t = table(new double[] {5}, new double[] {0, 1});
        StratifiedBootstrap bootstrap = StratifiedBootstrap.of(500, 0.95);
        double[][] replicates = bootstrap.replicates(t, 1,
                (rows, out) -> out[0] = AggregateStatistic.MEAN.evaluate(rows, new double[3]), rng(SEED));
        Set<Double> seen = new TreeSet<>();
        for (double r : replicates[0]) {
            seen.add(r);
        }
        assertEquals(Set.of(2.5, 2.75, 3.0), seen);
        // pooled resampling across environments would let 5 appear twice or not at all
        double[][] into = {{0}, {0, 0}};
        UniformRandomProvider g = rng(SEED + 1);
        for (int i = 0; i < 100; i++) {
            StratifiedBootstrap.resample(new double[][] {{5}, {0, 1}}, into, g);
            assertEquals(5, into[0][0]);
            assertTrue(into[1][0] != 5 && into[1][1] != 5);
        }
    }

    @Test
    void theSameGeneratorStateGivesTheSameBitsAndAnotherSeedOtherBits() {
        ScoreTable t = table(new double[] {0.1, 0.4, 0.8, 0.2}, new double[] {0.3, 0.9, 1.1});
        StratifiedBootstrap bootstrap = StratifiedBootstrap.standard();
        List<Estimate> a = bootstrap.intervals(t, AggregateStatistic.standard(), rng(SEED));
        List<Estimate> b = bootstrap.intervals(t, AggregateStatistic.standard(), rng(SEED));
        List<Estimate> c = bootstrap.intervals(t, AggregateStatistic.standard(), rng(SEED + 1));
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void severalStatisticsShareOnePassOfResamples() {
        // one pass: the IQM interval computed alongside the mean equals the IQM interval alone
        ScoreTable t = table(new double[] {0.1, 0.4, 0.8, 0.2}, new double[] {0.3, 0.9, 1.1});
        StratifiedBootstrap bootstrap = StratifiedBootstrap.of(300, 0.9);
        List<Estimate> both = bootstrap.intervals(t, List.of(AggregateStatistic.IQM, AggregateStatistic.MEAN),
                rng(SEED));
        assertEquals(bootstrap.interval(t, AggregateStatistic.IQM, rng(SEED)), both.get(0));
        assertEquals(AggregateStatistic.MEAN.of(t), both.get(1).value());
        assertTrue(both.get(1).low() < both.get(1).value() && both.get(1).value() < both.get(1).high());
    }

    @Test
    void refusesBadSettings() {
        assertEquals("bootstrap: resamples must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> StratifiedBootstrap.of(0, 0.95)).getMessage());
        assertEquals("bootstrap: level must be strictly between 0 and 1, got 1.0",
                assertThrows(IllegalArgumentException.class, () -> StratifiedBootstrap.of(10, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> StratifiedBootstrap.of(10, Double.NaN));
        assertEquals(2000, StratifiedBootstrap.standard().resamples());
        assertEquals(0.95, StratifiedBootstrap.standard().level());
    }

    static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }
}
