/**
 * Charts and the HTML report, rendered from plain data.
 *
 * <p>This package knows nothing of agents, environments or configs: callers hand it numbers and
 * strings and get bytes or text back, which they write to files themselves (atomically, as the
 * results folder requires).
 *
 * <ul>
 *   <li>{@link kelvin.plots.Series} and {@link kelvin.plots.LineChart} describe a chart of curves
 *       with optional confidence bands; {@link kelvin.plots.ChartRenderer} turns it into PNG or SVG
 *       bytes. {@link kelvin.plots.Ticks} sets an axis's ticks explicitly, e.g. powers of two on a
 *       log axis.
 *   <li>{@link kelvin.plots.Heatmap} describes a grid of values (e.g. gridworld visitation counts),
 *       rendered by the same {@link kelvin.plots.ChartRenderer}.
 *   <li>{@link kelvin.plots.IntervalPlot} describes estimates with their intervals, a row per item
 *       and a panel per statistic (rliable's aggregate plot), rendered by the same
 *       {@link kelvin.plots.ChartRenderer}.
 *   <li>{@link kelvin.plots.GridMap} describes a gridworld map: cell kinds (walls, start, goal,
 *       holes, cliff), optional value shading, arrows per cell and short texts, rendered by the
 *       same {@link kelvin.plots.ChartRenderer}.
 *   <li>{@link kelvin.plots.Report}, {@link kelvin.plots.Figure} and {@link kelvin.plots.Table}
 *       describe a self-contained HTML page; {@link kelvin.plots.ReportRenderer} writes it.
 *   <li>{@link kelvin.plots.Palette} fixes the colour of each variant index, so a variant keeps
 *       its colour on every chart of a report.
 * </ul>
 *
 * <p>Rendering needs no display: it only draws into off-screen images and vector documents.
 */
package kelvin.plots;
