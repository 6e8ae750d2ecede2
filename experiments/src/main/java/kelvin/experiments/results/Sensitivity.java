package kelvin.experiments.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kelvin.api.Guide;
import kelvin.experiments.metric.Better;
import kelvin.experiments.metric.Recorded;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.plots.Heatmap;
import kelvin.plots.LineChart;
import kelvin.plots.Series;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Parameter-study charts (Sutton &amp; Barto Figure 2.6 style): for every agent swept over exactly
 * one numeric key, the metric's final value against the swept value, one line per agent with its
 * 95% confidence band. Different agents may sweep different keys (epsilon, alpha, c, ...); they
 * share the x axis, which is logarithmic when every agent's values form a geometric sequence.
 */
final class Sensitivity {

    private Sensitivity() {
    }

    /** The chart for {@code metric}, or null when no agent has a one-key numeric sweep. */
    static LineChart chart(ResultData data, Recorded metric) {
        Experiment e = data.experiment();
        Map<String, List<Cell>> byAgent = new LinkedHashMap<>();
        for (Cell c : e.cells()) {
            if (c.params().size() == 1 && isNumber(c.params().values().iterator().next())) {
                byAgent.computeIfAbsent(c.agentName(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Series> series = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        boolean geometric = true;
        double ratio = Double.NaN;
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, List<Cell>> entry : byAgent.entrySet()) {
            List<Cell> cells = new ArrayList<>(entry.getValue());
            String key = cells.get(0).params().keySet().iterator().next();
            if (cells.size() < 2 || !cells.stream().allMatch(c -> c.params().containsKey(key))) {
                continue;
            }
            Series line = line(data, metric, cells, key, entry.getKey() + " (" + key + ")", series.size());
            if (line == null) {
                continue;
            }
            double[] x = line.x();
            int m = x.length;
            geometric &= isGeometric(x);
            double r = x[1] / x[0];
            ratio = Double.isNaN(ratio) || Math.abs(r - ratio) < 1e-9 ? r : -1;
            lowest = Math.min(lowest, x[0]);
            highest = Math.max(highest, x[m - 1]);
            series.add(line);
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        if (series.isEmpty()) {
            return null;
        }
        String title = String.format(Locale.ROOT, "%s against the swept parameter (%s)",
                metric.metric().title(), Interval.bandsOver(e.runs()));
        String yLabel = valueLabel(metric);
        String xLabel = keys.equals(List.of("size")) ? "size N" : "swept parameter: " + String.join(", ", keys)
                + (geometric ? " (log scale)" : "");
        boolean logY = false;
        for (Guide g : e.environment().guides()) {
            if (g.metric().equals(metric.key()) && keys.equals(Collections.singletonList(g.over()))) {
                // drawn at every whole value of the swept key
                int points = (int) Math.round(highest - lowest) + 1;
                double[] gx = new double[points];
                double[] gy = new double[points];
                for (int i = 0; i < points; i++) {
                    gx[i] = lowest + i;
                    gy[i] = g.curve().applyAsDouble(gx[i]);
                }
                series.add(Series.guide(g.label(), gx, gy));
                logY |= g.logY();
            }
        }
        LineChart chart = LineChart.of(title, xLabel, yLabel, series).withLogX(geometric).withLogY(logY);
        if (logY) {
            chart = AxisTicks.apply(chart);
        }
        return geometric ? chart.withXTicks(AxisTicks.forSweep(lowest, highest, ratio)) : chart;
    }

    private static boolean isNumber(String text) {
        try {
            double v = Double.parseDouble(text);
            return !Double.isNaN(v) && !Double.isInfinite(v);
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    /**
     * Whether at least three positive values are spread evenly on a log scale: a constant ratio
     * between neighbours, or a span of two decades or more over which the gaps between the values'
     * logs vary less than the gaps between the values (1-2-5 steps such as 0.02, 0.05, 0.1, 0.2,
     * which a linear axis crowds into its left end).
     */
    static boolean isGeometric(double[] sorted) {
        if (sorted.length < 3 || sorted[0] <= 0) {
            return false;
        }
        double ratio = sorted[1] / sorted[0];
        boolean constant = ratio > 1;
        for (int i = 2; i < sorted.length; i++) {
            constant &= Math.abs(sorted[i] / sorted[i - 1] - ratio) <= 1e-6 * ratio;
        }
        if (constant) {
            return true;
        }
        double[] logs = new double[sorted.length];
        for (int i = 0; i < logs.length; i++) {
            logs[i] = Math.log(sorted[i]);
        }
        return sorted[sorted.length - 1] / sorted[0] >= 100 && gapSpread(logs) < gapSpread(sorted);
    }

    /** The coefficient of variation of the gaps between neighbours. */
    private static double gapSpread(double[] sorted) {
        double[] gaps = new double[sorted.length - 1];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = sorted[i + 1] - sorted[i];
        }
        DescriptiveStatistics stats = new DescriptiveStatistics(gaps);
        return stats.getStandardDeviation() / stats.getMean();
    }

    /**
     * An agent swept over two numeric keys on a full grid: rows x columns cells.
     *
     * @param agent the agent's name in the config
     * @param keys the two swept keys: the rows' key, then the columns'
     * @param rows the first key's values, largest first
     * @param columns the second key's values, ascending
     * @param cells the agent's variants, one per combination, in config order
     */
    record Grid(String agent, List<String> keys, List<String> rows, List<String> columns, List<Cell> cells) {
    }

    /**
     * Every agent swept over exactly two numeric keys with every combination present, in config
     * order; rows are the first key's values, largest first (as on a y axis), columns the second's,
     * ascending.
     */
    static List<Grid> grids(Experiment e) {
        Map<String, List<Cell>> byAgent = new LinkedHashMap<>();
        for (Cell c : e.cells()) {
            if (c.params().size() == 2 && c.params().values().stream().allMatch(Sensitivity::isNumber)) {
                byAgent.computeIfAbsent(c.agentName(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Grid> grids = new ArrayList<>();
        for (Map.Entry<String, List<Cell>> entry : byAgent.entrySet()) {
            List<Cell> cells = entry.getValue();
            List<String> keys = new ArrayList<>(cells.get(0).params().keySet());
            if (!cells.stream().allMatch(c -> c.params().keySet().equals(new HashSet<>(keys)))) {
                continue;
            }
            List<String> rows = sortedValues(cells, keys.get(0));
            Collections.reverse(rows);
            List<String> columns = sortedValues(cells, keys.get(1));
            if (rows.size() >= 2 && columns.size() >= 2 && rows.size() * columns.size() == cells.size()) {
                grids.add(new Grid(entry.getKey(), keys, rows, columns, cells));
            }
        }
        return grids;
    }

    /**
     * For every two-key grid (see {@link #grids}), the final value of {@code metric} per grid
     * point as a heatmap, with the best point outlined when the metric has a better direction.
     *
     * @return agent name to heatmap, in config order; empty when no agent sweeps two keys
     */
    static Map<String, Heatmap> heatmaps(ResultData data, Recorded metric) {
        Experiment e = data.experiment();
        Map<String, Heatmap> maps = new LinkedHashMap<>();
        double scale = scale(metric);
        for (Grid g : grids(e)) {
            double[][] values = new double[g.rows().size()][g.columns().size()];
            for (double[] row : values) {
                Arrays.fill(row, Double.NaN);
            }
            for (Cell c : g.cells()) {
                Interval iv = data.last(c.index(), metric);
                int row = g.rows().indexOf(c.params().get(g.keys().get(0)));
                int column = g.columns().indexOf(c.params().get(g.keys().get(1)));
                values[row][column] = iv == null ? Double.NaN : iv.mean() * scale;
            }
            String title = String.format(Locale.ROOT, "%s at %s %d of agent %s over %s and %s (mean of %d runs)",
                    metric.metric().title(), e.timeUnit(), e.horizon(), g.agent(), g.keys().get(0), g.keys().get(1),
                    e.runs());
            Heatmap map = new Heatmap(title, values, valueLabel(metric), false)
                    .withRows(g.keys().get(0), g.rows()).withColumns(g.keys().get(1), g.columns());
            if (metric.metric().better() == Better.LOWER) {
                map = map.withLowestMarked("lowest " + metric.metric().title().toLowerCase(Locale.ROOT));
            } else if (metric.metric().better() == Better.HIGHER) {
                map = map.withHighestMarked("highest " + metric.metric().title().toLowerCase(Locale.ROOT));
            }
            maps.put(g.agent(), map);
        }
        return maps;
    }

    /**
     * For every two-key grid and each of its keys, the final value of {@code metric} against that
     * key with its 95% band, one line per value of the other key (at most 12 lines), so each swept
     * parameter has its own sensitivity chart.
     *
     * @return file-name suffix (agent and key) to chart, in config order
     */
    static Map<String, LineChart> gridCharts(ResultData data, Recorded metric) {
        Experiment e = data.experiment();
        Map<String, LineChart> charts = new LinkedHashMap<>();
        for (Grid g : grids(e)) {
            for (int k = 0; k < 2; k++) {
                String key = g.keys().get(k);
                String other = g.keys().get(1 - k);
                List<String> others = k == 0 ? g.columns() : new ArrayList<>(g.rows());
                if (k == 1) {
                    Collections.reverse(others);
                }
                if (others.size() > ReportWriter.MAX_LINES) {
                    continue;
                }
                List<Series> series = new ArrayList<>();
                double[] xs = null;
                for (int i = 0; i < others.size(); i++) {
                    String value = others.get(i);
                    List<Cell> line = new ArrayList<>();
                    for (Cell c : g.cells()) {
                        if (c.params().get(other).equals(value)) {
                            line.add(c);
                        }
                    }
                    Series s = line(data, metric, line, key, other + " = " + value, i);
                    if (s != null) {
                        series.add(s);
                        xs = s.x();
                    }
                }
                if (series.isEmpty()) {
                    continue;
                }
                boolean geometric = isGeometric(xs);
                String title = String.format(Locale.ROOT, "%s against %s, agent %s (%s)",
                        metric.metric().title(), key, g.agent(), Interval.bandsOver(e.runs()));
                LineChart chart = LineChart.of(title, key + (geometric ? " (log scale)" : ""), valueLabel(metric),
                        series)
                        .withLogX(geometric);
                if (geometric) {
                    chart = chart.withXTicks(AxisTicks.forSweep(xs[0], xs[xs.length - 1], xs[1] / xs[0]));
                }
                charts.put(g.agent() + "-" + key, chart);
            }
        }
        return charts;
    }

    /** The final value of {@code metric} against {@code key} over {@code cells}; null below two points. */
    private static Series line(ResultData data, Recorded metric, List<Cell> cells, String key, String label,
            int color) {
        List<Cell> sorted = new ArrayList<>(cells);
        sorted.sort(Comparator.comparingDouble(c -> Double.parseDouble(c.params().get(key))));
        int n = sorted.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        boolean band = true;
        int m = 0;
        double scale = scale(metric);
        for (Cell c : sorted) {
            Interval iv = data.last(c.index(), metric);
            if (iv == null) {
                continue;
            }
            x[m] = Double.parseDouble(c.params().get(key));
            y[m] = iv.mean() * scale;
            lo[m] = iv.low() * scale;
            hi[m] = iv.high() * scale;
            band &= !Double.isNaN(iv.low());
            m++;
        }
        if (m < 2) {
            return null;
        }
        double[] xs = Arrays.copyOf(x, m);
        double[] ys = Arrays.copyOf(y, m);
        return band ? Series.withBand(label, xs, ys, Arrays.copyOf(lo, m), Arrays.copyOf(hi, m), color)
                : Series.line(label, xs, ys, color);
    }

    private static double scale(Recorded metric) {
        return metric.metric().chartScale();
    }

    private static String valueLabel(Recorded metric) {
        return metric.metric().chartAxisLabel();
    }

    /** The distinct values of {@code key} among {@code cells}, as written, in ascending numeric order. */
    private static List<String> sortedValues(List<Cell> cells, String key) {
        List<String> values = new ArrayList<>();
        for (Cell c : cells) {
            String v = c.params().get(key);
            if (!values.contains(v)) {
                values.add(v);
            }
        }
        values.sort(Comparator.comparingDouble(Double::parseDouble));
        return values;
    }
}
