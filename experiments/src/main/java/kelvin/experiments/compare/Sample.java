package kelvin.experiments.compare;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * What a two-sample test needs of one side: the mean, the sample standard deviation and the count.
 *
 * @param mean the mean of the values
 * @param sd their sample standard deviation (n - 1 in the denominator), NaN below two values
 * @param n how many values
 */
public record Sample(double mean, double sd, long n) {

    /**
     * The values that are not NaN (a run without a value of the metric has none).
     *
     * @param values one value per run
     * @return their summary
     */
    public static Sample of(double[] values) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            if (!Double.isNaN(v)) {
                s.addValue(v);
            }
        }
        return new Sample(s.getMean(), s.getN() < 2 ? Double.NaN : s.getStandardDeviation(), s.getN());
    }

    /**
     * A row of curves.csv: the standard deviation is recovered as stderr * sqrt(n).
     *
     * @param mean the row's mean
     * @param stderr the row's standard error, NaN when it has none
     * @param n the row's count
     * @return the summary
     */
    public static Sample ofStandardError(double mean, double stderr, long n) {
        return new Sample(mean, stderr * Math.sqrt(n), n);
    }

    /**
     * The standard error of the mean, sd / sqrt(n).
     *
     * @return NaN below two values
     */
    public double standardError() {
        return sd / Math.sqrt(n);
    }
}
