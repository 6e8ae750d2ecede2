package kelvin.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Suite;
import kelvin.experiments.results.ResultData;
import kelvin.experiments.run.ProgressListener;
import kelvin.experiments.run.Streams;
import kelvin.experiments.scorecard.AggregateStatistic;
import kelvin.experiments.scorecard.ScoreTable;
import kelvin.experiments.scorecard.Scorecard;
import kelvin.experiments.scorecard.StratifiedBootstrap;
import kelvin.experiments.scorecard.SuiteScores;
import kelvin.experiments.scorecard.TauGrid;

/**
 * Runs a suite: each environment's experiment in turn, into {@code envs/NAME/} of the results
 * folder when there is one (each an ordinary results folder, resumable on its own), then the
 * scorecard of the normalised {@code score} over all environments:
 * <pre>{@code
 * Suite s = SuiteLoader.load(Path.of("experiments/examples/schedule-suite.yaml"), List.of(),
 *         Registry.builtIns(), Limits.Budget.DEFAULT);
 * SuiteSession.Result r = SuiteSession.of(s).run(SessionOptions.inMemory(), StratifiedBootstrap.standard());
 * Estimate iqm = r.scorecard().aggregate("exponential", AggregateStatistic.IQM);
 * }</pre>
 * Progress is reported for the whole suite: runs done over the runs of every environment.
 */
public final class SuiteSession {
    /** The tau grid of the performance profiles: scores from 0 to 1 in steps of 0.01. */
    private static final double[] TAUS = TauGrid.linear(0, 1, 101);

    private final Suite suite;

    private SuiteSession(Suite suite) {
        this.suite = suite;
    }

    /**
     * A session of a suite.
     *
     * @param suite a validated suite
     * @return a session that runs it on each call to {@link #run}
     */
    public static SuiteSession of(Suite suite) {
        return new SuiteSession(suite);
    }

    /**
     * What a suite run gives.
     *
     * @param suite the suite
     * @param environments each environment's results, by its name, in config order
     * @param scorecard the aggregate statistics of the variants that ran on every environment, or null
     *     when none did
     * @param notes what the scorecard leaves out and why (variants missing somewhere, runs without a
     *     score)
     */
    public record Result(Suite suite, Map<String, ResultData> environments, Scorecard scorecard, List<String> notes) {
    }

    /**
     * Runs every environment, then the scorecard.
     *
     * @param options threads, progress, and the suite's results folder, if any
     * @param bootstrap the resamples and level of every interval of the scorecard
     * @return the results
     * @throws IOException when a results folder cannot be written
     * @throws InterruptedException when interrupted
     */
    public Result run(SessionOptions options, StratifiedBootstrap bootstrap) throws IOException,
            InterruptedException {
        long total = 0;
        for (Suite.Environment e : suite.environments()) {
            total += (long) e.experiment().runs() * e.experiment().cells().size();
        }
        Map<String, ResultData> results = new LinkedHashMap<>();
        long before = 0;
        for (Suite.Environment e : suite.environments()) {
            long offset = before;
            long all = total;
            ProgressListener shifted = (done, ignored) -> options.progress().runsDone(offset + done, all);
            SessionOptions own = options.reportingTo(shifted, options.notices());
            if (options.out() != null) {
                own = own.writingTo(environmentFolder(options.out(), e.name()), options.plots());
            }
            results.put(e.name(), ExperimentSession.of(e.experiment()).run(own));
            before += (long) e.experiment().runs() * e.experiment().cells().size();
        }
        List<String> notes = new ArrayList<>();
        SuiteScores scores = scores(results, notes);
        Scorecard card = scores == null ? null : Scorecard.withStreams(scores, AggregateStatistic.standard(), TAUS,
                bootstrap, job -> Streams.scorecard(suite.seed(), job));
        return new Result(suite, results, card, notes);
    }

    /**
     * Where an environment's results go inside the suite's folder.
     *
     * @param suiteFolder the suite's results folder
     * @param environment the environment's name
     * @return {@code envs/NAME} inside it
     */
    public static Path environmentFolder(Path suiteFolder, String environment) {
        return suiteFolder.resolve("envs").resolve(environment);
    }

    /**
     * The per-run final scores of the variants found on every environment; runs without a score
     * (NaN: an environment where the floor is the optimum) are left out, and said so.
     */
    private SuiteScores scores(Map<String, ResultData> results, List<String> notes) {
        List<String> envs = new ArrayList<>();
        for (Suite.Environment e : suite.environments()) {
            envs.add(e.name());
        }
        // each cell's final scores are read once: finite ones kept per variant and environment
        Map<String, double[][]> byVariant = new LinkedHashMap<>();
        for (int i = 0; i < envs.size(); i++) {
            ResultData data = results.get(envs.get(i));
            for (Cell c : data.experiment().cells()) {
                double[] finals = data.finals(c.label(), "score");
                double[] finite = Arrays.stream(finals).filter(Double::isFinite).toArray();
                if (finite.length > 0 && finite.length < finals.length) {
                    notes.add(String.format("%s on %s: %d of %d runs have no score and are left out.", c.label(),
                            envs.get(i), finals.length - finite.length, finals.length));
                }
                byVariant.computeIfAbsent(c.label(), k -> new double[envs.size()][])[i] = finite;
            }
        }
        Map<String, ScoreTable> tables = new LinkedHashMap<>();
        for (String variant : suite.variants()) {
            double[][] table = byVariant.get(variant);
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < envs.size(); i++) {
                if (table[i] == null || table[i].length == 0) {
                    missing.add(envs.get(i));
                }
            }
            if (!missing.isEmpty()) {
                notes.add(variant + " is left out of the aggregate statistics: it has no score on "
                        + String.join(", ", missing) + ".");
                continue;
            }
            tables.put(variant, ScoreTable.of(envs, table));
        }
        return tables.isEmpty() ? null : SuiteScores.of(tables);
    }
}
