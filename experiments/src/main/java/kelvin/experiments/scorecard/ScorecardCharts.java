package kelvin.experiments.scorecard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kelvin.experiments.results.AtomicFiles;
import kelvin.experiments.results.Interval;
import kelvin.experiments.results.ValueFormat;
import kelvin.plots.ChartRenderer;
import kelvin.plots.Heatmap;
import kelvin.plots.IntervalPlot;
import kelvin.plots.LineChart;
import kelvin.plots.Series;
import kelvin.plots.Ticks;
import kelvin.plots.YRange;

/**
 * The scorecard's charts, drawn from its tables alone ({@link ScorecardData}), so that
 * {@code kelvin plot} redraws them from the CSV files without the runs:
 * <ul>
 *   <li>{@code scorecard}: agents by environments, each cell the mean normalised score with its
 *       interval, coloured from 0 to 1;</li>
 *   <li>{@code aggregate}: rliable's interval plot, one row per agent and one panel per aggregate
 *       statistic;</li>
 *   <li>{@code profiles} and {@code profiles-log}: the performance profiles with their bands, on a
 *       linear and a log tau axis;</li>
 *   <li>{@code improvement}: P(X &gt; Y) for every pair, row X over column Y, with its interval.</li>
 * </ul>
 * Each agent has the colour of its place in the suite on every chart.
 */
public final class ScorecardCharts {
    /** The interval of the aggregate statistics, the profiles and P(X &gt; Y), for the captions. */
    private static final String BOOTSTRAP = "95% stratified bootstrap interval (runs resampled within each "
            + "environment; Agarwal et al. 2021)";

    private ScorecardCharts() {
    }

    /**
     * A chart written to {@code plots/}, with what a report needs to show it.
     *
     * @param name the file name without extension: {@code NAME.png} and {@code NAME.svg} are in the plots folder
     * @param title the chart's title, the figure's heading
     * @param caption the sentences under the figure
     * @param png the PNG bytes, for a report that embeds its images
     */
    public record Figure(String name, String title, String caption, byte[] png) {

        /**
         * The PNG's file name.
         *
         * @return {@code NAME.png}
         */
        public String pngFile() {
            return name + ".png";
        }

        /**
         * The SVG's file name.
         *
         * @return {@code NAME.svg}
         */
        public String svgFile() {
            return name + ".svg";
        }
    }

    /**
     * Draws a scorecard's charts into a folder.
     *
     * @param plotsDir the folder, e.g. a results folder's {@code plots}
     * @param card the scorecard
     * @param renderer the renderer
     * @return the figures written, in report order
     * @throws IOException when a file cannot be written; it is then unchanged
     */
    public static List<Figure> write(Path plotsDir, Scorecard card, ChartRenderer renderer) throws IOException {
        return write(plotsDir, ScorecardData.of(card), renderer);
    }

    /**
     * Draws the charts of a scorecard's tables into a folder: {@code scorecard}, {@code aggregate},
     * {@code profiles}, {@code profiles-log} and {@code improvement}, each as PNG and SVG. The
     * improvement matrix is left out with a single agent.
     *
     * @param plotsDir the folder, e.g. a results folder's {@code plots}
     * @param data the tables
     * @param renderer the renderer
     * @return the figures written, in report order
     * @throws IOException when a file cannot be written; it is then unchanged
     */
    public static List<Figure> write(Path plotsDir, ScorecardData data, ChartRenderer renderer) throws IOException {
        List<Figure> figures = new ArrayList<>();
        Heatmap scores = scores(data);
        figures.add(save(plotsDir, "scorecard", scores.title(), scoresCaption(),
                renderer.png(scores), renderer.svg(scores)));
        IntervalPlot aggregate = aggregate(data);
        figures.add(save(plotsDir, "aggregate", aggregate.title(), aggregateCaption(),
                renderer.png(aggregate), renderer.svg(aggregate)));
        for (boolean log : new boolean[] {false, true}) {
            LineChart profiles = profiles(data, log);
            figures.add(save(plotsDir, log ? "profiles-log" : "profiles", profiles.title(), profilesCaption(log),
                    renderer.png(profiles), renderer.svg(profiles)));
        }
        if (data.agents().size() > 1) {
            Heatmap improvement = improvement(data);
            figures.add(save(plotsDir, "improvement", improvement.title(), improvementCaption(),
                    renderer.png(improvement), renderer.svg(improvement)));
        }
        return figures;
    }

