package kelvin.experiments.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import kelvin.experiments.ExperimentException;
import kelvin.experiments.ExperimentSession;
import kelvin.experiments.SessionOptions;
import kelvin.experiments.SuiteSession;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.CellStore;
import kelvin.experiments.results.ResultData;
import kelvin.experiments.results.SuiteWriter;
import kelvin.experiments.results.Tables;
import kelvin.experiments.run.Moments;
import kelvin.experiments.run.Runner;
import kelvin.experiments.scorecard.StratifiedBootstrap;

/**
 * One run started from the experiments page: the config runs on its own thread through the same
 * session as {@code kelvin run CONFIG --out DIR} (all cores, plots and report.html), into an
 * ordinary results folder. Cancelling interrupts that thread, as Ctrl-C interrupts {@code kelvin run}:
 * the finished cells stay in the folder for a resume.
 */
final class ExperimentRun {
    /** Where a run is. */
    enum State { RUNNING, DONE, CANCELLED, FAILED }

    private final ExperimentConfig config;
    private final Path dir;
    private final LabFiles files;
    private final String folder;
    private final long startNanos = System.nanoTime();
    private final List<String> notes = new ArrayList<>();
    private final Thread thread;
    private volatile long runsDone;
    private volatile long runsTotal;
    private volatile State state = State.RUNNING;
    private volatile String message = "";
    private volatile long endNanos;
    private volatile boolean cancelled;
    private long loadedAt = -1;
    private Map<Integer, Moments> finished = new TreeMap<>();

    private ExperimentRun(ExperimentConfig config, LabFiles files, Path dir, boolean resume, boolean force) {
        this.config = config;
        this.files = files;
        this.dir = dir;
        this.folder = files.relative(dir);
        int threads = Runtime.getRuntime().availableProcessors();
        SessionOptions options = SessionOptions.inMemory().withThreads(threads).writingTo(dir, true)
                .withFolderPolicy(resume, force)
                .reportingTo((done, total) -> {
                    runsDone = done;
                    runsTotal = total;
                }, this::note);
        this.thread = new Thread(() -> run(options), "kelvin-lab-run");
        thread.setDaemon(true);
    }

    /**
     * Starts a run.
     *
     * @param config the validated config
     * @param files the lab's folder, which messages name paths relative to
     * @param dir the results folder, inside it
     * @param resume whether finished cells of the folder are reused ({@code --resume})
     * @param force whether other results in the folder are replaced ({@code --force})
     * @return the running run
     */
    static ExperimentRun start(ExperimentConfig config, LabFiles files, Path dir, boolean resume, boolean force) {
        ExperimentRun run = new ExperimentRun(config, files, dir, resume, force);
        run.thread.start();
        return run;
    }

    private void run(SessionOptions options) {
        String outcome = "";
        State end = State.DONE;
        try {
            if (config.experiment() != null) {
                ExperimentSession.of(config.experiment()).run(options);
            } else {
                StratifiedBootstrap bootstrap = StratifiedBootstrap.of(StratifiedBootstrap.DEFAULT_RESAMPLES,
                        StratifiedBootstrap.DEFAULT_LEVEL);
                SuiteSession.Result result = SuiteSession.of(config.suite()).run(options, bootstrap);
                SuiteWriter.write(result, dir, true);
            }
            outcome = "results: " + folder + " (open " + folder + "/report.html)";
        } catch (InterruptedException e) {
            end = State.CANCELLED;
            outcome = "cancelled: the finished variants are kept in " + folder + "; Resume computes the rest";
        } catch (ConfigException | ExperimentException e) {
            end = cancelled ? State.CANCELLED : State.FAILED;
            outcome = "error: " + e.getMessage();
        } catch (IOException e) {
            end = State.FAILED;
            outcome = "error: could not write results to " + folder + ": " + e.getMessage();
        } catch (RuntimeException e) {
            end = State.FAILED;
            outcome = "error: the run failed: " + e.getMessage();
        }
        message = ExperimentResults.hide(files, outcome);
        endNanos = System.nanoTime();
        state = end;
    }

    private synchronized void note(String note) {
        notes.add(ExperimentResults.hide(files, note));
    }

    /** Interrupts the run, as Ctrl-C does; finished cells stay in the folder. */
    void cancel() {
        cancelled = true;
        thread.interrupt();
    }

    /**
     * Waits for the run's thread to end.
     *
     * @param millis the longest wait
     * @throws InterruptedException when interrupted while waiting
     */
    void join(long millis) throws InterruptedException {
        thread.join(millis);
    }

    /**
     * Where the run is.
     *
     * @return the state
     */
    State state() {
        return state;
    }

    /**
     * The validated config.
     *
     * @return the config
     */
    ExperimentConfig config() {
        return config;
    }

    /**
     * What the page shows of the run now.
     *
     * @return state, folder, runs done and total, elapsed seconds, cells done, the outcome and notes
     */
    synchronized Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", state.name().toLowerCase(Locale.ROOT));
        out.put("folder", folder);
        out.put("name", config.title());
        out.put("suite", config.suite() != null);
        out.put("runsDone", runsDone);
        out.put("runsTotal", runsTotal);
        long end = state == State.RUNNING ? System.nanoTime() : endNanos;
        out.put("seconds", (end - startNanos) / 1e9);
        if (config.experiment() != null) {
            out.put("cellsDone", state == State.DONE ? config.experiment().cells().size() : finished().size());
            out.put("cellsTotal", config.experiment().cells().size());
        }
        out.put("message", message);
        out.put("notes", List.copyOf(notes));
        return out;
    }

    /**
     * The curves of every variant finished so far: read from the folder's cells while the run goes
     * on, and from its curves.csv once it is done.
     *
     * @return one entry per finished variant, in variant order; empty for a suite
     */
    synchronized List<Map<String, Object>> finishedCurves() {
        Experiment e = config.experiment();
        List<Map<String, Object>> out = new ArrayList<>();
        if (e == null) {
            return out;
        }
        if (state == State.DONE && Files.isRegularFile(dir.resolve("curves.csv"))) {
            ResultData data = ResultData.read(dir, e, Map.of());
            for (var cell : e.cells()) {
                out.add(ExperimentCurves.cell(e, cell, (k, i) -> data.interval(cell.index(), e.metrics().get(k), i)));
            }
            return out;
        }
        for (Map.Entry<Integer, Moments> f : finished().entrySet()) {
            Moments m = f.getValue();
            out.add(ExperimentCurves.cell(e, e.cells().get(f.getKey()), (k, i) -> Tables.interval(e, m, k, i)));
        }
        return out;
    }

    /** The finished cells, read from the folder again only when more runs have finished since. */
    private Map<Integer, Moments> finished() {
        long done = runsDone;
        if (done != loadedAt && config.experiment() != null) {
            loadedAt = done;
            Map<Integer, Moments> now = new TreeMap<>();
            for (Map.Entry<Integer, Runner.Result> r : new CellStore(dir, config.experiment()).load().entrySet()) {
                now.put(r.getKey(), r.getValue().cells().get(0));
            }
            finished = now;
        }
        return finished;
    }
}
