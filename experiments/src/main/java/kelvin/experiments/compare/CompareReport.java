package kelvin.experiments.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import kelvin.experiments.metric.Better;
import kelvin.experiments.results.Interval;
import kelvin.experiments.results.Mappers;
import kelvin.experiments.results.ValueFormat;

/**
 * Prints a {@link Comparer.Result}: a table with one row per comparison and the lines that explain
 * it (which test, which correction, why a comparison failed), or one JSON object per comparison.
 */
public final class CompareReport {

    private CompareReport() {
    }

    /**
     * The table and its explanations.
     *
     * @param r the comparisons
     * @param out where to print
     * @param formats how each metric's numbers are written, by metric name
     */
    public static void text(Comparer.Result r, PrintWriter out, Function<String, ValueFormat> formats) {
        out.printf("B - A (B minus A): A = %s (%s), B = %s (%s)%n", r.a().dir(), r.a().name(), r.b().dir(),
                r.b().name());
        Set<String> tests = new LinkedHashSet<>();
        for (Comparison c : r.comparisons()) {
            tests.add(testLine(c));
        }
        tests.forEach(out::println);
        List<String[]> rows = new ArrayList<>();
        boolean equivalence = r.margin() != null;
        List<String> header = new ArrayList<>(List.of("variant", "metric", "t", "test", "n", "A", "B",
                "B - A [95% interval]"));
        header.addAll(equivalence ? List.of("margin", "TOST p", "verdict") : List.of("Holm p", "verdict"));
        rows.add(header.toArray(String[]::new));
        for (Comparison c : r.comparisons()) {
            Difference d = c.difference();
            double[] ci = d.interval(0.95);
            ValueFormat f = formats.apply(c.metric());
            List<String> row = new ArrayList<>(List.of(variants(c), c.metric() + direction(c.better()),
                    Long.toString(c.t()), d.test().key(), count(d), f.value(d.a().mean()), f.value(d.b().mean()),
                    f.signed(new Interval(d.value(), d.se(), ci[0], ci[1], Math.min(d.a().n(), d.b().n())))));
            if (equivalence) {
                row.add("±" + f.value(c.equivalence().margin()));
            }
            row.add(p(c.verdictP()));
            row.add(c.verdict());
            rows.add(row.toArray(String[]::new));
        }
        printTable(rows, out);
        for (String s : r.skipped()) {
            out.println("not compared: " + s);
        }
        Set<String> unknown = new LinkedHashSet<>();
        r.comparisons().stream().filter(c -> c.better() == null).forEach(c -> unknown.add(c.metric()));
        if (!unknown.isEmpty()) {
            out.println("direction unknown: " + String.join(", ", unknown) + " (no loaded component declares it; "
                    + "--plugin PATH loads a plug-in metric), so its verdicts say higher or lower");
        }
        for (Comparison c : r.comparisons()) {
            Difference d = c.difference();
            if (d.test() == Test.PAIRED && d.defined() && d.se() == 0 && d.value() == 0) {
                out.println("identical: " + c.metric() + " of " + variants(c) + " at t = " + c.t() + " has the same "
                        + "value in A and B in each of the " + d.a().n() + " paired runs (B - A = 0 with no spread"
                        + (equivalence ? ": equivalent within any margin)" : ")"));
            }
        }
        int m = r.tested();
        if (!equivalence) {
            out.printf("Holm's correction over %d comparison%s (variant pairs x metrics x checkpoints): Holm p is "
                    + "the adjusted p value of B - A = 0, verdicts at 5%%; the 95%% intervals are not adjusted.%n",
                    m, m == 1 ? "" : "s");
            out.flush();
            return;
        }
        out.printf("Equivalence: two one-sided t tests (TOST) at 5%% with margin %s%s: equivalent when the 90%% "
                + "interval of B - A lies inside ±margin; every comparison must be, so no correction for multiple "
                + "comparisons applies.%n", r.margin(), r.margin().standardErrors()
                ? " (standard errors of a difference with A's spread at that checkpoint: sqrt(2) sd_A / sqrt(n_A))"
                : " (in each metric's units)");
        for (Comparison c : r.comparisons()) {
            String reason = reason(c, formats.apply(c.metric()));
            if (reason != null) {
                out.println(reason);
            }
        }
        for (Comparer.Unmatched u : r.unmatched()) {
            out.println(u.reason());
        }
        long passed = r.comparisons().stream().filter(Comparison::equivalent).count();
        int all = r.comparisons().size() + r.unmatched().size();
        out.println(r.allEquivalent() ? "equivalent: all " + all + " comparison" + (all == 1 ? "" : "s")
                : "not equivalent: " + (all - passed) + " of " + all + " comparison" + (all == 1 ? "" : "s")
                + " failed");
        out.flush();
    }

