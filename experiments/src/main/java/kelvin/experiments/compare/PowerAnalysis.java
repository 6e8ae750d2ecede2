package kelvin.experiments.compare;

import java.nio.file.Path;
import java.util.function.Function;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.Location;
import kelvin.experiments.metric.Better;
import kelvin.experiments.metric.Metric;
import kelvin.experiments.results.ValueFormat;

/**
 * What {@code kelvin power} computes: from a pilot results folder, how many runs per variant a
 * two-sided t test needs to tell variants A and B apart at a difference D with a given power
 * ({@link SampleSize}). It reads the pilot as {@code kelvin compare} does: the per-run final values
 * of runs.csv ({@link FolderResults#finals}), paired by run when both variants met the same
 * environment draws ({@link Pairing}), so the spread is the sd of the per-run differences
 * B_r - A_r; otherwise both variants' sds (Welch). Every input that admits no answer (a level or
 * power out of range, D = 0, no spread, fewer than two runs, a value that is not finite, an unknown
 * folder, variant or metric) is a {@link ConfigException} naming the option or the folder.
 */
public final class PowerAnalysis {

    private PowerAnalysis() {
    }

    /**
     * What to plan.
     *
     * @param pilot the pilot folder as the command line names it
     * @param variantA variant A's label
     * @param variantB variant B's label
     * @param metric the metric, or null for the default ({@link #defaultMetric})
     * @param difference D in the metric's units, or null for the pilot's observed B - A
     * @param power the target power, in [0.5, 1)
     * @param alpha the two-sided level, in (0, 1)
     */
    public record Request(String pilot, String variantA, String variantB, String metric, Double difference,
                          double power, double alpha) {
    }

    /**
     * The plan and what it rests on.
     *
     * @param pilot the pilot folder
     * @param variantA variant A
     * @param variantB variant B
     * @param metric the metric planned for
     * @param metricDefault whether it was chosen by default
     * @param better the metric's good direction, or null when no loaded component declares it
     * @param pairing whether the pilot's runs are paired, and why
     * @param observed the pilot's B - A with its test (paired or Welch)
     * @param difference D, as given or observed (signed)
     * @param differenceGiven whether D came from {@code --difference}
     * @param power the target power
     * @param alpha the two-sided level
     * @param plan the sample-size formula with the pilot's spread
     * @param runsNeeded runs per variant for the target power at D
     */
    public record Result(FolderResults pilot, String variantA, String variantB, String metric, boolean metricDefault,
                         Better better, Pairing pairing, Difference observed, double difference,
                         boolean differenceGiven, double power, double alpha, SampleSize plan, long runsNeeded) {

        /**
         * The power of the pilot's own runs at D, from its standard error and degrees of freedom.
         *
         * @return the power
         */
        public double pilotPower() {
            return SampleSize.power(difference, observed.se(), observed.df(), alpha);
        }

        /**
         * Whether the pilot's runs are paired.
         *
         * @return true for a paired t test
         */
        public boolean paired() {
            return observed.test() == Test.PAIRED;
        }
    }

