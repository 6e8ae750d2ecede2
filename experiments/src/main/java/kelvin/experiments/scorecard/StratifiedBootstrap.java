package kelvin.experiments.scorecard;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Stratified bootstrap percentile intervals (Agarwal et al. 2021, section 4; Efron &amp; Tibshirani
 * 1993, "An Introduction to the Bootstrap", chapter 13): each resample draws, independently
 * within each environment e, n_e runs with replacement from that environment's n_e runs, as rliable's
 * {@code StratifiedBootstrap} (runs resampled, environments kept: the uncertainty of repeating the
 * experiment with other seeds on the same suite). The statistic is recomputed on each of B resamples,
 * and the interval at level 1 - alpha is the alpha / 2 and 1 - alpha / 2 quantiles of those B values,
 * each the linear interpolation between order statistics (Hyndman &amp; Fan 1996, "Sample quantiles in
 * statistical packages", The American Statistician 50(4), type 7: numpy's default,
 * which arch's {@code conf_int(method='percentile')} uses under rliable).
 *
 * <p>Why percentile: it is rliable's default and the paper's; it respects the range of a bounded
 * statistic (a fraction stays in [0, 1], unlike the basic or normal interval); it is
 * transformation-respecting; and, unlike BCa, it needs no jackknife, which is undefined for an
 * environment with one run. Its known weakness, under-coverage with very few runs per environment,
 * is what the coverage check of this package measures.
 *
 * <p>Random draws: resample b = 1..B, environment e in row order, slot k = 1..n_e: one
 * {@code rng.nextInt(n_e)}, the run copied into slot k. An environment with one run therefore
 * contributes its one score to every resample.
 */
public final class StratifiedBootstrap {
    /** B, the number of resamples, unless one is given. */
    public static final int DEFAULT_RESAMPLES = 2000;
    /** The interval's level, unless one is given. */
    public static final double DEFAULT_LEVEL = 0.95;

    private final int resamples;
    private final double level;

    private StratifiedBootstrap(int resamples, double level) {
        this.resamples = resamples;
        this.level = level;
    }

    /**
     * A bootstrap of B resamples and intervals at a level.
     *
     * @param resamples B, at least 1
     * @param level the coverage, strictly between 0 and 1
     * @return the bootstrap
     * @throws IllegalArgumentException if B is below 1 or the level is outside (0, 1)
     */
    public static StratifiedBootstrap of(int resamples, double level) {
        if (resamples < 1) {
            throw new IllegalArgumentException("bootstrap: resamples must be at least 1, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("bootstrap: level must be strictly between 0 and 1, got " + level);
        }
        return new StratifiedBootstrap(resamples, level);
    }

    /**
     * 2000 resamples, 95% intervals.
     *
     * @return the default bootstrap
     */
    public static StratifiedBootstrap standard() {
        return new StratifiedBootstrap(DEFAULT_RESAMPLES, DEFAULT_LEVEL);
    }

    /**
     * B.
     *
     * @return the number of resamples
     */
    public int resamples() {
        return resamples;
    }

    /**
     * The coverage of the intervals.
     *
     * @return e.g. 0.95
     */
    public double level() {
        return level;
    }

    /**
     * One statistic with its interval.
     *
     * @param table the scores
     * @param statistic what to estimate
     * @param rng the source of the resamples, drawn as the class comment says
     * @return the statistic of the table and its percentile interval
     */
    public Estimate interval(ScoreTable table, AggregateStatistic statistic, UniformRandomProvider rng) {
        return intervals(table, List.of(statistic), rng).get(0);
    }

    /**
     * Several statistics with their intervals, all from the same B resamples (one pass, B draws of
     * the table as the class comment says, whatever the number of statistics).
     *
     * @param table the scores
     * @param statistics what to estimate
     * @param rng the source of the resamples
     * @return one estimate per statistic, in order
     */
    public List<Estimate> intervals(ScoreTable table, List<AggregateStatistic> statistics, UniformRandomProvider rng) {
        int width = statistics.size();
        double[] scratch = new double[Math.max(table.size(), table.environmentCount())];
        double[][] replicates = replicates(table, width, (rows, out) -> {
            for (int s = 0; s < width; s++) {
                out[s] = statistics.get(s).evaluate(rows, scratch);
            }
        }, rng);
        List<Estimate> estimates = new ArrayList<>(width);
        for (int s = 0; s < width; s++) {
            estimates.add(estimate(statistics.get(s).of(table), replicates[s]));
        }
        return estimates;
    }

    /** The statistics of one resampled table, written into {@code out}. */
    @FunctionalInterface
    interface Replicate {
        void evaluate(double[][] resampled, double[] out);
    }

    /**
     * B resamples of a table through a vector statistic.
     *
     * @return replicates[j][b], statistic j on resample b
     */
    double[][] replicates(ScoreTable table, int width, Replicate statistic, UniformRandomProvider rng) {
        double[][] rows = table.rows();
        double[][] resampled = new double[rows.length][];
        for (int e = 0; e < rows.length; e++) {
            resampled[e] = new double[rows[e].length];
        }
        double[][] replicates = new double[width][resamples];
        double[] values = new double[width];
        for (int b = 0; b < resamples; b++) {
            resample(rows, resampled, rng);
            statistic.evaluate(resampled, values);
            for (int j = 0; j < width; j++) {
                replicates[j][b] = values[j];
            }
        }
        return replicates;
    }

    /** One stratified resample: into[e][k] = rows[e][u], u uniform in [0, n_e), in slot order. */
    static void resample(double[][] rows, double[][] into, UniformRandomProvider rng) {
        for (int e = 0; e < rows.length; e++) {
            double[] row = rows[e];
            double[] target = into[e];
            int n = row.length;
            for (int k = 0; k < n; k++) {
                target[k] = row[rng.nextInt(n)];
            }
        }
    }

    /**
     * The percentile interval of a statistic from its replicates.
     *
     * @param value the statistic on the observed scores
     * @param replicates its B values on the resamples (not modified)
     * @return the estimate with the alpha / 2 and 1 - alpha / 2 type-7 quantiles
     */
    Estimate estimate(double value, double[] replicates) {
        double tail = (1 - level) / 2;
        Percentile quantile = new Percentile().withEstimationType(EstimationType.R_7);
        quantile.setData(replicates);
        return new Estimate(value, quantile.evaluate(100 * tail), quantile.evaluate(100 * (1 - tail)));
    }
}
