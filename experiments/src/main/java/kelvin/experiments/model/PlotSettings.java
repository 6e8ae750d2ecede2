package kelvin.experiments.model;

import java.util.Map;
import java.util.Objects;

/**
 * How the curve charts are drawn (a config's {@code plot} section, or {@code kelvin plot}'s
 * options); none of it changes a number in the results.
 *
 * @param smooth the checkpoints of the centred moving average drawn instead of the raw curve; 1
 *     draws the curve as recorded
 * @param from the first step or episode the curve charts show
 * @param ylim fixed y ranges of curve charts, by metric name; a metric without one gets the
 *     default range (see {@code results.CurveView})
 * @param ylimAll a fixed y range for every curve chart without its own, or null
 */
public record PlotSettings(int smooth, int from, Map<String, Range> ylim, Range ylimAll) {

    /** Raw curves from the first checkpoint, with default y ranges. */
    public static final PlotSettings DEFAULT = new PlotSettings(1, 1, Map.of(), null);

    /**
     * A y axis range.
     *
     * @param low the bottom of the axis
     * @param high the top of the axis, above {@code low}
     */
    public record Range(double low, double high) {
    }

    /**
     * Copies the ranges.
     *
     * @param smooth checkpoints of the moving average, at least 1
     * @param from the first step or episode shown, at least 1
     * @param ylim fixed y ranges by metric name
     * @param ylimAll a fixed y range for every other curve chart, or null
     */
    public PlotSettings {
        ylim = Map.copyOf(Objects.requireNonNull(ylim, "ylim"));
    }

    /**
     * The fixed y range of a metric's chart.
     *
     * @param metric the metric's name
     * @return its own range, else the range for every chart, else null (the default range)
     */
    public Range ylimOf(String metric) {
        return ylim.getOrDefault(metric, ylimAll);
    }
}
