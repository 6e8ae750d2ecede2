package kelvin.plots;

import java.util.List;
import java.util.Objects;

/**
 * A chart of curves over a shared x axis, with optional confidence bands, as plain data.
 *
 * <p>Axis labels should carry units or the kind of quantity, e.g. {@code "step"},
 * {@code "cumulative regret"}, {@code "temperature T"}.
 *
 * <p><b>Log axes.</b> A logarithmic axis cannot show zero or negative values, and data from
 * experiments often contain them (regret is 0 at the first step; a greedy schedule has T = 0).
 * Rather than fail, the renderer drops every point whose x (on a log x axis) or y (on a log y
 * axis) is not strictly positive. A band point whose {@code high} is not positive is dropped too;
 * one whose {@code low} is not positive is clamped to the smallest positive value on the chart, so
 * the band runs to the bottom of the plot instead of vanishing. Time indices that start at 1 work
 * as they are.
 *
 * <p><b>Nothing to draw.</b> A chart with no series, or whose points are all dropped, still
 * renders: empty axes with the note "no data" in the middle. A single point is drawn as a marker.
 *
 * @param title chart title
 * @param xLabel x axis label, with units
 * @param yLabel y axis label, with units
 * @param logX logarithmic x axis (base 10)
 * @param logY logarithmic y axis (base 10)
 * @param series curves, drawn in this order (all bands first, then all lines, so no band hides a
 *     line); legend entries follow the same order
 */
public record LineChart(String title, String xLabel, String yLabel, boolean logX, boolean logY,
                        List<Series> series) {

    /**
     * Validates and copies the series list.
     *
     * @throws NullPointerException if any argument or series is null
     */
    public LineChart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        series = List.copyOf(series);
    }

    /**
     * A chart with linear axes.
     *
     * @param title chart title
     * @param xLabel x axis label
     * @param yLabel y axis label
     * @param series curves
     * @return the chart
     */
    public static LineChart of(String title, String xLabel, String yLabel, List<Series> series) {
        return new LineChart(title, xLabel, yLabel, false, false, series);
    }

    /**
     * A temperature-schedule preview: temperature against time on a log y axis, where geometric
     * cooling is a straight line and schedules spanning decades stay readable. Zero temperatures
     * (greedy) and infinite ones (uniform) cannot be drawn there and are left out.
     *
     * @param title chart title
     * @param timeLabel x axis label, e.g. {@code "step"} or {@code "episode"}
     * @param schedules one series per schedule, y = temperature
     * @return the chart, with y label {@code "temperature T"}
     */
    public static LineChart temperatures(String title, String timeLabel, List<Series> schedules) {
        return new LineChart(title, timeLabel, "temperature T", false, true, schedules);
    }

    /**
     * This chart with a different x axis scale.
     *
     * @param isLogX whether the x axis is logarithmic
     * @return a copy
     */
    public LineChart withLogX(boolean isLogX) {
        return new LineChart(title, xLabel, yLabel, isLogX, logY, series);
    }

    /**
     * This chart with a different y axis scale.
     *
     * @param isLogY whether the y axis is logarithmic
     * @return a copy
     */
    public LineChart withLogY(boolean isLogY) {
        return new LineChart(title, xLabel, yLabel, logX, isLogY, series);
    }

    /**
     * This chart with a different title.
     *
     * @param newTitle the title
     * @return a copy
     */
    public LineChart withTitle(String newTitle) {
        return new LineChart(newTitle, xLabel, yLabel, logX, logY, series);
    }
}
