package kelvin.experiments.results;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import kelvin.experiments.metric.Recorded;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.TabularCell;
import kelvin.experiments.run.Moments;

/**
 * The tidy result tables the README describes: {@code curves.csv} (one row per variant, metric and
 * checkpoint) and {@code summary.csv} (the value at the horizon), each with the mean, its standard
 * error, the 95% confidence interval and the number of runs, plus one column per swept key.
 * Numbers are written in Java's shortest round-trip form so they read back exactly; undefined
 * values (a standard error from one run) are left empty.
 */
public final class Tables {
    static final List<String> CURVE_COLUMNS = List.of("variant", "metric", "t", "mean", "stderr", "ci95_low",
            "ci95_high", "n");
    static final List<String> SUMMARY_COLUMNS = List.of("variant", "metric", "mean", "stderr", "ci95_low",
            "ci95_high", "n");

    /**
     * The streaming CSV generator, not a CsvMapper: the bytes are the same (TablesTest checks it),
     * and {@code kelvin run} is spared building jackson-databind's serializers, about 50 ms.
     */
    private static final CsvFactory CSV = new CsvFactory();

    private Tables() {
    }

    /**
     * Statistics of one metric of one cell at one checkpoint.
     *
     * @param e the experiment, for its number of checkpoints
     * @param m the cell's aggregates
     * @param metric the metric's position
     * @param checkpoint the checkpoint's position
     * @return the interval, or null when no run had a value
     */
    public static Interval interval(Experiment e, Moments m, int metric, int checkpoint) {
        int slot = metric * e.checkpoints().length + checkpoint;
        long n = m.count(slot);
        return n == 0 ? null : Interval.of(n, m.mean(slot), m.variance(slot));
    }

    /**
     * The text of curves.csv: one row per variant, metric and checkpoint with mean, standard error,
     * 95% interval and count, then one column per swept key.
     *
     * @param data the results to tabulate, every checkpoint of every variant
     * @return the CSV text, header first; a row without values is left out
     */
    public static String curves(ResultData data) {
        Experiment e = data.experiment();
        int[] marks = e.checkpoints();
        List<String[]> rows = new ArrayList<>();
        for (Cell cell : e.cells()) {
            for (Recorded metric : e.metrics()) {
                for (int c = 0; c < marks.length; c++) {
                    Interval iv = data.interval(cell.index(), metric, c);
                    if (iv != null) {
                        rows.add(row(e, cell, metric, Integer.toString(marks[c]), iv));
                    }
                }
            }
        }
        return write(curveColumns(e), rows);
    }

    /**
     * The text of summary.csv: the statistics of curves.csv at the last checkpoint, without t.
     *
     * @param data the results to tabulate, the last checkpoint of every variant
     * @return the CSV text, header first; a row without values is left out
     */
    public static String summary(ResultData data) {
        Experiment e = data.experiment();
        List<String[]> rows = new ArrayList<>();
        for (Cell cell : e.cells()) {
            for (Recorded metric : e.metrics()) {
                Interval iv = data.last(cell.index(), metric);
                if (iv != null) {
                    rows.add(row(e, cell, metric, null, iv));
                }
            }
        }
        return write(columns(SUMMARY_COLUMNS, e), rows);
    }

    /** curves.csv's columns for {@code e}: the fixed ones, then one per swept key. */
    static List<String> curveColumns(Experiment e) {
        return columns(CURVE_COLUMNS, e);
    }

    /** runs.csv's columns: variant, run (1-based), each metric's final value, the area under the regret curve. */
    static List<String> runColumns(Experiment e) {
        List<String> cols = new ArrayList<>(List.of("variant", "run"));
        for (Recorded m : e.metrics()) {
            cols.add(m.key());
        }
        cols.add(ResultData.AREA_COLUMN);
        return cols;
    }

