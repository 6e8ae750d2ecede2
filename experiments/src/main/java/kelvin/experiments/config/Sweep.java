package kelvin.experiments.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.ValueType;
import kelvin.experiments.config.ConfigNode.ListNode;
import kelvin.experiments.config.ConfigNode.MapNode;
import kelvin.experiments.config.ConfigNode.ScalarNode;

/**
 * The {@code sweep} section: dotted paths inside agent specs, each with a list of values. The
 * cartesian product applies to every agent that has the path (the README's "Sweeps"); an agent "has"
 * a path when every mapping on the way exists and the last key is one its type accepts, written or
 * not. A plain number at a number-or-schedule key counts as the mapping it stands for,
 * {@code {schedule: fixed, value: N}}, so {@code policy.temperature.value} sweeps
 * {@code temperature: 1} too. A path no agent has is a config error that says what stands in the way.
 */
final class Sweep {

    /**
     * One sweep point for one agent (or the environment): its spec with the values substituted.
     *
     * @param node the spec with this point's values, or null when the spec is not a mapping
     * @param params each swept key (last path segment) with its value's text, in sweep order
     */
    record Point(MapNode node, Map<String, String> params) {
    }

    /** key=value,key=value for a cell label. */
    static String labelSuffix(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(sb.length() > 0 ? "," : "").append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    private record Axis(String path, String[] segments, List<ConfigNode> values) {
        String key() {
            return segments[segments.length - 1];
        }
    }

    private final Registry registry;
    private final List<Axis> axes;
    private final List<Axis> envAxes;
    /** Where the top-level sweep is written (null without one), for messages about its size. */
    private final Location location;

    private Sweep(Registry registry, List<Axis> axes, List<Axis> envAxes, Location location) {
        this.registry = registry;
        this.axes = axes;
        this.envAxes = envAxes;
        this.location = location;
    }

    boolean isEmpty() {
        return axes.isEmpty() && envAxes.isEmpty();
    }

    /** Paths of the top-level sweep that start with this prefix sweep the environment. */
    static final String ENV_PREFIX = "env.";

    /**
     * The environment's sweep points: the env spec with the values of every {@code env.*} sweep path
     * substituted (the cartesian product), or the env as written when nothing sweeps it.
     */
    List<Point> envPoints(ConfigNode env) {
        List<Point> points = new ArrayList<>();
        if (envAxes.isEmpty() || !(env instanceof MapNode)) {
            points.add(new Point(env instanceof MapNode ? (MapNode) env : null, Map.of()));
            return points;
        }
        expand((MapNode) env, envAxes, 0, new LinkedHashMap<>(), points);
        return points;
    }

    /** Swept key names (last path segments), in sweep order. */
    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Axis a : axes) {
            keys.add(a.key());
        }
        for (Axis a : envAxes) {
            if (!keys.contains(a.key())) {
                keys.add(a.key());
            }
        }
        return keys;
    }

    Map<String, Object> resolved() {
        Map<String, Object> map = new LinkedHashMap<>();
        List<Axis> all = new ArrayList<>(axes);
        all.addAll(envAxes);
        for (Axis a : all) {
            List<Object> values = new ArrayList<>();
            for (ConfigNode v : a.values()) {
                values.add(plain(v));
            }
            map.put(a.path(), values);
        }
        return map;
    }

    static Sweep parse(ConfigNode node, MapNode agents, ConfigNode env, Registry registry) {
        Sweep empty = new Sweep(registry, List.of(), List.of(), null);
        if (node == null) {
            return empty;
        }
        MapNode map = Binder.requireMap(node, "sweep", "a mapping from agent key paths to lists of values, "
                + "e.g. sweep: {policy.temperature.value: [0.1, 0.2]}");
        Map<String, ConfigNode.Entry> agentPaths = new LinkedHashMap<>();
        Map<String, ConfigNode.Entry> envPaths = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode.Entry> e : map.entries().entrySet()) {
            (e.getKey().startsWith(ENV_PREFIX) ? envPaths : agentPaths).put(e.getKey(), e.getValue());
        }
        List<Axis> axes = empty.axes(new MapNode(map.location(), agentPaths), "sweep", agents, null);
        return new Sweep(registry, axes, empty.envAxes(new MapNode(map.location(), envPaths), env), map.location());
    }

    /** Axes over the environment's keys: {@code env.KEY} paths; the env type itself cannot be swept. */
    private List<Axis> envAxes(MapNode map, ConfigNode env) {
        List<Axis> axes = new ArrayList<>();
        for (Map.Entry<String, ConfigNode.Entry> e : map.entries().entrySet()) {
            String path = e.getKey();
            String where = "sweep." + path;
            String inner = path.substring(ENV_PREFIX.length());
            if (!inner.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*") || inner.equals("type")) {
                throw new ConfigException(e.getValue().keyLocation(), where, "is not a key path inside env that can "
                        + "be swept, such as env.size or env.slip (the env type cannot be swept)");
            }
            ConfigNode valuesNode = e.getValue().value();
            if (!(valuesNode instanceof ListNode) || ((ListNode) valuesNode).items().isEmpty()) {
                throw new ConfigException(valuesNode.location(), where, "expected a non-empty list of values, found "
                        + valuesNode.describe());
            }
            String[] segments = inner.split("\\.");
            if (!accepts(env, Kind.ENVIRONMENT, segments, 0)) {
                String obstacle = obstacle(env, Kind.ENVIRONMENT, segments, 0);
                throw new ConfigException(e.getValue().keyLocation(), where, "the environment has no key " + inner
                        + (obstacle == null ? "" : ": " + obstacle));
            }
            requireDistinct((ListNode) valuesNode, where);
            axes.add(new Axis(path, segments, ((ListNode) valuesNode).items()));
        }
        return axes;
    }

    /**
     * Reads a sweep mapping at {@code where}. A global sweep ({@code agent} null) needs some agent
     * of {@code agents} to have each path; an agent's own sweep needs that agent to have it.
     */
    private List<Axis> axes(ConfigNode node, String prefix, MapNode agents, ConfigNode agent) {
        MapNode map = Binder.requireMap(node, prefix, "a mapping from agent key paths to lists of values, "
                + "e.g. sweep: {policy.temperature.value: [0.1, 0.2]}");
        List<Axis> axes = new ArrayList<>();
        Map<String, String> lastSegments = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode.Entry> e : map.entries().entrySet()) {
            String path = e.getKey();
            String where = prefix + "." + path;
            if (!path.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*")) {
                throw new ConfigException(e.getValue().keyLocation(), where, "is not a dotted key path inside an "
                        + "agent, such as policy.temperature.value");
            }
            ConfigNode valuesNode = e.getValue().value();
            if (!(valuesNode instanceof ListNode)) {
                throw new ConfigException(valuesNode.location(), where, "expected a list of values, found "
                        + valuesNode.describe());
            }
            ListNode values = (ListNode) valuesNode;
            if (values.items().isEmpty()) {
                throw new ConfigException(values.location(), where, "is an empty list; give at least one value");
            }
            requireDistinct(values, where);
            String[] segments = path.split("\\.");
            Axis axis = new Axis(path, segments, values.items());
            String previous = lastSegments.put(axis.key(), path);
            if (previous != null) {
                throw new ConfigException(e.getValue().keyLocation(), where, "ends in the same key as sweep path "
                        + previous + ", so their labels would clash; sweep them as separate experiments");
            }
            boolean has = false;
            String obstacle = null;
            if (agent != null) {
                has = accepts(withoutSweep(agent), Kind.BANDIT_AGENT, segments, 0);
                obstacle = has ? null : obstacle(withoutSweep(agent), Kind.BANDIT_AGENT, segments, 0);
            } else {
                for (Map.Entry<String, ConfigNode.Entry> a : agents.entries().entrySet()) {
                    ConfigNode spec = withoutSweep(a.getValue().value());
                    has |= accepts(spec, Kind.BANDIT_AGENT, segments, 0);
                    String why = obstacle == null ? obstacle(spec, Kind.BANDIT_AGENT, segments, 0) : null;
                    obstacle = why == null ? obstacle : "in agent " + Echo.plain(a.getKey()) + ", " + why;
                }
            }
            if (!has) {
                throw new ConfigException(e.getValue().keyLocation(), where, (agent != null ? "this agent has no such "
                        + "key path" : "no agent has this key path") + (obstacle != null ? ": " + obstacle
                        : "; a path starts inside an agent, e.g. policy.temperature.value or alpha"));
            }
            axes.add(axis);
        }
        return axes;
    }

    /**
     * Refuses a list that names one value twice: {@code [1, 1.0, 1e0]} are the same number, and a
     * sweep would compute the same variant once per spelling.
     */
    private static void requireDistinct(ListNode values, String where) {
        Map<Object, Integer> seen = new HashMap<>();
        for (int i = 0; i < values.items().size(); i++) {
            ConfigNode value = values.items().get(i);
            Integer first = seen.putIfAbsent(sameness(value), i);
            if (first != null) {
                throw new ConfigException(value.location(), where, Echo.plain(text(value)) + " (item " + (i + 1)
                        + ") equals " + Echo.plain(text(values.items().get(first))) + " (item " + (first + 1)
                        + "); a sweep computes each value once");
            }
        }
    }

    /** A value with numbers compared as numbers: equal for 1, 1.0 and 1e0, and for 0 and -0.0. */
    private static Object sameness(ConfigNode node) {
        if (node instanceof ScalarNode s) {
            double d = Binder.numeric(s);
            if (!Double.isNaN(d)) {
                return d == 0 ? 0.0 : d;
            }
            return List.of(s.kind(), s.plain(), s.text());
        }
        if (node instanceof ListNode l) {
            List<Object> items = new ArrayList<>();
            for (ConfigNode item : l.items()) {
                items.add(sameness(item));
            }
            return items;
        }
        Map<String, Object> map = new HashMap<>();
        for (Map.Entry<String, ConfigNode.Entry> e : ((MapNode) node).entries().entrySet()) {
            map.put(e.getKey(), sameness(e.getValue().value()));
        }
        return map;
    }

    /**
     * Refuses, from the lengths of the sweep lists alone and before any point is built, a config
     * whose sweeps make more than {@link Limits#MAX_CELLS} variants: env points x the sum over agents
     * of the product of the lists that apply to each. The count is a double, so it cannot overflow.
     *
     * @param agents the agents as written, each perhaps with its own sweep
     * @throws ConfigException naming the list sizes and their product
     */
    void requireWithinLimit(MapNode agents) {
        List<Integer> envSizes = new ArrayList<>();
        for (Axis a : envAxes) {
            envSizes.add(a.values().size());
        }
        double agentCount = 0;
        List<String> terms = new ArrayList<>();
        int unswept = 0;
        Location where = location;
        String path = "sweep";
        double largest = 0;
        for (Map.Entry<String, ConfigNode.Entry> e : agents.entries().entrySet()) {
            List<Integer> sizes = agentSizes(e.getValue().value());
            double count = product(sizes);
            agentCount += count;
            if (sizes.isEmpty()) {
                unswept++;
                continue;
            }
            terms.add("agent " + Echo.plain(e.getKey()) + ": " + factors(sizes, "values"));
            ConfigNode own = ((MapNode) e.getValue().value()).get(AGENT_SWEEP);
            if (count > largest && own != null) {
                largest = count;
                where = own.location();
                path = "agents." + e.getKey() + "." + AGENT_SWEEP;
            }
        }
        double total = product(envSizes) * agentCount;
        if (total <= Limits.MAX_CELLS) {
            return;
        }
        if (unswept > 0) {
            terms.add(unswept + (unswept == 1 ? " unswept agent" : " unswept agents"));
        }
        String sizes;
        if (envSizes.isEmpty() && terms.size() == 1) {
            sizes = terms.get(0);
        } else {
            sizes = (envSizes.isEmpty() ? "" : factors(envSizes, "env points") + " x ")
                    + (terms.size() == 1 ? terms.get(0) : "(" + String.join(" + ", terms) + ")");
        }
        throw new ConfigException(where, path, sizes + " = " + count(total) + " variants, more than the "
                + Limits.MAX_CELLS + " allowed; sweep fewer keys or values");
    }

    /**
     * The lengths of the sweep lists that apply to one agent, as written: the top-level paths it
     * has and the lists of its own sweep (checked later, when its points are built).
     */
    private List<Integer> agentSizes(ConfigNode agent) {
        List<Integer> sizes = new ArrayList<>();
        ConfigNode spec = withoutSweep(agent);
        for (Axis a : axes) {
            if (accepts(spec, Kind.BANDIT_AGENT, a.segments(), 0)) {
                sizes.add(a.values().size());
            }
        }
        ConfigNode own = agent instanceof MapNode m ? m.get(AGENT_SWEEP) : null;
        if (own instanceof MapNode ownMap) {
            for (ConfigNode.Entry o : ownMap.entries().values()) {
                if (o.value() instanceof ListNode list && !list.items().isEmpty()) {
                    sizes.add(list.items().size());
                }
            }
        }
        return sizes;
    }

    private static double product(List<Integer> sizes) {
        double p = 1;
        for (int size : sizes) {
            p *= size;
        }
        return p;
    }

    /** "20 values", "7 keys x 20 values" when every list has the same length, else "20 x 3 x 5". */
    private static String factors(List<Integer> sizes, String unit) {
        if (sizes.size() == 1) {
            return sizes.get(0) + " " + unit;
        }
        if (sizes.stream().distinct().count() == 1) {
            return sizes.size() + " keys x " + sizes.get(0) + " " + unit;
        }
        StringBuilder sb = new StringBuilder();
        for (int size : sizes) {
            sb.append(sb.length() > 0 ? " x " : "").append(size);
        }
        return sb.toString();
    }

    /** A count as a person reads it: 12000 exactly, 1.28e9 rounded. */
    private static String count(double n) {
        if (n < 1e6) {
            return Long.toString((long) n);
        }
        if (Double.isInfinite(n)) {
            return "more than 1e308";
        }
        String mantissa = String.format(Locale.ROOT, "%.3g", n / Math.pow(10, Math.floor(Math.log10(n))));
        mantissa = mantissa.contains(".") ? mantissa.replaceAll("0+$", "").replaceAll("\\.$", "") : mantissa;
        return mantissa + "e" + (long) Math.floor(Math.log10(n));
    }

    /** The key inside an agent that sweeps that agent alone. */
    static final String AGENT_SWEEP = "sweep";

    /** An agent spec without its own {@code sweep} key (which is not one of the type's keys). */
    static ConfigNode withoutSweep(ConfigNode agent) {
        if (!(agent instanceof MapNode) || !((MapNode) agent).has(AGENT_SWEEP)) {
            return agent;
        }
        Map<String, ConfigNode.Entry> entries = new LinkedHashMap<>(((MapNode) agent).entries());
        entries.remove(AGENT_SWEEP);
        return new MapNode(agent.location(), entries);
    }

    /** Swept key names of the global sweep and of every agent's own sweep, in order of appearance. */
    List<String> keys(MapNode agents) {
        List<String> keys = keys();
        for (Map.Entry<String, ConfigNode.Entry> e : agents.entries().entrySet()) {
            ConfigNode own = e.getValue().value() instanceof MapNode
                    ? ((MapNode) e.getValue().value()).get(AGENT_SWEEP) : null;
            if (own != null) {
                for (Axis a : axes(own, "agents." + e.getKey() + "." + AGENT_SWEEP, agents, e.getValue().value())) {
                    if (!keys.contains(a.key())) {
                        keys.add(a.key());
                    }
                }
            }
        }
        return keys;
    }

    /** The sweep points of one agent: one point (the agent as written) if no path applies. */
    List<Point> pointsFor(String agentName, ConfigNode agent) {
        List<Point> points = new ArrayList<>();
        if (!(agent instanceof MapNode)) {
            points.add(new Point(null, Map.of()));
            return points;
        }
        ConfigNode own = ((MapNode) agent).get(AGENT_SWEEP);
        ConfigNode spec = withoutSweep(agent);
        List<Axis> applicable = new ArrayList<>();
        for (Axis a : axes) {
            if (accepts(spec, Kind.BANDIT_AGENT, a.segments(), 0)) {
                applicable.add(a);
            }
        }
        if (own != null) {
            for (Axis a : axes(own, "agents." + agentName + "." + AGENT_SWEEP, null, agent)) {
                for (Axis g : applicable) {
                    if (g.key().equals(a.key())) {
                        throw new ConfigException(own.location(), "agents." + agentName + "." + AGENT_SWEEP + "."
                                + a.path(), "the top-level sweep already sweeps " + a.key() + " for this agent");
                    }
                }
                applicable.add(a);
            }
        }
        expand((MapNode) spec, applicable, 0, new LinkedHashMap<>(), points);
        return points;
    }

    /** The agent's own sweep, resolved, or null. */
    static Object resolvedOwn(ConfigNode agent) {
        ConfigNode own = agent instanceof MapNode ? ((MapNode) agent).get(AGENT_SWEEP) : null;
        return own == null ? null : plain(own);
    }

    private static void expand(MapNode node, List<Axis> axes, int i, Map<String, String> params, List<Point> out) {
        if (i == axes.size()) {
            out.add(new Point(node, new LinkedHashMap<>(params)));
            return;
        }
        Axis axis = axes.get(i);
        for (ConfigNode value : axis.values()) {
            params.put(axis.key(), text(value));
            expand(set(node, axis.segments(), 0, value), axes, i + 1, params, out);
            params.remove(axis.key());
        }
    }

    private static MapNode set(MapNode node, String[] segments, int i, ConfigNode value) {
        if (i == segments.length - 1) {
            return node.with(segments[i], value);
        }
        ConfigNode child = node.get(segments[i]);
        // accepts() let the path through a plain number only at a number-or-schedule key.
        MapNode inner = child instanceof ScalarNode number ? Binder.fixedSchedule(number) : (MapNode) child;
        return node.with(segments[i], set(inner, segments, i + 1, value));
    }

    /**
     * Whether the mapping {@code node} of {@code kind} has the key path {@code segments[i..]}; an
     * agent kind stands for both.
     */
    private boolean accepts(ConfigNode node, Kind kind, String[] segments, int i) {
        if (!(node instanceof MapNode)) {
            return false;
        }
        MapNode map = (MapNode) node;
        ConfigNode typeNode = map.get(kind.discriminator());
        if (!(typeNode instanceof ScalarNode)) {
            return false;
        }
        String name = ((ScalarNode) typeNode).text();
        Registry.Entry entry = kind.isAgent() ? registry.agent(name) : registry.find(kind, name);
        if (entry == null) {
            return false;
        }
        Key key = entry.component().key(segments[i]);
        if (key == null) {
            return false;
        }
        if (i == segments.length - 1) {
            return true;
        }
        ConfigNode child = map.get(segments[i]);
        Kind childKind;
        if (key.type() instanceof ValueType.Nested) {
            childKind = ((ValueType.Nested) key.type()).kind();
        } else if (key.type() instanceof ValueType.NumOrSchedule) {
            childKind = Kind.SCHEDULE;
            if (child instanceof ScalarNode number) {
                child = Binder.fixedSchedule(number);
            }
        } else {
            return false;
        }
        return accepts(child, childKind, segments, i + 1);
    }

    /**
     * Why the mapping {@code node} of {@code kind} does not have the key path {@code segments[i..]}
     * although it has a key on the way: that key's value is not written (so there is no mapping to
     * go into), or is a mapping of the key's own that is swept whole.
     *
     * @return the reason, naming the key path written so far, or null when no key on the way exists
     */
    private String obstacle(ConfigNode node, Kind kind, String[] segments, int i) {
        if (!(node instanceof MapNode map) || !(map.get(kind.discriminator()) instanceof ScalarNode typeNode)) {
            return null;
        }
        Registry.Entry entry = kind.isAgent() ? registry.agent(typeNode.text()) : registry.find(kind, typeNode.text());
        Key key = entry == null ? null : entry.component().key(segments[i]);
        if (key == null || i == segments.length - 1) {
            return null;
        }
        String at = String.join(".", List.of(segments).subList(0, i + 1));
        ConfigNode child = map.get(segments[i]);
        if (key.type() instanceof ValueType.Group || key.type() instanceof ValueType.ListOrGroup) {
            return at + " is " + key.type().describe() + " that is swept whole: sweep " + at
                    + " with a list of such values";
        }
        Kind childKind = key.type() instanceof ValueType.Nested nested ? nested.kind()
                : key.type() instanceof ValueType.NumOrSchedule ? Kind.SCHEDULE : null;
        if (childKind == null) {
            return null;
        }
        if (child == null) {
            return at + " is not written, so there is nothing inside it to sweep; write it out"
                    + (childKind == Kind.SCHEDULE ? " (e.g. " + segments[i] + ": {schedule: fixed, value: 1})" : "");
        }
        if (childKind == Kind.SCHEDULE && child instanceof ScalarNode number) {
            child = Binder.fixedSchedule(number);
        }
        return obstacle(child, childKind, segments, i + 1);
    }

    /** A value as it appears in labels: scalars as written, others in a compact flow form. */
    static String text(ConfigNode node) {
        if (node instanceof ScalarNode) {
            return ((ScalarNode) node).text();
        }
        if (node instanceof ListNode) {
            List<String> parts = new ArrayList<>();
            for (ConfigNode item : ((ListNode) node).items()) {
                parts.add(text(item));
            }
            return "[" + String.join(" ", parts) + "]";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, ConfigNode.Entry> e : ((MapNode) node).entries().entrySet()) {
            parts.add(e.getKey() + ":" + text(e.getValue().value()));
        }
        return "{" + String.join(" ", parts) + "}";
    }

    /** A node as plain Java values, for config.yaml. */
    static Object plain(ConfigNode node) {
        if (node instanceof ScalarNode) {
            ScalarNode s = (ScalarNode) node;
            switch (s.kind()) {
                case INTEGER:
                case FLOAT:
                    double d = Binder.parseNumber(s.text());
                    boolean whole = d == Math.rint(d) && Math.abs(d) < 1e15 && s.kind() == ScalarNode.Kind.INTEGER;
                    return whole ? (Object) (long) d : (Object) d;
                case BOOLEAN:
                    return Boolean.parseBoolean(s.text());
                case NULL:
                    return null;
                default:
                    return s.text();
            }
        }
        if (node instanceof ListNode) {
            List<Object> list = new ArrayList<>();
            for (ConfigNode item : ((ListNode) node).items()) {
                list.add(plain(item));
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode.Entry> e : ((MapNode) node).entries().entrySet()) {
            map.put(e.getKey(), plain(e.getValue().value()));
        }
        return map;
    }
}
