package kelvin.experiments.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kelvin.agents.schedule.Schedule;
import kelvin.experiments.config.ConfigNode.MapNode;
import kelvin.experiments.config.ConfigNode.ScalarNode;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Checkpoints;
import kelvin.experiments.model.Environment;
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
            Key.optional("steps", new ValueType.Int(1, MAX_STEPS), "horizon of a bandit run, in steps; "
                    + "required on bandits"),
            Key.optional("episodes", new ValueType.Int(1, MAX_STEPS), "horizon of a run on a tabular environment, in "
                    + "episodes; required there"),
            Key.required("env", new ValueType.Nested(Kind.ENV), "the environment"),
            Key.optional("metrics", new ValueType.ChoiceList(new ValueType.Choice(Metric.keys())),
                    "metrics to record; default: every metric of the environment's kind but first-success"));
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

    /**
     * Loads only {@code name} and {@code env} of a config (what {@code kelvin solve} needs); other
     * keys may be present and are not checked.
     */
    public static Environment loadEnvironment(Path file) {
        MapNode root = Binder.requireMap(YamlTrees.read(file), "", "a mapping with name and env");
        Map<String, Object> resolved = new LinkedHashMap<>();
        Set<String> others = new java.util.HashSet<>(root.entries().keySet());
        others.remove("name");
        others.remove("env");
        List<Key> keys = List.of(TOP_KEYS.get(0), Key.required("env", new ValueType.Nested(Kind.ENV), "the environment"));
        return Binder.bindPlain(root, "", keys, others, "a config", resolved).get("env", Environment.class);
    }

    /** Validates a parsed config. */
    public static Experiment bind(ConfigNode rootNode) {
        MapNode root = Binder.requireMap(rootNode, "", "a mapping with name, runs, steps (or episodes), env and agents");
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
        Sweep sweep = Sweep.parse(root.get("sweep"), agents, root.get("env"));

        Environment environment = top.get("env", Environment.class);
        boolean episodic = environment instanceof Environment.Tabular;
        int horizon = horizon(root, top, episodic);
        List<Metric> metrics = metrics(root, top, episodic);
        resolved.put("metrics", metrics.stream().map(Metric::key).toList());

        List<Cell> cells = new ArrayList<>();
        Map<String, Object> resolvedAgents = new LinkedHashMap<>();
        List<Sweep.Point> envPoints = sweep.envPoints(root.get("env"));
        for (Sweep.Point envPoint : envPoints) {
            Environment env = envPoints.size() == 1 && envPoint.params().isEmpty() ? environment
                    : (Environment) Binder.bindType(Binder.Context.NONE, envPoint.node(), Kind.ENV, "env").value();
            Binder.Context context = new Binder.Context(env, horizon, env.actions());
            for (Map.Entry<String, ConfigNode.Entry> e : agents.entries().entrySet()) {
                String agentName = e.getKey();
                String path = "agents." + agentName;
                if (!agentName.matches("[A-Za-z0-9._+-]{1,60}")) {
                    throw new ConfigException(e.getValue().keyLocation(), path, "agent names are 1 to 60 characters "
                            + "from A-Z a-z 0-9 . _ + - (they label curves and CSV rows)");
                }
                ConfigNode spec = Sweep.withoutSweep(e.getValue().value());
                checkDomain(spec, path, episodic);
                Object resolvedAgent = Binder.bindType(context, spec, Kind.AGENT, path).resolved();
                Object ownSweep = Sweep.resolvedOwn(e.getValue().value());
                if (ownSweep != null) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> withSweep = new LinkedHashMap<>((Map<String, Object>) resolvedAgent);
                    withSweep.put("sweep", ownSweep);
                    resolvedAgent = withSweep;
                }
                resolvedAgents.putIfAbsent(agentName, resolvedAgent);
                for (Sweep.Point point : sweep.pointsFor(agentName, e.getValue().value())) {
                    Binder.Bound bound = Binder.bindType(context, point.node(), Kind.AGENT, path);
                    Schedule temperature = temperatureOf(point.node(), path);
                    if (!episodic) {
                        checkPer(temperature, point.node(), path);
                    }
                    Map<String, String> params = new LinkedHashMap<>(point.params());
                    for (Map.Entry<String, String> p : envPoint.params().entrySet()) {
                        if (params.put(p.getKey(), p.getValue()) != null) {
                            throw new ConfigException(root.get("sweep").location(), "sweep", "the agent sweep and "
                                    + "the env sweep both end in the key " + p.getKey() + "; their labels would clash");
                        }
                    }
                    String label = params.isEmpty() ? agentName : agentName + "[" + Sweep.labelSuffix(params) + "]";
                    cells.add(new Cell(cells.size(), label, agentName, params, bound.value(), env, temperature,
                            bound.resolved()));
                }
            }
        }
        resolved.put("agents", resolvedAgents);
        if (!sweep.isEmpty()) {
            resolved.put("sweep", sweep.resolved());
        }
        resolved.put("record", record);

        Checkpoints.Spacing spacing = "log".equals(rec.str("spacing")) ? Checkpoints.Spacing.LOG : Checkpoints.Spacing.LINEAR;
        int[] checkpoints = Checkpoints.of(horizon, rec.intValue("points"), spacing);
        Experiment experiment = new Experiment(top.str("name"), top.integer("seed"), top.intValue("runs"), horizon,
                environment, cells, sweep.keys(agents), metrics, checkpoints, spacing, resolved);
        Limits.check(experiment, root.location());
        return experiment;
    }

    /** steps for bandits, episodes for tabular MDPs: the one that fits is required, the other refused. */
    private static int horizon(MapNode root, Values top, boolean episodic) {
        String needed = episodic ? "episodes" : "steps";
        String wrong = episodic ? "steps" : "episodes";
        if (top.has(wrong)) {
            throw top.error(wrong, episodic
                    ? "steps is for bandits; a tabular environment counts episodes (episodes: N), and its "
                            + "max-steps caps each episode"
                    : "episodes is for tabular environments (gridworld, deep-sea, river-swim); a bandit counts "
                            + "steps (steps: N)");
        }
        if (!top.has(needed)) {
            throw new ConfigException(root.location(), needed, "missing required key: " + (episodic
                    ? "the number of episodes per run (episodes: N)" : "the number of steps per run (steps: N)"));
        }
        return top.intValue(needed);
    }

    private static List<Metric> metrics(MapNode root, Values top, boolean episodic) {
        List<Metric> metrics = new ArrayList<>();
        List<String> names = top.has("metrics") ? top.words("metrics") : Metric.defaults(episodic);
        for (int i = 0; i < names.size(); i++) {
            Metric m = Metric.of(names.get(i));
            if (!m.appliesTo(episodic)) {
                throw top.errorAt("metrics", i, "'" + m.key() + "' is " + (episodic ? "a bandit metric" : "a metric "
                        + "of tabular environments") + "; allowed here: " + String.join(", ", Metric.allowed(episodic)));
            }
            metrics.add(m);
        }
        return metrics;
    }

    /** Bandit agents on bandits, TD learners on tabular MDPs. */
    private static void checkDomain(ConfigNode agent, String path, boolean episodic) {
        if (!(agent instanceof MapNode) || !(((MapNode) agent).get("type") instanceof ScalarNode)) {
            return; // the binder reports the missing or malformed type
        }
        ScalarNode type = (ScalarNode) ((MapNode) agent).get("type");
        if (Catalog.find(Kind.AGENT, type.text()) == null || Catalog.isTabularAgent(type.text()) == episodic) {
            return;
        }
        throw new ConfigException(type.location(), path + ".type", episodic
                ? "'" + type.text() + "' is a bandit agent; on a tabular environment use q-learning, sarsa or "
                        + "expected-sarsa"
                : "'" + type.text() + "' learns on tabular environments (gridworld, deep-sea, river-swim); on a bandit "
                        + "use action-value, ucb1, thompson, boltzmann-gumbel, exp3 or gradient-bandit");
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