    /**
     * Writes runs.csv, one row per variant and run, streamed because it grows with the runs. Row r
     * of every variant shares run r's environment stream (common random numbers), which is what
     * makes per-run differences between variants paired.
     *
     * @param data the results whose run store holds every run's row
     * @param out where the CSV text goes
     * @throws IOException when the per-run values cannot be read back or written
     */
    public static void runs(ResultData data, Writer out) throws IOException {
        Experiment e = data.experiment();
        List<String> cols = runColumns(e);
        out.write(String.join(",", cols));
        out.write('\n');
        StringBuilder line = new StringBuilder();
        int metrics = e.metrics().size();
        boolean area = e.rankingMetric() >= 0;
        for (Cell cell : e.cells()) {
            String variant = csvField(cell.label());
            data.runStore().rows(cell.index(), (r, row) -> {
                line.setLength(0);
                line.append(variant).append(',').append(r + 1);
                for (int k = 0; k < metrics; k++) {
                    line.append(',').append(number(row[k]));
                }
                line.append(',').append(area ? number(row[metrics]) : "");
                out.append(line).append('\n');
            });
        }
    }

    /** Number of states of the experiment's largest tabular environment (states.csv rows per variant). */
    static int stateCount(Experiment e) {
        int most = 0;
        for (Cell c : e.cells()) {
            most = Math.max(most, ((TabularCell) c).environment().mdp().states());
        }
        return most;
    }

    /** Actions per state of the experiment's tabular environments. */
    static int stateActions(Experiment e) {
        return e.environment().actions();
    }

    /** states.csv's columns: variant, state, visits, then greedy_a for each action a. */
    static List<String> stateColumns(Experiment e) {
        List<String> cols = new ArrayList<>(List.of("variant", "state", "visits"));
        for (int a = 0; a < stateActions(e); a++) {
            cols.add("greedy_" + a);
        }
        return cols;
    }

    /**
     * states.csv for tabular environments: per variant and state, the visits summed over runs and,
     * per action, how many runs ended training with that action greedy in that state.
     *
     * @param data the results of a tabular experiment
     * @return the CSV text
     */
    public static String states(ResultData data) {
        Experiment e = data.experiment();
        int states = stateCount(e);
        int actions = stateActions(e);
        List<String[]> rows = new ArrayList<>();
        for (Cell cell : e.cells()) {
            int n = ((TabularCell) cell).environment().mdp().states();
            for (int s = 0; s < n; s++) {
                String[] row = new String[3 + actions];
                row[0] = cell.label();
                row[1] = Integer.toString(s);
                row[2] = Long.toString(data.tally(cell.index(), s));
                for (int a = 0; a < actions; a++) {
                    row[3 + a] = Long.toString(data.tally(cell.index(), n + s * actions + a));
                }
                rows.add(row);
            }
        }
        return write(stateColumns(e), rows);
    }

    /** A CSV field, quoted when it holds a comma, quote or line break (variant labels may). */
    private static String csvField(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static List<String> columns(List<String> base, Experiment e) {
        List<String> cols = new ArrayList<>(base);
        cols.addAll(e.sweepKeys());
        return cols;
    }

    private static String[] row(Experiment e, Cell cell, Recorded metric, String t, Interval iv) {
        List<String> r = new ArrayList<>();
        r.add(cell.label());
        r.add(metric.key());
        if (t != null) {
            r.add(t);
        }
        r.add(number(iv.mean()));
        r.add(number(iv.stderr()));
        r.add(number(iv.low()));
        r.add(number(iv.high()));
        r.add(Long.toString(iv.n()));
        for (String key : e.sweepKeys()) {
            r.add(cell.params().getOrDefault(key, ""));
        }
        return r.toArray(new String[0]);
    }

    /**
     * A number as the CSV files write it: text that reads back to the same double.
     *
     * @param v any double
     * @return {@link Double#toString(double)}'s text, "0.0" for either zero, empty for NaN
     */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == 0) {
            return "0.0"; // no "-0.0" in tables
        }
        return Double.toString(v);
    }

    /**
     * A CSV table as the result files write it: a header, then one line per row, {@code \n}
     * between lines, fields quoted only where they must be.
     *
     * @param columns the header
     * @param rows the fields of each row, one per column
     * @return the CSV text
     */
    public static String write(List<String> columns, List<String[]> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        for (String c : columns) {
            schema.addColumn(c);
        }
        StringWriter out = new StringWriter();
        try (CsvGenerator g = CSV.createGenerator(out)) {
            g.setSchema(schema.build().withLineSeparator("\n"));
            for (String[] row : rows) {
                g.writeStartArray();
                for (String field : row) {
                    g.writeString(field);
                }
                g.writeEndArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
