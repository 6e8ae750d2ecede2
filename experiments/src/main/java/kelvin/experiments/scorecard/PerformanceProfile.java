package kelvin.experiments.scorecard;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A performance profile: for each threshold tau, the fraction of all (environment, run) scores
 * strictly above tau, F(tau) = (1 / N) sum_{e,r} [x_{e,r} &gt; tau], with a stratified bootstrap band
 * at each tau. This is rliable's run-score distribution ({@code create_performance_profile} with
 * {@code use_score_distribution=True}, {@code run_score_deviation}: {@code mean(scores > tau)};
 * Agarwal et al. 2021, section 4), preferred there to the profile of environment means for its
 * smaller variance. Runs are pooled as in {@link AggregateStatistic#IQM}.
 */
public final class PerformanceProfile {
    private final double[] taus;
    private final double[] fractions;
    private final double[] low;
    private final double[] high;

    private PerformanceProfile(double[] taus, double[] fractions, double[] low, double[] high) {
        this.taus = taus;
        this.fractions = fractions;
        this.low = low;
        this.high = high;
    }

    /**
     * The profile with its bands: one bootstrap pass (B resamples drawn as {@link StratifiedBootstrap}
     * says), every tau read from the same resamples; each band is the percentile interval at its tau.
     *
     * @param table the scores
     * @param taus the thresholds, finite (see {@link TauGrid})
     * @param bootstrap resamples and level
     * @param rng the source of the resamples
     * @return the profile
     * @throws IllegalArgumentException if there are no thresholds or one is not finite
     */
    public static PerformanceProfile of(ScoreTable table, double[] taus, StratifiedBootstrap bootstrap,
            UniformRandomProvider rng) {
        double[] grid = checked(taus);
        int n = table.size();
        double[] pooled = new double[n];
        double[][] replicates = bootstrap.replicates(table, grid.length, (rows, out) -> {
            fractionsAbove(rows, pooled, grid, out);
        }, rng);
        double[] fractions = new double[grid.length];
        fractionsAbove(table.rows(), new double[n], grid, fractions);
        double[] low = new double[grid.length];
        double[] high = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            Estimate band = bootstrap.estimate(fractions[i], replicates[i]);
            low[i] = band.low();
            high[i] = band.high();
        }
        return new PerformanceProfile(grid, fractions, low, high);
    }

    /**
     * F(tau) of a table, without a band.
     *
     * @param table the scores
     * @param tau the threshold
     * @return the fraction of scores strictly above tau
     */
    public static double fractionAbove(ScoreTable table, double tau) {
        double[] out = new double[1];
        fractionsAbove(table.rows(), new double[table.size()], checked(new double[] {tau}), out);
        return out[0];
    }

    /** Pools and sorts the scores, then counts those above each tau by binary search. */
    private static void fractionsAbove(double[][] rows, double[] pooled, double[] taus, double[] out) {
        int n = ScoreTable.pool(rows, pooled);
        Arrays.sort(pooled, 0, n);
        for (int i = 0; i < taus.length; i++) {
            out[i] = (double) (n - countAtMost(pooled, n, taus[i])) / n;
        }
    }

    /** How many of the first n sorted values are &lt;= tau. */
    private static int countAtMost(double[] sorted, int n, double tau) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= tau) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double[] checked(double[] taus) {
        if (taus == null || taus.length == 0) {
            throw new IllegalArgumentException("performance profile: no thresholds");
        }
        for (double tau : taus) {
            if (!Double.isFinite(tau)) {
                throw new IllegalArgumentException("performance profile: threshold is not finite: " + tau);
            }
        }
        return taus.clone();
    }

    /**
     * The thresholds.
     *
     * @return a copy
     */
    public double[] taus() {
        return taus.clone();
    }

    /**
     * F(tau) at each threshold.
     *
     * @return a copy
     */
    public double[] fractions() {
        return fractions.clone();
    }

    /**
     * The lower edge of the band at each threshold.
     *
     * @return a copy
     */
    public double[] low() {
        return low.clone();
    }

    /**
     * The upper edge of the band at each threshold.
     *
     * @return a copy
     */
    public double[] high() {
        return high.clone();
    }

    /**
     * The profile at one threshold.
     *
     * @param i the threshold's index
     * @return F(tau_i) with its band
     */
    public Estimate at(int i) {
        return new Estimate(fractions[i], low[i], high[i]);
    }
}
