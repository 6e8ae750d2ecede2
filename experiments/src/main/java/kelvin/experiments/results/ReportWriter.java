package kelvin.experiments.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Environment;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.Metric;
import kelvin.plots.ChartRenderer;
import kelvin.plots.LineChart;
import kelvin.plots.Series;

/**
 * Draws one chart per metric (a line per variant with its 95% confidence band) as PNG and SVG
 * under {@code plots/}, the comparison and sensitivity charts, and the self-contained
 * {@code report.html} that shows them with the ranking, paired comparisons and summary tables.
 * Colours follow the variant's position in the config, so a variant has the same colour on every
 * chart. Above {@link #MAX_LINES} variants the curves are faceted, one chart per agent.
 */
final class ReportWriter {
    /** Most lines one curve chart holds before it is split into one chart per agent. */
    static final int MAX_LINES = 12;
    /** Lines drawn per facet when one agent alone has more than {@link #MAX_LINES} variants. */
    static final int SAMPLED_LINES = 8;

    private final ResultData data;
    private final Experiment experiment;
    private final String configYaml;
    private final ReportOptions options;
    private final ChartRenderer renderer = new ChartRenderer();

    ReportWriter(ResultData data, String configYaml, ReportOptions options) {
        this.data = data;
        this.experiment = data.experiment();
        this.configYaml = configYaml;
        this.options = options;
    }

    /** The metrics charted, in report order. */
    private List<Metric> metrics() {
        return options.metrics() != null ? options.metrics() : reportOrder(experiment.metrics());
    }

    /** Writes the charts and the report; returns the files written, relative to {@code dir}. */
    List<String> write(Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        List<Facet> facets = facets();
        for (Metric metric : metrics()) {
            for (Facet facet : facets) {
                LineChart chart = chart(metric, facet);
                if (chart.series().isEmpty()) {
                    continue;
                }
                String base = "plots/" + metric.key() + (facet.name() == null ? "" : "-" + fileName(facet.name()));
                figures.add(save(dir, files, base, chart, metric, facet.note()));
            }
        }
        for (Metric metric : metrics()) {
            LineChart chart = Sensitivity.chart(data, metric);
            if (chart != null) {
                figures.add(save(dir, files, "plots/sensitivity-" + metric.key(), chart, metric, null));
            }
        }
        if (experiment.episodic()) {
            for (GridMaps.Map map : GridMaps.of(data)) {
                byte[] png = renderer.png(map.map());
                String base = "plots/" + map.file();
                AtomicFiles.write(dir.resolve(base + ".png"), png);
                AtomicFiles.write(dir.resolve(base + ".svg"), renderer.svg(map.map()));
                files.add(base + ".png");
                files.add(base + ".svg");
                figures.add(new Figure(null, map.map().title(), png, base + ".svg", map.caption()));
            }
        }
        AtomicFiles.write(dir.resolve("report.html"), Reports.html(data, configYaml, figures, options));
        files.add("report.html");
        return files;
    }

    private Figure save(Path dir, List<String> files, String base, LineChart chart, Metric metric, String note)
            throws IOException {
        byte[] png = renderer.png(chart);
        AtomicFiles.write(dir.resolve(base + ".png"), png);
        AtomicFiles.write(dir.resolve(base + ".svg"), renderer.svg(chart));
        files.add(base + ".png");
        files.add(base + ".svg");
        String caption = note == null ? null : Reports.caption(metric, experiment) + " " + note;
        return new Figure(metric, chart.title(), png, base + ".svg", caption);
    }

    /**
     * The variants each curve chart shows. Up to {@link #MAX_LINES} variants share one chart; more are
     * split into one chart per agent, and an agent with more than {@link #MAX_LINES} variants of its
     * own shows {@link #SAMPLED_LINES} of them spread evenly over its sweep (the sensitivity chart and
     * the tables show them all).
     *
     * @param name the facet's name for titles and file names; null for the single chart
     * @param note what the caption adds (how many variants are hidden), or null
     */
    record Facet(String name, List<Cell> cells, String note) {
    }

    List<Facet> facets() {
        List<Cell> all = experiment.cells();
        if (all.size() <= MAX_LINES) {
            return List.of(new Facet(null, all, null));
        }
        Map<String, List<Cell>> byAgent = new LinkedHashMap<>();
        for (Cell c : all) {
            byAgent.computeIfAbsent(c.agentName(), k -> new ArrayList<>()).add(c);
        }
        List<Facet> facets = new ArrayList<>();
        for (Map.Entry<String, List<Cell>> entry : byAgent.entrySet()) {
            List<Cell> cells = entry.getValue();
            if (cells.size() <= MAX_LINES) {
                facets.add(new Facet(entry.getKey(), cells, null));
                continue;
            }
            List<Cell> shown = new ArrayList<>();
            for (int i = 0; i < SAMPLED_LINES; i++) {
                Cell c = cells.get((int) Math.round(i * (cells.size() - 1) / (double) (SAMPLED_LINES - 1)));
                if (!shown.contains(c)) {
                    shown.add(c);
                }
            }
            facets.add(new Facet(entry.getKey(), shown, String.format(Locale.ROOT,
                    "This chart shows %d of agent %s's %d variants, evenly spread over its sweep; the sensitivity "
                            + "charts and the tables show all of them.", shown.size(), entry.getKey(), cells.size())));
        }
        return facets;
    }

