package kelvin.experiments.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import kelvin.experiments.results.Interval;
import kelvin.experiments.results.ValueFormat;

/**
 * Prints a {@link PowerAnalysis.Result}: the answer with the pilot's numbers it rests on, as lines
 * of text or as one JSON object.
 */
public final class PowerReport {

    private PowerReport() {
    }

    /**
     * The plan in words.
     *
     * @param r the plan
     * @param out where to print
     * @param f how the metric's numbers are written
     */
    public static void text(PowerAnalysis.Result r, PrintWriter out, ValueFormat f) {
        Difference d = r.observed();
        FolderResults pilot = r.pilot();
        out.printf("B - A (B minus A) of %s%s at t = %d in %s (%s): A = %s, B = %s%n", r.metric(),
                CompareReport.direction(r.better()), pilot.horizon(), pilot.dir(), pilot.name(), r.variantA(),
                r.variantB());
        if (r.metricDefault()) {
            out.println("metric: " + r.metric() + " by default (--metric chooses one of "
                    + String.join(", ", pilot.metrics()) + ")");
        }
        out.println("pilot: " + CompareReport.test(d.test(), r.pairing()));
        if (r.paired()) {
            out.println("pilot: " + d.a().n() + " paired runs" + missing(pilot, d.a().n()) + ", B - A = "
                    + observed(d, f) + ", s = sd of the per-run differences B_r - A_r = " + f.value(d.spread()));
        } else {
            out.println("pilot: " + d.a().n() + " runs of A" + missing(pilot, d.a().n()) + " (sd " + f.value(d.a().sd())
                    + ") and " + d.b().n() + " of B" + missing(pilot, d.b().n()) + " (sd " + f.value(d.b().sd())
                    + "), B - A = " + observed(d, f) + ", s = sqrt(sd_A^2 + sd_B^2) = " + f.value(d.spread()));
        }
        out.println("D = " + f.value(Math.abs(r.difference())) + (r.differenceGiven() ? " (--difference)"
                : ", the pilot's observed |B - A| (--difference sets the smallest difference worth detecting)"));
        long n = r.runsNeeded();
        out.printf("runs needed per variant: %d for %s power to detect D with a two-sided %s t test at alpha = %s%n",
                n, ValueFormat.PERCENT.value(r.power()), r.paired() ? "paired" : "Welch", plain(r.alpha()));
        out.printf("the pilot's %s have %s power at D; %d runs have %s%n", pilotRuns(r), percent(r.pilotPower()), n,
                percent(r.plan().power(n)));
        out.printf("n is the smallest n >= 2 with n >= ((t_{1-alpha/2,df} + t_{power,df}) s / D)^2, df = %s (normal "
                + "approximation %s); an estimate from the pilot's s, which more runs estimate better%n",
                r.paired() ? "n - 1" : "Welch's from sd_A, sd_B and n", plain(r.plan().normalApproximation(r.power())));
        out.flush();
    }

    /**
     * The plan as one JSON object on one line (keys in the README); undefined numbers are null.
     *
     * @param r the plan
     * @param out where to print
     * @throws JsonProcessingException never for these plain values
     */
    public static void json(PowerAnalysis.Result r, PrintWriter out) throws JsonProcessingException {
        Difference d = r.observed();
        long n = r.runsNeeded();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("pilot", r.pilot().dir().toString());
        o.put("variant_a", r.variantA());
        o.put("variant_b", r.variantB());
        o.put("metric", r.metric());
        o.put("t", r.pilot().horizon());
        o.put("better", r.better() == null ? null : r.better().name().toLowerCase(Locale.ROOT));
        o.put("test", d.test().key());
        o.put("paired_reason", r.pairing().reason());
        o.put("pilot_runs", r.pilot().runs());
        o.put("n_a", d.a().n());
        o.put("n_b", d.b().n());
        o.put("mean_a", CompareReport.value(d.a().mean()));
        o.put("mean_b", CompareReport.value(d.b().mean()));
        o.put("observed_difference", CompareReport.value(d.value()));
        o.put("sd_a", CompareReport.value(d.a().sd()));
        o.put("sd_b", CompareReport.value(d.b().sd()));
        o.put("s", CompareReport.value(d.spread()));
        o.put("difference", CompareReport.value(r.difference()));
        o.put("difference_from", r.differenceGiven() ? "given" : "observed");
        o.put("alpha", r.alpha());
        o.put("power", r.power());
        o.put("runs_needed", n);
        o.put("df", CompareReport.value(r.plan().degrees(n)));
        o.put("power_at_runs_needed", CompareReport.value(r.plan().power(n)));
        o.put("normal_approximation", CompareReport.value(r.plan().normalApproximation(r.power())));
        o.put("pilot_power", CompareReport.value(r.pilotPower()));
        out.println(CompareReport.jsonLine(o));
        out.flush();
    }

    /** B - A with its 95% interval, whose width sets the digits (so round-off prints as 0). */
    private static String observed(Difference d, ValueFormat f) {
        double[] ci = d.interval(0.95);
        return f.signed(new Interval(d.value(), d.se(), ci[0], ci[1], Math.min(d.a().n(), d.b().n())))
                + " (95% interval)";
    }

    /** The pilot's runs as the power line counts them. */
    private static String pilotRuns(PowerAnalysis.Result r) {
        Difference d = r.observed();
        if (r.paired()) {
            return d.a().n() + " paired runs";
        }
        return d.a().n() == d.b().n() ? d.a().n() + " runs per variant" : d.a().n() + " runs of A and " + d.b().n()
                + " of B";
    }

    /** Says how many runs had no value, when some had none. */
    private static String missing(FolderResults pilot, long n) {
        return n < pilot.runs() ? " (of " + pilot.runs() + "; the others have no value)" : "";
    }

    private static String percent(double p) {
        if (p > 0.999 && p < 1) {
            return ">99.9%";
        }
        return String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }

    private static String plain(double x) {
        return ValueFormat.PLAIN.value(x);
    }
}
