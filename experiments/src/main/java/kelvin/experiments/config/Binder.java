package kelvin.experiments.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kelvin.experiments.config.ConfigNode.ListNode;
import kelvin.experiments.config.ConfigNode.MapNode;
import kelvin.experiments.config.ConfigNode.ScalarNode;

/**
 * Checks config nodes against the {@link Catalog} and builds typed objects from them. Every
 * problem becomes one {@link ConfigException} naming the location, the key path, what was found and
 * what is allowed.
 */
public final class Binder {

    /** A built object and its fully resolved form (defaults filled in) for {@code config.yaml}. */
    public record Bound(Object value, Object resolved) {
    }

    /**
     * What a factory may need to know beyond its own keys: the experiment's environment (null while
     * the environment itself is bound) and horizon. Agents use it to check that they can run on the
     * environment and to pick defaults (Exp3's gamma from the horizon, Thompson's prior from the arms).
     */
    public record Context(Object env, long steps, int actions) {
        public static final Context NONE = new Context(null, 0, 0);

        /** Whether the number of actions is known (it is not while the environment itself is bound). */
        public boolean knowsActions() {
            return actions > 0;
        }
    }

    private Binder() {
    }

    /** Binds a mapping of one of {@code kind}'s types. */
    public static Bound bindType(Context context, ConfigNode node, Kind kind, String path) {
        MapNode map = requireMap(node, path, "a mapping with " + kind.discriminator() + ": (one of "
                + String.join(", ", Catalog.names(kind)) + ")");
        String disc = kind.discriminator();
        ConfigNode nameNode = map.get(disc);
        if (nameNode == null) {
            throw new ConfigException(map.location(), path, "missing key '" + disc + "': which " + kind.word()
                    + "? allowed: " + String.join(", ", Catalog.names(kind)));
        }
        if (!(nameNode instanceof ScalarNode) || ((ScalarNode) nameNode).kind() != ScalarNode.Kind.STRING) {
            throw new ConfigException(nameNode.location(), Values.join(path, disc), "expected the name of a "
                    + kind.word() + ", found " + nameNode.describe() + "; allowed: " + String.join(", ", Catalog.names(kind)));
        }
        String name = ((ScalarNode) nameNode).text();
        TypeSpec spec = Catalog.find(kind, name);
        if (spec == null) {
            throw new ConfigException(nameNode.location(), Values.join(path, disc), "unknown " + kind.word() + " '" + name
                    + "'" + Suggestions.hint(name, Catalog.names(kind)) + "; allowed: "
                    + String.join(", ", Catalog.names(kind)));
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put(disc, name);
        Map<String, Object> typed = bindKeys(context, map, path, spec.keys(), Set.of(disc), kind.word() + " '" + name + "'",
                resolved);
        Values values = new Values(map, path, typed, context);
        try {
            return new Bound(spec.factory().apply(values), resolved);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(map.location(), path, e.getMessage());
        }
    }

    /**
     * Binds the plain keys of a mapping (not a catalog type): checks unknown and missing keys and
     * converts each value. {@code ignored} keys are left for the caller.
     */
    public static Values bindPlain(MapNode map, String path, List<Key> keys, Set<String> ignored, String what,
                                   Map<String, Object> resolved) {
        return new Values(map, path, bindKeys(Context.NONE, map, path, keys, ignored, what, resolved), Context.NONE);
    }

    private static Map<String, Object> bindKeys(Context context, MapNode map, String path, List<Key> keys, Set<String> ignored,
                                                String what, Map<String, Object> resolved) {
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
                        + Suggestions.hint(key, all) + "; allowed: " + (all.isEmpty() ? "none" : String.join(", ", all)));
            }
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Key k : keys) {
            ConfigNode value = map.get(k.name());
            String keyPath = Values.join(path, k.name());
            if (value == null) {
                if (k.required()) {
                    throw new ConfigException(map.location(), keyPath, "missing required key for " + what + "; "
                            + k.name() + " is " + k.type().describe() + " (" + k.doc() + ")");
                }
                if (k.defaultValue() != null) {
                    typed.put(k.name(), k.defaultValue());
                    resolved.put(k.name(), resolvedDefault(k.defaultValue()));
                }
                continue;
            }
            Bound b = convert(context, value, k.type(), keyPath);
            typed.put(k.name(), b.value());
            resolved.put(k.name(), b.resolved());
        }
        return typed;
    }

    private static Object resolvedDefault(Object value) {
        if (value instanceof Catalog.Means) {
            Catalog.Means m = (Catalog.Means) value;
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("distribution", "normal");
            map.put("mean", m.mean());
            map.put("sd", m.sd());
            return map;
        }
        if (value instanceof double[]) {
            List<Double> list = new ArrayList<>();
            for (double d : (double[]) value) {
                list.add(d);
            }
            return list;
        }
        return value;
    }

    /** Converts one value to its key's type. */
    public static Bound convert(Context context, ConfigNode node, ValueType type, String path) {
        if (type instanceof ValueType.Num) {
            double v = number(node, (ValueType.Num) type, path);
            return new Bound(v, v);
        }
        if (type instanceof ValueType.Int) {
            long v = integer(node, (ValueType.Int) type, path);
            return new Bound(v, v);
        }
        if (type instanceof ValueType.Bool) {
            ScalarNode s = scalar(node, path, type);
            if (s.kind() != ScalarNode.Kind.BOOLEAN) {
                throw wrong(node, path, type);
            }
            boolean v = Boolean.parseBoolean(s.text().toLowerCase(Locale.ROOT));
            return new Bound(v, v);
        }
        if (type instanceof ValueType.Str) {
            ValueType.Str str = (ValueType.Str) type;
            String v = string(node, path, type);
            if (!Pattern.matches(str.regex(), v)) {
                throw new ConfigException(node.location(), path, "'" + v + "' is not allowed; expected " + str.what());
            }
            return new Bound(v, v);
        }
        if (type instanceof ValueType.Choice) {
            String v = choice(node, (ValueType.Choice) type, path);
            return new Bound(v, v);
        }
        if (type instanceof ValueType.NumList) {
            ValueType.NumList nl = (ValueType.NumList) type;
            ListNode list = requireList(node, path, type);
            if (list.items().size() < nl.minSize()) {
                throw new ConfigException(node.location(), path, "has " + list.items().size() + " numbers; expected "
                        + type.describe());
            }
            double[] v = new double[list.items().size()];
            List<Double> resolved = new ArrayList<>();
            for (int i = 0; i < v.length; i++) {
                v[i] = number(list.items().get(i), nl.element(), path + "[" + i + "]");
                resolved.add(v[i]);
            }
            return new Bound(v, resolved);
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
        if (type instanceof ValueType.ChoiceList) {
            ValueType.ChoiceList cl = (ValueType.ChoiceList) type;
            ListNode list = requireList(node, path, type);
            List<String> v = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                String item = choice(list.items().get(i), cl.element(), path + "[" + i + "]");
                if (v.contains(item)) {
                    throw new ConfigException(list.items().get(i).location(), path + "[" + i + "]", "'" + item
                            + "' is listed twice");
                }
                v.add(item);
            }
            if (v.isEmpty()) {
                throw new ConfigException(node.location(), path, "is empty; expected " + type.describe());
            }
            return new Bound(List.copyOf(v), List.copyOf(v));
        }
        if (type instanceof ValueType.Nested) {
            return bindType(context, node, ((ValueType.Nested) type).kind(), path);
        }
        if (type instanceof ValueType.NumOrSchedule) {
            if (node instanceof ScalarNode) {
                double v = number(node, ((ValueType.NumOrSchedule) type).constant(), path);
                return new Bound(Catalog.constant(v), v);
            }
            if (node instanceof MapNode) {
                return bindType(context, node, Kind.SCHEDULE, path);
            }
            throw wrong(node, path, type);
        }
        if (type instanceof ValueType.Means) {
            return Catalog.bindMeans(node, (ValueType.Means) type, path);
        }
        if (type instanceof ValueType.Group) {
            ValueType.Group g = (ValueType.Group) type;
            MapNode map = requireMap(node, path, type.describe());
            Map<String, Object> resolved = new LinkedHashMap<>();
            Values values = new Values(map, path, bindKeys(context, map, path, g.keys(), Set.of(), g.what(), resolved),
                    context);
            return new Bound(values, resolved);
        }
        throw new IllegalStateException("unhandled value type " + type);
    }

    static MapNode requireMap(ConfigNode node, String path, String expected) {
        if (!(node instanceof MapNode)) {
            throw new ConfigException(node.location(), path, "expected " + expected + ", found " + node.describe());
        }
        return (MapNode) node;
    }

    static ListNode requireList(ConfigNode node, String path, ValueType type) {
        if (!(node instanceof ListNode)) {
            throw wrong(node, path, type);
        }
        return (ListNode) node;
    }

    private static ScalarNode scalar(ConfigNode node, String path, ValueType type) {
        if (!(node instanceof ScalarNode)) {
            throw wrong(node, path, type);
        }
        return (ScalarNode) node;
    }

    private static String string(ConfigNode node, String path, ValueType type) {
        ScalarNode s = scalar(node, path, type);
        if (s.kind() != ScalarNode.Kind.STRING) {
            throw wrong(node, path, type);
        }
        return s.text();
    }

    private static String choice(ConfigNode node, ValueType.Choice type, String path) {
        String v = string(node, path, type);
        if (!type.values().contains(v)) {
            throw new ConfigException(node.location(), path, "'" + v + "' is not allowed"
                    + Suggestions.hint(v, type.values()) + "; expected " + type.describe());
        }
        return v;
    }

    static ConfigException wrong(ConfigNode node, String path, ValueType type) {
        return new ConfigException(node.location(), path, "expected " + type.describe() + ", found " + node.describe());
    }

    /** Parses a number the way YAML users write them, including inf and .inf; rejects NaN. */
    static double number(ConfigNode node, ValueType.Num type, String path) {
        ScalarNode s = scalar(node, path, type);
        double v;
        switch (s.kind()) {
            case INTEGER:
            case FLOAT:
            case STRING:
                v = parseNumber(s.text());
                if (Double.isNaN(v) && !isNanText(s.text())) {
                    throw wrong(node, path, type);
                }
                break;
            default:
                throw wrong(node, path, type);
        }
        if (Double.isNaN(v)) {
            throw new ConfigException(node.location(), path, "NaN is not allowed; expected " + type.describe());
        }
        if (!type.accepts(v)) {
            throw new ConfigException(node.location(), path, s.text() + " is out of range; expected " + type.describe());
        }
        return v;
    }

    private static long integer(ConfigNode node, ValueType.Int type, String path) {
        ScalarNode s = scalar(node, path, type);
        if (s.kind() != ScalarNode.Kind.INTEGER && s.kind() != ScalarNode.Kind.FLOAT) {
            throw wrong(node, path, type);
        }
        double d = parseNumber(s.text());
        long v;
        if (s.kind() == ScalarNode.Kind.INTEGER) {
            try {
                v = Long.parseLong(s.text().replace("_", "").replace("+", ""));
            } catch (NumberFormatException e) {
                throw new ConfigException(node.location(), path, s.text() + " is out of range; expected " + type.describe());
            }
        } else {
            // 1e6 is a natural way to write a count; accept it when it is whole.
            if (Double.isNaN(d) || d != Math.rint(d) || Math.abs(d) > 9.0e15) {
                throw new ConfigException(node.location(), path, s.text() + " is not a whole number; expected " + type.describe());
            }
            v = (long) d;
        }
        if (v < type.min() || v > type.max()) {
            throw new ConfigException(node.location(), path, s.text() + " is out of range; expected " + type.describe());
        }
        return v;
    }

    private static boolean isNanText(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return t.equals(".nan") || t.equals("nan");
    }

    /** NaN for text that is not a number. */
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
