package kelvin.experiments.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import kelvin.agents.softmax.Softmax;

/**
 * The gridworld page's form: the map (a built-in name or a pasted env section), the agent type
 * and its keys, the temperature and the seed; written out as the config {@code kelvin run} would
 * take for the same agent.
 *
 * @param map a built-in map name, or null when {@code envText} is given
 * @param envText the pasted env section (YAML), or null
 * @param agent the agent type, also its name in the config
 * @param alpha the step size
 * @param gamma the agent's discount, or NaN for the environment's
 * @param initial the initial Q value
 * @param temperature the starting T, in [0, +infinity]
 * @param seed the master seed
 */
record GridForm(String map, String envText, String agent, double alpha, double gamma, double initial,
                double temperature, long seed) {
    /** Names that go into the YAML text as they are. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /**
     * Reads the form from a request body.
     *
     * @param body {map | env, agent, alpha, gamma?, initial, temperature, seed}
     * @return the form
     * @throws LabException 400 naming the field at fault
     */
    static GridForm read(JsonNode body) {
        String env = body.path("env").asText("");
        String map = body.path("map").asText("");
        if (env.isBlank()) {
            env = null;
            if (!NAME.matcher(map).matches()) {
                throw new LabException(400, "map: choose a map or paste an env section");
            }
        }
        String agent = body.path("agent").asText("");
        if (!NAME.matcher(agent).matches()) {
            throw new LabException(400, "agent: choose an agent type");
        }
        JsonNode seed = body.path("seed");
        if (!seed.canConvertToLong() || !seed.isIntegralNumber()) {
            throw new LabException(400, "seed: an integer, got " + (seed.isMissingNode() ? "nothing" : seed.asText()));
        }
        JsonNode gamma = body.path("gamma");
        boolean envGamma = gamma.isMissingNode() || gamma.isNull() || gamma.asText().isBlank();
        return new GridForm(env == null ? map : null, env, agent, number(body, "alpha"),
                envGamma ? Double.NaN : number(body, "gamma"),
                number(body, "initial"), temperature(body.path("temperature")), seed.asLong());
    }

    private static double number(JsonNode body, String field) {
        JsonNode n = body.path(field);
        if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw new LabException(400, field + ": a finite number, got " + (n.isMissingNode() ? "nothing"
                    : n.asText()));
        }
        return n.asDouble();
    }

    /**
     * A temperature from the page: a number in [0, +infinity) or "inf".
     *
     * @param node the JSON value
     * @return T
     * @throws LabException 400 when it is not a temperature
     */
    static double temperature(JsonNode node) {
        double t = "inf".equals(node.asText()) ? Double.POSITIVE_INFINITY : node.isNumber() ? node.asDouble()
                : Double.NaN;
        try {
            Softmax.checkTemperature(t);
        } catch (IllegalArgumentException e) {
            throw new LabException(400, "temperature: a number from 0 (greedy) to inf (uniform), got "
                    + (node.isMissingNode() ? "nothing" : node.asText()));
        }
        return t;
    }

    /**
     * The config text of this form.
     *
     * @param slider true for the session's own config (the temperature read from the slider and the
     *     env section left for the caller to put in); false for the config {@code kelvin run} takes,
     *     with the starting temperature fixed
     * @return YAML
     */
    String config(boolean slider) {
        StringBuilder sb = new StringBuilder();
        sb.append("name: lab-gridworld\n");
        sb.append("seed: ").append(seed).append('\n');
        sb.append("runs: 1\n");
        sb.append("episodes: 1000\n");
        if (slider) {
            sb.append("env: {}\n");
        } else if (envText == null) {
            sb.append("env: {type: gridworld, map: ").append(map).append("}\n");
        } else {
            String text = envText.strip();
            if (!text.startsWith("env:")) {
                text = "env:\n  " + text.replace("\n", "\n  ");
            }
            sb.append(text).append('\n');
        }
        sb.append("agents:\n");
        sb.append("  ").append(agent).append(":\n");
        sb.append("    type: ").append(agent).append('\n');
        sb.append("    alpha: ").append(alpha).append('\n');
        if (!Double.isNaN(gamma)) {
            sb.append("    gamma: ").append(gamma).append('\n');
        }
        sb.append("    initial: ").append(initial).append('\n');
        sb.append("    policy: {type: boltzmann, temperature: ");
        if (slider) {
            sb.append("{schedule: ").append(GridSlider.NAME).append('}');
        } else {
            sb.append(temperature == Double.POSITIVE_INFINITY ? ".inf" : Double.toString(temperature));
        }
        sb.append("}\n");
        return sb.toString();
    }
}
