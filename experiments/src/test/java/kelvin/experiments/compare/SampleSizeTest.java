package kelvin.experiments.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The t-based sample-size formula against values computed by hand, against a plain count upward
 * from 2, and by simulation: at the n it names, the paired t test detects D about as often as asked.
 */
class SampleSizeTest {

    private static final long SEED = 20261207L;

    /** t quantile with df degrees of freedom. */
    private static double t(double p, double df) {
        return new TDistribution(null, df, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY)
                .inverseCumulativeProbability(p);
    }

    /** ((t_{1-alpha/2,df} + t_{power,df}) s / D)^2, the right-hand side of the formula. */
    private static double formula(double s, double d, double alpha, double power, double df) {
        double k = (t(1 - alpha / 2, df) + t(power, df)) * s / d;
        return k * k;
    }

    @Test
    void pairedSdOneAtHalfNeeds34Runs() {
        SampleSize plan = SampleSize.paired(1, 0.5, 0.05);
        // at n = 34, df = 33: (2.0345 + 0.8530)^2 / 0.25 = 33.34 <= 34; at n = 33, df = 32: 33.38 > 33
        assertTrue(formula(1, 0.5, 0.05, 0.8, 33) <= 34);
        assertTrue(formula(1, 0.5, 0.05, 0.8, 32) > 33);
        assertEquals(34, plan.runsNeeded(0.8));
        // the normal approximation (1.95996 + 0.84162)^2 / 0.25 = 31.40 rounds up to 32; the t quantiles
        // of 33 degrees of freedom add two runs, as the textbooks' tables (and R's power.t.test, 33.4) do
        assertEquals(31.3955, plan.normalApproximation(0.8), 1e-4);
        assertEquals(32, (long) Math.ceil(plan.normalApproximation(0.8)));
        assertTrue(plan.power(34) >= 0.8 && plan.power(33) < 0.8, plan.power(33) + " " + plan.power(34));
    }

    @Test
    void welchWithEqualSdsNeeds64RunsPerVariant() {
        // two samples of sd 1 at D = 0.5: df = 2 (n - 1); (1.9790 + 0.8446)^2 * 2 / 0.25 = 63.78 at n = 64
        SampleSize plan = SampleSize.welch(1, 1, 0.5, 0.05);
        assertEquals(126, plan.degrees(64), 1e-9);
        assertTrue(formula(Math.sqrt(2), 0.5, 0.05, 0.8, 126) <= 64);
        assertTrue(formula(Math.sqrt(2), 0.5, 0.05, 0.8, 124) > 63);
        assertEquals(64, plan.runsNeeded(0.8));
        assertEquals(62.79, plan.normalApproximation(0.8), 0.01);
    }

    @Test
    void welchWithUnequalSdsUsesWelchSatterthwaiteDegrees() {
        // sd 1 and 2, D = 1: s^2 = 5; df(n) = 25 (n - 1) / 17, 60.3 at n = 42, 58.8 at n = 41
        SampleSize plan = SampleSize.welch(1, 2, 1, 0.05);
        assertEquals(25.0 * 40 / 17, plan.degrees(41), 1e-9);
        assertTrue(formula(Math.sqrt(5), 1, 0.05, 0.8, 25.0 * 40 / 17) <= 41);
        assertTrue(formula(Math.sqrt(5), 1, 0.05, 0.8, 25.0 * 39 / 17) > 40);
        assertEquals(41, plan.runsNeeded(0.8));
    }

    @Test
    void thePilotsPowerIsTheShiftedTDistributionAtItsStandardError() {
        // a paired pilot of 10 runs, sd 1, D = 0.5: F_9(0.5 sqrt(10) - t_{0.975,9}) = F_9(1.5811 - 2.2622)
        double byHand = new TDistribution(null, 9, 1e-9).cumulativeProbability(0.5 * Math.sqrt(10) - t(0.975, 9));
        assertEquals(0.2565, byHand, 1e-4);
        assertEquals(byHand, SampleSize.paired(1, 0.5, 0.05).power(10), 1e-12);
        assertEquals(byHand, SampleSize.power(0.5, 1 / Math.sqrt(10), 9, 0.05), 1e-12);
        assertEquals(byHand, SampleSize.power(-0.5, 1 / Math.sqrt(10), 9, 0.05), 1e-12);
    }

