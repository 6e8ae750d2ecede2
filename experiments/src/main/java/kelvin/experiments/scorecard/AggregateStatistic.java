package kelvin.experiments.scorecard;

import java.util.Arrays;
import java.util.List;

/**
 * An aggregate of one agent's normalised scores over a suite, with the definitions of rliable's
 * {@code metrics.py} (Agarwal et al. 2021, section 4). With E environments, n_e runs
 * in environment e, x_{e,r} the score of run r in environment e, and m_e = (1 / n_e) sum_r x_{e,r}
 * the environment's mean:
 * <ul>
 *   <li>{@link #MEAN}: (1 / E) sum_e m_e, the mean of the environment means (rliable's
 *       {@code aggregate_mean}); with equal run counts this is the mean of all the scores;</li>
 *   <li>{@link #MEDIAN}: the median of the E environment means (rliable's {@code aggregate_median});
 *       for even E the mean of the two middle ones, as numpy's median;</li>
 *   <li>{@link #IQM}: the interquartile mean of all N = sum_e n_e scores pooled, rliable's
 *       {@code aggregate_iqm}, which is {@code scipy.stats.trim_mean(x, 0.25)}: with the pooled scores
 *       sorted, x_(1) &lt;= ... &lt;= x_(N), and k = floor(N / 4), the mean of x_(k+1) ... x_(N-k). When
 *       N is not divisible by 4 this trims less than a quarter from each end (N = 6: k = 1, the middle
 *       4 are kept; N = 3: k = 0, the plain mean);</li>
 *   <li>{@link #optimalityGap(double)}: (1 / N) sum_{e,r} max(0, gamma - x_{e,r}) over all pooled
 *       scores, rliable's {@code aggregate_optimality_gap} (gamma - mean of min(x, gamma)); gamma = 1
 *       by default, where a normalised score reaches the optimum. Lower is better.</li>
 * </ul>
 * Mean and median weigh every environment alike; IQM and optimality gap pool the runs, so an
 * environment with more runs weighs more when run counts differ (rliable assumes equal counts).
 */
public final class AggregateStatistic {
    /** gamma of {@link #OPTIMALITY_GAP}: the normalised score of the optimum. */
    public static final double DEFAULT_GAMMA = 1;

    /** The mean of the environment means. */
    public static final AggregateStatistic MEAN = new AggregateStatistic(Kind.MEAN, Double.NaN);
    /** The median of the environment means. */
    public static final AggregateStatistic MEDIAN = new AggregateStatistic(Kind.MEDIAN, Double.NaN);
    /** The interquartile mean of all scores pooled. */
    public static final AggregateStatistic IQM = new AggregateStatistic(Kind.IQM, Double.NaN);
    /** The optimality gap at gamma = 1. */
    public static final AggregateStatistic OPTIMALITY_GAP = new AggregateStatistic(Kind.GAP, DEFAULT_GAMMA);

    private enum Kind {
        MEAN, MEDIAN, IQM, GAP
    }

    private final Kind kind;
    private final double gamma;

    private AggregateStatistic(Kind kind, double gamma) {
        this.kind = kind;
        this.gamma = gamma;
    }

    /**
     * The optimality gap at another threshold.
     *
     * @param gamma the score counted as optimal, finite
     * @return the statistic
     * @throws IllegalArgumentException if gamma is NaN or infinite
     */
    public static AggregateStatistic optimalityGap(double gamma) {
        if (!Double.isFinite(gamma)) {
            throw new IllegalArgumentException("optimality gap: gamma is not finite: " + gamma);
        }
        return new AggregateStatistic(Kind.GAP, gamma);
    }

    /**
     * The four statistics of the paper's aggregate plots, in its order.
     *
     * @return median, IQM, mean, optimality gap (gamma = 1)
     */
    public static List<AggregateStatistic> standard() {
        return List.of(MEDIAN, IQM, MEAN, OPTIMALITY_GAP);
    }

    /**
     * The name in tables.
     *
     * @return {@code mean}, {@code median}, {@code iqm} or {@code optimality-gap}
     */
    public String name() {
        return switch (kind) {
            case MEAN -> "mean";
            case MEDIAN -> "median";
            case IQM -> "iqm";
            case GAP -> "optimality-gap";
        };
    }

    /**
     * Whether a larger value is better.
     *
     * @return false for the optimality gap only
     */
    public boolean higherIsBetter() {
        return kind != Kind.GAP;
    }

    /**
     * The statistic of a table.
     *
     * @param table the scores
     * @return its value
     */
    public double of(ScoreTable table) {
        return evaluate(table.rows(), new double[Math.max(table.size(), table.environmentCount())]);
    }

    /**
     * The statistic of rows shaped like a table's.
     *
     * @param rows scores[env][run]
     * @param scratch at least as long as the number of scores and the number of environments; overwritten
     */
    double evaluate(double[][] rows, double[] scratch) {
        return switch (kind) {
            case MEAN -> {
                double sum = 0;
                for (double[] row : rows) {
                    sum += ScoreTable.mean(row);
                }
                yield sum / rows.length;
            }
            case MEDIAN -> {
                for (int e = 0; e < rows.length; e++) {
                    scratch[e] = ScoreTable.mean(rows[e]);
                }
                yield median(scratch, rows.length);
            }
            case IQM -> interquartileMean(scratch, ScoreTable.pool(rows, scratch));
            case GAP -> {
                double sum = 0;
                int n = 0;
                for (double[] row : rows) {
                    for (double x : row) {
                        sum += Math.max(0, gamma - x);
                    }
                    n += row.length;
                }
                yield sum / n;
            }
        };
    }

    /**
     * scipy's {@code trim_mean(x, 0.25)} of the first n values; sorts them in place.
     */
    static double interquartileMean(double[] values, int n) {
        Arrays.sort(values, 0, n);
        int k = n / 4;
        double sum = 0;
        for (int i = k; i < n - k; i++) {
            sum += values[i];
        }
        return sum / (n - 2 * k);
    }

    /** numpy's median of the first n values; sorts them in place. */
    private static double median(double[] values, int n) {
        Arrays.sort(values, 0, n);
        int half = n / 2;
        return n % 2 == 1 ? values[half] : (values[half - 1] + values[half]) / 2;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AggregateStatistic a && a.kind == kind
                && Double.doubleToLongBits(a.gamma) == Double.doubleToLongBits(gamma);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + Double.hashCode(gamma);
    }

    @Override
    public String toString() {
        return kind == Kind.GAP ? name() + "(gamma=" + gamma + ")" : name();
    }
}
