package kelvin.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kelvin.experiments.ExperimentException;
import kelvin.experiments.ExperimentSession;
import kelvin.experiments.SessionOptions;
import kelvin.experiments.SuiteSession;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.Location;
import kelvin.experiments.config.Overrides;
import kelvin.experiments.config.SuiteLoader;
import kelvin.experiments.metric.Recorded;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.Suite;
import kelvin.experiments.results.Interval;
import kelvin.experiments.results.ResultData;
import kelvin.experiments.results.ResultsFolder;
import kelvin.experiments.results.SuiteWriter;
import kelvin.experiments.results.ValueFormat;
import kelvin.experiments.run.ProgressListener;
import kelvin.experiments.scorecard.StratifiedBootstrap;
import kelvin.experiments.shard.ShardRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kelvin run CONFIG}: runs an experiment and writes its results folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an experiment config and write curves.csv, summary.csv, plots and report.html.")
public final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The experiment config (YAML or JSON).")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: results/<name>).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores). "
            + "Results are identical for any N.")
    Integer threads;

    @Option(names = "--runs", paramLabel = "N", description = "Override the number of runs per variant.")
    Long runs;

    @Option(names = "--seed", paramLabel = "N", description = "Override the master seed.")
    Long seed;

    @Option(names = "--quiet", description = "No progress display.")
    boolean quiet;

    @Option(names = "--no-plots", description = "Write the CSV files only (no PNG/SVG, no report.html).")
    boolean noPlots;

    @Option(names = "--resume", description = "Reuse the finished cells in the results folder whose config "
            + "still matches; compute the rest. The result is byte-identical to an uninterrupted run.")
    boolean resume;

    @Option(names = "--force", description = "Replace the results in the folder even if they are another config's: "
            + "Kelvin's files of the old run are deleted before anything new is written.")
    boolean force;

    @Option(names = "--bootstrap", paramLabel = "N", description = "Resamples of the stratified bootstrap behind a "
            + "suite's scorecard intervals (default 2000; seeded, so the same N gives the same bytes).")
    int bootstrap = StratifiedBootstrap.DEFAULT_RESAMPLES;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N (I from 0 to N-1, like a "
            + "SLURM array index) into a partial folder for kelvin merge; needs --out. A rerun into the same folder "
            + "keeps the blocks already finished.")
    String shard;

    @Mixin
    CommonOptions common;

    @Mixin
    PluginOptions plugins;

    @Override
    public Integer call() throws Exception {
        List<String> overrides = new ArrayList<>(common.overrides);
        Map<String, String> shorthands = new LinkedHashMap<>();
        if (runs != null) {
            shorthands.put("runs", "--runs");
            overrides.add("runs=" + runs);
        }
        if (seed != null) {
            shorthands.put("seed", "--seed");
            overrides.add("seed=" + seed);
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + n);
        }
        if (out != null) {
            ResultsFolder.checkPlace(out);
        }
        if (bootstrap < 100 || bootstrap > 1_000_000) {
            throw new ConfigException(Location.of("--bootstrap"), "", bootstrap
                    + " is out of range; expected a whole number from 100 to 1000000");
        }
        int[] split = shard == null ? null : shard(shard);
        if (split != null && out == null) {
            throw new ConfigException(Location.of("--shard"), "", "needs --out, the folder the shard writes for "
                    + "kelvin merge");
        }
        if (SuiteLoader.isSuite(config)) {
            if (split != null) {
                throw new ConfigException(Location.of(config.toString()), "envs", "a suite cannot be run as shards "
                        + "yet; run each environment's config with --shard, or the suite without it");
            }
            return runSuite(overrides, shorthands, n);
        }
        Experiment experiment = load(overrides, shorthands);
        if (split != null) {
            return runShard(experiment, split[0], split[1], n);
        }
        Path dir = out != null ? out : Paths.get("results", experiment.name());
        if (SuiteWriter.isSuite(dir) && !force) {
            throw new ConfigException(Location.of("--out"), "", dir + " holds the results of a suite, not of one "
                    + "experiment; use --force to replace them, or --out to write elsewhere");
        }
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        ResultData data;
        try (ProgressDisplay progress = new ProgressDisplay(err, experiment.name())) {
            SessionOptions options = SessionOptions.inMemory().withThreads(n).writingTo(dir, !noPlots)
                    .withFolderPolicy(resume, force)
                    .reportingTo(quiet ? ProgressListener.NONE : progress, note -> notice(err, note));
            data = ExperimentSession.of(experiment).run(options);
        } catch (IOException e) {
            throw new ExperimentException("could not write results to " + dir + ": " + describe(e, dir), e);
        }
        printSummary(data, (System.nanoTime() - start) / 1e9, n, dir);
        return 0;
    }

    /**
     * Reads {@code I/N}.
     *
     * @return {I, N}
     * @throws ConfigException naming --shard when the text is not I/N with 0 &lt;= I &lt; N
     */
    static int[] shard(String text) {
        Matcher m = Pattern.compile("(\\d{1,9})/(\\d{1,9})").matcher(text);
        if (!m.matches() || Integer.parseInt(m.group(2)) < 1
                || Integer.parseInt(m.group(1)) >= Integer.parseInt(m.group(2))) {
            throw new ConfigException(Location.of("--shard"), "", "expected I/N with N at least 1 and I from 0 to "
                    + "N-1 (e.g. 3/8), not '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /** Runs shard I of N into the partial folder {@code --out}. */
    private int runShard(Experiment experiment, int i, int shards, int n) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        ShardRun.Summary summary;
        try (ProgressDisplay progress = new ProgressDisplay(err, experiment.name() + " " + i + "/" + shards)) {
            SessionOptions options = SessionOptions.inMemory().withThreads(n).writingTo(out, false)
                    .withFolderPolicy(resume, force)
                    .reportingTo(quiet ? ProgressListener.NONE : progress, note -> notice(err, note));
            summary = ShardRun.of(experiment, i, shards).run(options);
        } catch (IOException e) {
            throw new ExperimentException("could not write the shard to " + out + ": " + describe(e, out), e);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s: shard %d/%d, %d blocks (%d runs, %d kept from before) in %.1f s (%d thread%s)%n",
                experiment.name(), i, shards, summary.blocks(), summary.runs(), summary.restored(),
                (System.nanoTime() - start) / 1e9, n, n == 1 ? "" : "s");
        w.println("shard: " + out + " (merge every shard with kelvin merge)");
        w.flush();
        return 0;
    }

    /** Runs a config with {@code envs}: every environment into envs/NAME, then the scorecard. */
    private int runSuite(List<String> overrides, Map<String, String> shorthands, int n) throws Exception {
        Suite suite;
        try {
            suite = SuiteLoader.load(config, overrides, plugins.registry(), common.budget);
        } catch (ConfigException e) {
            throw named(e, shorthands);
        }
        Path dir = out != null ? out : Paths.get("results", suite.name());
        if (Files.isRegularFile(dir.resolve("config.yaml")) && !force) {
            throw new ConfigException(Location.of("--out"), "", dir + " holds the results of an experiment, not a "
                    + "suite; use --force to replace them, or --out to write elsewhere");
        }
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        SuiteSession.Result result;
        try (ProgressDisplay progress = new ProgressDisplay(err, suite.name())) {
            SessionOptions options = SessionOptions.inMemory().withThreads(n).writingTo(dir, !noPlots)
                    .withFolderPolicy(resume, force)
                    .reportingTo(quiet ? ProgressListener.NONE : progress, note -> notice(err, note));
            result = SuiteSession.of(suite).run(options, StratifiedBootstrap.of(bootstrap,
                    StratifiedBootstrap.DEFAULT_LEVEL));
            SuiteWriter.write(result, dir, !noPlots);
        } catch (IOException e) {
            throw new ExperimentException("could not write results to " + dir + ": " + describe(e, dir), e);
        }
        SuiteSummary.print(spec.commandLine().getOut(), result, (System.nanoTime() - start) / 1e9, n, dir, !noPlots);
        return 0;
    }

    private static ConfigException named(ConfigException e, Map<String, String> shorthands) {
        ConfigException named = e;
        for (Map.Entry<String, String> s : shorthands.entrySet()) {
            named = Overrides.asOption(named, s.getKey(), s.getValue());
        }
        return named;
    }

    /**
     * Loads the config with {@code overrides}, the shorthand options' last so that they win over a
     * {@code --set} of the same key; a problem with a shorthand's value names the option the user
     * wrote ({@code --runs: 0 is out of range; ...}), not the override it stands for.
     */
    private Experiment load(List<String> overrides, Map<String, String> shorthands) {
        try {
            return Experiment.load(config, overrides, plugins.registry(), common.budget);
        } catch (ConfigException e) {
            throw named(e, shorthands);
        }
    }

    /** What went wrong in words: a file system error's message is often the bare file name. */
    static String describe(IOException e, Path dir) {
        if (!(e instanceof FileSystemException f)) {
            return e.getMessage();
        }
        String reason = f.getReason() != null ? f.getReason()
                : f instanceof AccessDeniedException ? "permission denied"
                : f instanceof NoSuchFileException ? "no such file or folder"
                : f instanceof FileAlreadyExistsException ? "a file is in the way"
                : f instanceof NotDirectoryException ? "not a folder"
                : "cannot be created or written";
        boolean other = f.getFile() != null && !Path.of(f.getFile()).equals(dir);
        return (other ? f.getFile() + ": " : "") + reason;
    }

    /** Notes are for the curious and --quiet drops them; a warning (a damaged cell recomputed) always shows. */
    private void notice(PrintWriter err, String note) {
        if (!quiet || note.startsWith("warning:")) {
            err.println(note);
        }
    }

    private void printSummary(ResultData data, double seconds, int n, Path dir) {
        Experiment e = data.experiment();
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s: %s in %.1f s (%d thread%s)%n", e.name(), e.size(), seconds, n,
                n == 1 ? "" : "s");
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("variant"));
        for (Recorded m : e.metrics()) {
            header.add(m.key() + " at t=" + e.horizon());
        }
        table.add(header);
        for (Cell c : e.cells()) {
            List<String> row = new ArrayList<>(List.of(c.label()));
            for (Recorded m : e.metrics()) {
                Interval iv = data.last(c.index(), m);
                row.add(iv == null ? "-" : ValueFormat.of(m.metric()).interval(iv));
            }
            table.add(row);
        }
        Tables.print(w, table);
        w.println("results: " + dir + (noPlots ? "" : " (open " + dir.resolve("report.html") + ")"));
        w.flush();
    }
}
