package kelvin.experiments.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kelvin.api.Context;
import kelvin.api.Kind;
import kelvin.env.bandit.BanditEnv;
import kelvin.experiments.config.Binder;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.ConfigNode;
import kelvin.experiments.config.ConfigNode.MapNode;
import kelvin.experiments.config.ExperimentLoader;
import kelvin.experiments.config.Registry;
import kelvin.experiments.config.YamlTrees;
import kelvin.experiments.model.BanditCell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.Mappers;
import kelvin.experiments.run.BanditSimulation;

/**
 * The schedule explorer: T_t against t for schedules whose keys the page edits, replayed as
 * {@code kelvin schedule} replays them. Each schedule becomes one config, a bandit environment and
 * one {@code action-value} agent with a {@code boltzmann} policy at that schedule, validated by the
 * loader every config goes through; its temperatures are run 0's, from
 * {@link BanditSimulation#temperatureTrace}, so stateful schedules (simulated annealing with
 * reheating, entropy targets) react to that run's rewards exactly as in {@code kelvin schedule}.
 * The agent's name is the schedule's label, which seeds its stream, as in a config.
 */
public final class SchedulesPage implements LabPage {
    /** The longest horizon the page replays, in steps. */
    static final int MAX_HORIZON = 1_000_000;
    /** The most points of a curve (as {@code kelvin schedule --png} draws). */
    static final int MAX_POINTS = 2000;
    /** The most schedules at once. */
    static final int MAX_SCHEDULES = 12;
    private static final String AGENT = "action-value";
    private static final String POLICY = "boltzmann";

    private final LabContext context;
    private final List<String> environments;

    /**
     * The page of one lab.
     *
     * @param context the lab's components and budget
     */
    public SchedulesPage(LabContext context) {
        this.context = context;
        this.environments = banditEnvironments(context.registry());
    }

    @Override
    public String name() {
        return "schedules";
    }

    @Override
    public void routes(LabRoutes routes) {
        routes.get("/components", r -> components());
        routes.post("/trace", r -> trace(r.json()));
    }

    private Map<String, Object> components() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schedules", ScheduleForms.schedules(context.registry()));
        m.put("environments", environments);
        m.put("agent", AGENT);
        return m;
    }

    /** The environments a config can name by type alone whose runs are bandits. */
    private static List<String> banditEnvironments(Registry registry) {
        List<String> names = new ArrayList<>();
        Binder binder = new Binder(registry, Context.NONE);
        for (String name : registry.names(Kind.ENVIRONMENT)) {
            try {
                ConfigNode node = YamlTrees.parse("env", "{type: " + name + "}");
                if (binder.bindType(node, Kind.ENVIRONMENT, "env").value() instanceof BanditEnv) {
                    names.add(name);
                }
            } catch (ConfigException e) {
                // a required key: not pickable with its defaults alone
            }
        }
        return List.copyOf(names);
    }

    /**
     * The temperatures of the request's schedules.
     *
     * @param body {@code {env, seed, horizon, schedules: [{label, schedule, keys: {KEY: text | {KEY: text}}}]}}
     * @return the indices t, and per schedule its label and T_t, or the loader's message at its key
     * @throws LabException 400 for a bad environment, seed, horizon or list of schedules
     */
    Map<String, Object> trace(JsonNode body) {
        String env = body.path("env").asText("");
        if (!environments.contains(env)) {
            throw new LabException(400, "env: '" + env + "' is not one of " + String.join(", ", environments));
        }
        long seed = whole(body.path("seed"), "seed", 0, Long.MAX_VALUE);
        int horizon = (int) whole(body.path("horizon"), "horizon", 1, MAX_HORIZON);
        JsonNode list = body.path("schedules");
        if (!list.isArray() || list.size() > MAX_SCHEDULES) {
            throw new LabException(400, "schedules: give a list of at most " + MAX_SCHEDULES);
        }
        long[] at = indices(horizon);
        List<Map<String, Object>> series = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String label = s.path("label").asText("");
            if (!labels.add(label)) {
                throw new LabException(400, "schedules: the label '" + label + "' is used twice; labels name the "
                        + "agents, which must differ");
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", label);
            try {
                Experiment e = ExperimentLoader.bind(config(env, seed, horizon, label, s), context.registry(),
                        context.budget());
                BanditCell cell = (BanditCell) e.cells().get(0);
                m.put("temperatures", new BanditSimulation(e).temperatureTrace(cell, 0, at));
            } catch (ConfigException ex) {
                String prefix = "agents." + label + ".policy.temperature";
                String path = ex.path();
                String key = path.startsWith(prefix + ".") ? path.substring(prefix.length() + 1) : "";
                m.put("key", key);
                m.put("error", key.isEmpty() && !path.equals(prefix) && !path.isEmpty()
                        ? path + ": " + ex.problem() : (key.isEmpty() ? "" : key + ": ") + ex.problem());
            }
            series.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("t", at);
        out.put("series", series);
        return out;
    }

    /**
     * The config of one schedule, the form's texts each read as YAML on its own (so a text is one
     * value, never more keys), the rest written by the page.
     */
    static ConfigNode config(String env, long seed, int horizon, String label, JsonNode schedule) {
        ObjectNode root = Mappers.JSON.createObjectNode();
        root.put("name", "lab-schedules");
        root.put("seed", seed);
        root.put("runs", 1);
        root.put("steps", horizon);
        root.putObject("env").put("type", env);
        ObjectNode policy = root.putObject("agents").putObject(label).put("type", AGENT).putObject("policy");
        policy.put("type", POLICY).putObject("temperature").put("schedule", schedule.path("schedule").asText(""));
        MapNode tree = (MapNode) YamlTrees.parse("lab", root.toString());
        MapNode agents = (MapNode) tree.get("agents");
        MapNode agent = (MapNode) agents.get(label);
        MapNode pol = (MapNode) agent.get("policy");
        MapNode temperature = values((MapNode) pol.get("temperature"), schedule.path("keys"),
                "agents." + label + ".policy.temperature");
        return tree.with("agents", agents.with(label, agent.with("policy", pol.with("temperature", temperature))));
    }

    private static MapNode values(MapNode into, JsonNode keys, String where) {
        MapNode m = into;
        for (Iterator<Map.Entry<String, JsonNode>> it = keys.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                MapNode group = values((MapNode) YamlTrees.parse(where, "{}"), v, where + "." + e.getKey());
                if (!group.entries().isEmpty()) {
                    m = m.with(e.getKey(), group);
                }
            } else if (!v.asText("").isBlank()) {
                String path = where + "." + e.getKey();
                try {
                    m = m.with(e.getKey(), YamlTrees.parse(path, v.asText()));
                } catch (ConfigException ex) {
                    throw new ConfigException(null, path, ex.problem());
                }
            }
        }
        return m;
    }

    /** At most {@link #MAX_POINTS} evenly spread steps from 0 to H - 1, as {@code kelvin schedule --png}. */
    static long[] indices(int horizon) {
        int points = Math.min(horizon, MAX_POINTS);
        long[] at = new long[points];
        for (int i = 0; i < points; i++) {
            at[i] = points == 1 ? 0 : Math.round((double) i * (horizon - 1) / (points - 1));
        }
        return at;
    }

    private static long whole(JsonNode node, String field, long min, long max) {
        String text = node.asText("").strip();
        long v;
        try {
            v = node.isIntegralNumber() ? node.asLong() : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new LabException(400, field + ": '" + text + "' is not a whole number");
        }
        if (v < min || v > max) {
            throw new LabException(400, field + ": " + v + " is not from " + min + " to " + max);
        }
        return v;
    }
}
