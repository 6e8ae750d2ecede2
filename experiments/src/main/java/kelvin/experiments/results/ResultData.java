package kelvin.experiments.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kelvin.experiments.metric.Recorded;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.TabularCell;
import kelvin.experiments.run.MemoryRunStore;
import kelvin.experiments.run.Moments;
import kelvin.experiments.run.RunRows;
import kelvin.experiments.run.RunStore;
import kelvin.experiments.run.Runner;

/**
 * Every number the charts, tables and report are drawn from, and what a session returns: per
 * variant, the interval of each metric at each checkpoint, each run's final values and area under
 * the regret curve (read from a {@link RunStore}, on disk for a results folder, so they are never
 * all in memory at once), and the state tallies of tabular environments. It is built either from a
 * finished run or read back from a results folder's CSV files ({@code kelvin plot}); the CSV files
 * hold the same doubles in round-trip form, so both give the same charts.
 */
public final class ResultData {
    /** The runs.csv column after the metrics: the area under the run's regret curve. */
    public static final String AREA_COLUMN = "regret-area";

    private final Experiment experiment;
    private final Interval[][][] curves;
    private final RunStore runs;
    private final long[][] tallies;
    private final Map<String, String> facts;

    private ResultData(Experiment experiment, Interval[][][] curves, RunStore runs, long[][] tallies,
                       Map<String, String> facts) {
        this.experiment = experiment;
        this.curves = curves;
        this.runs = runs;
        this.tallies = tallies;
        this.facts = facts;
    }

    /**
     * From a finished run.
     *
     * @param e the experiment that was run
     * @param result every cell's aggregates
     * @param runs where the per-run values were kept
     * @param facts what the report header shows (seed, runs, wall time, machine, ...)
     * @return the run's data, read through {@code runs} for per-run values
     */
    public static ResultData of(Experiment e, Runner.Result result, RunStore runs, Map<String, String> facts) {
        int cells = e.cells().size();
        int metrics = e.metrics().size();
        int marks = e.checkpoints().length;
        Interval[][][] curves = new Interval[cells][metrics][marks];
        long[][] tallies = new long[cells][];
        for (int c = 0; c < cells; c++) {
            Moments m = result.cells().get(c);
            for (int k = 0; k < metrics; k++) {
                for (int i = 0; i < marks; i++) {
                    curves[c][k][i] = Tables.interval(e, m, k, i);
                }
            }
            tallies[c] = new long[m.tallies()];
            for (int i = 0; i < tallies[c].length; i++) {
                tallies[c][i] = m.tally(i);
            }
        }
        return new ResultData(e, curves, runs, tallies, facts);
    }

    /**
     * The experiment.
     *
     * @return what was run
     */
    public Experiment experiment() {
        return experiment;
    }

    /**
     * The report header's facts.
     *
     * @return label to text
     */
    public Map<String, String> facts() {
        return facts;
    }

    /**
     * The per-run values.
     *
     * @return the store they are read from: in memory, or the results folder's {@code cells/}
     */
    public RunStore runStore() {
        return runs;
    }

    /**
     * Statistics of a metric for a cell at a checkpoint.
     *
     * @param cell the cell's index
     * @param metric a recorded metric
     * @param checkpoint the checkpoint's position
     * @return the interval, or null when the metric is not recorded or no run had a value
     */
    public Interval interval(int cell, Recorded metric, int checkpoint) {
        int k = experiment.metrics().indexOf(metric);
        return k < 0 ? null : curves[cell][k][checkpoint];
    }

    /**
     * Statistics at the horizon.
     *
     * @param cell the cell's index
     * @param metric a recorded metric
     * @return the interval, or null when the metric is not recorded or no run had a value
     */
    public Interval last(int cell, Recorded metric) {
        return interval(cell, metric, experiment.checkpoints().length - 1);
    }

    /**
     * Statistics of a metric of a variant at a checkpoint, by name.
     *
     * @param variant the variant's label
     * @param metric the metric's name
     * @param checkpoint the checkpoint's position ({@link Experiment#checkpoints()})
     * @return the interval, or null when no run had a value
     * @throws IllegalArgumentException for an unknown variant or metric
     */
    public Interval interval(String variant, String metric, int checkpoint) {
        return interval(cellIndex(variant), recorded(metric), checkpoint);
    }

    /**
     * Statistics of a metric of a variant at the horizon, by name (a row of summary.csv).
     *
     * @param variant the variant's label
     * @param metric the metric's name
     * @return the interval, or null when no run had a value
     */
    public Interval summary(String variant, String metric) {
        return last(cellIndex(variant), recorded(metric));
    }

    /**
     * Each run's final value of a metric of a variant, by name (a column of runs.csv).
     *
     * @param variant the variant's label
     * @param metric the metric's name
     * @return the values in run order
     */
    public double[] finals(String variant, String metric) {
        return finals(cellIndex(variant), recorded(metric));
    }

