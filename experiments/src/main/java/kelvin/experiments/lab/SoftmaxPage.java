package kelvin.experiments.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kelvin.agents.policy.Boltzmann;
import kelvin.agents.policy.PolicyRun;
import kelvin.agents.schedule.Fixed;
import kelvin.agents.softmax.Softmax;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The softmax explorer: the Boltzmann probabilities of given action values at one temperature,
 * with the top-k, top-p and floor options of the {@code boltzmann} policy, their logarithms, the
 * entropy and the entropy over a grid of temperatures.
 *
 * <p>The numbers are the policy's own: a {@link Boltzmann} run at a {@link Fixed} temperature gives
 * the distribution and entropy, so without options they are {@link Softmax}'s, exactly as
 * {@code kelvin softmax} prints them, and with options they are what the policy samples from.
 */
public final class SoftmaxPage implements LabPage {
    /** The most action values the page takes. */
    static final int MAX_ACTIONS = 1000;
    /** The entropy curve's grid: log10 T from -3 to 3 in steps of 0.1. */
    private static final int GRID = 61;
    /** The seed of the testbed-like preset, so the same K always gives the same values. */
    private static final long PRESET_SEED = 2026;

    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public void routes(LabRoutes routes) {
        routes.post("/compute", r -> compute(r.json()));
        routes.get("/preset", r -> preset(r.query("k")));
    }

    /**
     * The distribution of the request {@code {logits, temperature | beta, top-k, top-p, floor}}.
     *
     * @param body the request
     * @return K, T, beta, the probabilities and log-probabilities, the entropy and its maximum, and
     *     the entropy at the grid temperatures
     * @throws LabException 400 naming the field when an input is not allowed
     */
    static Map<String, Object> compute(JsonNode body) {
        double[] q = logits(body.path("logits"));
        int k = q.length;
        double t;
        if (body.hasNonNull("beta") && !body.path("beta").asText().isBlank()) {
            t = Softmax.temperatureOfBeta(nonNegative("beta", body.get("beta")));
        } else {
            t = nonNegative("temperature", body.path("temperature"));
        }
        Boltzmann policy = options(body, k);
        PolicyRun run = start(policy, t, k);
        double[] p = new double[k];
        double[] logp = new double[k];
        run.distribution(q, 0, p);
        if (policy.reshapes(k)) {
            for (int i = 0; i < k; i++) {
                logp[i] = Math.log(p[i]);
            }
        } else {
            Softmax.logProbabilities(q, k, t, logp);
        }
        double[] gridT = new double[GRID];
        double[] gridH = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            gridT[i] = -3 + i * 0.1;
            gridH[i] = start(policy, Math.pow(10, gridT[i]), k).entropy(q, 0);
        }
        int cut = 0;
        for (double v : p) {
            cut += v == 0 ? 1 : 0;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("k", k);
        out.put("temperature", t);
        out.put("beta", Softmax.betaOfTemperature(t));
        out.put("probabilities", p);
        out.put("log_probabilities", logp);
        out.put("entropy", run.entropy(q, 0));
        out.put("max_entropy", Math.log(k));
        out.put("zero", cut);
        out.put("curve", Map.of("log10_t", gridT, "entropy", gridH,
                "greedy", start(policy, 0, k).entropy(q, 0),
                "uniform", start(policy, Double.POSITIVE_INFINITY, k).entropy(q, 0)));
        return out;
    }

    /**
     * Action values like the 10-armed testbed's: K independent standard normal draws, rounded to
     * three decimals so they read well in the field, from a fixed seed.
     *
     * @param kText K, 1 to {@link #MAX_ACTIONS}
     * @return {@code {logits: "..."}}, comma-separated
     */
    static Map<String, Object> preset(String kText) {
        int k;
        try {
            k = Integer.parseInt(kText == null ? "10" : kText.trim());
        } catch (NumberFormatException e) {
            throw new LabException(400, "k: '" + kText + "' is not a whole number");
        }
        if (k < 1 || k > MAX_ACTIONS) {
            throw new LabException(400, "k: " + k + " is not from 1 to " + MAX_ACTIONS);
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(PRESET_SEED);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            values.add(String.format(Locale.ROOT, "%.3f", normal.sample()));
        }
        return Map.of("logits", String.join(", ", values));
    }