    @Test
    void theSearchFindsTheSmallestNThatMeetsTheFormula() {
        double[] ratios = {0.05, 0.3, 1, 2.5, 7};
        double[][] levels = {{0.05, 0.8}, {0.01, 0.9}, {0.2, 0.5}, {0.001, 0.99}};
        for (double ratio : ratios) {
            for (double[] level : levels) {
                for (boolean paired : new boolean[] {true, false}) {
                    SampleSize plan = paired ? SampleSize.paired(ratio, 1, level[0])
                            : SampleSize.welch(ratio, ratio / 3, 1, level[0]);
                    long n = 2;
                    while (plan.power(n) < level[1]) {
                        n++;
                    }
                    String what = (paired ? "paired" : "welch") + " s/D " + ratio + " alpha " + level[0] + " power "
                            + level[1];
                    assertEquals(n, plan.runsNeeded(level[1]), what);
                    assertTrue(n >= Math.floor(plan.normalApproximation(level[1])), what);
                }
            }
        }
    }

    @Test
    void neverBelowTwoRuns() {
        assertEquals(2, SampleSize.paired(0.01, 5, 0.05).runsNeeded(0.8));
        assertEquals(2, SampleSize.welch(0.01, 0.01, -5, 0.05).runsNeeded(0.8));
    }

    @Test
    void moreSpreadMorePowerOrAStricterLevelNeedMoreRuns() {
        long base = SampleSize.paired(1, 0.5, 0.05).runsNeeded(0.8);
        assertTrue(SampleSize.paired(2, 0.5, 0.05).runsNeeded(0.8) > base);
        assertTrue(SampleSize.paired(1, 0.5, 0.05).runsNeeded(0.9) > base);
        assertTrue(SampleSize.paired(1, 0.5, 0.01).runsNeeded(0.8) > base);
        assertEquals(base, SampleSize.paired(1, -0.5, 0.05).runsNeeded(0.8));
    }

    @Test
    void inputsOutsideTheirRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SampleSize.paired(0, 1, 0.05));
        assertThrows(IllegalArgumentException.class, () -> SampleSize.paired(Double.NaN, 1, 0.05));
        assertThrows(IllegalArgumentException.class, () -> SampleSize.paired(1, 0, 0.05));
        assertThrows(IllegalArgumentException.class, () -> SampleSize.paired(1, Double.POSITIVE_INFINITY, 0.05));
        assertThrows(IllegalArgumentException.class, () -> SampleSize.paired(1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> SampleSize.welch(0, 0, 1, 0.05));
        assertThrows(IllegalArgumentException.class, () -> SampleSize.welch(-1, 1, 1, 0.05));
        assertThrows(IllegalArgumentException.class, () -> SampleSize.paired(1, 1, 0.05).runsNeeded(0.4));
        assertThrows(IllegalArgumentException.class, () -> SampleSize.paired(1, 1e-9, 0.05).runsNeeded(0.8));
    }

    /**
     * Simulation: 20000 paired data sets of 34 normal differences with mean 0.5 and sd 1, each tested
     * with Commons Math's paired t test at 5%. The exact (noncentral t) power at 34 is 0.8078 and the
     * formula's 0.8076; the share rejected has a binomial sd of 0.0028, so 0.0112 is four of them.
     */
    @Test
    void atTheNItNamesTheTestDetectsTheDifferenceAboutEightyPercentOfTheTime() {
        int n = (int) SampleSize.paired(1, 0.5, 0.05).runsNeeded(0.8);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP
                .create(SEED));
        TTest test = new TTest();
        int trials = 20000;
        int detected = 0;
        double[] zero = new double[n];
        double[] diff = new double[n];
        for (int trial = 0; trial < trials; trial++) {
            for (int i = 0; i < n; i++) {
                diff[i] = 0.5 + z.sample();
            }
            if (test.pairedTTest(diff, zero) < 0.05) {
                detected++;
            }
        }
        double share = (double) detected / trials;
        assertEquals(0.8078, share, 0.0112, "empirical power " + share + " at n = " + n);
    }
}
