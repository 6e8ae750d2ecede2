package kelvin.experiments.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.Metric;
import kelvin.experiments.run.Moments;
import kelvin.experiments.run.Runner;

/**
 * Every number the charts, tables and report are drawn from: per variant, the interval of each
 * metric at each checkpoint, each run's final values and area under the regret curve, and the state
 * tallies of tabular environments. It is built either from a finished run's {@link Moments} or read
 * back from a results folder's CSV files ({@code kelvin plot}); the CSV files hold the same doubles
 * in round-trip form, so both give the same charts.
 */
public final class ResultData {
    /** The runs.csv column after the metrics: the area under the run's regret curve. */
    public static final String AREA_COLUMN = "regret-area";

    private final Experiment experiment;
    private final Interval[][][] curves;
    private final double[][][] runs;
    private final long[][] tallies;
    private final Map<String, String> facts;

    private ResultData(Experiment experiment, Interval[][][] curves, double[][][] runs, long[][] tallies,
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
     * @param facts what the report header shows (seed, runs, wall time, machine, ...)
     */
    public static ResultData of(Experiment e, Runner.Result result, Map<String, String> facts) {
        int cells = e.cells().size();
        int metrics = e.metrics().size();
        int marks = e.checkpoints().length;
        Interval[][][] curves = new Interval[cells][metrics][marks];
        double[][][] runs = new double[cells][metrics + 1][];
        long[][] tallies = new long[cells][];
        for (int c = 0; c < cells; c++) {
            Moments m = result.cells().get(c);
            for (int k = 0; k < metrics; k++) {
                for (int i = 0; i < marks; i++) {
                    curves[c][k][i] = Tables.interval(e, m, e.metrics().get(k), i);
                }
            }
            for (int col = 0; col < m.columns(); col++) {
                double[] values = new double[m.runs()];
                for (int r = 0; r < values.length; r++) {
                    values[r] = m.runValue(r, col);
                }
                runs[c][col] = values;
            }
            tallies[c] = new long[m.tallies()];
            for (int i = 0; i < tallies[c].length; i++) {
                tallies[c][i] = m.tally(i);
            }
        }
        return new ResultData(e, curves, runs, tallies, facts);
    }

    public Experiment experiment() {
        return experiment;
    }

    /** The report header's facts. */
    public Map<String, String> facts() {
        return facts;
    }

    /** Statistics of {@code metric} for cell {@code cell} at checkpoint position {@code checkpoint}; null if none. */
    public Interval interval(int cell, Metric metric, int checkpoint) {
        int k = experiment.metrics().indexOf(metric);
        return k < 0 ? null : curves[cell][k][checkpoint];
    }

    /** Statistics at the horizon; null if none. */
    public Interval last(int cell, Metric metric) {
        return interval(cell, metric, experiment.checkpoints().length - 1);
    }

    /** Each run's final value of {@code metric} in run order (NaN where a run has none); null if not recorded. */
    public double[] finals(int cell, Metric metric) {
        int k = experiment.metrics().indexOf(metric);
        return k < 0 ? null : runs[cell][k];
    }

    /** Each run's area under its regret curve, in run order; null if regret is not recorded. */
    public double[] regretArea(int cell) {
        return experiment.metrics().contains(Metric.REGRET) ? runs[cell][experiment.metrics().size()] : null;
    }

    /** Number of runs with a row. */
    public int runs(int cell) {
        return runs[cell][0] == null ? 0 : runs[cell][0].length;
    }

    /** Counter {@code i} of cell {@code cell} (visits, then greedy-action counts; see TabularSimulation). */
    public long tally(int cell, int i) {
        return i < tallies[cell].length ? tallies[cell][i] : 0;
    }

    /** Number of counters kept for {@code cell}. */
    public int tallies(int cell) {
        return tallies[cell].length;
    }

    /**
     * Reads a results folder's curves.csv, runs.csv and (tabular environments) states.csv for
     * {@code e}, the experiment its config.yaml describes.
     *
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
                throw new BadResultsException(curvesFile, line, "t = " + row.get("t") + " is not a checkpoint of config.yaml");
            }
            curves[c][k][i] = new Interval(parse(row.get("mean"), curvesFile, line, "mean"),
                    parse(row.get("stderr"), curvesFile, line, "stderr"),
                    parse(row.get("ci95_low"), curvesFile, line, "ci95_low"),
                    parse(row.get("ci95_high"), curvesFile, line, "ci95_high"),
                    (long) parse(row.get("n"), curvesFile, line, "n"));
        });

        List<String> runColumns = Tables.runColumns(e);
        double[][][] runs = new double[cells][metrics + 1][e.runs()];
        for (double[][] cell : runs) {
            for (double[] column : cell) {
                Arrays.fill(column, Double.NaN);
            }
        }
        int[] rowsSeen = new int[cells];
        Path runsFile = dir.resolve("runs.csv");
        forEachRow(runsFile, runColumns, (line, row) -> {
            int c = lookup(cellIndex, row.get("variant"), runsFile, line, "variant");
            double run = parse(row.get("run"), runsFile, line, "run");
            if (!(run >= 1 && run <= e.runs()) || run != Math.rint(run)) {
                throw new BadResultsException(runsFile, line, "run " + row.get("run") + " is not between 1 and " + e.runs());
            }
            for (int k = 0; k <= metrics; k++) {
                String column = runColumns.get(2 + k);
                runs[c][k][(int) run - 1] = parse(row.get(column), runsFile, line, column);
            }
            rowsSeen[c]++;
        });
        for (int c = 0; c < cells; c++) {
            if (rowsSeen[c] != e.runs()) {
                throw new BadResultsException(runsFile, 0, "variant " + e.cells().get(c).label() + " has " + rowsSeen[c]
                        + " rows, config.yaml says runs: " + e.runs());
            }
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
                int n = ((kelvin.experiments.model.Environment.Tabular) e.cells().get(c).environment()).env().states();
                double s = parse(row.get("state"), statesFile, line, "state");
                if (!(s >= 0 && s < n) || s != Math.rint(s)) {
                    throw new BadResultsException(statesFile, line, "state " + row.get("state") + " is not between 0 and "
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
        return new ResultData(e, curves, runs, tallies, facts);
    }

    /** A results file that is missing, malformed or does not belong to the folder's config.yaml. */
    public static final class BadResultsException extends RuntimeException {
        BadResultsException(Path file, long line, String message) {
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
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException ex) {
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
        for (int k = 0; k < e.metrics().size(); k++) {
            if (e.metrics().get(k).key().equals(key)) {
                return k;
            }
        }
        throw new BadResultsException(file, line, "metric '" + key + "' is not recorded by config.yaml");
    }

    private static double parse(String text, Path file, long line, String column) {
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