    private int cellIndex(String variant) {
        for (Cell c : experiment.cells()) {
            if (c.label().equals(variant)) {
                return c.index();
            }
        }
        throw new IllegalArgumentException("no variant " + variant);
    }

    private Recorded recorded(String metric) {
        int k = experiment.metricIndex(metric);
        if (k < 0) {
            throw new IllegalArgumentException("metric " + metric + " is not recorded");
        }
        return experiment.metrics().get(k);
    }

    /**
     * Each run's final value of a metric in run order (NaN where a run has none).
     *
     * @param cell the cell's index
     * @param metric a metric, recorded or not
     * @return the values, or null if the metric is not recorded
     */
    public double[] finals(int cell, Recorded metric) {
        int k = experiment.metrics().indexOf(metric);
        return k < 0 ? null : column(cell, k);
    }

    /**
     * Each run's area under its regret curve, in run order.
     *
     * @param cell the cell's index
     * @return the areas, or null if regret is not recorded
     */
    public double[] regretArea(int cell) {
        return experiment.rankingMetric() >= 0 ? column(cell, experiment.metrics().size()) : null;
    }

    private double[] column(int cell, int column) {
        try {
            return runs.column(cell, column);
        } catch (IOException e) {
            throw new UncheckedIOException("per-run values of " + experiment.cells().get(cell).label()
                    + " cannot be read back: " + e.getMessage(), e);
        }
    }

    /**
     * The number of runs with a row.
     *
     * @param cell the cell's index
     * @return the experiment's runs, the same for every cell
     */
    public int runs(int cell) {
        return experiment.runs();
    }

    /**
     * A counter of a cell (visits, then greedy-action counts; see TabularSimulation).
     *
     * @param cell the cell's index
     * @param i the counter's index
     * @return its value (0 beyond the cell's counters)
     */
    public long tally(int cell, int i) {
        return i < tallies[cell].length ? tallies[cell][i] : 0;
    }

    /**
     * The number of counters kept for a cell.
     *
     * @param cell the cell's index
     * @return 0 on a bandit; on a tabular environment at least states times (1 + actions)
     */
    public int tallies(int cell) {
        return tallies[cell].length;
    }

    /**
     * Reads a results folder's curves.csv, runs.csv and (tabular environments) states.csv for
     * {@code e}, the experiment its config.yaml describes.
     *
     * @param dir the results folder
     * @param e the experiment of its config.yaml
     * @param facts the report's header facts (from manifest.json)
     * @return the results, as the files hold them
     * @throws BadResultsException naming the file and line when a file is missing or does not fit the config
     */
    public static ResultData read(Path dir, Experiment e, Map<String, String> facts) {
        int cells = e.cells().size();
        int metrics = e.metrics().size();
        int[] marks = e.checkpoints();
        Map<String, Integer> cellIndex = new HashMap<>();
        for (Cell c : e.cells()) {
            cellIndex.put(c.label(), c.index());
        }
        Map<Integer, Integer> markIndex = new HashMap<>();
        for (int i = 0; i < marks.length; i++) {
            markIndex.put(marks[i], i);
        }
        Interval[][][] curves = new Interval[cells][metrics][marks.length];
        Path curvesFile = dir.resolve("curves.csv");
        forEachRow(curvesFile, Tables.curveColumns(e), (line, row) -> {
            int c = lookup(cellIndex, row.get("variant"), curvesFile, line, "variant");
            int k = metricIndex(e, row.get("metric"), curvesFile, line);
            Integer i = markIndex.get((int) parse(row.get("t"), curvesFile, line, "t"));
            if (i == null) {
                throw new BadResultsException(curvesFile, line, "t = " + row.get("t")
                        + " is not a checkpoint of config.yaml");
            }
            curves[c][k][i] = new Interval(parse(row.get("mean"), curvesFile, line, "mean"),
                    parse(row.get("stderr"), curvesFile, line, "stderr"),
                    parse(row.get("ci95_low"), curvesFile, line, "ci95_low"),
                    parse(row.get("ci95_high"), curvesFile, line, "ci95_high"),
                    (long) parse(row.get("n"), curvesFile, line, "n"));
        });

        List<String> runColumns = Tables.runColumns(e);
        double[][][] runs = new double[cells][e.runs()][metrics + 1];
        for (double[][] cell : runs) {
            for (double[] row : cell) {
                Arrays.fill(row, Double.NaN);
            }
        }
        int[] rowsSeen = new int[cells];
        Path runsFile = dir.resolve("runs.csv");
        forEachRow(runsFile, runColumns, (line, row) -> {
            int c = lookup(cellIndex, row.get("variant"), runsFile, line, "variant");
            double run = parse(row.get("run"), runsFile, line, "run");
            if (!(run >= 1 && run <= e.runs()) || run != Math.rint(run)) {
                throw new BadResultsException(runsFile, line, "run " + row.get("run") + " is not between 1 and "
                        + e.runs());
            }
            for (int k = 0; k <= metrics; k++) {
                String column = runColumns.get(2 + k);
                runs[c][(int) run - 1][k] = parse(row.get(column), runsFile, line, column);
            }
            rowsSeen[c]++;
        });
        for (int c = 0; c < cells; c++) {
            if (rowsSeen[c] != e.runs()) {
                throw new BadResultsException(runsFile, 0, "variant " + e.cells().get(c).label() + " has " + rowsSeen[c]
                        + " rows, config.yaml says runs: " + e.runs());
            }
        }

        MemoryRunStore store = new MemoryRunStore(cells, metrics + 1);
        for (int c = 0; c < cells; c++) {
            RunRows block = new RunRows(metrics + 1, e.runs());
            for (double[] row : runs[c]) {
                block.beginRun();
                for (int k = 0; k <= metrics; k++) {
                    block.set(k, row[k]);
                }
            }
            store.append(c, block);
        }
        long[][] tallies = new long[cells][0];
        if (e.episodic()) {
            Path statesFile = dir.resolve("states.csv");
            int actions = Tables.stateActions(e);
            List<String> stateColumns = Tables.stateColumns(e);
            int states = Tables.stateCount(e);
            for (int c = 0; c < cells; c++) {
                tallies[c] = new long[states * (1 + actions)];
            }
            forEachRow(statesFile, stateColumns, (line, row) -> {
                int c = lookup(cellIndex, row.get("variant"), statesFile, line, "variant");
                // The same layout as the simulation's counters: this cell's own state count first.
                int n = ((TabularCell) e.cells().get(c)).environment().mdp().states();
                double s = parse(row.get("state"), statesFile, line, "state");
                if (!(s >= 0 && s < n) || s != Math.rint(s)) {
                    throw new BadResultsException(statesFile, line, "state " + row.get("state")
                            + " is not between 0 and "
                            + (n - 1));
                }
                int state = (int) s;
                tallies[c][state] = (long) parse(row.get("visits"), statesFile, line, "visits");
                for (int a = 0; a < actions; a++) {
                    String column = stateColumns.get(3 + a);
                    tallies[c][n + state * actions + a] = (long) parse(row.get(column), statesFile, line, column);
                }
            });
        }
        return new ResultData(e, curves, store, tallies, facts);
    }

