package kelvin.experiments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kelvin.experiments.ExperimentException;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.Location;
import kelvin.experiments.metric.Recorded;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.FolderLock;
import kelvin.experiments.results.ReportOptions;
import kelvin.experiments.results.ResultWriter;
import kelvin.experiments.results.ResultsFolder;
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
        Path config = dir.resolve("config.yaml");
        if (!Files.isRegularFile(config)) {
            throw new ConfigException(Location.of("RESULTS_DIR"), "", dir + " is not a Kelvin results folder: it has "
                    + "no config.yaml (kelvin run writes one into every results folder)");
        }
        List<String> files;
        Experiment experiment;
        try (FolderLock lock = FolderLock.acquire(dir)) {
            ResultsFolder.checkComplete(dir);
            experiment = Experiment.load(config, List.of(), plugins.registry());
            ReportOptions options = new ReportOptions(metrics(experiment), baseline(experiment), timeAxis());
            files = ResultWriter.replot(dir, experiment, options);
        } catch (IOException e) {
            throw new ExperimentException("could not redraw " + dir + ": " + RunCommand.describe(e, dir), e);
        }
        if (!quiet) {
            cl.getOut().printf("%s: redrew %d files (open %s)%n", experiment.name(), files.size(),
                    dir.resolve("report.html"));
            cl.getOut().flush();
        }
        return 0;
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
                throw new CommandLine.ParameterException(spec.commandLine(), "--metrics: '" + k
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
            throw new CommandLine.ParameterException(spec.commandLine(), "--baseline: '" + baseline
                    + "' is not a variant of " + dir + "; variants: " + String.join(", ", labels));
        }
        return baseline;
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
                throw new CommandLine.ParameterException(spec.commandLine(), "--time-axis: '" + timeAxis
                        + "' is not one of auto, log, linear");
        }
    }
}
