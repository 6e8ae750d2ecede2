package kelvin.experiments.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kelvin.agents.bandit.BanditAgent;
import kelvin.agents.policy.Policy;
import kelvin.agents.schedule.Schedule;
import kelvin.agents.tabular.TabularAgent;
import kelvin.api.Component;
import kelvin.api.Context;
import kelvin.api.Environment;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.ValueType;
import kelvin.experiments.ExperimentException;
import kelvin.experiments.config.ConfigNode.ListNode;
import kelvin.experiments.config.ConfigNode.MapNode;
import kelvin.experiments.config.ConfigNode.ScalarNode;
import kelvin.experiments.metric.Metric;
import kelvin.experiments.run.PluginGuards;

/**
 * Checks config nodes against the components' declarations and builds the components from them.
 * Every problem becomes one {@link ConfigException} naming the location, the key path, what was
 * found and what is allowed. A component from a plug-in is wrapped in {@link PluginGuards}, which
 * hold it to the built-ins' contract while it runs.
 */
public final class Binder {

    /**
     * A built component and its fully resolved form (defaults filled in) for {@code config.yaml}.
     *
     * @param value the component (or plain value)
     * @param resolved its resolved form: maps, lists and scalars
     */
    public record Bound(Object value, Object resolved) {
    }

    /**
     * A schedule built while binding, where it was written.
     *
     * @param path its key path
     * @param schedule what the value at {@code path} built
     * @param node its mapping, or null for a plain number
     */
    public record BoundSchedule(String path, Schedule schedule, MapNode node) {
    }

    /** How whole numbers may be written, for messages. */
    static final String WHOLE_SPELLINGS = "5, 5.0 and 5e0 are whole; 1e3 is 1000";

    /** Beyond 2^53 a double no longer holds every whole number, so 1e16 may not be the count meant. */
    private static final double MAX_EXACT_WHOLE = 9.0e15;

    private final Registry registry;
    private final Context context;
    private final List<BoundSchedule> schedules = new ArrayList<>();

    /**
     * A binder that records every schedule it builds (see {@link #schedules()}).
     *
     * @param registry the components configs may name
     * @param context what factories may know about the experiment
     */
    public Binder(Registry registry, Context context) {
        this.registry = registry;
        this.context = context;
    }

    /**
     * The schedules built so far, in the order they were written.
     *
     * @return a copy, empty before any schedule was bound
     */
    public List<BoundSchedule> schedules() {
        return List.copyOf(schedules);
    }

    /**
     * The interface a component of a kind must create.
     *
     * @param kind a component kind
     * @return the interface its factories' products implement ({@link Metric} for metrics)
     */
    static Class<?> productType(Kind kind) {
        switch (kind) {
            case ENVIRONMENT:
                return Environment.class;
            case BANDIT_AGENT:
                return BanditAgent.class;
            case TABULAR_AGENT:
                return TabularAgent.class;
            case POLICY:
                return Policy.class;
            case SCHEDULE:
                return Schedule.class;
            default:
                return Metric.class;
        }
    }

    /**
     * Binds a mapping naming a component of {@code kind} (an environment, policy or schedule).
     *
     * @param node the value as written, which must be a mapping with the kind's discriminator key
     * @param kind which components the discriminator may name
     * @param path its key path
     * @return the component and its resolved form
     */
    public Bound bindType(ConfigNode node, Kind kind, String path) {
        List<String> names = registry.names(kind);
        String name = typeName(node, kind.discriminator(), kind.word(), names, path);
        Bound b = build(registry.find(kind, name), (MapNode) node, path);
        if (kind == Kind.SCHEDULE) {
            schedules.add(new BoundSchedule(path, (Schedule) b.value(), (MapNode) node));
        }
        return b;
    }

    /**
     * Binds an agent mapping; its type must be an agent of {@code kind} (the environment's).
     *
     * @param node the value as written, which must be a mapping with a {@code type} key
     * @param kind the agent kind the environment takes
     * @param path its key path
     * @return the agent and its resolved form
     */
    public Bound bindAgent(ConfigNode node, Kind kind, String path) {
        String name = typeName(node, "type", "agent", registry.agentNames(), path);
        Registry.Entry entry = registry.agent(name);
        if (entry.component().kind() != kind) {
            ScalarNode type = (ScalarNode) ((MapNode) node).get("type");
            throw new ConfigException(type.location(), path + ".type", kind == Kind.TABULAR_AGENT
                    ? "'" + name + "' is a bandit agent; on a tabular environment use "
                            + String.join(", ", registry.names(Kind.TABULAR_AGENT))
                    : "'" + name + "' learns on tabular environments; on a bandit use "
                            + String.join(", ", registry.names(Kind.BANDIT_AGENT)));
        }
        return build(entry, (MapNode) node, path);
    }

