package kelvin.experiments.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.Location;
import kelvin.experiments.metric.Better;

/**
 * Decides what {@code kelvin compare} compares and runs the tests: which variants of A meet which of
 * B, which metrics, at which checkpoints, paired or not; then Holm's correction over a difference
 * report, or a TOST per comparison against the margin. Every mistake of the command line (an
 * unknown variant, metric or checkpoint) is a {@link ConfigException} naming the option.
 */
public final class Comparer {

    private Comparer() {
    }

    /**
     * What to compare.
     *
     * @param a side A ({@code DIR} or {@code DIR:VARIANT})
     * @param b side B
     * @param pairs {@code --pair a=b} texts; empty to pair by label
     * @param metrics {@code --metric} names; empty for every metric both record
     * @param at {@code --at} checkpoints besides the last
     * @param margin the equivalence margin, or null for a difference report
     */
    public record Request(FolderArgument a, FolderArgument b, List<String> pairs, List<String> metrics, List<Long> at,
                          Margin margin) {
    }

    /**
     * What was compared and found.
     *
     * @param a folder A
     * @param b folder B
     * @param margin the equivalence margin, or null for a difference report
     * @param comparisons every comparison, by variant pair, then metric, then checkpoint
     * @param skipped what was not compared because neither side has values (or, in a difference report,
     *     one side has none), one line each
     * @param unmatched in an equivalence test, what one side has values of and the other has not: each
     *     is a failure
     */
    public record Result(FolderResults a, FolderResults b, Margin margin, List<Comparison> comparisons,
                         List<String> skipped, List<Unmatched> unmatched) {

        /**
         * The comparisons that Holm's correction counts.
         *
         * @return those whose test is defined
         */
        public int tested() {
            return (int) comparisons.stream().filter(c -> c.difference().defined()).count();
        }

        /**
         * Whether every comparison is equivalent (the exit status of {@code --equivalent}).
         *
         * @return true when there is at least one comparison, each passed its TOST, and no metric has
         *     values on one side only
         */
        public boolean allEquivalent() {
            return !comparisons.isEmpty() && unmatched.isEmpty()
                    && comparisons.stream().allMatch(Comparison::equivalent);
        }
    }

    /**
     * A metric that one side of an equivalence test has values of and the other has not: a failure.
     *
     * @param variantA the variant of A
     * @param variantB the variant of B
     * @param metric the metric's name
     * @param t the checkpoint
     * @param missing {@code A} or {@code B}, the side without values
     */
    public record Unmatched(String variantA, String variantB, String metric, long t, String missing) {

        /**
         * The failure line.
         *
         * @return e.g. {@code not equivalent: temperature of ucb1 at t = 1000: A has values, B has none}
         */
        public String reason() {
            return "not equivalent: " + metric + " of " + (variantA.equals(variantB) ? variantA : variantA + " / "
                    + variantB) + " at t = " + t + ": " + (missing.equals("A") ? "B" : "A") + " has values, "
                    + missing + " has none";
        }
    }

    /**
     * Reads both folders and compares them.
     *
     * @param request what to compare
     * @param direction a metric's good direction by name, null when unknown
     * @return the comparisons
     * @throws ConfigException (exit 2) for a folder, variant, metric or checkpoint that cannot be compared
     */
    public static Result compare(Request request, Function<String, Better> direction) {
        FolderResults a = FolderResults.read(request.a().dir(), request.a().text());
        FolderResults b = FolderResults.read(request.b().dir(), request.b().text());
        List<String[]> pairs = pairs(request, a, b);
        List<String> metrics = metrics(request, a, b);
        List<Long> marks = checkpoints(request, a, b);
        boolean explicitMetrics = !request.metrics().isEmpty();
        List<Comparison> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        for (String[] pair : pairs) {
            Pairing pairing = Pairing.of(a, pair[0], b, pair[1]);
            for (String metric : metrics) {
                for (long t : marks) {
                    Difference d = difference(a, pair[0], b, pair[1], metric, t, pairing);
                    String where = metric + " of " + pair[0] + (pair[0].equals(pair[1]) ? "" : " / " + pair[1])
                            + " at t = " + t;
                    if (d == null || d.a().n() == 0 || d.b().n() == 0) {
                        boolean inA = hasValues(a, pair[0], metric, t, t == b.horizon());
                        boolean inB = hasValues(b, pair[1], metric, t, t == a.horizon());
                        boolean oneSided = inA != inB;
                        String side = !oneSided ? "either folder" : inA ? "B" : "A";
                        if (oneSided && request.margin() != null) {
                            unmatched.add(new Unmatched(pair[0], pair[1], metric, t, side));
                            continue;
                        }
                        if (explicitMetrics) {
                            throw new ConfigException(Location.of("--metric"), "", "no run has a value of " + where
                                    + " in " + side);
                        }
                        skipped.add(where + ": no run has a value in " + side);
                        continue;
                    }
                    Equivalence e = request.margin() == null ? null
                            : Equivalence.test(d, request.margin().inUnits(d.a()));
                    out.add(new Comparison(pair[0], pair[1], metric, t, direction.apply(metric),
                            pairing, d, Double.NaN, e));
                }
            }
        }
        if (out.isEmpty() && unmatched.isEmpty()) {
            throw new ConfigException(null, "", "nothing to compare: " + String.join("; ", skipped));
        }
        if (request.margin() == null) {
            double[] p = out.stream().mapToDouble(c -> c.difference().pValue()).toArray();
            double[] adjusted = Holm.adjust(p);
            for (int i = 0; i < out.size(); i++) {
                Comparison c = out.get(i);
                out.set(i, new Comparison(c.variantA(), c.variantB(), c.metric(), c.t(), c.better(), c.pairing(),
                        c.difference(), adjusted[i], null));
            }
        }
        return new Result(a, b, request.margin(), out, skipped, unmatched);
    }

