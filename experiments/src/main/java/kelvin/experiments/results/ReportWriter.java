package kelvin.experiments.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Stream;
import kelvin.api.Environment;
import kelvin.api.Guide;
import kelvin.experiments.metric.Better;
import kelvin.experiments.metric.Recorded;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Checkpoints;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.PlotSettings;
import kelvin.plots.BoxPlot;
import kelvin.plots.ChartRenderer;
import kelvin.plots.Heatmap;
import kelvin.plots.LineChart;
import kelvin.plots.Palette;
import kelvin.plots.Series;

/**
 * Draws one chart per metric (a line per variant with its 95% confidence band) as PNG and SVG
 * under {@code plots/}, the comparison and sensitivity charts, and the self-contained
 * {@code report.html} that shows them with the ranking, paired comparisons and summary tables.
 * Colours follow the variant's position in the config, so a variant has the same colour on every
 * chart. Above {@link #MAX_LINES} variants the curves are faceted (see {@link #facets()}).
 */
final class ReportWriter {
    /** Most lines one curve chart holds before it is split into one chart per agent. */
    static final int MAX_LINES = 12;
    /** Charts one agent's variants may be split into before they are sampled instead. */
    static final int MAX_FACETS = 6;

    /** Single-variant agents drawn in every swept agent's chart, at most. */
    static final int MAX_REFERENCES = 3;

    /** Lines drawn per facet when one agent alone has more than {@link #MAX_LINES} variants. */
    static final int SAMPLED_LINES = 8;

    private final ResultData data;
    private final Experiment experiment;
    private final String configYaml;
    private final ReportOptions options;
    private final ChartRenderer renderer = new ChartRenderer();

    /** The results this writer draws. */
    ResultData data() {
        return data;
    }

    ReportWriter(ResultData data, String configYaml, ReportOptions options) {
        this.data = data;
        this.experiment = data.experiment();
        this.configYaml = configYaml;
        this.options = options;
    }

    /** The metrics charted, in report order. */
    private List<Recorded> metrics() {
        return options.metrics() != null ? options.metrics() : reportOrder(experiment.metrics());
    }

    /** Writes the charts and the report; returns the files written, relative to {@code dir}. */
    List<String> write(Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        List<Facet> facets = facets();
        for (Recorded metric : metrics()) {
            for (Facet facet : facets) {
                CurveChart curves = curveChart(metric, facet);
                if (curves.chart().series().isEmpty()) {
                    continue;
                }
                String base = "plots/" + metric.key() + (facet.name() == null ? "" : "-" + fileName(facet.name()));
                String note = String.join(" ", Stream.of(facet.note(), curves.note())
                        .filter(t -> t != null && !t.isEmpty()).toList());
                figures.add(save(dir, files, base, curves.chart(), metric, note.isEmpty() ? null : note));
            }
        }
        if (experiment.rankingMetric() >= 0) {
            Recorded regret = experiment.metrics().get(experiment.rankingMetric());
            BoxPlot plot = distribution(regret);
            byte[] png = renderer.png(plot);
            String base = "plots/distribution-" + regret.key();
            write(dir, files, base, png, renderer.svg(plot));
            int stride = distributionStride(experiment.runs());
            String sampled = stride == 1 ? "" : String.format(Locale.ROOT, " With %d runs per variant the plot draws "
                    + "every %d%s run (%d per variant); the tables and comparisons use every run.", experiment.runs(),
                    stride, ordinalSuffix(stride), (experiment.runs() + stride - 1) / stride);
            figures.add(new Figure(regret, plot.title(), png, base + ".svg", DISTRIBUTION_CAPTION + sampled));
        }
        for (Recorded metric : metrics()) {
            LineChart chart = Sensitivity.chart(data, metric);
            if (chart != null) {
                figures.add(save(dir, files, "plots/sensitivity-" + metric.key(), chart, metric, null));
            }
        }
        Recorded headline = metrics().stream().filter(m -> m.metric().better() != Better.NEITHER).findFirst()
                .orElse(null);
        if (headline != null) {
            for (Map.Entry<String, Heatmap> entry : Sensitivity.heatmaps(data, headline).entrySet()) {
                byte[] png = renderer.png(entry.getValue());
                String base = "plots/sensitivity-" + headline.key() + "-" + fileName(entry.getKey());
                write(dir, files, base, png, renderer.svg(entry.getValue()));
                figures.add(new Figure(headline, entry.getValue().title(), png, base + ".svg",
                        "Final " + headline.metric().title().toLowerCase(Locale.ROOT) + " (mean over "
                                + experiment.runs() + " runs) at every point of the two-parameter sweep; the "
                                + "outlined cell has the best mean, which need not differ detectably from its "
                                + "neighbours': the summary table gives each point's 95% interval."));
            }
            for (Map.Entry<String, LineChart> entry : Sensitivity.gridCharts(data, headline).entrySet()) {
                figures.add(save(dir, files, "plots/sensitivity-" + headline.key() + "-" + fileName(entry.getKey()),
                        entry.getValue(), headline, null));
            }
        }
        if (experiment.episodic()) {
            for (GridMaps.Map map : GridMaps.of(data)) {
                byte[] png = renderer.png(map.map());
                String base = "plots/" + map.file();
                write(dir, files, base, png, renderer.svg(map.map()));
                figures.add(new Figure(null, map.map().title(), png, base + ".svg", map.caption()));
            }
        }
        AtomicFiles.write(dir.resolve("report.html"), Reports.html(data, configYaml, figures, options));
        files.add("report.html");
        return files;
    }

