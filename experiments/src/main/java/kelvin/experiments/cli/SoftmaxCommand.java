package kelvin.experiments.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import kelvin.agents.softmax.Softmax;
import kelvin.experiments.results.Mappers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kelvin softmax}: Boltzmann probabilities of given logits at given temperatures. */
@Command(name = "softmax", mixinStandardHelpOptions = true,
        description = "Print softmax probabilities, log-probabilities and entropy (nats) of logits at temperatures.")
public final class SoftmaxCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--logits", required = true, split = ",", paramLabel = "Z",
            description = "Comma-separated action values, e.g. 2,1,0.1.")
    List<String> logits;

    @Option(names = "--temperatures", split = ",", paramLabel = "T",
            description = "Comma-separated temperatures >= 0; 0 = greedy, inf = uniform.")
    List<String> temperatures = new ArrayList<>();

    @Option(names = "--betas", split = ",", paramLabel = "BETA",
            description = "Comma-separated inverse temperatures (beta = 1/T), after the temperatures.")
    List<String> betas = new ArrayList<>();

    @Option(names = "--json", description = "One JSON object per temperature, one per line.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        CommandLine cl = spec.commandLine();
        double[] z = new double[logits.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = parse(cl, "--logits", logits.get(i), false);
        }
        List<Double> ts = new ArrayList<>();
        for (String t : temperatures) {
            ts.add(parse(cl, "--temperatures", t, true));
        }
        for (String b : betas) {
            ts.add(Softmax.temperatureOfBeta(parse(cl, "--betas", b, true)));
        }
        if (ts.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "give at least one of --temperatures or --betas");
        }
        PrintWriter out = cl.getOut();
        int k = z.length;
        double[] p = new double[k];
        double[] logp = new double[k];
        for (double t : ts) {
            Softmax.probabilities(z, k, t, p);
            Softmax.logProbabilities(z, k, t, logp);
            double h = Softmax.entropy(z, k, t);
            double beta = Softmax.betaOfTemperature(t);
            if (json) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("temperature", jsonNumber(t));
                row.put("beta", jsonNumber(beta));
                row.put("probabilities", p.clone());
                List<Object> lp = new ArrayList<>();
                for (double v : logp) {
                    lp.add(jsonNumber(v));
                }
                row.put("log_probabilities", lp);
                row.put("entropy", h);
                out.println(Mappers.JSON.writer().without(
                        SerializationFeature.INDENT_OUTPUT).writeValueAsString(row));
            } else {
                out.printf(Locale.ROOT, "T = %s (beta = %s)  entropy = %.6f nats%n", fmt(t), fmt(beta), h);
                for (int i = 0; i < k; i++) {
                    out.printf(Locale.ROOT, "  action %d  z = %-10s p = %.6f  log p = %s%n", i, fmt(z[i]), p[i],
                            fmt(logp[i]));
                }
            }
        }
        out.flush();
        return 0;
    }

    /** JSON has no infinity: write it as the string "inf" (or "-inf"). */
    private static Object jsonNumber(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return v;
    }

    private static String fmt(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static double parse(CommandLine cl, String option, String text, boolean nonNegative) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        double v;
        if (t.equals("inf") || t.equals("+inf") || t.equals("infinity")) {
            v = Double.POSITIVE_INFINITY;
        } else {
            try {
                v = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new CommandLine.ParameterException(cl, option + ": '" + text + "' is not a number");
            }
        }
        if (Double.isNaN(v) || (!nonNegative && Double.isInfinite(v))) {
            throw new CommandLine.ParameterException(cl, option + ": '" + text + "' is not allowed; "
                    + (nonNegative ? "give a number >= 0 or inf" : "give a finite number"));
        }
        if (nonNegative && v < 0) {
            throw new CommandLine.ParameterException(cl, option + ": " + text
                    + " is negative; give a number >= 0 or inf");
        }
        return v;
    }
}