    /** The type named by {@code discriminator}, checked against {@code names}. */
    /**
     * The mapping a plain number at a number-or-schedule key stands for:
     * {@code {schedule: fixed, value: N}}, located where the number is written.
     *
     * @param number the number as written
     * @return its expanded form
     */
    static MapNode fixedSchedule(ScalarNode number) {
        Location at = number.location();
        Map<String, ConfigNode.Entry> entries = new LinkedHashMap<>();
        entries.put(Kind.SCHEDULE.discriminator(), new ConfigNode.Entry(at,
                new ScalarNode(at, ScalarNode.Kind.STRING, ValueType.NumOrSchedule.CONSTANT)));
        entries.put(ValueType.NumOrSchedule.CONSTANT_KEY, new ConfigNode.Entry(at, number));
        return new MapNode(at, entries);
    }

    private String typeName(ConfigNode node, String discriminator, String word, List<String> names, String path) {
        MapNode map = requireMap(node, path, "a mapping with " + discriminator + ": (one of " + String.join(", ", names)
                + ")");
        ConfigNode nameNode = map.get(discriminator);
        if (nameNode == null) {
            throw new ConfigException(map.location(), path, "missing key '" + discriminator + "': which " + word
                    + "? allowed: " + String.join(", ", names));
        }
        if (!(nameNode instanceof ScalarNode s) || s.kind() != ScalarNode.Kind.STRING) {
            throw new ConfigException(nameNode.location(), Values.join(path, discriminator), "expected the name of a "
                    + word + ", found " + nameNode.describe() + "; allowed: " + String.join(", ", names));
        }
        String name = s.text();
        if (!names.contains(name)) {
            throw new ConfigException(nameNode.location(), Values.join(path, discriminator), "unknown " + word + " "
                    + Echo.quoted(name) + Suggestions.hint(name, names) + "; allowed: " + String.join(", ", names));
        }
        return name;
    }

    private Bound build(Registry.Entry entry, MapNode map, String path) {
        Component<?> component = entry.component();
        String disc = component.kind().discriminator();
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put(disc, component.name());
        Map<String, Object> typed = bindKeys(map, path, component.keys(), Set.of(disc),
                component.kind().word() + " '" + component.name() + "'", resolved);
        Values values = new Values(map, path, typed, context);
        Object product;
        try {
            product = component.create(values);
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(map.location(), path, e.getMessage());
        } catch (RuntimeException e) {
            if (!entry.plugin()) {
                throw e;
            }
            throw new ConfigException(map.location(), path, entry.origin() + " failed to build from these settings: "
                    + ExperimentException.describe(e));
        }
        Class<?> type = productType(component.kind());
        if (!type.isInstance(product)) {
            throw new ConfigException(map.location(), path, entry.origin() + " is declared a " + component.kind().word()
                    + " but created " + (product == null ? "null" : "a " + product.getClass().getName()) + ", not a "
                    + type.getName());
        }
        if (entry.plugin()) {
            product = PluginGuards.guard(component.kind(), product, component.name());
        }
        return new Bound(product, resolved);
    }

    /**
     * Binds the plain keys of a mapping that is not a component (the top level, {@code record}):
     * checks unknown and missing keys and converts each value; {@code ignored} keys are left to the
     * caller.
     *
     * @param map the mapping as written
     * @param path its key path
     * @param keys the keys it may hold, with their types and defaults
     * @param ignored keys the caller handles
     * @param what the mapping in words, for messages
     * @param resolved receives the resolved values
     * @return the converted values, defaults filled in
     */
    public Values bindPlain(MapNode map, String path, List<Key> keys, Set<String> ignored, String what,
                            Map<String, Object> resolved) {
        return new Values(map, path, bindKeys(map, path, keys, ignored, what, resolved), context);
    }

