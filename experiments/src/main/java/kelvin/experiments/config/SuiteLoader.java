package kelvin.experiments.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kelvin.api.Kind;
import kelvin.experiments.config.ConfigNode.MapNode;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.Suite;

/**
 * Reads a suite: a config whose {@code envs} names several environments, each with its own horizon,
 * on which every agent that fits runs. Each environment becomes an ordinary {@link Experiment}: the
 * config with {@code envs} replaced by that environment's {@code env} and horizon, its {@code set}
 * values written in, and each agent's section for the environment's kind merged in:
 * <pre>
 *   envs:
 *     testbed: {env: {type: gaussian-bandit, arms: 10}, steps: 1000}
 *     cliff:   {env: {type: gridworld, map: cliff-walking}, episodes: 500,
 *               set: {agents.exponential.policy.temperature.decay: 0.99}}
 *   agents:
 *     exponential:
 *       policy: {type: boltzmann, temperature: {schedule: exponential, initial: 1, decay: 0.999}}
 *       bandit: {type: action-value}           # merged in on environments with steps
 *       tabular: {type: q-learning, alpha: 0.5} # merged in on environments with episodes
 * </pre>
 * An environment with {@code steps} is a bandit, one with {@code episodes} a tabular MDP (the
 * experiment's own checks refuse the wrong one). An agent whose merged spec has no type, or a type
 * of the other kind, is skipped there, with the reason; each environment records the
 * {@code score} metric besides its others, since the scorecard is made of it. Problems found
 * inside an environment keep their file, line and column and name the environment.
 */
public final class SuiteLoader {
    /** The keys of one environment of {@code envs}. */
    private static final Set<String> ENV_KEYS = Set.of("env", "steps", "episodes", "set");
    /** The sections an agent may have per kind of environment. */
    private static final Map<String, Kind> SECTIONS = Map.of("bandit", Kind.BANDIT_AGENT, "tabular",
            Kind.TABULAR_AGENT);
    private static final String NAME = "[A-Za-z0-9._+-]{1,60}";

    private SuiteLoader() {
    }

    /**
     * Whether a parsed config is a suite.
     *
     * @param root the parsed document
     * @return true when it is a mapping with an {@code envs} key
     */
    public static boolean isSuite(ConfigNode root) {
        return root instanceof MapNode m && m.has("envs");
    }

    /**
     * Whether a config file is a suite.
     *
     * @param file a YAML or JSON config file
     * @return true when its top level has {@code envs}
     * @throws ConfigException when the file cannot be read or parsed
     */
    public static boolean isSuite(Path file) {
        return isSuite(YamlTrees.read(file));
    }

    /**
     * The experiments a config file stands for: the experiment itself, or every environment's of a
     * suite, in config order.
     *
     * @param file a YAML or JSON config file
     * @param registry the components it may name
     * @return one experiment, or one per environment
     */
    public static List<Experiment> experiments(Path file, Registry registry) {
        if (!isSuite(file)) {
            return List.of(ExperimentLoader.load(file, List.of(), registry));
        }
        List<Experiment> out = new ArrayList<>();
        for (Suite.Environment e : load(file, List.of(), registry, Limits.Budget.DEFAULT).environments()) {
            out.add(e.experiment());
        }
        return out;
    }

    /**
     * Loads a suite file, with {@code PATH=VALUE} overrides applied first (to the suite as written,
     * so {@code --set runs=5} reaches every environment).
     *
     * @param file a YAML or JSON config with {@code envs}
     * @param overrides the assignments
     * @param registry the components it may name
     * @param budget the work allowed per environment
     * @return the suite, every environment validated
     */
    public static Suite load(Path file, List<String> overrides, Registry registry, Limits.Budget budget) {
        ConfigNode root = YamlTrees.read(file);
        for (String override : overrides) {
            root = Overrides.apply(root, override);
        }
        return bind(root, registry, budget);
    }

