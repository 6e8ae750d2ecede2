package kelvin.experiments.results;

import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A mean with its standard error and 95% confidence interval: mean +- t(0.975, n - 1) * sd / sqrt(n),
 * Student's t quantile from Apache Commons Math. Undefined parts (n below 2) are NaN.
 *
 * @param mean the mean of the values
 * @param stderr the standard error of the mean, NaN below two values
 * @param low the lower bound of the 95% interval, NaN below two values
 * @param high the upper bound of the 95% interval, NaN below two values
 * @param n the number of values
 */
public record Interval(double mean, double stderr, double low, double high, long n) {

    private static final ConcurrentHashMap<Long, Double> T975 = new ConcurrentHashMap<>();

    /**
     * The 95% Student t interval of a mean.
     *
     * @param n the number of values
     * @param mean their mean
     * @param variance their sample variance (n - 1 in the denominator)
     * @return the interval; stderr and bounds are NaN below two values
     */
    public static Interval of(long n, double mean, double variance) {
        if (n < 2) {
            return new Interval(mean, Double.NaN, Double.NaN, Double.NaN, n);
        }
        double se = Math.sqrt(variance / n);
        double half = tQuantile975(n - 1) * se;
        return new Interval(mean, se, mean - half, mean + half, n);
    }

    /**
     * Welch's degrees of freedom for a difference of two means (the Welch-Satterthwaite equation,
     * Welch 1947): (va + vb)^2 / (va^2 / (na - 1) + vb^2 / (nb - 1)).
     *
     * @param va the variance of mean A (its sample variance over na)
     * @param na the values behind mean A, at least 2
     * @param vb the variance of mean B
     * @param nb the values behind mean B, at least 2
     * @return the degrees of freedom; NaN when both variances are 0
     */
    public static double welchDegrees(double va, long na, double vb, long nb) {
        double se2 = va + vb;
        return se2 * se2 / (va * va / (na - 1) + vb * vb / (nb - 1));
    }

    /**
     * The 97.5% quantile of Student's t with a real number of degrees of freedom (Welch's df).
     *
     * @param df degrees of freedom, > 0
     * @return the t with P(T &lt;= t) = 0.975 (about 1.96 for large df)
     */
    public static double tQuantile975(double df) {
        if (df == Math.rint(df) && df < Long.MAX_VALUE) {
            return tQuantile975((long) df);
        }
        return new TDistribution(null, df,
                TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY).inverseCumulativeProbability(0.975);
    }

    /**
     * The 97.5% quantile of Student's t with {@code df} degrees of freedom.
     *
     * @param df degrees of freedom, at least 1
     * @return the t with P(T &lt;= t) = 0.975 (about 1.96 for large df)
     */
    public static double tQuantile975(long df) {
        return T975.computeIfAbsent(df, d -> new TDistribution(null, d, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY)
                .inverseCumulativeProbability(0.975));
    }

    /**
     * Whether the interval is defined: it takes two values or more, all finite.
     *
     * @return false when the bounds are NaN or infinite
     */
    public boolean defined() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    /**
     * What a chart's bands show, for its title: {@code 500 runs, 95% CI}, or for one run, which has
     * no interval, {@code 1 run, no interval}.
     *
     * @param runs the runs behind each value
     * @return the phrase
     */
    public static String bandsOver(long runs) {
        return runs < 2 ? runs + " run, no interval" : runs + " runs, 95% CI";
    }

    /**
     * Said in place of an undefined interval: too few values, or values that are not all finite.
     *
     * @return {@code n = 1, no interval}, or {@code not finite, no interval}
     */
    public String missing() {
        return n < 2 ? "n = " + n + ", no interval" : "not finite, no interval";
    }
}