    private static Figure save(Path dir, String name, String title, String caption, byte[] png, byte[] svg)
            throws IOException {
        AtomicFiles.write(dir.resolve(name + ".png"), png);
        AtomicFiles.write(dir.resolve(name + ".svg"), svg);
        return new Figure(name, title, caption, png);
    }

    /**
     * The scorecard heatmap: a row per agent, a column per environment, each cell the mean
     * normalised score over the runs with its 95% interval, colours from 0 to 1.
     *
     * @param data the tables
     * @return the chart
     */
    public static Heatmap scores(ScorecardData data) {
        List<String> agents = data.agents();
        List<String> envs = data.environments();
        double[][] values = new double[agents.size()][envs.size()];
        List<List<String>> texts = new ArrayList<>();
        for (int a = 0; a < agents.size(); a++) {
            List<String> row = new ArrayList<>();
            for (int e = 0; e < envs.size(); e++) {
                ScorecardData.EnvironmentScore s = data.score(agents.get(a), envs.get(e));
                if (s == null) {
                    values[a][e] = Double.NaN;
                    row.add("not run");
                } else {
                    values[a][e] = s.mean();
                    row.add(twoLines(ValueFormat.PLAIN.interval(new Interval(s.mean(), Double.NaN, s.low(), s.high(),
                            s.runs()))));
                }
            }
            texts.add(row);
        }
        return matrix("Normalised score by environment (mean over runs, 95% CI)", "mean normalised score", values,
                texts, new Heatmap.Axis("agent", agents), new Heatmap.Axis("environment", envs));
    }

    /**
     * rliable's aggregate plot: a row per agent, a panel per aggregate statistic, each a point
     * estimate with its bootstrap interval.
     *
     * @param data the tables
     * @return the chart
     */
    public static IntervalPlot aggregate(ScorecardData data) {
        List<String> agents = data.agents();
        List<IntervalPlot.Row> rows = new ArrayList<>();
        for (int a = 0; a < agents.size(); a++) {
            rows.add(new IntervalPlot.Row(agents.get(a), a));
        }
        List<IntervalPlot.Panel> panels = new ArrayList<>();
        for (String statistic : data.statistics()) {
            double[] estimates = new double[agents.size()];
            double[] lows = new double[agents.size()];
            double[] highs = new double[agents.size()];
            for (int a = 0; a < agents.size(); a++) {
                Estimate e = data.aggregate(agents.get(a), statistic, "");
                estimates[a] = e == null ? Double.NaN : e.value();
                lows[a] = e == null ? Double.NaN : e.low();
                highs[a] = e == null ? Double.NaN : e.high();
            }
            panels.add(new IntervalPlot.Panel(panelTitle(statistic), "normalised score", estimates, lows, highs));
        }
        return new IntervalPlot("Aggregate normalised score over all environments (95% bootstrap CI)", rows, panels,
                "bar: 95% stratified bootstrap interval \u00b7 line: point estimate \u00b7 optimality gap: lower is "
                        + "better");
    }

    /** median, iqm, mean, optimality-gap as a panel's heading. */
    private static String panelTitle(String statistic) {
        return switch (statistic) {
            case "median" -> "Median";
            case "iqm" -> "IQM";
            case "mean" -> "Mean";
            case "optimality-gap" -> "Optimality gap";
            default -> statistic.replace('-', ' ');
        };
    }

    /**
     * The performance profiles: for each agent the share of its runs scoring above tau, with bands.
     * On a log tau axis thresholds at or below 0 are not drawn.
     *
     * @param data the tables
     * @param logTau whether the tau axis is logarithmic
     * @return the chart
     */
    public static LineChart profiles(ScorecardData data, boolean logTau) {
        List<String> agents = data.agents();
        List<Series> series = new ArrayList<>();
        for (int a = 0; a < agents.size(); a++) {
            List<ScorecardData.ProfilePoint> points = data.profile(agents.get(a));
            double[] tau = points.stream().mapToDouble(ScorecardData.ProfilePoint::tau).toArray();
            double[] fraction = points.stream().mapToDouble(ScorecardData.ProfilePoint::fraction).toArray();
            double[] low = points.stream().mapToDouble(ScorecardData.ProfilePoint::low).toArray();
            double[] high = points.stream().mapToDouble(ScorecardData.ProfilePoint::high).toArray();
            series.add(Series.withBand(agents.get(a), tau, fraction, low, high, a));
        }
        LineChart chart = new LineChart("Performance profiles: share of runs scoring above \u03c4 (95% CI)",
                "normalised score threshold \u03c4" + (logTau ? " (log scale)" : ""),
                "fraction of runs with score > \u03c4", logTau, false, series).withYRange(YRange.of(0, 1));
        return logTau ? chart.withXTicks(logTicks(data)) : chart;
    }