    /**
     * Validates a parsed suite.
     *
     * @param rootNode the parsed document, with {@code envs}
     * @param registry the components it may name
     * @param budget the work allowed per environment
     * @return the suite
     */
    public static Suite bind(ConfigNode rootNode, Registry registry, Limits.Budget budget) {
        MapNode root = Binder.requireMap(rootNode, "", "a mapping with name, runs, envs and agents");
        for (String key : List.of("env", "steps", "episodes")) {
            if (root.has(key)) {
                throw new ConfigException(root.entries().get(key).keyLocation(), key, "a suite gives each "
                        + "environment its env and horizon under envs.NAME; remove the top-level " + key);
            }
        }
        MapNode envs = Binder.requireMap(root.get("envs"), "envs", "a mapping NAME: {env, steps or episodes, set}");
        if (envs.entries().isEmpty()) {
            throw new ConfigException(envs.location(), "envs", "names no environment; give at least one");
        }
        MapNode agents = root.has("agents") ? Binder.requireMap(root.get("agents"), "agents", "a mapping NAME: agent")
                : null;
        String name = root.get("name") instanceof ConfigNode.ScalarNode s ? s.text() : "suite";
        List<Suite.Environment> environments = new ArrayList<>();
        for (Map.Entry<String, ConfigNode.Entry> e : envs.entries().entrySet()) {
            String envName = e.getKey();
            String path = "envs." + envName;
            if (!envName.matches(NAME)) {
                throw new ConfigException(e.getValue().keyLocation(), path, "is not a name of 1 to 60 characters "
                        + "from A-Z a-z 0-9 . _ + -");
            }
            MapNode spec = Binder.requireMap(e.getValue().value(), path, "a mapping {env, steps or episodes, set}");
            for (Map.Entry<String, ConfigNode.Entry> k : spec.entries().entrySet()) {
                if (!ENV_KEYS.contains(k.getKey())) {
                    throw new ConfigException(k.getValue().keyLocation(), path + "." + k.getKey(), "is not a key "
                            + "of an environment of a suite; allowed: env, steps, episodes, set");
                }
            }
            if (!spec.has("env")) {
                throw new ConfigException(spec.location(), path + ".env", "missing: the environment, e.g. "
                        + "{type: gaussian-bandit, arms: 10}");
            }
            if (spec.has("steps") == spec.has("episodes")) {
                throw new ConfigException(spec.location(), path, "give exactly one horizon: steps (a bandit) or "
                        + "episodes (a tabular environment)");
            }
            String horizon = spec.has("steps") ? "steps" : "episodes";
            Kind kind = spec.has("steps") ? Kind.BANDIT_AGENT : Kind.TABULAR_AGENT;
            MapNode tree = root.without("envs").with("env", spec.get("env")).with(horizon, spec.get(horizon))
                    .with("name", nameNode(root, name + "-" + envName));
            List<Suite.Skipped> skipped = new ArrayList<>();
            if (agents != null) {
                MapNode fitting = agentsFor(agents, kind, registry, skipped);
                if (fitting.entries().isEmpty() && !skipped.isEmpty()) {
                    throw new ConfigException(e.getValue().keyLocation(), path, "no agent runs on this environment: "
                            + Suite.Skipped.describe(skipped));
                }
                tree = tree.with("agents", fitting);
            }
            if (spec.has("set")) {
                MapNode set = Binder.requireMap(spec.get("set"), path + ".set", "a mapping PATH: value");
                for (Map.Entry<String, ConfigNode.Entry> s : set.entries().entrySet()) {
                    tree = Overrides.setNode(tree, s.getKey(), s.getValue().value(), s.getValue().keyLocation());
                }
            }
            environments.add(new Suite.Environment(envName, bindOne(tree, registry, budget, envName), skipped));
        }
        return new Suite(name, environments);
    }