    /**
     * One JSON object per comparison, one per line; keys as the README lists them, NaN as null.
     *
     * @param r the comparisons
     * @param out where to print
     * @param formats how each metric's numbers are written, by metric name
     * @throws JsonProcessingException never for these plain values
     */
    public static void json(Comparer.Result r, PrintWriter out, Function<String, ValueFormat> formats)
            throws JsonProcessingException {
        for (Comparison c : r.comparisons()) {
            Difference d = c.difference();
            double[] ci = d.interval(0.95);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("variant_a", c.variantA());
            o.put("variant_b", c.variantB());
            o.put("metric", c.metric());
            o.put("t", c.t());
            o.put("better", c.better() == null ? null : c.better().name().toLowerCase(Locale.ROOT));
            o.put("test", d.test().key());
            o.put("paired_reason", c.pairing().reason());
            o.put("n_a", d.a().n());
            o.put("n_b", d.b().n());
            o.put("mean_a", value(d.a().mean()));
            o.put("mean_b", value(d.b().mean()));
            o.put("difference", value(d.value()));
            o.put("stderr", value(d.se()));
            o.put("df", value(d.df()));
            o.put("ci95_low", value(ci[0]));
            o.put("ci95_high", value(ci[1]));
            o.put("p", value(d.pValue()));
            if (c.equivalence() == null) {
                o.put("p_holm", value(c.adjustedP()));
            } else {
                Equivalence e = c.equivalence();
                double[] ci90 = e.interval();
                o.put("margin", value(e.margin()));
                o.put("margin_given", r.margin().toString());
                o.put("ci90_low", value(ci90[0]));
                o.put("ci90_high", value(ci90[1]));
                o.put("p_tost", value(e.pValue()));
                long runs = e.runsNeeded();
                o.put("runs_needed", runs < 0 ? null : runs);
            }
            o.put("verdict", c.verdict());
            if (c.equivalence() != null) {
                o.put("reason", reason(c, formats.apply(c.metric())));
            }
            out.println(jsonLine(o));
        }
        for (Comparer.Unmatched u : r.unmatched()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("variant_a", u.variantA());
            o.put("variant_b", u.variantB());
            o.put("metric", u.metric());
            o.put("t", u.t());
            o.put("verdict", "not equivalent");
            o.put("reason", u.reason());
            out.println(jsonLine(o));
        }
        out.flush();
    }

