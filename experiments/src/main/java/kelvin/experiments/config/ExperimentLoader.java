package kelvin.experiments.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kelvin.agents.bandit.BanditAgent;
import kelvin.agents.schedule.Schedule;
import kelvin.agents.tabular.TabularAgent;
import kelvin.api.Context;
import kelvin.api.Environment;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;
import kelvin.env.bandit.BanditEnv;
import kelvin.env.mdp.TabularTask;
import kelvin.experiments.config.ConfigNode.MapNode;
import kelvin.experiments.metric.Metric;
import kelvin.experiments.metric.Recorded;
import kelvin.experiments.model.BanditCell;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Checkpoints;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.PlotSettings;
import kelvin.experiments.model.TabularCell;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * Turns a config file (plus command-line overrides) into a validated {@link Experiment}: parse the
 * YAML ({@link YamlTrees}, {@link Overrides}), expand the sweeps ({@link Sweep}), then bind every
 * environment point and agent variant into a typed cell ({@link Binder}), with the components of a
 * {@link Registry}.
 */
public final class ExperimentLoader {

    /** Largest numbers a config may ask for; beyond them a run would not finish in a day. */
    public static final long MAX_RUNS = 10_000_000L;
    /** Largest horizon a config may ask for. */
    public static final long MAX_STEPS = 100_000_000L;

    static final List<Key> RECORD_KEYS = List.of(
            Key.optional("points", new ValueType.Int(1, 1_000_000), 200L, "number of checkpoints"),
            Key.optional("spacing", new ValueType.Choice(List.of("linear", "log")), "linear",
                    "linear: even steps; log: geometric, dense early"));
    private static final Set<String> SPECIAL_KEYS = Set.of("agents", "sweep", "record", "plot");
    private static final String AGENT_NAME = "[A-Za-z0-9._+-]{1,60}";

    private ExperimentLoader() {
    }

    /**
     * The top-level keys handled like component keys (agents, sweep and record have their own rules).
     *
     * @param registry the components, whose metrics {@code metrics} may name
     * @return name, seed, runs, steps, episodes, env and metrics, in that order
     */
    public static List<Key> topKeys(Registry registry) {
        return List.of(
                Key.required("name", new ValueType.Str("(?!\\.\\.?$)[A-Za-z0-9._-]{1,100}",
                        "a folder name of 1 to 100 characters from A-Z a-z 0-9 . _ - (not . or ..)"),
                        "experiment name; results go to results/<name>/"),
                Key.optional("seed", new ValueType.Int(0, Long.MAX_VALUE), 0L, "master seed of every random stream"),
                Key.required("runs", new ValueType.Int(1, MAX_RUNS), "independent runs per variant"),
                Key.optional("steps", new ValueType.Int(1, MAX_STEPS), "horizon of a bandit run, in steps; "
                        + "required on bandits"),
                Key.optional("episodes", new ValueType.Int(1, MAX_STEPS), "horizon of a run on a tabular environment, "
                        + "in episodes; required there"),
                Key.required("env", new ValueType.Nested(Kind.ENVIRONMENT), "the environment"),
                Key.optional("metrics", new ValueType.ChoiceList(new ValueType.Choice(registry.names(Kind.METRIC))),
                        "metrics to record; default: every built-in metric of the environment's kind but "
                                + "first-success"));
    }

    /**
     * The keys of {@code record}.
     *
     * @return points and spacing, with their defaults
     */
    public static List<Key> recordKeys() {
        return RECORD_KEYS;
    }

    /**
     * The keys of {@code plot}: how the curve charts are drawn, which changes no number.
     *
     * @param registry the components, whose metrics {@code ylim} may name
     * @return smooth, from and ylim, with their defaults
     */
    public static List<Key> plotKeys(Registry registry) {
        List<Key> ranges = new ArrayList<>();
        for (String metric : registry.names(Kind.METRIC)) {
            ranges.add(Key.optional(metric, new ValueType.NumList(ValueType.Num.magnitude(), 2),
                    "[low, high] of the y axis of the " + metric + " chart"));
        }
        return List.of(
                Key.optional("smooth", new ValueType.Int(1, 1_000_000), 1L, "curve charts draw the centred moving "
                        + "average over this many checkpoints (bands: the average of the intervals); 1 = as recorded"),
                Key.optional("from", new ValueType.Int(1, MAX_STEPS), 1L, "the first step or episode the curve charts "
                        + "show"),
                Key.optional("ylim", new ValueType.Group("a mapping METRIC: [low, high]", ranges), "fixed y ranges of "
                        + "curve charts, e.g. {return: [-100, -10]}; default: all the data, except that per-episode "
                        + "metrics such as return leave out early episodes whose means dwarf the rest (a note says "
                        + "what is cut)"));
    }