    /** A file-name-safe form of an agent name. */
    private static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * Regret, then temperature and entropy, then the rest: in the report's two-column grid a reader
     * sees how each schedule explores right beside what it cost.
     */
    static List<Metric> reportOrder(List<Metric> metrics) {
        List<Metric> first = List.of(Metric.REGRET, Metric.TEMPERATURE, Metric.ENTROPY);
        List<Metric> ordered = new ArrayList<>();
        for (Metric m : first) {
            if (metrics.contains(m)) {
                ordered.add(m);
            }
        }
        for (Metric m : metrics) {
            if (!ordered.contains(m)) {
                ordered.add(m);
            }
        }
        return ordered;
    }

    /** A rendered chart for the report. */
    record Figure(Metric metric, String title, byte[] png, String svgPath, String caption) {
        Figure(Metric metric, String title, byte[] png, String svgPath) {
            this(metric, title, png, svgPath, null);
        }
    }

    /**
     * The Lai &amp; Robbins (1985) asymptotic lower bound C(mu) ln t on the regret of any consistent
     * algorithm, as a dashed guide: no algorithm's curve can stay below it as t grows.
     */
    private static Series laiRobbins(kelvin.env.bandit.BernoulliBandit env, int[] marks) {
        double c = env.laiRobbinsConstant();
        double[] x = new double[marks.length];
        double[] y = new double[marks.length];
        for (int i = 0; i < marks.length; i++) {
            x[i] = marks[i];
            y[i] = c * Math.log(marks[i]);
        }
        return Series.guide(String.format(Locale.ROOT, "Lai & Robbins C ln t (C = %.2f)", c), x, y);
    }

    LineChart chart(Metric metric, Facet facet) {
        int[] marks = experiment.checkpoints();
        double scale = metric == Metric.OPTIMAL_ACTION ? 100 : 1;
        List<Series> series = new ArrayList<>();
        for (Cell cell : facet.cells()) {
            double[] x = new double[marks.length];
            double[] y = new double[marks.length];
            double[] lo = new double[marks.length];
            double[] hi = new double[marks.length];
            int n = 0;
            boolean band = true;
            for (int c = 0; c < marks.length; c++) {
                Interval iv = data.interval(cell.index(), metric, c);
                if (iv == null) {
                    continue;
                }
                x[n] = marks[c];
                y[n] = iv.mean() * scale;
                lo[n] = iv.low() * scale;
                hi[n] = iv.high() * scale;
                band &= !Double.isNaN(iv.low());
                n++;
            }
            if (n == 0) {
                continue;
            }
            double[] xs = java.util.Arrays.copyOf(x, n);
            double[] ys = java.util.Arrays.copyOf(y, n);
            series.add(band
                    ? Series.withBand(cell.label(), xs, ys, java.util.Arrays.copyOf(lo, n), java.util.Arrays.copyOf(hi, n),
                            cell.index())
                    : Series.line(cell.label(), xs, ys, cell.index()));
        }
        if (metric == Metric.REGRET && experiment.environment() instanceof Environment.Bandit
                && ((Environment.Bandit) experiment.environment()).env() instanceof kelvin.env.bandit.BernoulliBandit
                && !series.isEmpty()) {
            series.add(laiRobbins((kelvin.env.bandit.BernoulliBandit) ((Environment.Bandit) experiment.environment()).env(),
                    marks));
        }
        String title = String.format(Locale.ROOT, "%s (%s%s, %d runs, 95%% CI)", metric.title(), experiment.name(),
                facet.name() == null ? "" : ", agent " + facet.name(), experiment.runs());
        String yLabel = metric == Metric.OPTIMAL_ACTION ? "% of runs choosing an optimal arm" : metric.axisLabel();
        boolean logTime = options.timeAxis() == ReportOptions.TimeAxis.LOG
                || options.timeAxis() == ReportOptions.TimeAxis.AUTO
                && experiment.spacing() == kelvin.experiments.model.Checkpoints.Spacing.LOG;
        String unit = experiment.timeUnit();
        LineChart chart = LineChart.of(title, logTime ? unit + " (log scale)" : unit, yLabel, series).withLogX(logTime);
        return AxisTicks.apply(metric == Metric.TEMPERATURE ? chart.withLogY(true) : chart);
    }
}
