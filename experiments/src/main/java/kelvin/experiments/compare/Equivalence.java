package kelvin.experiments.compare;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Two one-sided tests (TOST; Schuirmann 1987, "A comparison of the two one-sided tests procedure
 * and the power approach for assessing the equivalence of average bioavailability", J.
 * Pharmacokinetics and Biopharmaceutics 15(6), 657-680) of |B - A| &lt; m at level 5%: H0- "B - A
 * &lt;= -m" is rejected when P(T &gt;= (d + m) / se) &lt; 0.05, H0+ "B - A &gt;= m" when
 * P(T &lt;= (d - m) / se) &lt; 0.05; the TOST p value is the larger of the two. Equivalent is the
 * same as the 90% interval of B - A lying inside (-m, m).
 *
 * <p>Not equivalent means the 90% interval lies wholly beyond the margin (B - A &gt; m, or &lt; -m, at
 * 5% one-sided); anything between is inconclusive, and more runs can decide it. {@link #runsNeeded()}
 * is the sample-size formula of a one-sided test at 5% with 80% power if the true difference is the
 * observed one (Chow, Shao &amp; Wang 2008, <i>Sample Size Calculations in Clinical Research</i>, 2nd
 * ed., section 3.2, normal approximation), for showing |B - A| &lt; m when the observed |d| is inside
 * the margin, or |B - A| &gt; m when it is outside:
 * <pre>
 *   n = ceil( ((z_0.95 + z_0.80) s / | m - |d| |)^2 )
 * </pre>
 * s the spread per run ({@link Difference#spread()}: the sd of the paired differences, or
 * sqrt(s_A^2 + s_B^2) for Welch with n runs in each folder) and m held at its value in the
 * metric's units. It is an estimate from the observed sd and difference, not a promise.
 *
 * <p>A margin of 0 (given in standard errors of an A whose runs all have the same value) admits no
 * test; the comparison is then equivalent only when B - A is exactly 0 with no spread (both sides
 * constant and equal), else undefined.
 *
 * @param difference B - A and its t test
 * @param margin m, in the metric's units
 * @param pValue the TOST p value, max of the two one-sided p values
 * @param outcome what the test found
 */
public record Equivalence(Difference difference, double margin, double pValue, Outcome outcome) {

    /** The test's level. */
    public static final double ALPHA = 0.05;

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1,
            NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);

    /** What a TOST concludes. */
    public enum Outcome {
        /** The 90% interval lies inside the margin. */
        EQUIVALENT,
        /** The 90% interval lies wholly beyond the margin. */
        NOT_EQUIVALENT,
        /** The 90% interval reaches across a bound of the margin: more runs would decide. */
        INCONCLUSIVE,
        /** The t test is undefined (fewer than two runs with a value on a side, or a margin of 0). */
        UNDEFINED
    }

    /**
     * Tests B - A against the margin.
     *
     * @param d the difference
     * @param margin m &gt; 0 in the metric's units (NaN or 0 when A's standard error is undefined or 0)
     * @return the test's result
     */
    public static Equivalence test(Difference d, double margin) {
        if (d.defined() && margin == 0 && d.se() == 0 && d.value() == 0) {
            return new Equivalence(d, margin, 0, Outcome.EQUIVALENT);
        }
        if (!d.defined() || !(margin > 0)) {
            return new Equivalence(d, margin, Double.NaN, Outcome.UNDEFINED);
        }
        double pLower = 1 - d.cumulative(-margin);
        double pUpper = d.cumulative(margin);
        double p = Math.max(pLower, pUpper);
        if (p < ALPHA) {
            return new Equivalence(d, margin, p, Outcome.EQUIVALENT);
        }
        // beyond the margin at 5% one-sided: B - A > m shown, or B - A < -m shown
        boolean beyond = 1 - d.cumulative(margin) < ALPHA || d.cumulative(-margin) < ALPHA;
        return new Equivalence(d, margin, p, beyond ? Outcome.NOT_EQUIVALENT : Outcome.INCONCLUSIVE);
    }

    /**
     * The 90% interval of B - A, the one TOST at 5% checks against the margin.
     *
     * @return {low, high}
     */
    public double[] interval() {
        return difference.interval(1 - 2 * ALPHA);
    }

    /**
     * How far the observed difference is past the margin.
     *
     * @return |d| - m, negative when inside
     */
    public double excess() {
        return Math.abs(difference.value()) - margin;
    }

    /**
     * Runs that would decide an inconclusive test (see the class comment for the formula).
     *
     * @return the estimate, or -1 when the test is not inconclusive or the estimate is undefined
     */
    public long runsNeeded() {
        if (outcome != Outcome.INCONCLUSIVE) {
            return -1;
        }
        double z = NORMAL.inverseCumulativeProbability(1 - ALPHA) + NORMAL.inverseCumulativeProbability(0.80);
        double n = Math.ceil(Math.pow(z * difference.spread() / excess(), 2));
        return Double.isFinite(n) && n < Long.MAX_VALUE ? Math.max(2, (long) n) : -1;
    }
}
