package kelvin.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.AtomicFiles;
import kelvin.experiments.results.CellStore;
import kelvin.experiments.results.FolderLock;
import kelvin.experiments.results.ResultData;
import kelvin.experiments.results.ResultWriter;
import kelvin.experiments.results.ResultsFolder;
import kelvin.experiments.run.MemoryRunStore;
import kelvin.experiments.run.RunStore;
import kelvin.experiments.run.Runner;
import kelvin.experiments.run.Simulation;

/**
 * Runs an experiment, from a program or from {@code kelvin run}:
 * <pre>{@code
 * Experiment e = Experiment.load(Path.of("experiments/examples/quickstart.yaml"));
 * ResultData r = ExperimentSession.of(e).run(SessionOptions.inMemory());
 * Interval regret = r.summary("annealed", "regret");
 * double[] perRun = r.finals("annealed", "regret");
 * }</pre>
 * In memory, the per-run values are kept in arrays; writing a results folder, they go to its
 * {@code cells/} folder as they are made, so memory does not grow with the runs, and the folder's
 * files are written atomically, manifest.json last. A session writing a folder holds its
 * {@link FolderLock} throughout, so a second writer (another process or session) is refused.
 */
public final class ExperimentSession {
    private final Experiment experiment;

    private ExperimentSession(Experiment experiment) {
        this.experiment = experiment;
    }

    /**
     * A session of an experiment.
     *
     * @param experiment a validated experiment
     * @return a session that runs it on each call to {@link #run}
     */
    public static ExperimentSession of(Experiment experiment) {
        return new ExperimentSession(experiment);
    }

    /**
     * Runs every cell (those a resume cannot reuse) and returns the results.
     *
     * @param options threads, progress and the results folder, if any
     * @return curves, summary statistics and per-run values
     * @throws IOException when the results folder cannot be written
     * @throws InterruptedException when interrupted
     * @throws kelvin.experiments.config.ConfigException when the folder may not be used as asked, or another
     *         writer holds it
     * @throws ExperimentException when the run fails (a plug-in broke its contract, say)
     */
    public ResultData run(SessionOptions options) throws IOException, InterruptedException {
        Runner runner = new Runner(experiment, options.threads(), options.progress());
        long start = System.nanoTime();
        if (options.out() == null) {
            RunStore store = new MemoryRunStore(experiment.cells().size(), Simulation.runColumns(experiment));
            Runner.Result result = runner.run(Map.of(), store);
            double seconds = (System.nanoTime() - start) / 1e9;
            return ResultWriter.inMemory(experiment, result, store, seconds, options.threads());
        }
        return write(options, runner::run, Map.of());
    }

    /**
     * Where the cells of a results folder come from: computed by a {@link Runner}, or merged from
     * the blocks of shards computed elsewhere ({@code kelvin merge}).
     */
    @FunctionalInterface
    public interface Cells {
        /**
         * Every cell's aggregates, the cells not in {@code done}, with their rows, handed to
         * {@code store} in run order.
         *
         * @param done cells restored from the folder (a resume), by cell index
         * @param store the folder's cell store
         * @return every cell's aggregates and compute seconds, in cell order
         * @throws IOException when a part cannot be read
         * @throws InterruptedException when interrupted
         */
        Runner.Result compute(Map<Integer, Runner.Result> done, RunStore store) throws IOException,
                InterruptedException;
    }

    /**
     * Writes the results folder {@code options.out()} from cells that {@code cells} provides, under
     * the same rules and into the same files as {@link #run}; with {@code notes}, the report header
     * and manifest.json say more (a partial merge names what is missing).
     *
     * @param options the results folder and its policy; threads are recorded, not used
     * @param cells where the cells come from
     * @param notes extra facts for the report header, by name; empty for none
     * @return the results, as the files hold them
     * @throws IOException when the results folder cannot be written
     * @throws InterruptedException when interrupted
     */
    public ResultData write(SessionOptions options, Cells cells, Map<String, String> notes)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path dir = options.out();
        String configYaml = ResultWriter.configYaml(experiment);
        ResultsFolder.checkPlace(dir);
        Files.createDirectories(dir);
        try (FolderLock lock = FolderLock.acquire(dir)) {
            ResultsFolder.check(dir, configYaml, options.resume(), options.force());
            if (options.force()) {
                ResultsFolder.replaceOld(dir, options.resume());
            } else {
                ResultsFolder.beginWriting(dir, configYaml);
            }
            ResultsFolder.removeTemporaryFiles(dir);
            AtomicFiles.write(dir.resolve("config.yaml"), configYaml);
            CellStore store = new CellStore(dir, experiment);
            Map<Integer, Runner.Result> done = options.resume() ? store.load(options.notices()) : Map.of();
            if (!done.isEmpty()) {
                options.notices().accept(String.format("resuming: %d of %d variants already finished", done.size(),
                        experiment.cells().size()));
            }
            Runner.Result result;
            try {
                result = cells.compute(done, store);
            } catch (RuntimeException | Error | InterruptedException e) {
                // the cells that finished stay; the rows of those that did not would only be recomputed
                for (int c = 0; c < experiment.cells().size(); c++) {
                    try {
                        store.discardPartial(c);
                    } catch (IOException left) {
                        e.addSuppressed(left);
                    }
                }
                throw e;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (options.plots()) {
                // the charts of a large experiment take seconds after the progress bar has ended
                options.notices().accept("drawing the charts and report.html...");
            }
            ResultData data = new ResultWriter(experiment, result, store, seconds, options.threads())
                    .noting(notes).write(dir, options.plots(), configYaml);
            store.removeOthers();
            return data;
        }
    }
}