    /**
     * B - A at t: from runs.csv at the last checkpoint (paired when the runs share the environment),
     * else from curves.csv.
     */
    private static Difference difference(FolderResults a, String va, FolderResults b, String vb, String metric,
                                         long t, Pairing pairing) {
        if (t == a.horizon() && t == b.horizon()) {
            double[] x = a.finals(va, metric);
            double[] y = b.finals(vb, metric);
            return pairing.common() ? Difference.paired(x, y)
                    : Difference.welch(Test.WELCH, Sample.of(x), Sample.of(y));
        }
        Sample x = a.curve(va, metric, t);
        Sample y = b.curve(vb, metric, t);
        if (x == null || y == null) {
            return x == null && y == null ? null : Difference.welch(Test.WELCH_CURVES,
                    x == null ? new Sample(Double.NaN, Double.NaN, 0) : x,
                    y == null ? new Sample(Double.NaN, Double.NaN, 0) : y);
        }
        return Difference.welch(Test.WELCH_CURVES, x, y);
    }

    /**
     * Whether any run of a variant has a value of the metric at t: in runs.csv when t is the last
     * checkpoint of both folders, else in curves.csv.
     */
    private static boolean hasValues(FolderResults f, String variant, String metric, long t, boolean lastOfOther) {
        if (t == f.horizon() && lastOfOther) {
            return Sample.of(f.finals(variant, metric)).n() > 0;
        }
        Sample s = f.curve(variant, metric, t);
        return s != null && s.n() > 0;
    }

    /** The variant pairs: --pair, a variant named on either side, or the labels both folders share. */
    private static List<String[]> pairs(Request request, FolderResults a, FolderResults b) {
        String va = request.a().variant();
        String vb = request.b().variant();
        checkVariant(va, a, request.a().text());
        checkVariant(vb, b, request.b().text());
        List<String[]> pairs = new ArrayList<>();
        if (!request.pairs().isEmpty()) {
            if (va != null || vb != null) {
                throw new ConfigException(Location.of("--pair"), "", "give either --pair or DIR:VARIANT, not both");
            }
            for (String text : request.pairs()) {
                pairs.add(pair(text, a, b, request));
            }
            return pairs;
        }
        if (va != null && vb != null) {
            pairs.add(new String[] {va, vb});
        } else if (va != null || vb != null) {
            FolderResults other = va != null ? b : a;
            String named = va != null ? va : vb;
            String match = other.variants().contains(named) ? named
                    : other.variants().size() == 1 ? other.variants().get(0) : null;
            if (match == null) {
                throw new ConfigException(Location.of(va != null ? request.b().text() : request.a().text()), "",
                        "has no variant " + named + " (variants: " + String.join(", ", other.variants())
                                + "); name one with DIR:VARIANT");
            }
            pairs.add(va != null ? new String[] {va, match} : new String[] {match, vb});
        } else {
            for (String v : a.variants()) {
                if (b.variants().contains(v)) {
                    pairs.add(new String[] {v, v});
                }
            }
            if (pairs.isEmpty() && a.variants().size() == 1 && b.variants().size() == 1) {
                pairs.add(new String[] {a.variants().get(0), b.variants().get(0)});
            }
            if (pairs.isEmpty()) {
                throw new ConfigException(Location.of("--pair"), "", "A and B have no variant label in common (A: "
                        + String.join(", ", a.variants()) + "; B: " + String.join(", ", b.variants())
                        + "); say which to compare with --pair A_VARIANT=B_VARIANT or DIR:VARIANT");
            }
        }
        return pairs;
    }