    private Figure save(Path dir, List<String> files, String base, LineChart chart, Recorded metric, String note)
            throws IOException {
        byte[] png = renderer.png(chart);
        write(dir, files, base, png, renderer.svg(chart));
        String caption = note == null ? null : Reports.caption(metric, experiment) + " " + note;
        return new Figure(metric, chart.title(), png, base + ".svg", caption);
    }

    private static void write(Path dir, List<String> files, String base, byte[] png, byte[] svg) throws IOException {
        AtomicFiles.write(dir.resolve(base + ".png"), png);
        AtomicFiles.write(dir.resolve(base + ".svg"), svg);
        files.add(base + ".png");
        files.add(base + ".svg");
    }

    static final String DISTRIBUTION_CAPTION = "Final regret of every run: the violin is the density of the runs' "
            + "values (Gaussian kernel), the box spans the middle half of the runs with the median as a line and the "
            + "mean as a marker, whiskers reach the furthest run within 1.5 box lengths, and dots are the runs beyond.";

    /** The most runs per variant the distribution plot draws: its quartiles and density need no more. */
    static final int DISTRIBUTION_RUNS = 10_000;

    /** Draw every {@code k}-th run, so that at most {@link #DISTRIBUTION_RUNS} runs per variant are held. */
    static int distributionStride(int runs) {
        return Math.max(1, (runs + DISTRIBUTION_RUNS - 1) / DISTRIBUTION_RUNS);
    }

    private static String ordinalSuffix(int n) {
        int tens = n % 100;
        int ones = n % 10;
        return tens >= 11 && tens <= 13 ? "th" : ones == 1 ? "st" : ones == 2 ? "nd" : ones == 3 ? "rd" : "th";
    }