    private Map<String, Object> bindKeys(MapNode map, String path, List<Key> keys, Set<String> ignored, String what,
                                         Map<String, Object> resolved) {
        Set<String> known = new LinkedHashSet<>();
        for (Key k : keys) {
            known.add(k.name());
        }
        for (Map.Entry<String, ConfigNode.Entry> e : map.entries().entrySet()) {
            String key = e.getKey();
            if (!known.contains(key) && !ignored.contains(key)) {
                Set<String> all = new LinkedHashSet<>(ignored);
                all.addAll(known);
                throw new ConfigException(e.getValue().keyLocation(), Values.join(path, key), "unknown key for " + what
                        + Suggestions.hint(key, all) + "; allowed: " + (all.isEmpty() ? "none" : String.join(", ",
                                all)));
            }
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Key k : keys) {
            ConfigNode value = map.get(k.name());
            String keyPath = Values.join(path, k.name());
            if (value == null) {
                if (k.required()) {
                    throw new ConfigException(map.location(), keyPath, "missing required key for " + what + "; "
                            + k.name() + " is " + describe(k.type()) + " (" + k.doc() + ")");
                }
                if (k.defaultValue() != null) {
                    Bound b = convert(ConfigNode.of(k.defaultValue(), map.location()), k.type(), keyPath);
                    typed.put(k.name(), b.value());
                    resolved.put(k.name(), b.resolved());
                }
                continue;
            }
            Bound b = convert(value, k.type(), keyPath);
            typed.put(k.name(), b.value());
            resolved.put(k.name(), b.resolved());
        }
        return typed;
    }

    /**
     * What a value type allows, in words, with the names of the components it can name.
     *
     * @param type a key's value type
     * @return e.g. "a mapping with schedule: (one of ...)" for a nested schedule
     */
    public String describe(ValueType type) {
        if (type instanceof ValueType.Nested n) {
            return "a mapping with " + n.kind().discriminator() + ": (one of "
                    + String.join(", ", registry.names(n.kind())) + ")";
        }
        if (type instanceof ValueType.NumOrSchedule s) {
            return s.constant().describe() + ", or a mapping with schedule: (one of "
                    + String.join(", ", registry.names(Kind.SCHEDULE)) + ")";
        }
        return type.describe();
    }

