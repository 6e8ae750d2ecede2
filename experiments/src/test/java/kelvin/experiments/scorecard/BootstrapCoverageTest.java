package kelvin.experiments.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * An independent check of the stratified bootstrap's 95% IQM interval: suites drawn from a
 * population whose IQM is known in closed form must be covered 93-97% of the time.
 *
 * <p>Population: 5 environments, run scores of environment e drawn from N(mu_e, sigma^2), n runs
 * each. The pooled score is then the equal mixture F(x) = (1/5) sum_e Phi((x - mu_e) / sigma); its IQM
 * is E[X | q1 &lt;= X &lt;= q3] = 2 (1/5) sum_e [mu_e (Phi(b_e) - Phi(a_e)) + sigma (phi(a_e) - phi(b_e))]
 * with a_e = (q1 - mu_e) / sigma, b_e = (q3 - mu_e) / sigma and q1, q3 the mixture's quartiles
 * (solved numerically to 1e-12). The means are uneven, so the mixture is skewed and its IQM is not a
 * midpoint that symmetry would give away.
 *
 * <p>With n = 10 runs the percentile interval is measurably narrow: 92.9% over 4000 suites (seed
 * 12355, B = 1000; 92.7% with B = 2000), against 94.1% and 93.9% with n = 20. Resampling n runs of a
 * stratum with replacement has (n - 1) / n of the sample's variance, so the interval is about
 * sqrt((n - 1) / n) as wide as it should be: 1.96 sqrt(0.9) = 1.86 standard errors covers 93.7% of a
 * normal, before the IQM's own roughness. The 93-97% check therefore runs at n = 20, and n = 10 is
 * pinned to what it gives, so that a change in either direction is seen.
 *
 * <p>1000 resamples per suite instead of the default 2000, to keep the test near 10 s; the
 * measurements above show B moves coverage by less than the check's resolution.
 */
class BootstrapCoverageTest {
    private static final long SEED = 0x5c0ecadL;
    private static final double[] MU = {0.1, 0.2, 0.45, 0.7, 1.1};
    private static final double SIGMA = 0.2;
    private static final int RESAMPLES = 1000;

    @Test
    void withTwentyRunsTheIqmIntervalCoversThePopulationIqmNinetyFivePercentOfTheTime() {
        // 2000 suites: the coverage estimate's standard error is sqrt(0.95 * 0.05 / 2000) = 0.5%
        double coverage = coverage(20, 2000, SEED);
        assertTrue(coverage >= 0.93 && coverage <= 0.97, "coverage " + coverage);
    }

    @Test
    void withTenRunsTheIqmIntervalIsSlightlyNarrowAsThePercentileMethodIs() {
        // expected about 0.93 (see the class comment); the standard error over 1000 suites is 0.8%
        double coverage = coverage(10, 1000, SEED + 1);
        assertTrue(coverage >= 0.905 && coverage <= 0.955, "coverage " + coverage);
    }

    private static double coverage(int runs, int suites, long seed) {
        double truth = populationIqm();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        StratifiedBootstrap bootstrap = StratifiedBootstrap.of(RESAMPLES, 0.95);
        List<String> names = List.of("a", "b", "c", "d", "e");
        int covered = 0;
        for (int s = 0; s < suites; s++) {
            double[][] scores = new double[MU.length][runs];
            for (int e = 0; e < MU.length; e++) {
                for (int r = 0; r < runs; r++) {
                    scores[e][r] = MU[e] + SIGMA * normal.sample();
                }
            }
            Estimate iqm = bootstrap.interval(ScoreTable.of(names, scores), AggregateStatistic.IQM, rng);
            if (iqm.low() <= truth && truth <= iqm.high()) {
                covered++;
            }
        }
        return (double) covered / suites;
    }

    @Test
    void thePopulationIqmOfOneNormalIsItsMean() {
        // a check of the closed form: one normal environment is symmetric, so its IQM is mu
        assertEquals(0.3, iqmOfMixture(new double[] {0.3}, 0.7), 1e-12);
    }

    private static double populationIqm() {
        return iqmOfMixture(MU, SIGMA);
    }

    private static double iqmOfMixture(double[] mu, double sigma) {
        NormalDistribution phi = new NormalDistribution(null, 0, 1);
        double q1 = quantile(mu, sigma, 0.25, phi);
        double q3 = quantile(mu, sigma, 0.75, phi);
        double sum = 0;
        for (double m : mu) {
            double a = (q1 - m) / sigma;
            double b = (q3 - m) / sigma;
            sum += m * (phi.cumulativeProbability(b) - phi.cumulativeProbability(a))
                    + sigma * (phi.density(a) - phi.density(b));
        }
        return 2 * sum / mu.length;
    }

    private static double quantile(double[] mu, double sigma, double p, NormalDistribution phi) {
        return new BrentSolver(1e-14).solve(200, x -> {
            double f = 0;
            for (double m : mu) {
                f += phi.cumulativeProbability((x - m) / sigma);
            }
            return f / mu.length - p;
        }, -10, 10);
    }
}
