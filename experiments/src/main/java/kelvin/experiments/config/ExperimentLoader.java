package kelvin.experiments.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kelvin.agents.bandit.BanditAgent;
import kelvin.agents.schedule.Schedule;
import kelvin.env.bandit.BanditEnv;
import kelvin.experiments.config.ConfigNode.MapNode;
import kelvin.experiments.config.ConfigNode.ScalarNode;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Checkpoints;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.Metric;

/**
 * Turns a config file (plus command-line overrides) into a validated {@link Experiment}: checks every
 * key, expands the sweep into cells and builds the environment and agents.
 */
public final class ExperimentLoader {

    /** Largest numbers a config may ask for; beyond them a run would not finish in a day. */
    public static final long MAX_RUNS = 10_000_000L;
    public static final long MAX_STEPS = 100_000_000L;

    static final List<Key> TOP_KEYS = List.of(
            Key.required("name", new ValueType.Str("(?!\\.\\.?$)[A-Za-z0-9._-]{1,100}",
                    "a folder name of 1 to 100 characters from A-Z a-z 0-9 . _ - (not . or ..)"),
                    "experiment name; results go to results/<name>/"),
            Key.optional("seed", new ValueType.Int(0, Long.MAX_VALUE), 0L, "master seed of every random stream"),
            Key.required("runs", new ValueType.Int(1, MAX_RUNS), "independent runs per variant"),
            Key.required("steps", new ValueType.Int(1, MAX_STEPS), "horizon: steps per run (bandits)"),
            Key.required("env", new ValueType.Nested(Kind.ENV), "the environment"),
            Key.optional("metrics", new ValueType.ChoiceList(new ValueType.Choice(Metric.keys())), Metric.keys(),
                    "metrics to record"));
    static final List<Key> RECORD_KEYS = List.of(
            Key.optional("points", new ValueType.Int(1, 1_000_000), 200L, "number of checkpoints"),
            Key.optional("spacing", new ValueType.Choice(List.of("linear", "log")), "linear",
                    "linear: even steps; log: geometric, dense early"));
    private static final Set<String> SPECIAL_KEYS = Set.of("agents", "sweep", "record");

    private ExperimentLoader() {
    }

    /** The top-level keys handled like catalog keys (agents, sweep and record have their own rules). */
    public static List<Key> topKeys() {
        return TOP_KEYS;
    }

    /** The keys of {@code record}. */
    public static List<Key> recordKeys() {
        return RECORD_KEYS;
    }

    /** Loads a config file with no overrides. */
    public static Experiment load(Path file) {
        return load(file, List.of());
    }

    /**
     * Loads a config file and applies {@code PATH=VALUE} overrides (as {@code --set} gives them)
     * before validating.
     */
    public static Experiment load(Path file, List<String> overrides) {
        ConfigNode root = YamlTrees.read(file);
        for (String override : overrides) {
            root = Overrides.apply(root, override);
        }
        return bind(root);
    }