    /**
     * Why a comparison failed its equivalence test, in one line.
     *
     * @param c a comparison of an equivalence test
     * @param f how its metric's numbers are written
     * @return the line, or null when it passed
     */
    static String reason(Comparison c, ValueFormat f) {
        Equivalence e = c.equivalence();
        if (e == null || e.outcome() == Equivalence.Outcome.EQUIVALENT) {
            return null;
        }
        Difference d = c.difference();
        double[] ci90 = e.interval();
        String what = c.metric() + " of " + variants(c) + " at t = " + c.t() + ": B - A = " + f.signedValue(d.value());
        String interval = "[" + f.value(ci90[0]) + ", " + f.value(ci90[1]) + "]";
        return switch (e.outcome()) {
            case NOT_EQUIVALENT -> "not equivalent: " + what + ", beyond the margin ±" + f.value(e.margin()) + " by "
                    + f.value(e.excess()) + worse(c) + "; its 90% interval " + interval + " lies beyond the margin";
            case INCONCLUSIVE -> "inconclusive: " + what + (e.excess() < 0 ? " is inside" : " is beyond")
                    + " the margin ±" + f.value(e.margin()) + " but its 90% interval " + interval + " reaches across "
                    + "it; " + runsNeeded(e, f);
            default -> "undefined: " + what + ": " + (Double.isNaN(e.margin()) || e.margin() <= 0
                    ? "the margin is " + f.value(e.margin()) + " (A's standard error is "
                    + f.value(d.a().standardError()) + ") and B - A is not exactly 0; give the margin in the "
                    + "metric's units"
                    : "fewer than two runs with a value on a side");
        };
    }

    private static String runsNeeded(Equivalence e, ValueFormat f) {
        long n = e.runsNeeded();
        Difference d = e.difference();
        String s = d.test() == Test.PAIRED ? "the sd of the per-run differences B_r - A_r"
                : "sqrt(sd_A^2 + sd_B^2)";
        return (n < 0 ? "the number of runs that would decide it cannot be estimated"
                : "about " + n + " runs" + (d.test() == Test.PAIRED ? "" : " in each folder") + " would decide it")
                + " (n = ((z_0.95 + z_0.80) s / |margin - |B - A||)^2 with s = " + s + " = " + f.value(d.spread())
                + " and the margin held at " + f.value(e.margin()) + ")";
    }

    private static String worse(Comparison c) {
        Better b = c.better();
        if (b == null || b == Better.NEITHER) {
            return "";
        }
        boolean higher = c.difference().value() > 0;
        boolean better = (b == Better.HIGHER) == higher;
        return " (" + b.name().toLowerCase(Locale.ROOT) + " is better: B is " + (better ? "better" : "worse") + ")";
    }

    private static String testLine(Comparison c) {
        return "t = " + c.t() + ": " + test(c.difference().test(), c.pairing());
    }

    /**
     * A test in words with why it was chosen.
     *
     * @param test the test
     * @param pairing whether the runs could be paired, and why
     * @return e.g. {@code paired t test on the per-run values of runs.csv (same seed (7), ...)}
     */
    static String test(Test test, Pairing pairing) {
        if (test == Test.PAIRED) {
            return test.description() + " (" + pairing.reason() + ")";
        }
        if (test == Test.WELCH) {
            return test.description() + " (not paired: " + pairing.reason() + ")";
        }
        return test.description();
    }

    private static String variants(Comparison c) {
        return c.variantA().equals(c.variantB()) ? c.variantA() : c.variantA() + " / " + c.variantB();
    }

    /**
     * A metric's direction as the table heads it.
     *
     * @param b the direction, or null when unknown
     * @return {@code " (lower better)"}, {@code " (higher better)"} or empty
     */
    static String direction(Better b) {
        return b == Better.LOWER ? " (lower better)" : b == Better.HIGHER ? " (higher better)" : "";
    }

    private static String count(Difference d) {
        return d.test() == Test.PAIRED ? Long.toString(d.a().n()) : d.a().n() + "/" + d.b().n();
    }

    /**
     * A number for JSON.
     *
     * @param x the number
     * @return x, or null when it is not finite
     */
    static Object value(double x) {
        return Double.isFinite(x) ? (Object) x : null;
    }

    /**
     * An object as one line of JSON.
     *
     * @param o the keys and values, in order
     * @return the line, without a line break
     * @throws JsonProcessingException never for plain values
     */
    static String jsonLine(Map<String, Object> o) throws JsonProcessingException {
        return Mappers.JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o);
    }

    private static String p(double p) {
        if (Double.isNaN(p)) {
            return "-";
        }
        return p < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.3g", p);
    }

    private static void printTable(List<String[]> rows, PrintWriter out) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? "" : "  ").append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(width[i] - row[i].length()));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
