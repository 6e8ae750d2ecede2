package kelvin.experiments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kelvin.experiments.ExperimentException;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.Location;
import kelvin.experiments.metric.Recorded;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.PlotSettings;
import kelvin.experiments.results.FolderLock;
import kelvin.experiments.results.ReportOptions;
import kelvin.experiments.results.ResultWriter;
import kelvin.experiments.results.ResultsFolder;
import kelvin.experiments.results.SuiteWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kelvin plot RESULTS_DIR}: redraws every chart and report.html from a results folder's files. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Re-render the charts and report.html of a results folder from its CSV files and config.yaml, "
                + "without running anything.")
public final class PlotCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "A folder written by kelvin run.")
    Path dir;

    @Option(names = "--metrics", split = ",", paramLabel = "METRIC",
            description = "Chart only these metrics, in this order (default: every recorded metric).")
    List<String> metrics;

    @Option(names = "--baseline", paramLabel = "VARIANT",
            description = "Compare every variant against this one (a variant label as in curves.csv; default: the "
                    + "best-ranked variant).")
    String baseline;

    @Option(names = "--time-axis", paramLabel = "AXIS", defaultValue = "auto",
            description = "Time axis of the curve charts: auto (log when the checkpoints are log-spaced), log or "
                    + "linear. Default: ${DEFAULT-VALUE}.")
    String timeAxis;

    @Option(names = "--ylim", paramLabel = "[METRIC=]LOW,HIGH", description = "Fix the y axis of a metric's curve "
            + "chart (e.g. --ylim return=-100,-10), or of every curve chart drawn without METRIC=; LOW,HIGH = auto "
            + "goes back to the default range. Repeatable. Overrides the config's plot.ylim.")
    List<String> ylim;

    @Option(names = "--smooth", paramLabel = "N", description = "Draw the centred moving average over N checkpoints "
            + "instead of the raw curves (1 = as recorded). Overrides the config's plot.smooth.")
    Integer smooth;

    @Option(names = "--from", paramLabel = "T", description = "Start the curve charts at step or episode T. "
            + "Overrides the config's plot.from.")
    Integer from;

    @Option(names = "--quiet", description = "Print nothing on success.")
    boolean quiet;

    @Option(names = "--debug", description = "Show stack traces of unexpected errors.")
    boolean debug;

    @Mixin
    PluginOptions plugins;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (dir.toString().isBlank()) {
            throw new ConfigException(Location.of("RESULTS_DIR"), "", "the name is empty; give the results folder's "
                    + "name");
        }
        if (SuiteWriter.isSuite(dir)) {
            return redrawSuite(cl);
        }
        Redrawn redrawn;
        try {
            redrawn = redrawOne();
        } catch (IOException e) {
            throw new ExperimentException("could not redraw " + dir + ": " + RunCommand.describe(e, dir), e);
        }
        if (!quiet) {
            cl.getOut().printf("%s: redrew %d files (open %s)%n", redrawn.name(), redrawn.files().size(),
                    dir.resolve("report.html"));
            cl.getOut().flush();
        }
        return 0;
    }

    /**
     * A suite's folder: every environment's folder as one experiment's (the options apply to each),
     * then the suite's charts and report from its scorecard tables.
     */
    private int redrawSuite(CommandLine cl) throws Exception {
        Path suite = dir;
        int count = 0;
        try {
            for (Path env : SuiteWriter.environmentFolders(suite)) {
                dir = env;
                count += redrawOne().files().size();
            }
            dir = suite;
            count += SuiteWriter.redraw(suite).size();
        } catch (IOException e) {
            throw new ExperimentException("could not redraw " + dir + ": " + RunCommand.describe(e, dir), e);
        } finally {
            dir = suite;
        }
        if (!quiet) {
            cl.getOut().printf("%s: redrew %d files (open %s)%n", suite.getFileName(), count,
                    suite.resolve("report.html"));
            cl.getOut().flush();
        }
        return 0;
    }

    /** An experiment folder redrawn: the experiment's name and the files written. */
    private record Redrawn(String name, List<String> files) {
    }

    /** The charts and report of the experiment folder {@link #dir}. */
    private Redrawn redrawOne() throws IOException {
        Path config = dir.resolve("config.yaml");
        if (!Files.isRegularFile(config)) {
            throw new ConfigException(Location.of("RESULTS_DIR"), "", dir + " is not a Kelvin results folder: it has "
                    + "no config.yaml (kelvin run writes one into every results folder)");
        }
        try (FolderLock lock = FolderLock.acquire(dir)) {
            ResultsFolder.checkComplete(dir);
            Experiment experiment = Experiment.load(config, List.of(), plugins.registry());
            ReportOptions options = new ReportOptions(metrics(experiment), baseline(experiment), timeAxis(),
                    plotSettings(experiment));
            return new Redrawn(experiment.name(), ResultWriter.replot(dir, experiment, options));
        }
    }

    private List<Recorded> metrics(Experiment e) {
        if (metrics == null) {
            return null;
        }
        List<String> recorded = e.metrics().stream().map(Recorded::key).toList();
        List<Recorded> chosen = new ArrayList<>();
        for (String key : metrics) {
            String k = key.strip();
            if (!recorded.contains(k)) {
                throw bad("--metrics", "'" + k
                        + "' is not recorded in "
                        + dir + "; recorded: " + String.join(", ", recorded));
            }
            Recorded m = e.metrics().get(e.metricIndex(k));
            if (!chosen.contains(m)) {
                chosen.add(m);
            }
        }
        return chosen;
    }

    private String baseline(Experiment e) {
        if (baseline == null) {
            return null;
        }
        List<String> labels = e.cells().stream().map(Cell::label).toList();
        if (!labels.contains(baseline)) {
            throw bad("--baseline", "'" + baseline
                    + "' is not a variant of " + dir + "; variants: " + String.join(", ", labels));
        }
        return baseline;
    }

    /** The config's plot section with the options given here in its place. */
    private PlotSettings plotSettings(Experiment e) {
        PlotSettings config = e.plot();
        int window = config.smooth();
        if (smooth != null) {
            if (smooth < 1) {
                throw bad("--smooth", smooth
                        + " is out of range; give a whole number >= 1 (1 draws the curves as recorded)");
            }
            window = smooth;
        }
        int first = config.from();
        if (from != null) {
            if (from < 1 || from > e.horizon()) {
                throw bad("--from", from + " is out of range; give "
                        + (e.episodic() ? "an episode" : "a step") + " from 1 to " + e.horizon());
            }
            first = from;
        }
        Map<String, PlotSettings.Range> ranges = new LinkedHashMap<>(config.ylim());
        PlotSettings.Range all = config.ylimAll();
        for (String given : ylim == null ? List.<String>of() : ylim) {
            int eq = given.indexOf('=');
            String metric = eq < 0 ? null : given.substring(0, eq).strip();
            PlotSettings.Range range = range(given.substring(eq + 1).strip(), given, metric, e);
            if (metric == null) {
                ranges.clear();
                all = range;
            } else if (range == null) {
                ranges.remove(metric);
            } else {
                ranges.put(metric, range);
            }
        }
        return new PlotSettings(window, first, ranges, all);
    }

    /** LOW,HIGH or auto (null) of one --ylim, for {@code metric} or, when null, every chart. */
    private PlotSettings.Range range(String text, String given, String metric, Experiment e) {
        if (metric != null && e.metricIndex(metric) < 0) {
            throw bad("--ylim " + given, "'" + metric
                    + "' is not recorded in " + dir + "; recorded: "
                    + String.join(", ", e.metrics().stream().map(Recorded::key).toList()));
        }
        if (text.equals("auto")) {
            return null;
        }
        String[] parts = text.split(",", -1);
        double low;
        double high;
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            low = Double.parseDouble(parts[0].strip());
            high = Double.parseDouble(parts[1].strip());
        } catch (NumberFormatException notNumbers) {
            throw bad("--ylim " + given, "expected "
                    + "[METRIC=]LOW,HIGH with two numbers (e.g. return=-100,-10), or auto");
        }
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
            throw bad("--ylim " + given, "LOW must be below "
                    + "HIGH, both finite");
        }
        List<Recorded> charted = metrics(e) == null ? e.metrics() : metrics(e);
        for (Recorded m : charted) {
            if ((metric == null || m.key().equals(metric)) && m.metric().logScale() && !(low > 0)) {
                throw bad("--ylim " + given, "the " + m.key()
                        + " chart has a log y axis, which needs LOW > 0");
            }
        }
        return new PlotSettings.Range(low, high);
    }

    /** A bad option value, said in one line as {@code error: OPTION: PROBLEM}, exit 2 like a bad config. */
    private static ConfigException bad(String option, String problem) {
        return new ConfigException(Location.of(option), "", problem);
    }

    private ReportOptions.TimeAxis timeAxis() {
        switch (timeAxis) {
            case "auto":
                return ReportOptions.TimeAxis.AUTO;
            case "log":
                return ReportOptions.TimeAxis.LOG;
            case "linear":
                return ReportOptions.TimeAxis.LINEAR;
            default:
                throw bad("--time-axis", "'" + timeAxis
                        + "' is not one of auto, log, linear");
        }
    }
}
