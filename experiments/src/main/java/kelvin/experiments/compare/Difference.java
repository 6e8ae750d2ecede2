package kelvin.experiments.compare;

import kelvin.experiments.results.Interval;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The difference of means B - A with the standard error and degrees of freedom of its t test, and
 * what follows from Student's t distribution (Apache Commons Math): intervals and p values.
 *
 * <ul>
 *   <li>Paired (Student 1908): d_r = B_r - A_r over the runs where both have a value; the
 *       difference is mean(d), se = sd(d) / sqrt(n), df = n - 1.</li>
 *   <li>Welch (1947): se^2 = s_A^2 / n_A + s_B^2 / n_B, df by the Welch-Satterthwaite equation
 *       se^4 / ((s_A^2 / n_A)^2 / (n_A - 1) + (s_B^2 / n_B)^2 / (n_B - 1)).</li>
 * </ul>
 * When se is 0 (every run gives the same value, or every paired difference is the same) the t
 * statistic is undefined and the results are taken at their limits: the interval is the point
 * B - A, p is 1 when B - A is 0 and 0 otherwise.
 *
 * @param test which test
 * @param a side A
 * @param b side B
 * @param value B - A
 * @param se its standard error, NaN when a side has fewer than two values
 * @param df the degrees of freedom of its t statistic
 * @param spread the standard deviation per run that se shrinks from as runs are added: sd(d) when
 *     paired, sqrt(s_A^2 + s_B^2) for Welch (n runs on each side give se = spread / sqrt(n))
 */
public record Difference(Test test, Sample a, Sample b, double value, double se, double df, double spread) {

    /**
     * Paired: B_r - A_r for every run r where neither value is NaN.
     *
     * @param a one value per run of side A
     * @param b one value per run of side B, in the same run order
     * @return the difference
     * @throws IllegalArgumentException if the run counts differ
     */
    public static Difference paired(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired values need equal run counts: " + a.length + " and " + b.length);
        }
        SummaryStatistics d = new SummaryStatistics();
        SummaryStatistics sa = new SummaryStatistics();
        SummaryStatistics sb = new SummaryStatistics();
        for (int r = 0; r < a.length; r++) {
            if (!Double.isNaN(a[r]) && !Double.isNaN(b[r])) {
                d.addValue(b[r] - a[r]);
                sa.addValue(a[r]);
                sb.addValue(b[r]);
            }
        }
        long n = d.getN();
        double sd = n < 2 ? Double.NaN : d.getStandardDeviation();
        return new Difference(Test.PAIRED, summary(sa), summary(sb), d.getMean(), sd / Math.sqrt(n), n - 1, sd);
    }

    /**
     * Welch's unpaired difference.
     *
     * @param test {@link Test#WELCH} or {@link Test#WELCH_CURVES}, what the samples were read from
     * @param a side A
     * @param b side B
     * @return the difference
     */
    public static Difference welch(Test test, Sample a, Sample b) {
        double va = a.sd() * a.sd() / a.n();
        double vb = b.sd() * b.sd() / b.n();
        double se2 = va + vb;
        double df = se2 == 0 ? a.n() + b.n() - 2 : Interval.welchDegrees(va, a.n(), vb, b.n());
        double spread = Math.sqrt(a.sd() * a.sd() + b.sd() * b.sd());
        return new Difference(test, a, b, b.mean() - a.mean(), Math.sqrt(se2), df, spread);
    }

    private static Sample summary(SummaryStatistics s) {
        return new Sample(s.getMean(), s.getN() < 2 ? Double.NaN : s.getStandardDeviation(), s.getN());
    }

    /**
     * Whether the t test is defined: two values or more on each side (pairs, when paired) and
     * finite numbers.
     *
     * @return false when se is NaN or infinite
     */
    public boolean defined() {
        return Double.isFinite(se) && Double.isFinite(value) && df > 0;
    }

    /**
     * The central interval of B - A, value +- t(1 - (1 - level) / 2, df) se.
     *
     * @param level the coverage, e.g. 0.95
     * @return {low, high}; NaN when the test is not {@link #defined()}
     */
    public double[] interval(double level) {
        if (!defined()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double half = se == 0 ? 0 : t().inverseCumulativeProbability(1 - (1 - level) / 2) * se;
        return new double[] {value - half, value + half};
    }

    /**
     * The two-sided p value of B - A = 0.
     *
     * @return 2 P(T &gt; |value| / se); NaN when the test is not {@link #defined()}
     */
    public double pValue() {
        if (!defined()) {
            return Double.NaN;
        }
        if (se == 0) {
            return value == 0 ? 1 : 0;
        }
        return Math.min(1, 2 * t().cumulativeProbability(-Math.abs(value) / se));
    }

    /**
     * P(T &lt;= x) for the test's t distribution, at x = (value - shift) / se.
     *
     * @param shift what is subtracted from B - A
     * @return the probability; at se = 0 its limit: 0 when value &lt; shift, 1 when value &gt; shift, 1/2 at
     *     equality
     */
    double cumulative(double shift) {
        if (se == 0) {
            return value < shift ? 0 : value > shift ? 1 : 0.5;
        }
        return t().cumulativeProbability((value - shift) / se);
    }

    private TDistribution t() {
        return new TDistribution(null, df, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    }
}
