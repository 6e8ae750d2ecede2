package kelvin.experiments.scorecard;

/**
 * Thresholds tau for a {@link PerformanceProfile}: evenly spaced on a linear axis, or evenly spaced
 * in log(tau) on a log axis. Both end points are exact.
 */
public final class TauGrid {

    private TauGrid() {
    }

    /**
     * tau_i = from + i (to - from) / (points - 1), i = 0 .. points - 1.
     *
     * @param from the first threshold, finite
     * @param to the last threshold, finite and above {@code from}
     * @param points how many, at least 2
     * @return the thresholds, increasing
     * @throws IllegalArgumentException if the bounds are not finite and increasing or points is below 2
     */
    public static double[] linear(double from, double to, int points) {
        check(from, to, points);
        double[] taus = new double[points];
        for (int i = 0; i < points; i++) {
            taus[i] = from + i * (to - from) / (points - 1);
        }
        taus[points - 1] = to;
        return taus;
    }

    /**
     * tau_i = from (to / from)^(i / (points - 1)), i = 0 .. points - 1: a constant ratio between
     * neighbours.
     *
     * @param from the first threshold, strictly positive
     * @param to the last threshold, finite and above {@code from}
     * @param points how many, at least 2
     * @return the thresholds, increasing
     * @throws IllegalArgumentException if {@code from} is not positive, the bounds are not finite and
     *     increasing, or points is below 2
     */
    public static double[] log(double from, double to, int points) {
        check(from, to, points);
        if (!(from > 0)) {
            throw new IllegalArgumentException("log tau grid: the first threshold must be positive, got " + from);
        }
        double[] taus = new double[points];
        double logFrom = Math.log(from);
        double span = Math.log(to) - logFrom;
        for (int i = 0; i < points; i++) {
            taus[i] = Math.exp(logFrom + i * span / (points - 1));
        }
        taus[0] = from;
        taus[points - 1] = to;
        return taus;
    }

    private static void check(double from, double to, int points) {
        if (!(Double.isFinite(from) && Double.isFinite(to) && from < to)) {
            throw new IllegalArgumentException("tau grid: the bounds must be finite and increasing, got " + from
                    + " to " + to);
        }
        if (points < 2) {
            throw new IllegalArgumentException("tau grid: at least 2 points, got " + points);
        }
    }
}