    /**
     * Splits {@code --pair A_VARIANT=B_VARIANT} at the '=' that leaves a variant of A on the left and
     * one of B on the right (labels of swept variants hold '=' themselves).
     */
    private static String[] pair(String text, FolderResults a, FolderResults b, Request request) {
        String firstLeft = null;
        for (int eq = text.indexOf('='); eq > 0 && eq < text.length() - 1; eq = text.indexOf('=', eq + 1)) {
            String x = text.substring(0, eq);
            String y = text.substring(eq + 1);
            if (a.variants().contains(x)) {
                checkVariant(y, b, request.b().text());
                return new String[] {x, y};
            }
            firstLeft = firstLeft == null ? x : firstLeft;
        }
        if (firstLeft == null) {
            throw new ConfigException(Location.of("--pair"), "", "'" + text + "' is not A_VARIANT=B_VARIANT");
        }
        throw noVariant(firstLeft, a, request.a().text());
    }

    /**
     * Refuses a variant the folder does not have.
     *
     * @param variant a label, or null for none named
     * @param f the folder
     * @param argument how the command line named the folder
     * @throws ConfigException (exit 2) naming the folder and listing its variants
     */
    static void checkVariant(String variant, FolderResults f, String argument) {
        if (variant != null && !f.variants().contains(variant)) {
            throw noVariant(variant, f, argument);
        }
    }

    private static ConfigException noVariant(String variant, FolderResults f, String argument) {
        return new ConfigException(Location.of(argument), "", "has no variant '" + variant + "'; its variants: "
                + String.join(", ", f.variants()));
    }

    /** --metric, each recorded by both folders; or every metric both record, in A's order. */
    private static List<String> metrics(Request request, FolderResults a, FolderResults b) {
        if (request.metrics().isEmpty()) {
            List<String> common = a.metrics().stream().filter(b.metrics()::contains).toList();
            if (common.isEmpty()) {
                throw new ConfigException(Location.of("--metric"), "", "A and B record no metric in common (A: "
                        + String.join(", ", a.metrics()) + "; B: " + String.join(", ", b.metrics()) + ")");
            }
            return common;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String m : request.metrics()) {
            String name = m.strip();
            checkMetric(name, a);
            checkMetric(name, b);
            chosen.add(name);
        }
        return List.copyOf(chosen);
    }

    /**
     * Refuses a {@code --metric} the folder does not record.
     *
     * @param name the metric's name
     * @param f the folder
     * @throws ConfigException (exit 2) naming the folder and listing what it records
     */
    static void checkMetric(String name, FolderResults f) {
        if (!f.metrics().contains(name)) {
            throw new ConfigException(Location.of("--metric"), "", "'" + name + "' is not recorded in " + f.dir()
                    + "; recorded there: " + String.join(", ", f.metrics()));
        }
    }

    /** The last checkpoint (when both folders share it) and each --at, which must be a checkpoint of both. */
    private static List<Long> checkpoints(Request request, FolderResults a, FolderResults b) {
        TreeSet<Long> ta = allCheckpoints(a);
        TreeSet<Long> tb = allCheckpoints(b);
        TreeSet<Long> marks = new TreeSet<>();
        for (long t : request.at()) {
            for (FolderResults f : List.of(a, b)) {
                TreeSet<Long> own = f == a ? ta : tb;
                if (!own.contains(t)) {
                    Long below = own.floor(t);
                    Long above = own.ceiling(t);
                    throw new ConfigException(Location.of("--at"), "", t + " is not a checkpoint of " + f.dir()
                            + " (nearest: " + (below == null ? "" : below) + (below != null && above != null ? ", "
                            : "") + (above == null ? "" : above) + "; curves.csv lists them)");
                }
            }
            marks.add(t);
        }
        if (a.horizon() == b.horizon()) {
            marks.add(a.horizon());
        } else if (marks.isEmpty()) {
            TreeSet<Long> common = new TreeSet<>(ta);
            common.retainAll(tb);
            throw new ConfigException(Location.of("--at"), "", "the last checkpoints differ (A " + a.horizon() + " "
                    + a.horizonUnit() + ", B " + b.horizon() + " " + b.horizonUnit() + "); give checkpoints both "
                    + "record with --at" + (common.isEmpty() ? " (they share none)"
                    : " (the last they share: " + common.descendingSet().stream().limit(3).map(String::valueOf)
                            .reduce((x, y) -> y + ", " + x).orElse("") + ")"));
        }
        return List.copyOf(marks);
    }

    private static TreeSet<Long> allCheckpoints(FolderResults f) {
        TreeSet<Long> all = new TreeSet<>();
        for (String v : f.variants()) {
            for (String m : f.metrics()) {
                all.addAll(f.checkpoints(v, m));
            }
        }
        return all;
    }
}