    /**
     * Loads a config file and applies {@code PATH=VALUE} overrides (as {@code --set} gives them)
     * before validating.
     *
     * @param file a YAML or JSON config file
     * @param overrides {@code PATH=VALUE} assignments, applied in order
     * @param registry the components the config may name
     * @return the validated experiment, its sweeps expanded into cells
     */
    public static Experiment load(Path file, List<String> overrides, Registry registry) {
        return load(file, overrides, registry, Limits.Budget.DEFAULT);
    }

    /**
     * Loads a config file as {@link #load(Path, List, Registry)} does, with a work budget other than
     * the default.
     *
     * @param file a YAML or JSON config file
     * @param overrides {@code PATH=VALUE} assignments, applied in order
     * @param registry the components the config may name
     * @param budget the estimated work allowed (and whether the heap is checked)
     * @return the validated experiment, its sweeps expanded into cells
     */
    public static Experiment load(Path file, List<String> overrides, Registry registry, Limits.Budget budget) {
        ConfigNode root = YamlTrees.read(file);
        for (String override : overrides) {
            root = Overrides.apply(root, override);
        }
        return bind(root, registry, budget);
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A fixed y range must belong to a recorded metric, and start above 0 on a log axis. */
    private static void checkRanges(PlotSettings plot, List<Recorded> metrics, MapNode root) {
        for (Map.Entry<String, PlotSettings.Range> e : plot.ylim().entrySet()) {
            ConfigNode at = ((MapNode) ((MapNode) root.get("plot")).get("ylim")).get(e.getKey());
            String path = "plot.ylim." + e.getKey();
            Recorded recorded = metrics.stream().filter(m -> m.key().equals(e.getKey())).findFirst().orElse(null);
            if (recorded == null) {
                throw new ConfigException(at.location(), path, e.getKey() + " is not recorded; recorded metrics: "
                        + String.join(", ", metrics.stream().map(Recorded::key).toList()));
            }
            if (recorded.metric().logScale() && !(e.getValue().low() > 0)) {
                throw new ConfigException(at.location(), path, "the " + e.getKey() + " chart has a log y axis, "
                        + "which needs low > 0");
            }
        }
    }

    /**
     * Reads the {@code plot} section, filling in {@code resolved} with its resolved form (which
     * config.yaml holds only when the config has the section, so that configs without it keep
     * their results folders as they were).
     */
    private static PlotSettings plot(MapNode root, Binder top, Registry registry, Map<String, Object> resolved) {
        ConfigNode node = root.get("plot");
        if (node == null) {
            return PlotSettings.DEFAULT;
        }
        MapNode map = Binder.requireMap(node, "plot", "a mapping {smooth, from, ylim}");
        Values values = top.bindPlain(map, "plot", plotKeys(registry), Set.of(), "plot", resolved);
        Map<String, PlotSettings.Range> ylim = new LinkedHashMap<>();
        if (values.has("ylim")) {
            Settings ranges = values.group("ylim");
            for (String metric : registry.names(Kind.METRIC)) {
                if (ranges.has(metric)) {
                    double[] r = ranges.nums(metric);
                    if (r.length != 2) {
                        throw ranges.error(metric, "expected [low, high], got a list of " + r.length + " numbers");
                    }
                    if (!(r[0] < r[1])) {
                        throw ranges.error(metric, "low " + plain(r[0]) + " is not below high " + plain(r[1]));
                    }
                    ylim.put(metric, new PlotSettings.Range(r[0], r[1]));
                }
            }
        }
        return new PlotSettings(values.intValue("smooth"), values.intValue("from"), ylim, null);
    }

    /**
     * Loads only {@code name} and {@code env} of a config (what {@code kelvin solve} needs); other
     * keys may be present and are not checked.
     *
     * @param file a YAML or JSON config file
     * @param registry the components the config may name
     * @return the environment its {@code env} builds
     */
    public static Environment loadEnvironment(Path file, Registry registry) {
        MapNode root = Binder.requireMap(YamlTrees.read(file), "", "a mapping with name and env");
        Set<String> others = new HashSet<>(root.entries().keySet());
        others.remove("name");
        others.remove("env");
        List<Key> keys = topKeys(registry);
        return new Binder(registry, Context.NONE).bindPlain(root, "", List.of(keys.get(0), keys.get(5)), others,
                "a config", new LinkedHashMap<>()).get("env", Environment.class);
    }

    /**
     * Validates a parsed config.
     *
     * @param rootNode the parsed document
     * @param registry the components it may name
     * @return the validated experiment, its sweeps expanded into cells
     */
    public static Experiment bind(ConfigNode rootNode, Registry registry) {
        return bind(rootNode, registry, Limits.Budget.DEFAULT);
    }

    /**
     * Validates a parsed config within a work budget: the estimated work must fit it, and the
     * estimated memory the JVM's maximum heap, unless the budget is unlimited.
     *
     * @param rootNode the parsed document
     * @param registry the components it may name
     * @param budget the estimated work allowed
     * @return the validated experiment, its sweeps expanded into cells
     */
    public static Experiment bind(ConfigNode rootNode, Registry registry, Limits.Budget budget) {
        MapNode root = Binder.requireMap(rootNode, "",
                "a mapping with name, runs, steps (or episodes), env and agents");
        if (root.has("envs")) {
            throw new ConfigException(root.entries().get("envs").keyLocation(), "envs", "this config is a suite "
                    + "(several environments): kelvin run and kelvin validate take it, and from Java SuiteLoader.load; "
                    + "this command needs one experiment (env)");
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        Binder top = new Binder(registry, Context.NONE);
        Values values = top.bindPlain(root, "", topKeys(registry), SPECIAL_KEYS, "an experiment", resolved);

        Map<String, Object> record = new LinkedHashMap<>();
        ConfigNode recordNode = root.get("record");
        MapNode recordMap = recordNode == null ? new MapNode(root.location(), Map.of())
                : Binder.requireMap(recordNode, "record", "a mapping {points, spacing}");
        Values rec = top.bindPlain(recordMap, "record", RECORD_KEYS, Set.of(), "record", record);

        Map<String, Object> plotResolved = new LinkedHashMap<>();
        PlotSettings plot = plot(root, top, registry, plotResolved);

        MapNode agents = agents(root);
        Sweep sweep = Sweep.parse(root.get("sweep"), agents, root.get("env"), registry);
        sweep.requireWithinLimit(agents);

        Environment environment = values.get("env", Environment.class);
        boolean episodic = episodic(environment, root);
        int horizon = horizon(root, values, episodic);
        List<Recorded> metrics = metrics(values, episodic, registry);
        resolved.put("metrics", metrics.stream().map(Recorded::key).toList());
        checkRanges(plot, metrics, root);

        Kind agentKind = episodic ? Kind.TABULAR_AGENT : Kind.BANDIT_AGENT;
        List<Cell> cells = new ArrayList<>();
        Map<String, Object> resolvedAgents = new LinkedHashMap<>();
        List<Sweep.Point> envPoints = sweep.envPoints(root.get("env"));
        for (Sweep.Point envPoint : envPoints) {
            Environment env = envPoints.size() == 1 && envPoint.params().isEmpty() ? environment
                    : (Environment) top.bindType(envPoint.node(), Kind.ENVIRONMENT, "env").value();
            Context context = new Context(env, horizon);
            for (Map.Entry<String, ConfigNode.Entry> e : agents.entries().entrySet()) {
                String agentName = e.getKey();
                String path = "agents." + agentName;
                ConfigNode spec = Sweep.withoutSweep(e.getValue().value());
                @SuppressWarnings("unchecked")
                Map<String, Object> resolvedAgent = (Map<String, Object>) new Binder(registry, context)
                        .bindAgent(spec, agentKind, path).resolved();
                Object ownSweep = Sweep.resolvedOwn(e.getValue().value());
                if (ownSweep != null) {
                    resolvedAgent = new LinkedHashMap<>(resolvedAgent);
                    resolvedAgent.put(Sweep.AGENT_SWEEP, ownSweep);
                }
                resolvedAgents.putIfAbsent(agentName, resolvedAgent);
                for (Sweep.Point point : sweep.pointsFor(agentName, e.getValue().value())) {
                    Binder binder = new Binder(registry, context);
                    Binder.Bound bound = binder.bindAgent(point.node(), agentKind, path);
                    Schedule temperature = temperature(binder.schedules(), episodic);
                    Map<String, String> params = new LinkedHashMap<>(point.params());
                    for (Map.Entry<String, String> p : envPoint.params().entrySet()) {
                        if (params.put(p.getKey(), p.getValue()) != null) {
                            throw new ConfigException(root.get("sweep").location(), "sweep", "the agent sweep and "
                                    + "the env sweep both end in the key " + p.getKey() + "; their labels would clash");
                        }
                    }
                    String label = params.isEmpty() ? agentName : agentName + "[" + Sweep.labelSuffix(params) + "]";
                    @SuppressWarnings("unchecked")
                    Map<String, Object> spec2 = (Map<String, Object>) bound.resolved();
                    cells.add(episodic
                            ? new TabularCell(cells.size(), label, agentName, params, (TabularAgent) bound.value(),
                                    (TabularTask) env, temperature, spec2)
                            : new BanditCell(cells.size(), label, agentName, params, (BanditAgent) bound.value(),
                                    (BanditEnv) env, temperature, spec2));
                }
            }
        }
        resolved.put("agents", resolvedAgents);
        if (!sweep.isEmpty()) {
            resolved.put("sweep", sweep.resolved());
        }
        resolved.put("record", record);
        if (root.get("plot") != null) {
            resolved.put("plot", plotResolved);
        }

        Checkpoints.Spacing spacing = "log".equals(rec.str("spacing")) ? Checkpoints.Spacing.LOG
                : Checkpoints.Spacing.LINEAR;
        int[] checkpoints = Checkpoints.of(horizon, rec.intValue("points"), spacing);
        Experiment experiment = new Experiment(values.str("name"), values.integer("seed"), values.intValue("runs"),
                horizon, episodic, environment, cells, sweep.keys(agents), metrics, checkpoints, spacing, plot,
                resolved);
        if (plot.from() > horizon) {
            throw new ConfigException(root.get("plot").location(), "plot.from", "episode or step " + plot.from()
                    + " is past the horizon (" + horizon + "); give at most " + horizon);
        }
        Limits.check(experiment, root.location());
        Limits.checkBudget(experiment, root, budget, Runtime.getRuntime().maxMemory(),
                Runtime.getRuntime().availableProcessors());
        startEachAgent(cells, agents);
        return experiment;
    }

    /**
     * Starts each distinct agent for one run, without stepping it, so that a check a component makes
     * only when a run starts (one that needs K or the model's size) is reported here, at the agent,
     * rather than as a failure of the run. Every built-in makes those checks in its factory already;
     * this is the safety net for the ones that do not. The generator is a throwaway one: nothing of a
     * real run is drawn, so results do not change.
     */
    private static void startEachAgent(List<Cell> cells, MapNode agents) {
        Set<Object> started = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Cell cell : cells) {
            Object agent = cell instanceof BanditCell b ? b.agent() : ((TabularCell) cell).agent();
            if (!started.add(agent)) {
                continue;
            }
            try {
                if (cell instanceof BanditCell b) {
                    b.agent().start(b.environment().actions(), new XoRoShiRo128PlusPlus(1L, 2L));
                } else {
                    TabularCell t = (TabularCell) cell;
                    t.agent().start(t.environment().mdp().states(), t.environment().actions(),
                            new XoRoShiRo128PlusPlus(1L, 2L));
                }
            } catch (IllegalArgumentException e) {
                ConfigNode node = agents.get(cell.agentName());
                throw new ConfigException(node == null ? agents.location() : node.location(),
                        "agents." + cell.agentName(), e.getMessage());
            }
        }
    }

    private static MapNode agents(MapNode root) {
        ConfigNode agentsNode = root.get("agents");
        if (agentsNode == null) {
            throw new ConfigException(root.location(), "agents", "missing required key: a mapping of named agent "
                    + "variants, e.g. agents: {greedy: {type: action-value, policy: {type: greedy}}}");
        }
        MapNode agents = Binder.requireMap(agentsNode, "agents", "a mapping of named agent variants");
        if (agents.entries().isEmpty()) {
            throw new ConfigException(agents.location(), "agents", "is empty; name at least one agent variant");
        }
        for (Map.Entry<String, ConfigNode.Entry> e : agents.entries().entrySet()) {
            if (!e.getKey().matches(AGENT_NAME)) {
                throw new ConfigException(e.getValue().keyLocation(), "agents." + e.getKey(), "agent names are 1 to 60 "
                        + "characters from A-Z a-z 0-9 . _ + - (they label curves and CSV rows)");
            }
        }
        return agents;
    }

    /** Bandits count steps, tabular tasks episodes; an environment component must create one of them. */
    private static boolean episodic(Environment environment, MapNode root) {
        if (environment instanceof TabularTask) {
            return true;
        }
        if (environment instanceof BanditEnv) {
            return false;
        }
        throw new ConfigException(root.get("env").location(), "env", "the environment component created a "
                + environment.getClass().getName() + ", which is neither a " + BanditEnv.class.getName() + " nor a "
                + TabularTask.class.getName());
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

    /**
     * Builds a metric of the registry; metrics take no keys.
     *
     * @param e a component of kind {@link Kind#METRIC}
     * @return the metric
     * @throws ConfigException when the component does not create a {@link Metric}
     */
    public static Metric metric(Registry.Entry e) {
        Object metric = e.component().create(new Values(null, "metrics", Map.of(), Context.NONE));
        if (!(metric instanceof Metric)) {
            throw new ConfigException(null, "metrics", e.origin() + " is declared a metric but created "
                    + (metric == null ? "null" : "a " + metric.getClass().getName()) + ", not a "
                    + Metric.class.getName());
        }
        return (Metric) metric;
    }

    private static List<Recorded> metrics(Values top, boolean episodic, Registry registry) {
        List<Recorded> all = new ArrayList<>();
        for (Registry.Entry e : registry.all(Kind.METRIC)) {
            all.add(new Recorded(e.component().name(), metric(e)));
        }
        List<String> allowed = new ArrayList<>();
        List<String> defaults = new ArrayList<>();
        for (Recorded r : all) {
            if (episodic ? r.metric().onEpisodes() : r.metric().onBandits()) {
                allowed.add(r.key());
                if (r.metric().recordedByDefault()) {
                    defaults.add(r.key());
                }
            }
        }
        List<String> names = top.has("metrics") ? top.words("metrics") : defaults;
        List<Recorded> metrics = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!allowed.contains(name)) {
                throw top.errorAt("metrics", i, "'" + name + "' is " + (episodic ? "a bandit metric" : "a metric "
                        + "of tabular environments") + "; allowed here: " + String.join(", ", allowed));
            }
            for (Recorded r : all) {
                if (r.key().equals(name)) {
                    metrics.add(r);
                }
            }
        }
        return metrics;
    }

    /**
     * The schedule at a {@code temperature} key of the agent, if any; on a bandit, refuses every
     * schedule that counts episodes.
     */
    private static Schedule temperature(List<Binder.BoundSchedule> schedules, boolean episodic) {
        Schedule temperature = null;
        for (Binder.BoundSchedule s : schedules) {
            if (!episodic && s.node() != null && s.schedule().per() == Schedule.Per.EPISODE) {
                throw new ConfigException(s.node().location(), s.path() + ".per",
                        "'episode' needs an environment with episodes; bandits count steps: use per: step");
            }
            if (temperature == null && (s.path().endsWith(".temperature"))) {
                temperature = s.schedule();
            }
        }
        return temperature;
    }
}