    /**
     * Converts one value to its key's type.
     *
     * @param node the value as written
     * @param type the key's type
     * @param path its key path
     * @return the value and its resolved form
     */
    public Bound convert(ConfigNode node, ValueType type, String path) {
        if (type instanceof ValueType.Num n) {
            double v = number(node, n, n, path);
            return new Bound(v, v);
        }
        if (type instanceof ValueType.Int i) {
            long v = integer(node, i, path);
            return new Bound(v, v);
        }
        if (type instanceof ValueType.Bool) {
            ScalarNode s = scalar(node, path, type);
            if (s.quotedString()) {
                throw quoted(s, path, type);
            }
            if (s.kind() != ScalarNode.Kind.BOOLEAN) {
                throw wrong(node, path, type);
            }
            boolean v = Boolean.parseBoolean(s.text());
            return new Bound(v, v);
        }
        if (type instanceof ValueType.Str str) {
            String v = string(node, path, type);
            if (!Pattern.matches(str.regex(), v)) {
                throw new ConfigException(node.location(), path, Echo.quoted(v) + " is not allowed; expected "
                        + str.what());
            }
            return new Bound(v, v);
        }
        if (type instanceof ValueType.Choice c) {
            String v = choice(node, c, path);
            return new Bound(v, v);
        }
        if (type instanceof ValueType.NumList nl) {
            return numbers(node, nl, type, path);
        }
        if (type instanceof ValueType.StrList) {
            ListNode list = requireList(node, path, type);
            List<String> v = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                v.add(string(list.items().get(i), path + "[" + i + "]", type));
            }
            if (v.isEmpty()) {
                throw new ConfigException(node.location(), path, "is empty; expected " + type.describe());
            }
            return new Bound(List.copyOf(v), List.copyOf(v));
        }
        if (type instanceof ValueType.ChoiceList cl) {
            ListNode list = requireList(node, path, type);
            List<String> v = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                String item = choice(list.items().get(i), cl.element(), path + "[" + i + "]");
                if (v.contains(item)) {
                    throw new ConfigException(list.items().get(i).location(), path + "[" + i + "]", "'" + item
                            + "' is listed twice (first as item " + (v.indexOf(item) + 1) + ")");
                }
                v.add(item);
            }
            if (v.isEmpty()) {
                throw new ConfigException(node.location(), path, "is empty; expected " + type.describe());
            }
            return new Bound(List.copyOf(v), List.copyOf(v));
        }
        if (type instanceof ValueType.Nested n) {
            return bindType(node, n.kind(), path);
        }
        if (type instanceof ValueType.NumOrSchedule ns) {
            if (node instanceof ScalarNode scalar) {
                double v = number(node, ns.constant(), type, path);
                MapNode fixed = fixedSchedule(scalar);
                Schedule s = (Schedule) build(registry.find(Kind.SCHEDULE, ValueType.NumOrSchedule.CONSTANT), fixed,
                        path)
                        .value();
                schedules.add(new BoundSchedule(path, s, null));
                return new Bound(s, v);
            }
            if (node instanceof MapNode) {
                return bindType(node, Kind.SCHEDULE, path);
            }
            throw wrong(node, path, type);
        }
        if (type instanceof ValueType.Group g) {
            return group(node, g, path);
        }
        if (type instanceof ValueType.ListOrGroup lg) {
            if (node instanceof ListNode) {
                return numbers(node, lg.list(), type, path);
            }
            if (node instanceof MapNode) {
                return group(node, lg.group(), path);
            }
            throw wrong(node, path, type);
        }
        throw new IllegalStateException("unhandled value type " + type);
    }

    private Bound numbers(ConfigNode node, ValueType.NumList nl, ValueType type, String path) {
        ListNode list = requireList(node, path, type);
        if (list.items().size() < nl.minSize()) {
            throw new ConfigException(node.location(), path, "has " + list.items().size() + " numbers; expected "
                    + nl.describe());
        }
        double[] v = new double[list.items().size()];
        List<Double> resolved = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            v[i] = number(list.items().get(i), nl.element(), nl.element(), path + "[" + i + "]");
            resolved.add(v[i]);
        }
        return new Bound(v, resolved);
    }

    private Bound group(ConfigNode node, ValueType.Group g, String path) {
        MapNode map = requireMap(node, path, g.describe());
        Map<String, Object> resolved = new LinkedHashMap<>();
        Values values = new Values(map, path, bindKeys(map, path, g.keys(), Set.of(), g.what(), resolved), context);
        return new Bound(values, resolved);
    }

    static MapNode requireMap(ConfigNode node, String path, String expected) {
        if (!(node instanceof MapNode)) {
            if (path.isEmpty() && node instanceof ScalarNode s && s.kind() == ScalarNode.Kind.STRING) {
                // A whole document that is one string is seldom a config: do not repeat the file.
                throw new ConfigException(node.location(), path, "expected " + expected + ", found text of "
                        + s.text().length() + " characters that is not a mapping; is this a config file?");
            }
            throw new ConfigException(node.location(), path, "expected " + expected + ", found " + node.describe());
        }
        return (MapNode) node;
    }

    private ListNode requireList(ConfigNode node, String path, ValueType type) {
        if (!(node instanceof ListNode)) {
            throw wrong(node, path, type);
        }
        return (ListNode) node;
    }

    private ScalarNode scalar(ConfigNode node, String path, ValueType type) {
        if (!(node instanceof ScalarNode)) {
            throw wrong(node, path, type);
        }
        return (ScalarNode) node;
    }

    private String string(ConfigNode node, String path, ValueType type) {
        ScalarNode s = scalar(node, path, type);
        if (s.kind() != ScalarNode.Kind.STRING) {
            throw wrong(node, path, type);
        }
        return s.text();
    }

    private String choice(ConfigNode node, ValueType.Choice type, String path) {
        String v = string(node, path, type);
        if (!type.values().contains(v)) {
            throw new ConfigException(node.location(), path, Echo.quoted(v) + " is not allowed"
                    + Suggestions.hint(v, type.values()) + "; expected " + type.describe());
        }
        return v;
    }

    private ConfigException wrong(ConfigNode node, String path, ValueType type) {
        return new ConfigException(node.location(), path, "expected " + describe(type) + ", found " + node.describe());
    }

    /**
     * Parses a number the way YAML users write them, including inf and .inf; rejects NaN and quoted
     * text. {@code shown} is what the key accepts, for messages (a temperature also takes a schedule).
     */
    private double number(ConfigNode node, ValueType.Num type, ValueType shown, String path) {
        ScalarNode s = scalar(node, path, shown);
        if (s.quotedString()) {
            throw quoted(s, path, shown);
        }
        double v = numeric(s);
        if (Double.isNaN(v) && !isNanText(s.text())) {
            throw wrong(node, path, shown);
        }
        if (Double.isNaN(v)) {
            throw new ConfigException(node.location(), path, "NaN is not allowed; expected " + type.describe());
        }
        if (!type.accepts(v)) {
            throw new ConfigException(node.location(), path,
                    Echo.plain(s.text()) + " is out of range; expected " + type.describe());
        }
        return v;
    }

    /**
     * Parses a whole number. Written as a whole number (5), or as a number whose value is whole
     * (5.0, 1e3), it is taken; 5.5, a quoted "5" and true are refused, each saying why.
     */
    private long integer(ConfigNode node, ValueType.Int type, String path) {
        ScalarNode s = scalar(node, path, type);
        if (s.quotedString()) {
            throw quoted(s, path, type);
        }
        String text = Echo.plain(s.text());
        long v;
        if (s.kind() == ScalarNode.Kind.INTEGER) {
            try {
                v = Long.parseLong(s.text().replace("_", "").replace("+", ""));
            } catch (NumberFormatException e) {
                throw new ConfigException(node.location(), path, text + " is out of range; expected "
                        + type.describe());
            }
        } else {
            double d = numeric(s);
            if (Double.isNaN(d) && !isNanText(s.text())) {
                throw wrong(node, path, type);
            }
            if (Double.isNaN(d) || d != Math.rint(d)) {
                throw new ConfigException(node.location(), path, text + " is not a whole number; expected "
                        + type.describe() + " (" + WHOLE_SPELLINGS + ")");
            }
            if (Math.abs(d) > MAX_EXACT_WHOLE) {
                throw new ConfigException(node.location(), path, text + " is out of range; expected "
                        + type.describe());
            }
            v = (long) d;
        }
        if (v < type.min() || v > type.max()) {
            throw new ConfigException(node.location(), path, text + " is out of range; expected " + type.describe());
        }
        return v;
    }

    /**
     * The number a scalar stands for: a YAML number, or plain text such as {@code inf} that
     * {@link #parseNumber} reads; NaN for anything else (quoted text included).
     */
    static double numeric(ScalarNode s) {
        switch (s.kind()) {
            case INTEGER:
            case FLOAT:
                return parseNumber(s.text());
            case STRING:
                return s.plain() ? parseNumber(s.text()) : Double.NaN;
            default:
                return Double.NaN;
        }
    }

    /**
     * A quoted string where a number, whole number or boolean is expected: when its text would be
     * one without the quotes, say so; otherwise say what was found.
     */
    private ConfigException quoted(ScalarNode s, String path, ValueType type) {
        String t = s.text().trim().toLowerCase(Locale.ROOT);
        boolean looksRight = !Double.isNaN(parseNumber(t)) || isNanText(t) || t.equals("true") || t.equals("false");
        if (!looksRight) {
            return wrong(s, path, type);
        }
        return new ConfigException(s.location(), path, Echo.quoted(s.text()) + " is a string; expected "
                + describe(type) + " (remove the quotes)");
    }

    private static boolean isNanText(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return t.equals(".nan") || t.equals("nan");
    }

    /**
     * A number as YAML users write it, infinity included.
     *
     * @param text the scalar's text
     * @return the number, or NaN for text that is not one
     */
    static double parseNumber(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("_", "");
        switch (t) {
            case ".inf": case "+.inf": case "inf": case "+inf": case "infinity": case "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-.inf": case "-inf": case "-infinity":
                return Double.NEGATIVE_INFINITY;
            case ".nan": case "nan":
                return Double.NaN;
            default:
                break;
        }
        if (!t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)(e[-+]?\\d+)?")) {
            return Double.NaN;
        }
        return Double.parseDouble(t);
    }
}
