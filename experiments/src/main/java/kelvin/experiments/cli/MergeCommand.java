package kelvin.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import kelvin.experiments.ExperimentException;
import kelvin.experiments.ExperimentSession;
import kelvin.experiments.SessionOptions;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.Location;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.CellStore;
import kelvin.experiments.results.ResultsFolder;
import kelvin.experiments.run.ProgressListener;
import kelvin.experiments.shard.ShardMerge;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kelvin merge DIR... --out DIR}: merges the shard folders of one config into its results folder. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge the folders of kelvin run --shard I/N into the results folder kelvin run would have "
                + "written (the same bytes), with its charts and report.html.")
public final class MergeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "The shard folders, in any order.")
    List<Path> parts;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The results folder to write.")
    Path out;

    @Option(names = "--allow-missing", description = "Merge even when some blocks have no part: the tables and "
            + "charts cover what exists and the report names the shards that are absent.")
    boolean allowMissing;

    @Option(names = "--no-plots", description = "Write the CSV files only (no PNG/SVG, no report.html).")
    boolean noPlots;

    @Option(names = "--quiet", description = "Print nothing on success.")
    boolean quiet;

    @Option(names = "--debug", description = "Show stack traces of unexpected errors.")
    boolean debug;

    @Mixin
    PluginOptions plugins;

    @Override
    public Integer call() throws Exception {
        ResultsFolder.checkPlace(out);
        for (Path part : parts) {
            if (Files.exists(out) && Files.exists(part) && Files.isSameFile(out, part)) {
                throw new ConfigException(Location.of("--out"), "", out + " is one of the parts; write the merged "
                        + "results to another folder");
            }
        }
        ShardMerge merge = ShardMerge.open(parts, plugins.registry(), allowMissing);
        Experiment e = merge.experiment();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        try {
            SessionOptions options = SessionOptions.inMemory().withThreads(1).writingTo(out, !noPlots)
                    .reportingTo(ProgressListener.NONE, note -> {
                        if (!quiet || note.startsWith("warning:")) {
                            err.println(note);
                        }
                    });
            ExperimentSession.of(e).write(options, (done, store) -> merge.compute(store), merge.notes());
            merge.forgetIncomplete(new CellStore(out, e));
        } catch (IOException x) {
            throw new ExperimentException("could not write results to " + out + ": " + RunCommand.describe(x, out), x);
        }
        if (!quiet) {
            PrintWriter w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "%s: merged %d part%s in %.1f s%n", e.name(), parts.size(),
                    parts.size() == 1 ? "" : "s", (System.nanoTime() - start) / 1e9);
            for (Map.Entry<String, String> n : merge.notes().entrySet()) {
                w.println(n.getKey().toLowerCase(Locale.ROOT) + ": " + n.getValue());
            }
            w.println("results: " + out + (noPlots ? "" : " (open " + out.resolve("report.html") + ")"));
            w.flush();
        }
        return 0;
    }
}