    /** Validates a parsed config. */
    public static Experiment bind(ConfigNode rootNode) {
        MapNode root = Binder.requireMap(rootNode, "", "a mapping with name, runs, steps, env and agents");
        Map<String, Object> resolved = new LinkedHashMap<>();
        Values top = Binder.bindPlain(root, "", TOP_KEYS, SPECIAL_KEYS, "an experiment", resolved);

        Map<String, Object> record = new LinkedHashMap<>();
        ConfigNode recordNode = root.get("record");
        MapNode recordMap = recordNode == null ? new MapNode(root.location(), Map.of())
                : Binder.requireMap(recordNode, "record", "a mapping {points, spacing}");
        Values rec = Binder.bindPlain(recordMap, "record", RECORD_KEYS, Set.of(), "record", record);

        ConfigNode agentsNode = root.get("agents");
        if (agentsNode == null) {
            throw new ConfigException(root.location(), "agents", "missing required key: a mapping of named agent "
                    + "variants, e.g. agents: {greedy: {type: action-value, policy: {type: greedy}}}");
        }
        MapNode agents = Binder.requireMap(agentsNode, "agents", "a mapping of named agent variants");
        if (agents.entries().isEmpty()) {
            throw new ConfigException(agents.location(), "agents", "is empty; name at least one agent variant");
        }
        Sweep sweep = Sweep.parse(root.get("sweep"), agents);

        BanditEnv env = top.get("env", BanditEnv.class);
        int horizon = top.intValue("steps");
        Binder.Context context = new Binder.Context(env, horizon, env.arms());
        List<Cell> cells = new ArrayList<>();
        Map<String, Object> resolvedAgents = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode.Entry> e : agents.entries().entrySet()) {
            String agentName = e.getKey();
            String path = "agents." + agentName;
            if (!agentName.matches("[A-Za-z0-9._+-]{1,60}")) {
                throw new ConfigException(e.getValue().keyLocation(), path, "agent names are 1 to 60 characters from "
                        + "A-Z a-z 0-9 . _ + - (they label curves and CSV rows)");
            }
            Object resolvedAgent = Binder.bindType(context, Sweep.withoutSweep(e.getValue().value()), Kind.AGENT, path)
                    .resolved();
            Object ownSweep = Sweep.resolvedOwn(e.getValue().value());
            if (ownSweep != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> withSweep = new LinkedHashMap<>((Map<String, Object>) resolvedAgent);
                withSweep.put("sweep", ownSweep);
                resolvedAgent = withSweep;
            }
            resolvedAgents.put(agentName, resolvedAgent);
            for (Sweep.Point point : sweep.pointsFor(agentName, e.getValue().value())) {
                Binder.Bound bound = Binder.bindType(context, point.node(), Kind.AGENT, path);
                Schedule temperature = temperatureOf(point.node(), path);
                checkPer(temperature, point.node(), path);
                String label = point.params().isEmpty() ? agentName : agentName + "[" + point.labelSuffix() + "]";
                cells.add(new Cell(cells.size(), label, agentName, point.params(), (BanditAgent) bound.value(),
                        temperature, bound.resolved()));
            }
        }
        resolved.put("agents", resolvedAgents);
        if (!sweep.isEmpty()) {
            resolved.put("sweep", sweep.resolved());
        }
        resolved.put("record", record);

        List<Metric> metrics = new ArrayList<>();
        for (String m : top.words("metrics")) {
            metrics.add(Metric.of(m));
        }
        Checkpoints.Spacing spacing = "log".equals(rec.str("spacing")) ? Checkpoints.Spacing.LOG : Checkpoints.Spacing.LINEAR;
        int[] checkpoints = Checkpoints.of(horizon, rec.intValue("points"), spacing);
        Experiment experiment = new Experiment(top.str("name"), top.integer("seed"), top.intValue("runs"), horizon,
                env, cells, sweep.keys(agents), metrics, checkpoints, spacing, resolved);
        Limits.check(experiment, root.location());
        return experiment;
    }

    /** The temperature schedule at policy.temperature, if the agent's policy has one. */
    private static Schedule temperatureOf(ConfigNode agent, String path) {
        if (!(agent instanceof MapNode)) {
            return null;
        }
        ConfigNode policy = ((MapNode) agent).get("policy");
        if (!(policy instanceof MapNode)) {
            return null;
        }
        ConfigNode temperature = ((MapNode) policy).get("temperature");
        if (temperature == null) {
            return null;
        }
        ValueType type = Catalog.find(Kind.POLICY, policyType((MapNode) policy)).key("temperature").type();
        return (Schedule) Binder.convert(Binder.Context.NONE, temperature, type, path + ".policy.temperature").value();
    }

    private static String policyType(MapNode policy) {
        return ((ScalarNode) policy.get("type")).text();
    }

    private static void checkPer(Schedule temperature, ConfigNode agent, String path) {
        if (temperature != null && temperature.per() == Schedule.Per.EPISODE) {
            ConfigNode t = ((MapNode) ((MapNode) agent).get("policy")).get("temperature");
            throw new ConfigException(t.location(), path + ".policy.temperature.per",
                    "'episode' needs an environment with episodes; bandits count steps: use per: step");
        }
    }
}
