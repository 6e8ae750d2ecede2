package kelvin.experiments.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Environment;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.Metric;
import kelvin.experiments.run.Runner;
import kelvin.plots.ChartRenderer;
import kelvin.plots.LineChart;
import kelvin.plots.Series;

/**
 * Draws one chart per metric (a line per variant with its 95% confidence band) as PNG and SVG
 * under {@code plots/}, and the self-contained {@code report.html} that shows them with the summary
 * table. Colours follow the variant's position in the config, so a variant has the same colour on
 * every chart.
 */
final class ReportWriter {
    private final Experiment experiment;
    private final Runner.Result result;
    private final String configYaml;
    private final Map<String, String> facts;
    private final ChartRenderer renderer = new ChartRenderer();

    ReportWriter(Experiment experiment, Runner.Result result, String configYaml, Map<String, String> facts) {
        this.experiment = experiment;
        this.result = result;
        this.configYaml = configYaml;
        this.facts = facts;
    }

    /** Writes the charts and the report; returns the files written, relative to {@code dir}. */
    List<String> write(Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        for (Metric metric : reportOrder(experiment.metrics())) {
            LineChart chart = chart(metric);
            if (chart.series().isEmpty()) {
                continue;
            }
            byte[] png = renderer.png(chart);
            String base = "plots/" + metric.key();
            AtomicFiles.write(dir.resolve(base + ".png"), png);
            AtomicFiles.write(dir.resolve(base + ".svg"), renderer.svg(chart));
            files.add(base + ".png");
            files.add(base + ".svg");
            figures.add(new Figure(metric, chart.title(), png, base + ".svg"));
        }
        for (Metric metric : experiment.metrics()) {
            LineChart chart = Sensitivity.chart(experiment, result, metric);
            if (chart == null) {
                continue;
            }
            byte[] png = renderer.png(chart);
            String base = "plots/sensitivity-" + metric.key();
            AtomicFiles.write(dir.resolve(base + ".png"), png);
            AtomicFiles.write(dir.resolve(base + ".svg"), renderer.svg(chart));
            files.add(base + ".png");
            files.add(base + ".svg");
            figures.add(new Figure(metric, chart.title(), png, base + ".svg"));
        }
        if (experiment.episodic()) {
            for (GridMaps.Map map : GridMaps.of(experiment, result)) {
                byte[] png = renderer.png(map.map());
                String base = "plots/" + map.file();
                AtomicFiles.write(dir.resolve(base + ".png"), png);
                AtomicFiles.write(dir.resolve(base + ".svg"), renderer.svg(map.map()));
                files.add(base + ".png");
                files.add(base + ".svg");
                figures.add(new Figure(null, map.map().title(), png, base + ".svg", map.caption()));
            }
        }
        AtomicFiles.write(dir.resolve("report.html"), Reports.html(experiment, result, configYaml, facts, figures));
        files.add("report.html");
        return files;
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

    LineChart chart(Metric metric) {
        int[] marks = experiment.checkpoints();
        double scale = metric == Metric.OPTIMAL_ACTION ? 100 : 1;
        List<Series> series = new ArrayList<>();
        for (Cell cell : experiment.cells()) {
            double[] x = new double[marks.length];
            double[] y = new double[marks.length];
            double[] lo = new double[marks.length];
            double[] hi = new double[marks.length];
            int n = 0;
            boolean band = true;
            for (int c = 0; c < marks.length; c++) {
                Interval iv = Tables.interval(experiment, result.cells().get(cell.index()), metric, c);
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
        String title = String.format(Locale.ROOT, "%s (%s, %d runs, 95%% CI)", metric.title(), experiment.name(),
                experiment.runs());
        String yLabel = metric == Metric.OPTIMAL_ACTION ? "% of runs choosing an optimal arm" : metric.axisLabel();
        boolean logTime = experiment.spacing() == kelvin.experiments.model.Checkpoints.Spacing.LOG;
        String unit = experiment.timeUnit();
        LineChart chart = LineChart.of(title, logTime ? unit + " (log scale)" : unit, yLabel, series).withLogX(logTime);
        return AxisTicks.apply(metric == Metric.TEMPERATURE ? chart.withLogY(true) : chart);
    }
}
