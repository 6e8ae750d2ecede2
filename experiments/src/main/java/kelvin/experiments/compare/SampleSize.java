package kelvin.experiments.compare;

import kelvin.experiments.results.Interval;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Runs per variant that a two-sided t test at level alpha needs to detect a true difference D with
 * a given power, from the spread per run of a pilot: the t-based sample-size formula (Julious 2004,
 * "Sample sizes for clinical trials with Normal data", Statistics in Medicine 23(12), 1921-1986;
 * Chow, Shao &amp; Wang 2008, <i>Sample Size Calculations in Clinical Research</i>, 2nd ed.,
 * chapter 3, whose normal approximation {@link Equivalence#runsNeeded} uses):
 * <pre>
 *   n = ((t_{1-alpha/2, df} + t_{power, df}) s / D)^2
 * </pre>
 * with df taken from n itself, so n is the fixed point of that equation: the smallest whole n &gt;= 2
 * that meets it. Equivalently, it is the smallest n whose power
 * <pre>
 *   power(n) = F_df( |D| / se(n) - t_{1-alpha/2, df} )
 * </pre>
 * reaches the target, F_df being Student's t distribution function (Commons Math
 * {@link TDistribution}) and se(n) the standard error of the difference of means with n runs on
 * each side:
 * <ul>
 *   <li>Paired (common random numbers): s the sd of the per-run differences B_r - A_r, se(n) =
 *       s / sqrt(n), df = n - 1.</li>
 *   <li>Welch (independent runs): s^2 = s_A^2 + s_B^2, se(n) = s / sqrt(n), df by the
 *       Welch-Satterthwaite equation with n on each side ({@link Interval#welchDegrees}), which is
 *       2 (n - 1) when s_A = s_B.</li>
 * </ul>
 * The same power function gives the power of the pilot's own runs, from its standard error and
 * degrees of freedom.
 *
 * <p>Implementation note. The formula treats the t statistic under the alternative as a central t
 * shifted by |D| / se, and leaves out the opposite rejection tail (so as D nears 0 the power tends to
 * alpha / 2 rather than alpha, which matters only far below any target); the exact distribution is the
 * noncentral t, which neither Commons Math 3.6 nor any other dependency of Kelvin provides, so it is
 * not used. Measured against the exact noncentral t (SciPy's {@code nct}), the formula agrees where
 * it matters and errs on the safe side: for a paired sd of 1, D = 0.5, alpha = 0.05 and 80% power it
 * gives n = 34 with power 0.8076, the exact power at 34 is 0.8078 (0.795 at 33); two samples of sd
 * 1 give n = 64 both ways; at a small n it understates the power (n = 10: 0.256 against 0.293),
 * so the n it names is never smaller than the exact one in these cases. The power must be at least
 * 0.5: there the power function rises with n (its argument rises, and F_df of a positive number
 * rises with df), so the smallest n is found by a doubling search from the normal approximation
 * n_z = ((z_{1-alpha/2} + z_power) s / D)^2, which is a lower bound (t quantiles exceed normal ones
 * and F_df(x) &lt;= Phi(x) for x &gt; 0), then bisection; the answer is exactly what iterating n to
 * the fixed point gives, without the risk of the iteration stepping back and forth across it.
 */
public final class SampleSize {

    /**
     * The largest answer: a difference that needs more runs per variant is too small against the
     * spread to plan for, and the search stays within numbers a long and the t distribution hold.
     */
    public static final double MAX_RUNS = 1e12;

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1,
            NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);

    private final boolean paired;
    private final double sdA;
    private final double sdB;
    private final double difference;
    private final double alpha;

    private SampleSize(boolean paired, double sdA, double sdB, double difference, double alpha) {
        this.paired = paired;
        this.sdA = sdA;
        this.sdB = sdB;
        this.difference = Math.abs(difference);
        this.alpha = alpha;
    }

    /**
     * Runs paired by run.
     *
     * @param sd the sd of the per-run differences B_r - A_r, finite and &gt; 0
     * @param difference D, finite and not 0; its sign does not matter (the test is two-sided)
     * @param alpha the two-sided level, in (0, 1)
     * @return the plan
     * @throws IllegalArgumentException for a value outside those ranges
     */
    public static SampleSize paired(double sd, double difference, double alpha) {
        check(sd, difference, alpha);
        return new SampleSize(true, sd, Double.NaN, difference, alpha);
    }

    /**
     * Independent runs, Welch's test.
     *
     * @param sdA the sd of A's runs, finite and &gt;= 0
     * @param sdB the sd of B's runs, finite and &gt;= 0, not both 0
     * @param difference D, finite and not 0; its sign does not matter
     * @param alpha the two-sided level, in (0, 1)
     * @return the plan
     * @throws IllegalArgumentException for a value outside those ranges
     */
    public static SampleSize welch(double sdA, double sdB, double difference, double alpha) {
        if (!(sdA >= 0) || !(sdB >= 0)) {
            throw new IllegalArgumentException("an sd is not >= 0: " + sdA + ", " + sdB);
        }
        check(Math.hypot(sdA, sdB), difference, alpha);
        return new SampleSize(false, sdA, sdB, difference, alpha);
    }

    private static void check(double spread, double difference, double alpha) {
        if (!(spread > 0) || Double.isInfinite(spread)) {
            throw new IllegalArgumentException("the spread is not finite and > 0: " + spread);
        }
        if (!(difference != 0) || !Double.isFinite(difference)) {
            throw new IllegalArgumentException("the difference is not finite and non-zero: " + difference);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha is not in (0, 1): " + alpha);
        }
    }

    /**
     * The spread per run that the standard error shrinks from: se(n) = spread / sqrt(n).
     *
     * @return the paired sd, or sqrt(s_A^2 + s_B^2)
     */
    public double spread() {
        return paired ? sdA : Math.hypot(sdA, sdB);
    }

    /**
     * The degrees of freedom of the test with n runs on each side.
     *
     * @param n runs per variant, at least 2
     * @return n - 1 paired; Welch-Satterthwaite otherwise
     */
    public double degrees(long n) {
        if (paired) {
            return n - 1;
        }
        return Interval.welchDegrees(sdA * sdA / n, n, sdB * sdB / n, n);
    }

    /**
     * The power with n runs on each side (see the class comment).
     *
     * @param n runs per variant, at least 2
     * @return the probability that the test rejects B - A = 0 when the true difference is D
     */
    public double power(long n) {
        return power(difference, spread() / Math.sqrt(n), degrees(n), alpha);
    }

    /**
     * The power of a two-sided t test at level alpha with a given standard error and degrees of
     * freedom, when the true difference is D: F_df(|D| / se - t_{1-alpha/2, df}).
     *
     * @param difference D
     * @param se the standard error of the difference of means, &gt; 0
     * @param df the degrees of freedom, &gt; 0
     * @param alpha the two-sided level
     * @return the power
     */
    public static double power(double difference, double se, double df, double alpha) {
        TDistribution t = new TDistribution(null, df, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        return t.cumulativeProbability(Math.abs(difference) / se - t.inverseCumulativeProbability(1 - alpha / 2));
    }

    /**
     * The normal approximation n_z = ((z_{1-alpha/2} + z_power) s / D)^2, a lower bound of
     * {@link #runsNeeded}.
     *
     * @param power the target power
     * @return n_z, not rounded
     */
    public double normalApproximation(double power) {
        double z = NORMAL.inverseCumulativeProbability(1 - alpha / 2) + NORMAL.inverseCumulativeProbability(power);
        double k = z * spread() / difference;
        return k * k;
    }

    /**
     * The smallest n &gt;= 2 whose power reaches the target.
     *
     * @param power the target, in [0.5, 1)
     * @return runs per variant
     * @throws IllegalArgumentException when the power is outside [0.5, 1) or the answer would exceed
     *     {@link #MAX_RUNS}
     */
    public long runsNeeded(double power) {
        if (!(power >= 0.5 && power < 1)) {
            throw new IllegalArgumentException("the power is not in [0.5, 1): " + power);
        }
        double normal = normalApproximation(power);
        if (!(normal <= MAX_RUNS)) {
            throw new IllegalArgumentException("more than " + MAX_RUNS + " runs would be needed");
        }
        long low = Math.max(2, (long) Math.floor(normal));
        if (power(low) >= power) {
            return low;
        }
        // power(low) < target: double the step until a high end reaches it, then bisect
        long step = 1;
        long high = low + step;
        while (power(high) < power) {
            low = high;
            step *= 2;
            high = low + step;
        }
        while (high - low > 1) {
            long mid = low + (high - low) / 2;
            if (power(mid) >= power) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }
}
