package kelvin.experiments.scorecard;

/**
 * A point estimate with the bounds of its confidence interval.
 *
 * @param value the statistic on the scores as observed
 * @param low the lower bound of the interval
 * @param high the upper bound of the interval
 */
public record Estimate(double value, double low, double high) {
}