    private static PolicyRun start(Boltzmann options, double t, int k) {
        Boltzmann policy = Boltzmann.of(Fixed.of(t), options.topK(), options.topP(), options.floor());
        // the distribution and the entropy draw nothing; the generator only completes the run
        return policy.start(k, RandomSource.SPLIT_MIX_64.create(0L));
    }

    /** The policy's options, each checked by the policy's own factory, the floor also against 1/K. */
    private static Boltzmann options(JsonNode body, int k) {
        Boltzmann policy = Boltzmann.of(0.0);
        JsonNode topK = body.path("top-k");
        if (!blank(topK)) {
            double v = number("top-k", topK);
            if (v != Math.rint(v) || v < 1) {
                throw new LabException(400, "top-k: " + topK.asText() + " is not a whole number >= 1");
            }
            policy = policy.withTopK((int) Math.min(v, Boltzmann.NO_TOP_K));
        }
        JsonNode topP = body.path("top-p");
        if (!blank(topP)) {
            try {
                policy = policy.withTopP(number("top-p", topP));
            } catch (IllegalArgumentException e) {
                throw new LabException(400, "top-p: " + topP.asText() + " is not in (0, 1]");
            }
        }
        JsonNode floor = body.path("floor");
        if (!blank(floor)) {
            double v = number("floor", floor);
            if (!(v >= 0 && (v <= 1.0 / k || v * k <= 1))) {
                throw new LabException(400, "floor: " + floor.asText() + " is not in [0, 1/K] = [0, "
                        + (float) (1.0 / k) + "] for K = " + k + " actions");
            }
            policy = policy.withFloor(v);
        }
        return policy;
    }

    private static boolean blank(JsonNode v) {
        return v.isMissingNode() || v.isNull() || v.asText().isBlank();
    }

    private static double[] logits(JsonNode node) {
        String[] parts;
        if (node.isArray()) {
            parts = new String[node.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = node.get(i).asText();
            }
        } else {
            String text = node.asText("").strip();
            parts = text.isEmpty() ? new String[0] : text.split("[,\\s]+");
        }
        if (parts.length == 0) {
            throw new LabException(400, "logits: give at least one number, e.g. 2, 1, 0.1");
        }
        if (parts.length > MAX_ACTIONS) {
            throw new LabException(400, "logits: " + parts.length + " values; at most " + MAX_ACTIONS);
        }
        double[] q = new double[parts.length];
        for (int i = 0; i < q.length; i++) {
            double v = parse("logits", parts[i]);
            if (!Double.isFinite(v)) {
                throw new LabException(400, "logits: '" + parts[i] + "' is not allowed; give a finite number");
            }
            q[i] = v;
        }
        return q;
    }

    private static double nonNegative(String field, JsonNode node) {
        double v = number(field, node);
        if (!(v >= 0)) {
            throw new LabException(400, field + ": " + node.asText() + " is negative; give a number >= 0 or inf");
        }
        return v;
    }

    private static double number(String field, JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (blank(node)) {
            throw new LabException(400, field + ": give a number");
        }
        return parse(field, node.asText());
    }

    /** A number as {@code kelvin softmax} reads one: inf, +inf and infinity are infinity; NaN is refused. */
    private static double parse(String field, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("inf") || t.equals("+inf") || t.equals("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new LabException(400, field + ": '" + text.strip() + "' is not a number");
        }
        if (Double.isNaN(v)) {
            throw new LabException(400, field + ": '" + text.strip() + "' is not a number");
        }
        return v;
    }
}
