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
 * one whose {@code low} is not positive is clamped to the smallest positive value on the chart (a
 * y value, band edge or explicit y tick), so the band runs to the bottom of the plot instead of
 * vanishing. Time indices that start at 1 work
 * as they are.
 *
 * <p><b>Ticks.</b> By default each axis chooses its own ticks: round values on a linear axis,
 * powers of ten on a log axis (and 2..9 times them when the axis spans a decade or less). An
 * explicit {@link Ticks} list for an axis replaces them: exactly those ticks, labels and grid
 * lines are drawn, on linear and log axes alike, and the axis widens to reach the first and last
 * tick. See {@link Ticks} for the details and for ready-made lists such as powers of two.
 *
 * <p><b>Y range.</b> By default the y axis spans everything drawn. A {@link YRange} fixes it
 * instead: lines and bands are cut at the plot's edges, and the range's notes say, inside the plot
 * at the edge where data are cut, what lies beyond it. Explicit y ticks outside the range are left
 * out.
 *
 * <p><b>Nothing to draw.</b> A chart with no series, or whose points are all dropped, still
 * renders: empty axes with the note "no data" in the middle, and no ticks. A single point is
 * drawn as a marker.
 *
 * @param title chart title
 * @param xLabel x axis label, with units
 * @param yLabel y axis label, with units
 * @param logX logarithmic x axis (base 10)
 * @param logY logarithmic y axis (base 10)
 * @param series curves, drawn in this order (all bands first, then all lines, so no band hides a
 *     line); legend entries follow the same order
 * @param xTicks explicit x axis ticks, or {@code null} for automatic ones
 * @param yTicks explicit y axis ticks, or {@code null} for automatic ones
 * @param yRange the y axis range, or {@code null} to span everything drawn
 */
public record LineChart(String title, String xLabel, String yLabel, boolean logX, boolean logY,
                        List<Series> series, Ticks xTicks, Ticks yTicks, YRange yRange) {

    /**
     * A chart, with the series list copied.
     *
     * @param title chart title
     * @param xLabel x axis label, with units
     * @param yLabel y axis label, with units
     * @param logX logarithmic x axis (base 10); points with x &lt;= 0 are dropped
     * @param logY logarithmic y axis (base 10); points with y &lt;= 0 are dropped, band edges are
     *     handled as the class comment says
     * @param series curves, drawn bands first and then lines, in this order (copied)
     * @param xTicks explicit x axis ticks, or {@code null} for automatic ones
     * @param yTicks explicit y axis ticks, or {@code null} for automatic ones
     * @param yRange the y axis range, or {@code null} to span everything drawn
     * @throws NullPointerException if a label, the series list or any series is null
     * @throws IllegalArgumentException if the y range starts at or below 0 on a log y axis
     */
    public LineChart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        series = List.copyOf(series);
        if (logY && yRange != null && !(yRange.low() > 0)) {
            throw new IllegalArgumentException(
                "a log y axis cannot start at " + yRange.low() + ": give a range above 0");
        }
    }

    /**
     * A chart that spans everything drawn on the y axis.
     *
     * @param title chart title
     * @param xLabel x axis label, with units
     * @param yLabel y axis label, with units
     * @param logX logarithmic x axis (base 10)
     * @param logY logarithmic y axis (base 10)
     * @param series curves, drawn bands first and then lines, in this order (copied)
     * @param xTicks explicit x axis ticks, or {@code null} for automatic ones
     * @param yTicks explicit y axis ticks, or {@code null} for automatic ones
     * @throws NullPointerException if a label, the series list or any series is null
     */
    public LineChart(String title, String xLabel, String yLabel, boolean logX, boolean logY, List<Series> series,
                     Ticks xTicks, Ticks yTicks) {
        this(title, xLabel, yLabel, logX, logY, series, xTicks, yTicks, null);
    }

    /**
     * A chart with automatic ticks on both axes.
     *
     * @param title chart title
     * @param xLabel x axis label, with units
     * @param yLabel y axis label, with units
     * @param logX logarithmic x axis
     * @param logY logarithmic y axis
     * @param series curves
     * @throws NullPointerException if any argument or series is null
     */
    public LineChart(String title, String xLabel, String yLabel, boolean logX, boolean logY, List<Series> series) {
        this(title, xLabel, yLabel, logX, logY, series, null, null);
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
        return new LineChart(title, xLabel, yLabel, isLogX, logY, series, xTicks, yTicks, yRange);
    }

    /**
     * This chart with a different y axis scale.
     *
     * @param isLogY whether the y axis is logarithmic
     * @return a copy
     */
    public LineChart withLogY(boolean isLogY) {
        return new LineChart(title, xLabel, yLabel, logX, isLogY, series, xTicks, yTicks, yRange);
    }

    /**
     * This chart with a different title.
     *
     * @param newTitle the title
     * @return a copy
     */
    public LineChart withTitle(String newTitle) {
        return new LineChart(newTitle, xLabel, yLabel, logX, logY, series, xTicks, yTicks, yRange);
    }

    /**
     * This chart with explicit x axis ticks, e.g. {@code withXTicks(Ticks.powersOfTwo(1.0 / 128, 4))}.
     *
     * @param ticks the ticks, or {@code null} for automatic ones
     * @return a copy
     */
    public LineChart withXTicks(Ticks ticks) {
        return new LineChart(title, xLabel, yLabel, logX, logY, series, ticks, yTicks, yRange);
    }

    /**
     * This chart with explicit x axis ticks at {@code values}, labelled {@code labels}.
     *
     * @param values tick positions, finite and strictly increasing; {@code null} (with null labels)
     *     for automatic ticks
     * @param labels one label per value, or {@code null} with null values
     * @return a copy
     * @throws NullPointerException if exactly one of the arrays is null, or a label is
     * @throws IllegalArgumentException as {@link Ticks#of}
     */
    public LineChart withXTicks(double[] values, String[] labels) {
        return withXTicks(ticks(values, labels));
    }

    /**
     * This chart with explicit y axis ticks, e.g. {@code withYTicks(Ticks.oneTwoFive(0.01, 1))}.
     *
     * @param ticks the ticks, or {@code null} for automatic ones
     * @return a copy
     */
    public LineChart withYTicks(Ticks ticks) {
        return new LineChart(title, xLabel, yLabel, logX, logY, series, xTicks, ticks, yRange);
    }

    /**
     * This chart with explicit y axis ticks at {@code values}, labelled {@code labels}.
     *
     * @param values tick positions, finite and strictly increasing; {@code null} (with null labels)
     *     for automatic ticks
     * @param labels one label per value, or {@code null} with null values
     * @return a copy
     * @throws NullPointerException if exactly one of the arrays is null, or a label is
     * @throws IllegalArgumentException as {@link Ticks#of}
     */
    public LineChart withYTicks(double[] values, String[] labels) {
        return withYTicks(ticks(values, labels));
    }

    /**
     * This chart with a fixed y axis range, e.g. to show the curves after a transient that would
     * otherwise set the scale.
     *
     * @param range the range and what to say about the data beyond it, or {@code null} to span
     *     everything drawn
     * @return a copy
     * @throws IllegalArgumentException if this chart has a log y axis and the range starts at or
     *     below 0
     */
    public LineChart withYRange(YRange range) {
        return new LineChart(title, xLabel, yLabel, logX, logY, series, xTicks, yTicks, range);
    }

    private static Ticks ticks(double[] values, String[] labels) {
        if (values == null && labels == null) {
            return null;
        }
        return Ticks.of(values, labels);
    }
}
