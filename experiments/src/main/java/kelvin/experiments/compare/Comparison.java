package kelvin.experiments.compare;

import kelvin.experiments.metric.Better;

/**
 * One comparison: a metric of a variant of A against a variant of B at one checkpoint.
 *
 * @param variantA the variant of A
 * @param variantB the variant of B
 * @param metric the metric's name
 * @param t the checkpoint (step or episode)
 * @param better which direction of the metric is good; null when the metric is unknown (a plug-in not loaded)
 * @param pairing whether and why the runs were paired
 * @param difference B - A with its t test
 * @param adjustedP the Holm-adjusted p value in a difference report; NaN in an equivalence test
 * @param equivalence the TOST, or null in a difference report
 */
public record Comparison(String variantA, String variantB, String metric, long t, Better better, Pairing pairing,
                         Difference difference, double adjustedP, Equivalence equivalence) {

    /** The level of every verdict. */
    public static final double ALPHA = 0.05;

    /**
     * The verdict in a few words.
     *
     * @return for a difference report {@code B better}, {@code B worse}, {@code B higher}, {@code B lower} or
     *     {@code no difference found}; for an equivalence test {@code equivalent}, {@code not equivalent} or
     *     {@code inconclusive}; {@code undefined} when the test is
     */
    public String verdict() {
        if (equivalence != null) {
            return switch (equivalence.outcome()) {
                case EQUIVALENT -> "equivalent";
                case NOT_EQUIVALENT -> "not equivalent";
                case INCONCLUSIVE -> "inconclusive";
                case UNDEFINED -> "undefined";
            };
        }
        if (Double.isNaN(adjustedP)) {
            return "undefined";
        }
        if (!(adjustedP < ALPHA)) {
            return "no difference found";
        }
        boolean higher = difference.value() > 0;
        if (better == Better.LOWER) {
            return higher ? "B worse" : "B better";
        }
        if (better == Better.HIGHER) {
            return higher ? "B better" : "B worse";
        }
        return higher ? "B higher" : "B lower";
    }

    /**
     * Whether this comparison passes an equivalence test.
     *
     * @return true when the TOST found the variants equivalent
     */
    public boolean equivalent() {
        return equivalence != null && equivalence.outcome() == Equivalence.Outcome.EQUIVALENT;
    }

    /**
     * The p value the verdict rests on.
     *
     * @return the TOST p value, or the Holm-adjusted p value of a difference report
     */
    public double verdictP() {
        return equivalence != null ? equivalence.pValue() : adjustedP;
    }
}
