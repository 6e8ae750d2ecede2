package kelvin.experiments.results;

import java.util.List;
import java.util.Objects;
import kelvin.experiments.metric.Recorded;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.PlotSettings;

/**
 * How a report is drawn; none of it changes a number.
 *
 * @param metrics the metrics to chart, in the order given; null charts every recorded metric
 * @param baseline the variant label every other is compared against; null compares against the best
 * @param timeAxis the time axis of the curve charts
 * @param plot smoothing, first time shown and y ranges of the curve charts
 */
public record ReportOptions(List<Recorded> metrics, String baseline, TimeAxis timeAxis, PlotSettings plot) {

    /**
     * Every metric, the best variant as baseline, the time axis the checkpoints' spacing suggests,
     * raw curves with default y ranges.
     */
    public static final ReportOptions DEFAULT = new ReportOptions(null, null, TimeAxis.AUTO, PlotSettings.DEFAULT);

    /**
     * What {@code kelvin run} draws: the defaults, with the curve charts as the config's
     * {@code plot} section says.
     *
     * @param e the experiment
     * @return the options
     */
    public static ReportOptions of(Experiment e) {
        return new ReportOptions(null, null, TimeAxis.AUTO, e.plot());
    }

    /** The curve charts' time axis. */
    public enum TimeAxis {
        /** Logarithmic when the checkpoints are log-spaced, linear otherwise. */
        AUTO,
        /** Logarithmic. */
        LOG,
        /** Linear. */
        LINEAR
    }

    /**
     * Copies the metrics.
     *
     * @param metrics the metrics to chart, in the order given; null charts every recorded metric
     * @param baseline the variant label every other is compared against; null compares against the best
     * @param timeAxis the time axis of the curve charts
     * @param plot smoothing, first time shown and y ranges of the curve charts
     */
    public ReportOptions {
        metrics = metrics == null ? null : List.copyOf(metrics);
        Objects.requireNonNull(timeAxis, "timeAxis");
        Objects.requireNonNull(plot, "plot");
    }
}
