package kelvin.experiments.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import kelvin.experiments.config.ConfigNode.MapNode;

/**
 * The validated values of one config mapping, handed to a {@link TypeSpec}'s factory. Every
 * value has already been checked against its key's {@link ValueType}; factories only combine them
 * and report cross-key problems through {@link #error(String, String)}.
 */
public final class Values {
    private final MapNode node;
    private final String path;
    private final Map<String, Object> typed;
    private final Binder.Context context;

    Values(MapNode node, String path, Map<String, Object> typed, Binder.Context context) {
        this.node = node;
        this.path = path;
        this.typed = typed;
        this.context = context;
    }

    /** The experiment around this mapping (environment, horizon), for checks across sections. */
    public Binder.Context context() {
        return context;
    }

    /** The dotted path of this mapping, e.g. {@code agents.sa.policy.temperature}. */
    public String path() {
        return path;
    }

    /** Whether {@code key} has a value (written, or defaulted). */
    public boolean has(String key) {
        return typed.get(key) != null;
    }

    /** Whether {@code key} was written in the config (not defaulted). */
    public boolean written(String key) {
        return node != null && node.has(key);
    }

    public double num(String key) {
        return (Double) require(key);
    }

    /** The number, or {@code fallback} when the key is absent and has no default. */
    public double num(String key, double fallback) {
        Object v = typed.get(key);
        return v == null ? fallback : (Double) v;
    }

    public long integer(String key) {
        return (Long) require(key);
    }

    public int intValue(String key) {
        return Math.toIntExact((Long) require(key));
    }

    public boolean bool(String key) {
        return (Boolean) require(key);
    }

    public String str(String key) {
        return (String) require(key);
    }

    public double[] nums(String key) {
        return ((double[]) require(key)).clone();
    }

    @SuppressWarnings("unchecked")
    public List<String> words(String key) {
        return (List<String>) require(key);
    }

    /** A nested object (policy, schedule, means ...), already built. */
    public <T> T get(String key, Class<T> type) {
        return type.cast(require(key));
    }

    private Object require(String key) {
        Object v = typed.get(key);
        if (v == null) {
            throw new IllegalStateException("no value for " + key + " at " + path);
        }
        return v;
    }

    /** A config error about {@code key} of this mapping, located where the key was written. */
    public ConfigException error(String key, String problem) {
        Location loc = location(key);
        return new ConfigException(loc, join(path, key), problem);
    }

    /**
     * A config error about item {@code index} of the list at {@code key}, located at that item when
     * it was written in the file (e.g. one row of a map).
     */
    public ConfigException errorAt(String key, int index, String problem) {
        ConfigNode list = node == null ? null : node.get(key);
        if (list instanceof ConfigNode.ListNode && index >= 0 && index < ((ConfigNode.ListNode) list).items().size()) {
            return new ConfigException(((ConfigNode.ListNode) list).items().get(index).location(),
                    join(path, key) + "[" + index + "]", problem);
        }
        return error(key, problem);
    }

    /** A config error about this mapping as a whole. */
    public ConfigException error(String problem) {
        return new ConfigException(node == null ? null : node.location(), path, problem);
    }

    private Location location(String key) {
        if (node == null) {
            return null;
        }
        ConfigNode.Entry e = node.entries().get(key);
        return e == null ? node.location() : e.value().location();
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A value as a user would write it, for messages and listings. */
    public static String show(Object value) {
        if (value instanceof Catalog.Means) {
            Catalog.Means m = (Catalog.Means) value;
            return m.values() != null ? show(m.values())
                    : "{distribution: normal, mean: " + show(m.mean()) + ", sd: " + show(m.sd()) + "}";
        }
        if (value instanceof Double) {
            double d = (Double) value;
            if (d == Double.POSITIVE_INFINITY) {
                return "inf";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return String.format(Locale.ROOT, "%.1f", d);
            }
            return Double.toString(d);
        }
        if (value instanceof double[]) {
            double[] a = (double[]) value;
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < a.length; i++) {
                sb.append(i > 0 ? ", " : "").append(show(a[i]));
            }
            return sb.append(']').toString();
        }
        return String.valueOf(value);
    }
}