    /**
     * Reads the pilot and plans.
     *
     * @param request what to plan
     * @param metrics a metric by name, null when no loaded component declares it
     * @return the plan
     * @throws ConfigException (exit 2) for any input that admits no answer (see the class comment)
     */
    public static Result plan(Request request, Function<String, Metric> metrics) {
        double alpha = request.alpha();
        if (!(alpha > 0 && alpha < 1)) {
            throw new ConfigException(Location.of("--alpha"), "", number(alpha) + " is not a level; give the "
                    + "two-sided false-positive rate, a number between 0 and 1 such as 0.05");
        }
        double power = request.power();
        if (!(power >= 0.5 && power < 1)) {
            throw new ConfigException(Location.of("--power"), "", number(power) + " is not in [0.5, 1); give the "
                    + "chance of detecting the difference, such as 0.8 or 0.9");
        }
        Double given = request.difference();
        if (given != null && !Double.isFinite(given)) {
            throw new ConfigException(Location.of("--difference"), "", number(given) + " is not a finite number");
        }
        if (given != null && given == 0) {
            throw new ConfigException(Location.of("--difference"), "", "0: no number of runs tells apart variants "
                    + "that do not differ; give the smallest difference worth detecting, in the metric's units");
        }
        FolderResults pilot = FolderResults.read(Path.of(request.pilot()), request.pilot());
        String a = request.variantA();
        String b = request.variantB();
        Comparer.checkVariant(a, pilot, request.pilot());
        Comparer.checkVariant(b, pilot, request.pilot());
        if (a.equals(b)) {
            throw new ConfigException(Location.of(request.pilot()), "", "A and B are both '" + a + "'; name two "
                    + "different variants (its variants: " + String.join(", ", pilot.variants()) + ")");
        }
        boolean metricDefault = request.metric() == null;
        String metric = metricDefault ? defaultMetric(pilot, metrics) : request.metric().strip();
        Comparer.checkMetric(metric, pilot);
        double[] x = pilot.finals(a, metric);
        double[] y = pilot.finals(b, metric);
        checkFinite(pilot, a, metric, x);
        checkFinite(pilot, b, metric, y);
        Pairing pairing = Pairing.of(pilot, a, pilot, b);
        Difference d = pairing.common() ? Difference.paired(x, y)
                : Difference.welch(Test.WELCH, Sample.of(x), Sample.of(y));
        String where = metric + " of " + a + " and " + b;
        if (pilot.runs() < 2) {
            throw new ConfigException(Location.of(request.pilot()), "", "the pilot has " + pilot.runs() + " run per "
                    + "variant; an sd needs at least 2, so run a pilot with more (kelvin run CONFIG --runs 20)");
        }
        if (Math.min(d.a().n(), d.b().n()) < 2) {
            throw new ConfigException(Location.of(request.pilot()), "", where + ": " + (d.test() == Test.PAIRED
                    ? d.a().n() + " of the " + pilot.runs() + " paired runs have a value of both"
                    : "of the " + pilot.runs() + " runs, " + d.a().n() + " of A and " + d.b().n() + " of B have a "
                    + "value") + "; an sd needs at least 2 (a variant has no value of a metric it does not record, "
                    + "such as the temperature of epsilon-greedy)");
        }
        double difference = given != null ? given : d.value();
        if (!(d.spread() > 0)) {
            throw noSpread(request.pilot(), where, d);
        }
        if (difference == 0) {
            throw new ConfigException(Location.of("--difference"), "", "the pilot's B - A of " + where + " is "
                    + "exactly 0, so it names no difference to detect; give the smallest one worth detecting with "
                    + "--difference D, in the metric's units");
        }
        SampleSize plan = d.test() == Test.PAIRED ? SampleSize.paired(d.spread(), difference, alpha)
                : SampleSize.welch(d.a().sd(), d.b().sd(), difference, alpha);
        if (!(plan.normalApproximation(power) <= SampleSize.MAX_RUNS)) {
            throw new ConfigException(Location.of(given != null ? "--difference" : request.pilot()), "", "D = "
                    + number(difference) + " is so small against the spread per run s = " + number(plan.spread())
                    + " that more than 10^12 runs per variant would be needed; give a larger difference");
        }
        Metric m = metrics.apply(metric);
        return new Result(pilot, a, b, metric, metricDefault, m == null ? null : m.better(), pairing, d, difference,
                given != null, power, alpha, plan, plan.runsNeeded(power));
    }

    /**
     * The metric planned for when none is named: the one variants are ranked by (regret) when the
     * pilot records it, else the first recorded metric with a good direction, else the first recorded.
     *
     * @param pilot the pilot
     * @param metrics a metric by name, null when no loaded component declares it
     * @return its name
     */
    static String defaultMetric(FolderResults pilot, Function<String, Metric> metrics) {
        String directed = null;
        for (String name : pilot.metrics()) {
            Metric m = metrics.apply(name);
            if (m != null && m.ranksVariants()) {
                return name;
            }
            if (directed == null && m != null && m.better() != Better.NEITHER) {
                directed = name;
            }
        }
        return directed != null ? directed : pilot.metrics().get(0);
    }

    /** Refuses an infinite value: the sd, and with it the plan, would not be finite. */
    private static void checkFinite(FolderResults pilot, String variant, String metric, double[] values) {
        for (int r = 0; r < values.length; r++) {
            if (Double.isInfinite(values[r])) {
                throw new ConfigException(Location.of(pilot.dir().resolve("runs.csv").toString()), "", "run "
                        + (r + 1) + " of " + variant + " has " + metric + " = " + number(values[r]) + "; a sample "
                        + "size needs finite values");
            }
        }
    }

    /** No spread: every paired difference is the same, or each variant gives one value in every run. */
    private static ConfigException noSpread(String pilot, String where, Difference d) {
        String problem;
        if (d.test() == Test.PAIRED) {
            problem = d.value() == 0
                    ? "A and B are identical run by run (B_r - A_r = 0 in each of the " + d.a().n() + " paired runs); "
                    + "no number of runs tells them apart"
                    : "every paired difference B_r - A_r is " + number(d.value()) + " (no spread), so any n >= 2 "
                    + "tells them apart";
        } else {
            problem = d.value() == 0
                    ? "every run of A and of B gives " + number(d.a().mean()) + " (no spread); no number of runs "
                    + "tells them apart"
                    : "every run of A gives " + number(d.a().mean()) + " and every run of B " + number(d.b().mean())
                    + " (no spread), so any n >= 2 tells them apart";
        }
        return new ConfigException(Location.of(pilot), "", where + ": " + problem);
    }

    private static String number(double x) {
        return ValueFormat.PLAIN.value(x);
    }
}