    /**
     * 1, 2 and 5 times the powers of ten between the smallest positive and the largest threshold:
     * scores span one or two decades, where a log axis's own ticks (the powers of ten) are one or two
     * labels; null (automatic ticks) when the thresholds hold no such value.
     */
    private static Ticks logTicks(ScorecardData data) {
        double min = data.profiles().stream().mapToDouble(ScorecardData.ProfilePoint::tau).filter(t -> t > 0).min()
                .orElse(Double.NaN);
        double max = data.profiles().stream().mapToDouble(ScorecardData.ProfilePoint::tau).max().orElse(Double.NaN);
        if (!(min > 0 && max >= min)) {
            return null;
        }
        for (double v = Math.pow(10, Math.floor(Math.log10(min))); v <= max * 10; v *= 10) {
            for (double m : new double[] {1, 2, 5}) {
                if (m * v >= min && m * v <= max) {
                    return Ticks.oneTwoFive(min, max);
                }
            }
        }
        return null;
    }

    /**
     * The probability-of-improvement matrix: row X, column Y, P(X &gt; Y) with its interval in the
     * cell; the diagonal, an agent against itself, is 0.5 by definition and says so.
     *
     * @param data the tables
     * @return the chart
     */
    public static Heatmap improvement(ScorecardData data) {
        List<String> agents = data.agents();
        int k = agents.size();
        double[][] values = new double[k][k];
        List<List<String>> texts = new ArrayList<>();
        for (int x = 0; x < k; x++) {
            List<String> row = new ArrayList<>();
            for (int y = 0; y < k; y++) {
                if (x == y) {
                    values[x][y] = 0.5;
                    row.add("(itself)");
                    continue;
                }
                Estimate p = data.aggregate(agents.get(x), ScorecardData.PROBABILITY_OF_IMPROVEMENT, agents.get(y));
                values[x][y] = p == null ? Double.NaN : p.value();
                row.add(p == null ? "" : String.format(Locale.ROOT, "%.2f\n[%.2f, %.2f]", p.value(), p.low(),
                        p.high()));
            }
            texts.add(row);
        }
        return matrix("Probability of improvement P(X > Y), row X over column Y (95% CI)", "P(X > Y)", values, texts,
                new Heatmap.Axis("agent X", agents), new Heatmap.Axis("agent Y", agents));
    }

    /** A heatmap of values between 0 and 1 with named rows and columns and a text in each cell. */
    private static Heatmap matrix(String title, String valueLabel, double[][] values, List<List<String>> texts,
            Heatmap.Axis rows, Heatmap.Axis columns) {
        return new Heatmap(title, values, valueLabel, false, rows, columns, Heatmap.Mark.NONE, null,
                new Heatmap.Range(0, 1), texts);
    }

    /** "0.782 [0.746, 0.818]" as two lines, the interval under the mean. */
    private static String twoLines(String interval) {
        return interval.replaceFirst(" ([\\[(])", "\n$1");
    }

    static String scoresCaption() {
        return "Each cell is an agent's mean normalised score on one environment over its runs (0 = the uniform "
                + "random policy, 1 = the optimum), with the 95% Student t interval of the mean as in summary.csv. "
                + "Colours span 0 to 1; a mean beyond takes the end colour, and its printed value is exact. Cells too "
                + "small for the interval show the mean alone; scorecard.csv has every interval.";
    }

    static String aggregateCaption() {
        return "Aggregates of each agent's normalised scores over all environments: the median and the mean of "
                + "its environment means, the interquartile mean (IQM) of all its runs pooled, and the optimality "
                + "gap (the mean shortfall of its runs below 1; lower is better), each with its " + BOOTSTRAP + ".";
    }

    static String profilesCaption(boolean log) {
        return "For each threshold \u03c4, the share of an agent's runs (all environments pooled) scoring above "
                + "\u03c4, with its " + BOOTSTRAP + " as a band. A curve that lies above another everywhere "
                + "dominates it." + (log ? " The log \u03c4 axis spreads out small scores; thresholds at or below "
                + "0 are not drawn." : "");
    }

    static String improvementCaption() {
        return "P(X > Y): the probability that a run of the row's agent X scores more than a run of the column's "
                + "agent Y on the same environment, ties counting half, averaged over environments; 0.5 is no "
                + "difference. Each cell gives its " + BOOTSTRAP + " unless the cells are too small for it "
                + "(aggregate.csv has every interval); the intervals are not corrected for multiple comparisons.";
    }
}
