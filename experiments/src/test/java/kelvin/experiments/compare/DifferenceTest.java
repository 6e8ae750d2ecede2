package kelvin.experiments.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The t tests against Commons Math's own {@link TTest}, and their intervals and TOST by simulation:
 * with a fixed seed, the share of 95% intervals that cover the true difference, and the share of
 * TOSTs that declare equivalence when the true difference sits on the margin (the test's size).
 */
class DifferenceTest {

    /** The seed of every simulated data set. */
    private static final long SEED = 20261207L;
    /** Simulated data sets per check: the binomial sd of a 5% share is then about 0.0049. */
    private static final int TRIALS = 2000;

    private static double[] normals(ZigguratSampler.NormalizedGaussian z, int n, double mean, double sd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mean + sd * z.sample();
        }
        return x;
    }

    @Test
    void pValuesAgreeWithCommonsMathsTTest() {
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP
                .create(SEED));
        for (int trial = 0; trial < 20; trial++) {
            double[] a = normals(z, 30, 1, 2);
            double[] b = normals(z, 30, 1.5, 2);
            double[] c = normals(z, 17, 1.5, 5);
            // B - A; TTest's tests are symmetric, so the p values must match
            assertEquals(new TTest().pairedTTest(b, a), Difference.paired(a, b).pValue(), 1e-9);
            assertEquals(new TTest().tTest(a, c), Difference.welch(kelvin.experiments.compare.Test.WELCH,
                    Sample.of(a), Sample.of(c)).pValue(), 1e-9);
        }
    }

    @Test
    void pairedDropsRunsWithoutAValueAndSignsBMinusA() {
        double[] a = {1, 2, Double.NaN, 4, 5};
        double[] b = {2, 4, 7, 5, Double.NaN};
        Difference d = Difference.paired(a, b);
        assertEquals(3, d.a().n());
        assertEquals((1 + 2 + 1) / 3.0, d.value(), 1e-12);
        assertEquals(2, d.df(), 0);
        assertTrue(d.interval(0.95)[0] < d.value() && d.value() < d.interval(0.95)[1]);
    }

    @Test
    void noSpreadGivesThePointAndALimitingPValue() {
        Difference same = Difference.paired(new double[] {3, 3, 3}, new double[] {3, 3, 3});
        assertArrayEquals(new double[] {0, 0}, same.interval(0.95), 0);
        assertEquals(1, same.pValue(), 0);
        Difference shifted = Difference.paired(new double[] {1, 2, 3}, new double[] {2, 3, 4});
        assertEquals(0, shifted.pValue(), 0);
        assertEquals(Equivalence.Outcome.EQUIVALENT, Equivalence.test(shifted, 1.5).outcome());
        assertEquals(Equivalence.Outcome.NOT_EQUIVALENT, Equivalence.test(shifted, 0.5).outcome());
        assertEquals(Equivalence.Outcome.EQUIVALENT, Equivalence.test(same, 0).outcome());
        assertEquals(Equivalence.Outcome.UNDEFINED, Equivalence.test(shifted, 0).outcome());
        assertFalse(Difference.paired(new double[] {1}, new double[] {2}).defined());
    }

    @Test
    void welchIntervalsCoverTheTrueDifferenceNinetyFivePercentOfTheTime() {
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP
                .create(SEED + 1));
        int covered = 0;
        int pairedCovered = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            double[] a = normals(z, 12, 0, 1);
            double[] b = normals(z, 25, 0.7, 3);
            double[] ci = Difference.welch(kelvin.experiments.compare.Test.WELCH, Sample.of(a), Sample.of(b))
                    .interval(0.95);
            covered += ci[0] <= 0.7 && 0.7 <= ci[1] ? 1 : 0;
            double[] shared = normals(z, 15, 0, 2);
            double[] x = new double[15];
            double[] y = new double[15];
            for (int r = 0; r < 15; r++) {
                x[r] = shared[r] + z.sample();
                y[r] = shared[r] + 0.4 + z.sample();
            }
            double[] pci = Difference.paired(x, y).interval(0.95);
            pairedCovered += pci[0] <= 0.4 && 0.4 <= pci[1] ? 1 : 0;
        }
        // 4 binomial standard deviations of 0.95 over TRIALS
        assertEquals(0.95, covered / (double) TRIALS, 0.02, "Welch coverage");
        assertEquals(0.95, pairedCovered / (double) TRIALS, 0.02, "paired coverage");
    }

    @Test
    void tostDeclaresEquivalenceAtMostFivePercentOfTheTimeOnTheMargin() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + 2);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        int onMargin = 0;
        int inside = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            double[] a = normals(z, 40, 10, 1);
            double[] onEdge = normals(z, 40, 10.5, 1);
            double[] equal = normals(z, 40, 10, 1);
            Equivalence e = Equivalence.test(Difference.welch(kelvin.experiments.compare.Test.WELCH, Sample.of(a),
                    Sample.of(onEdge)), 0.5);
            onMargin += e.outcome() == Equivalence.Outcome.EQUIVALENT ? 1 : 0;
            Equivalence f = Equivalence.test(Difference.welch(kelvin.experiments.compare.Test.WELCH, Sample.of(a),
                    Sample.of(equal)), 0.5);
            inside += f.outcome() == Equivalence.Outcome.EQUIVALENT ? 1 : 0;
            double[] ci90 = f.interval();
            assertEquals(ci90[0] > -0.5 && ci90[1] < 0.5, f.outcome() == Equivalence.Outcome.EQUIVALENT,
                    "TOST at 5% is the 90% interval inside the margin");
        }
        assertEquals(0.05, onMargin / (double) TRIALS, 0.02, "size on the margin");
        // power at a true difference of 0: se of B - A is sqrt(2 / 40), equivalence needs |d| < 0.5 - t se, so
        // about P(|Z| < 0.5 / se - 1.665) = 0.43; 4 binomial sd is 0.045, the t and sd estimates move it a little
        double se = Math.sqrt(2 / 40.0);
        double expected = 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(0.5 / se - 1.665) - 1;
        assertEquals(expected, inside / (double) TRIALS, 0.05, "power at a difference of 0");
    }

    @Test
    void aCorrectIndependentBFailsAFourSeMarginAboutTwoTimesInAHundred() {
        // the README's figures: a margin of k se is k sqrt(2) se_A, the se of B - A when B is drawn like A, so
        // such a B passes when |Z| < k - 1.645: fails 1.85% at 4se, 0.08% at 5se, 0.0005% at 6se
        // (tolerances: 4 binomial sd over the trials, at least 0.002)
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP
                .create(SEED + 3));
        int[] failed = new int[3];
        for (int trial = 0; trial < TRIALS; trial++) {
            double[] a = normals(z, 300, 90, 50);
            double[] b = normals(z, 300, 90, 50);
            Difference d = Difference.welch(kelvin.experiments.compare.Test.WELCH, Sample.of(a), Sample.of(b));
            for (int k = 4; k <= 6; k++) {
                Equivalence e = Equivalence.test(d, Margin.parse(k + "se").inUnits(Sample.of(a)));
                failed[k - 4] += e.outcome() == Equivalence.Outcome.EQUIVALENT ? 0 : 1;
            }
        }
        assertEquals(0.0185, failed[0] / (double) TRIALS, 0.012, "4se");
        assertEquals(0.0008, failed[1] / (double) TRIALS, 0.0025, "5se");
        assertEquals(0, failed[2] / (double) TRIALS, 0.002, "6se");
    }

    @Test
    void runsNeededFollowsTheDocumentedFormula() {
        // paired differences with mean 1 and sd 4 over 10 runs, margin 3: inside, but the interval is too wide
        double[] a = new double[10];
        double[] b = {5, -3, 5, -3, 5, -3, 5, -3, 5, -3};
        Difference d = Difference.paired(a, b);
        Equivalence e = Equivalence.test(d, 3);
        assertEquals(Equivalence.Outcome.INCONCLUSIVE, e.outcome());
        double z = 1.6448536269514722 + 0.8416212335729143;
        assertEquals((long) Math.ceil(Math.pow(z * d.spread() / (3 - 1), 2)), e.runsNeeded());
        assertEquals(-1, Equivalence.test(d, 30).runsNeeded());
    }
}