    /**
     * The final regret of every run (of every {@link #distributionStride k-th} run beyond
     * {@link #DISTRIBUTION_RUNS}), one lane per variant, in config order.
     */
    BoxPlot distribution(Recorded regret) {
        List<BoxPlot.Group> groups = new ArrayList<>();
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        int stride = distributionStride(experiment.runs());
        int column = experiment.metrics().indexOf(regret);
        for (Cell cell : experiment.cells()) {
            double[] values = new double[(experiment.runs() + stride - 1) / stride];
            try {
                data.runStore().rows(cell.index(), (run, row) -> {
                    if (run % stride == 0) {
                        values[run / stride] = row[column];
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("per-run values of " + cell.label() + " cannot be read back: "
                        + e.getMessage(), e);
            }
            groups.add(new BoxPlot.Group(cell.label(), cell.index(), values));
            for (double v : values) {
                if (!Double.isNaN(v)) {
                    lowest = Math.min(lowest, v);
                    highest = Math.max(highest, v);
                }
            }
        }
        String title = String.format(Locale.ROOT, "Final regret per run at %s %d (%s, %s per variant)",
                experiment.timeUnit(), experiment.horizon(), experiment.name(), Reports.runs(experiment.runs()));
        // Runs' regrets spread over orders of magnitude when some variants fail: a log axis shows both ends.
        boolean log = lowest > 0 && highest / lowest > 100;
        return BoxPlot.of(title, "final " + regret.metric().axisLabel() + (log ? " (log scale)" : ""), groups)
                .withLogX(log);
    }

    /**
     * The variants each curve chart shows. Up to {@link #MAX_LINES} variants share one chart. More
     * are split into one chart per agent, and agents with a single variant (fixed references) are
     * drawn in every chart of the swept agents rather than alone. An agent with more than
     * {@link #MAX_LINES} variants of its own is split further: by the values of one swept key when
     * that gives at most {@link #MAX_FACETS} charts of at most {@link #MAX_LINES} lines (a 5 x 5
     * grid becomes five charts of five lines), else into up to {@link #MAX_FACETS} runs of consecutive
     * variants; beyond that it shows {@link #SAMPLED_LINES} variants spread evenly over its sweep (the
     * sensitivity charts, the distribution plot and the tables show them all).
     *
     * @param name the facet's name for titles and file names; null for the single chart
     * @param cells the variants its chart draws, reference variants included
     * @param note what the caption adds (how many variants are hidden), or null
     * @param ofEnvironment whether the facet is one environment of a sweep rather than (part of) one agent
     */
    record Facet(String name, List<Cell> cells, String note, boolean ofEnvironment) {
        Facet(String name, List<Cell> cells, String note) {
            this(name, cells, note, false);
        }
    }

    List<Facet> facets() {
        List<Cell> all = experiment.cells();
        List<Facet> environments = byEnvironment(all);
        if (environments != null) {
            return environments;
        }
        if (all.size() <= MAX_LINES) {
            return List.of(new Facet(null, all, null));
        }
        Map<String, List<Cell>> byAgent = new LinkedHashMap<>();
        for (Cell c : all) {
            byAgent.computeIfAbsent(c.agentName(), k -> new ArrayList<>()).add(c);
        }
        List<Cell> references = new ArrayList<>();
        for (List<Cell> cells : byAgent.values()) {
            if (cells.size() == 1) {
                references.add(cells.get(0));
            }
        }
        boolean shareReferences = references.size() < byAgent.size() && references.size() <= MAX_REFERENCES;
        List<Facet> facets = new ArrayList<>();
        for (Map.Entry<String, List<Cell>> entry : byAgent.entrySet()) {
            List<Cell> cells = entry.getValue();
            if (shareReferences && cells.size() == 1) {
                continue;
            }
            for (Facet facet : split(entry.getKey(), cells)) {
                if (shareReferences && facet.cells().size() + references.size() <= MAX_LINES) {
                    List<Cell> with = new ArrayList<>(facet.cells());
                    with.addAll(references);
                    facet = new Facet(facet.name(), with, facet.note());
                }
                facets.add(facet);
            }
        }
        return facets;
    }

    /**
     * One chart per environment of an environment sweep, each with every agent on it, since curves of
     * different environments share no scale; null when there is one environment, more than
     * {@link #MAX_FACETS}, or one with more than {@link #MAX_LINES} variants. A facet is named by the
     * swept values that tell its environment from the others ("map=four-rooms").
     */
    private static List<Facet> byEnvironment(List<Cell> all) {
        List<Environment> environments = new ArrayList<>();
        List<List<Cell>> groups = new ArrayList<>();
        for (Cell c : all) {
            int i = 0;
            while (i < environments.size() && environments.get(i) != c.environment()) {
                i++;
            }
            if (i == environments.size()) {
                environments.add(c.environment());
                groups.add(new ArrayList<>());
            }
            groups.get(i).add(c);
        }
        if (groups.size() < 2 || groups.size() > MAX_FACETS || groups.stream().anyMatch(g -> g.size() > MAX_LINES)) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        for (String key : all.get(0).params().keySet()) {
            Set<String> values = new HashSet<>();
            boolean constantWithin = true;
            for (List<Cell> group : groups) {
                String v = group.get(0).params().get(key);
                values.add(v);
                constantWithin &= group.stream().allMatch(c -> Objects.equals(c.params().get(key), v));
            }
            if (constantWithin && values.size() > 1) {
                keys.add(key);
            }
        }
        List<Facet> facets = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Map<String, String> params = groups.get(i).get(0).params();
            StringJoiner name = new StringJoiner(", ");
            keys.forEach(k -> name.add(k + "=" + params.get(k)));
            if (keys.isEmpty()) {
                name.add(String.valueOf(i + 1));
            }
            facets.add(new Facet(name.toString(), groups.get(i), null, true));
        }
        return facets;
    }

    /** One agent's variants as charts of at most {@link #MAX_LINES} lines (see {@link #facets()}). */
    private static List<Facet> split(String agent, List<Cell> cells) {
        if (cells.size() <= MAX_LINES) {
            return List.of(new Facet(agent, cells, null));
        }
        for (String key : cells.get(0).params().keySet()) {
            Map<String, List<Cell>> byValue = new LinkedHashMap<>();
            for (Cell c : cells) {
                byValue.computeIfAbsent(c.params().get(key), k -> new ArrayList<>()).add(c);
            }
            if (byValue.size() > 1 && byValue.size() <= MAX_FACETS && !byValue.containsKey(null)
                    && byValue.values().stream().allMatch(group -> group.size() <= MAX_LINES)) {
                List<Facet> facets = new ArrayList<>();
                byValue.forEach((value, group) -> facets.add(new Facet(agent + ", " + key + "=" + value, group, null)));
                return facets;
            }
        }
        int chunks = (cells.size() + MAX_LINES - 1) / MAX_LINES;
        if (chunks <= MAX_FACETS) {
            List<Facet> facets = new ArrayList<>();
            for (int i = 0; i < chunks; i++) {
                int from = i * cells.size() / chunks;
                int to = (i + 1) * cells.size() / chunks;
                facets.add(new Facet(String.format(Locale.ROOT, "%s, variants %d-%d of %d", agent, from + 1, to,
                        cells.size()), cells.subList(from, to), null));
            }
            return facets;
        }
        List<Cell> shown = new ArrayList<>();
        for (int i = 0; i < SAMPLED_LINES; i++) {
            Cell c = cells.get((int) Math.round(i * (cells.size() - 1) / (double) (SAMPLED_LINES - 1)));
            if (!shown.contains(c)) {
                shown.add(c);
            }
        }
        return List.of(new Facet(agent, shown, String.format(Locale.ROOT,
                "This chart shows %d of agent %s's %d variants, evenly spread over its sweep; the sensitivity "
                        + "charts, the distribution plot and the tables show all of them.", shown.size(), agent,
                cells.size())));
    }

    /** A file-name-safe form of an agent name. */
    private static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    /**
     * The metrics in report order: by {@link kelvin.experiments.metric.Metric#reportRank()} (regret,
     * then temperature and entropy, so a reader sees in the report's two-column grid how each
     * schedule explores right beside what it cost), ties in the config's order.
     */
    static List<Recorded> reportOrder(List<Recorded> metrics) {
        List<Recorded> ordered = new ArrayList<>(metrics);
        ordered.sort(Comparator.comparingInt(m -> m.metric().reportRank()));
        return ordered;
    }

    /**
     * A rendered chart for the report.
     *
     * @param metric the metric it shows, or null for a map of a tabular environment
     * @param title the chart's title
     * @param png the chart as PNG bytes, embedded in report.html
     * @param svgPath where its SVG is, relative to the results folder ({@code plots/NAME.svg})
     * @param caption the text under it, or null for the metric's standard caption
     */
    record Figure(Recorded metric, String title, byte[] png, String svgPath, String caption) {
        Figure(Recorded metric, String title, byte[] png, String svgPath) {
            this(metric, title, png, svgPath, null);
        }
    }

    /** A guide the environment brings for this metric's time axis, at the checkpoints: {x, y}. */
    private static double[][] guide(Guide g, int[] marks) {
        double[] x = new double[marks.length];
        double[] y = new double[marks.length];
        for (int i = 0; i < marks.length; i++) {
            x[i] = marks[i];
            y[i] = g.curve().applyAsDouble(marks[i]);
        }
        return new double[][] {x, y};
    }

    /**
     * A metric's curve chart and what its caption adds to the metric's own: the smoothing, the
     * first time shown, and the y range with what it cuts off.
     *
     * @param chart the chart
     * @param note the caption's added sentences, or "" for none
     */
    record CurveChart(LineChart chart, String note) {
    }

    /**
     * The palette index of each line of one chart: the variant's position in the config, so that it
     * has the same colour on every chart, unless an earlier line of this chart already has that
     * colour (a faceted experiment has more variants than colours); then the next colour no line of
     * this chart has, while any is left.
     */
    static int[] colours(List<Cell> cells) {
        return colours(cells, false);
    }

    /**
     * As {@link #colours(List)}, or, for the chart of one environment of an environment sweep, by
     * the line's position in the chart: every environment lists the agents in the config's order, so
     * an agent has one colour on every environment's chart.
     */
    static int[] colours(List<Cell> cells, boolean byPosition) {
        int[] out = new int[cells.size()];
        boolean[] taken = new boolean[Palette.size()];
        int free = Palette.size();
        for (int k = 0; k < out.length; k++) {
            int index = byPosition ? k : cells.get(k).index();
            int c = index % Palette.size();
            if (taken[c] && free > 0) {
                while (taken[c]) {
                    c = (c + 1) % Palette.size();
                }
                index = c;
            }
            if (!taken[c]) {
                taken[c] = true;
                free--;
            }
            out[k] = index;
        }
        return out;
    }

    LineChart chart(Recorded metric, Facet facet) {
        return curveChart(metric, facet).chart();
    }

    CurveChart curveChart(Recorded metric, Facet facet) {
        int[] marks = experiment.checkpoints();
        double scale = metric.metric().chartScale();
        PlotSettings plot = options.plot();
        List<CurveView.Curve> curves = new ArrayList<>();
        int[] colours = colours(facet.cells(), facet.ofEnvironment());
        for (int k = 0; k < facet.cells().size(); k++) {
            Cell cell = facet.cells().get(k);
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
            CurveView.Curve curve = new CurveView.Curve(cell.label(), colours[k], Arrays.copyOf(x, n),
                    Arrays.copyOf(y, n), band ? Arrays.copyOf(lo, n) : null, band ? Arrays.copyOf(hi, n) : null)
                    .smoothed(plot.smooth()).from(plot.from());
            if (curve.x().length > 0) {
                curves.add(curve);
            }
        }
        List<Series> series = new ArrayList<>();
        for (CurveView.Curve c : curves) {
            series.add(c.hasBand() ? Series.withBand(c.label(), c.x(), c.y(), c.low(), c.high(), c.color())
                    : Series.line(c.label(), c.x(), c.y(), c.color()));
        }
        List<double[][]> guides = new ArrayList<>();
        for (Guide g : experiment.environment().guides()) {
            if (g.metric().equals(metric.key()) && g.over() == null && !series.isEmpty()) {
                double[][] points = guide(g, marks);
                CurveView.Curve shown = new CurveView.Curve(g.label(), Palette.GUIDE, points[0], points[1], null,
                        null).from(plot.from());
                guides.add(new double[][] {shown.x(), shown.y()});
                series.add(Series.guide(g.label(), shown.x(), shown.y()));
            }
        }
        String smoothing = plot.smooth() > 1 ? ", " + smoothingPhrase(plot.smooth()) : "";
        String title = String.format(Locale.ROOT, "%s (%s%s, %s%s)", metric.metric().title(),
                experiment.name(),
                facet.name() == null ? "" : (facet.ofEnvironment() ? ", environment " : ", agent ") + facet.name(),
                Interval.bandsOver(experiment.runs()),
                smoothing);
        String yLabel = metric.metric().chartAxisLabel();
        boolean logTime = options.timeAxis() == ReportOptions.TimeAxis.LOG
                || options.timeAxis() == ReportOptions.TimeAxis.AUTO
                && experiment.spacing() == Checkpoints.Spacing.LOG;
        String unit = experiment.timeUnit();
        LineChart chart = LineChart.of(title, logTime ? unit + " (log scale)" : unit, yLabel, series).withLogX(logTime);
        chart = AxisTicks.apply(metric.metric().logScale() ? chart.withLogY(true) : chart);
        CurveView.View view = CurveView.yRange(curves, guides, plot.ylimOf(metric.key()),
                metric.metric().trimsEarlyTransient(), logTime, unit);
        List<String> notes = new ArrayList<>();
        if (plot.smooth() > 1) {
            notes.add("Lines are centred " + smoothingPhrase(plot.smooth()) + " (fewer at the ends) and bands the "
                    + "same average of the intervals, which is at least as wide as the interval of the averaged "
                    + "mean (plot.smooth or kelvin plot --smooth).");
        }
        if (plot.from() > 1) {
            notes.add("The chart starts at " + unit + " " + plot.from() + " (plot.from or kelvin plot --from).");
        }
        if (!view.caption().isEmpty()) {
            notes.add(view.caption());
        }
        return new CurveChart(view.range() == null ? chart : chart.withYRange(view.range()), String.join(" ", notes));
    }

    /**
     * E.g. {@code moving average of 10 episodes}; {@code of 10 checkpoints (200 episodes)} where
     * checkpoints are further apart, "about" where their gaps differ by rounding; of checkpoints
     * alone on log-spaced checkpoints, whose gaps grow.
     */
    private String smoothingPhrase(int window) {
        int[] marks = experiment.checkpoints();
        String unit = experiment.timeUnit();
        if (marks.length < 2 || experiment.spacing() == Checkpoints.Spacing.LOG) {
            return "moving average of " + window + " checkpoints";
        }
        boolean even = true;
        for (int i = 2; i < marks.length; i++) {
            even &= marks[i] - marks[i - 1] == marks[1] - marks[0];
        }
        long span = Math.round(window * (marks[marks.length - 1] - marks[0]) / (double) (marks.length - 1));
        if (even && span == window) {
            return "moving average of " + window + " " + unit + "s";
        }
        return even ? String.format(Locale.ROOT, "moving average of %d checkpoints (%d %ss)", window, span, unit)
                : String.format(Locale.ROOT, "moving average of %d checkpoints (about %d %ss)", window,
                        new BigDecimal(span).round(new MathContext(2)).longValue(), unit);
    }
}
