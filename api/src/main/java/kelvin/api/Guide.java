package kelvin.api;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * A reference curve an environment brings to its charts, drawn dashed: the Lai &amp; Robbins lower
 * bound on a Bernoulli bandit's regret, the 2^N episodes dithering exploration needs on deep sea.
 *
 * @param metric the metric whose charts show it
 * @param over what x is: null for the time axis (step or episode), else a swept key of the
 *     environment (parameter-study charts against that key)
 * @param label the legend entry
 * @param curve y as a function of x
 * @param logY whether the chart should use a log y axis to show it (an exponential)
 */
public record Guide(String metric, String over, String label, DoubleUnaryOperator curve, boolean logY) {

    /**
     * Checks the parts are present.
     *
     * @param metric the metric whose charts show it
     * @param over null for the time axis, else a swept key of the environment
     * @param label the legend entry
     * @param curve y as a function of x
     * @param logY whether the chart should use a log y axis
     * @throws NullPointerException if the metric, label or curve is null
     */
    public Guide {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(curve, "curve");
    }
}