    /** The experiment of one environment, recording {@code score} besides its other metrics. */
    private static Experiment bindOne(MapNode tree, Registry registry, Limits.Budget budget, String envName) {
        try {
            Experiment e = ExperimentLoader.bind(tree, registry, budget);
            if (e.metricIndex("score") >= 0) {
                return e;
            }
            List<ConfigNode> keys = new ArrayList<>();
            for (var m : e.metrics()) {
                keys.add(new ConfigNode.ScalarNode(tree.location(), ConfigNode.ScalarNode.Kind.STRING, m.key()));
            }
            keys.add(new ConfigNode.ScalarNode(tree.location(), ConfigNode.ScalarNode.Kind.STRING, "score"));
            return ExperimentLoader.bind(tree.with("metrics", new ConfigNode.ListNode(tree.location(), keys)),
                    registry, budget);
        } catch (ConfigException ex) {
            String path = ex.path();
            if (path.equals("env") || path.startsWith("env.") || path.equals("steps") || path.equals("episodes")) {
                throw new ConfigException(ex.location(), "envs." + envName + "." + path, ex.problem());
            }
            throw new ConfigException(ex.location(), path, ex.problem() + " (in environment " + envName + ")");
        }
    }

    /** The agents as they run on one kind of environment: sections merged, misfits left out. */
    private static MapNode agentsFor(MapNode agents, Kind kind, Registry registry, List<Suite.Skipped> skipped) {
        Map<String, ConfigNode.Entry> out = new LinkedHashMap<>();
        String section = kind == Kind.BANDIT_AGENT ? "bandit" : "tabular";
        for (Map.Entry<String, ConfigNode.Entry> a : agents.entries().entrySet()) {
            ConfigNode value = a.getValue().value();
            if (!(value instanceof MapNode spec)) {
                out.put(a.getKey(), a.getValue());
                continue;
            }
            MapNode merged = spec;
            for (String s : SECTIONS.keySet()) {
                merged = merged.without(s);
            }
            if (spec.get(section) instanceof MapNode own) {
                for (Map.Entry<String, ConfigNode.Entry> k : own.entries().entrySet()) {
                    merged = merged.with(k.getKey(), k.getValue().value());
                }
            } else if (spec.has(section)) {
                throw new ConfigException(spec.get(section).location(), "agents." + a.getKey() + "." + section,
                        "is " + spec.get(section).describe() + ", not a mapping of the agent's keys on "
                                + (kind == Kind.BANDIT_AGENT ? "bandits" : "tabular environments"));
            }
            String reason = misfit(merged, kind, registry, section);
            if (reason != null) {
                skipped.add(new Suite.Skipped(a.getKey(), reason));
                continue;
            }
            out.put(a.getKey(), new ConfigNode.Entry(a.getValue().keyLocation(), merged));
        }
        return new MapNode(agents.location(), out);
    }

    /** Why an agent cannot run on a kind of environment, or null when it can (or its type is unknown). */
    private static String misfit(MapNode agent, Kind kind, Registry registry, String section) {
        if (!(agent.get("type") instanceof ConfigNode.ScalarNode type)) {
            String where = kind == Kind.BANDIT_AGENT ? "bandits" : "tabular environments";
            return agent.has("type") ? null : "it has no type for " + where + " (no " + section + ": section)";
        }
        Kind other = kind == Kind.BANDIT_AGENT ? Kind.TABULAR_AGENT : Kind.BANDIT_AGENT;
        if (registry.find(kind, type.text()) == null && registry.find(other, type.text()) != null) {
            return type.text() + " is " + (other == Kind.BANDIT_AGENT ? "a bandit agent" : "a tabular agent");
        }
        return null;
    }

    private static ConfigNode nameNode(MapNode root, String name) {
        ConfigNode written = root.get("name");
        return new ConfigNode.ScalarNode(written != null ? written.location() : root.location(),
                ConfigNode.ScalarNode.Kind.STRING, name);
    }
}