    /** A results file that is missing, malformed or does not belong to the folder's config.yaml. */
    public static final class BadResultsException extends RuntimeException {
        /**
         * A problem with a results file.
         *
         * @param file the file
         * @param line its 1-based line, or 0 for the file as a whole
         * @param message what is wrong, after {@code file:line: }
         */
        public BadResultsException(Path file, long line, String message) {
            super(file + (line > 0 ? ":" + line : "") + ": " + message);
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(long line, Map<String, String> row);
    }

    private static void forEachRow(Path file, List<String> expected, RowHandler handler) {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            CsvSchema header = (CsvSchema) rows.getParserSchema();
            List<String> found = new ArrayList<>();
            header.forEach(col -> found.add(col.getName()));
            if (!found.equals(expected)) {
                throw new BadResultsException(file, 1, "columns are " + found + ", expected " + expected
                        + " for this config.yaml");
            }
            long line = 1; // the header; Kelvin's rows hold no line breaks, so row k is on line k + 1
            while (rows.hasNextValue()) {
                handler.row(++line, rows.nextValue());
            }
        } catch (NoSuchFileException ex) {
            throw new BadResultsException(file, 0, "is missing (kelvin run writes it into every results folder)");
        } catch (JsonProcessingException | RuntimeException ex) {
            if (ex instanceof BadResultsException) {
                throw (BadResultsException) ex;
            }
            throw new BadResultsException(file, 0, "not a Kelvin results table: " + ex.getMessage());
        } catch (IOException ex) {
            throw new BadResultsException(file, 0, "cannot be read: " + ex.getMessage());
        }
    }

    private static int lookup(Map<String, Integer> index, String label, Path file, long line, String column) {
        Integer i = index.get(label);
        if (i == null) {
            throw new BadResultsException(file, line, column + " '" + label + "' is not a variant of config.yaml");
        }
        return i;
    }

    private static int metricIndex(Experiment e, String key, Path file, long line) {
        int k = e.metricIndex(key);
        if (k >= 0) {
            return k;
        }
        throw new BadResultsException(file, line, "metric '" + key + "' is not recorded by config.yaml");
    }

    /**
     * A number field of a results table.
     *
     * @param text the field, null or empty for an undefined value
     * @param file the table, for the error
     * @param line the field's line, for the error
     * @param column the field's column, for the error
     * @return the number, NaN for an empty field
     * @throws BadResultsException when the field is not a number
     */
    public static double parse(String text, Path file, long line, String column) {
        if (text == null || text.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException ex) {
            throw new BadResultsException(file, line, column + " '" + text + "' is not a number");
        }
    }
}
