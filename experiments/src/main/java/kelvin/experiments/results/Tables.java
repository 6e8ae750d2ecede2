package kelvin.experiments.results;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.Metric;
import kelvin.experiments.run.Moments;

/**
 * The tidy result tables of DESIGN.md: {@code curves.csv} (one row per variant, metric and
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

    private static final CsvMapper CSV = new CsvMapper();

    private Tables() {
    }

    /** Statistics of one metric of one cell at one checkpoint; null when no run had a value. */
    public static Interval interval(Experiment e, Moments m, Metric metric, int checkpoint) {
        int slot = e.metrics().indexOf(metric) * e.checkpoints().length + checkpoint;
        long n = m.count(slot);
        return n == 0 ? null : Interval.of(n, m.mean(slot), m.variance(slot));
    }

    public static String curves(Experiment e, List<Moments> cells) {
        int[] marks = e.checkpoints();
        List<String[]> rows = new ArrayList<>();
        for (Cell cell : e.cells()) {
            Moments m = cells.get(cell.index());
            for (Metric metric : e.metrics()) {
                for (int c = 0; c < marks.length; c++) {
                    Interval iv = interval(e, m, metric, c);
                    if (iv != null) {
                        rows.add(row(e, cell, metric, Integer.toString(marks[c]), iv));
                    }
                }
            }
        }
        return write(columns(CURVE_COLUMNS, e), rows);
    }

    public static String summary(Experiment e, List<Moments> cells) {
        int last = e.checkpoints().length - 1;
        List<String[]> rows = new ArrayList<>();
        for (Cell cell : e.cells()) {
            for (Metric metric : e.metrics()) {
                Interval iv = interval(e, cells.get(cell.index()), metric, last);
                if (iv != null) {
                    rows.add(row(e, cell, metric, null, iv));
                }
            }
        }
        return write(columns(SUMMARY_COLUMNS, e), rows);
    }

    private static List<String> columns(List<String> base, Experiment e) {
        List<String> cols = new ArrayList<>(base);
        cols.addAll(e.sweepKeys());
        return cols;
    }

    private static String[] row(Experiment e, Cell cell, Metric metric, String t, Interval iv) {
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

    /** Shortest round-trip decimal; empty for NaN. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == 0) {
            return "0.0"; // no "-0.0" in tables
        }
        return Double.toString(v);
    }

    private static String write(List<String> columns, List<String[]> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        for (String c : columns) {
            schema.addColumn(c);
        }
        StringWriter out = new StringWriter();
        try (SequenceWriter w = CSV.writerFor(String[].class).with(schema.build().withLineSeparator("\n")).writeValues(out)) {
            for (String[] row : rows) {
                w.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
