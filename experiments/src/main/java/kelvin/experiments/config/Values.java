package kelvin.experiments.config;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import kelvin.api.Context;
import kelvin.api.Settings;
import kelvin.experiments.config.ConfigNode.MapNode;

/**
 * The validated values of one config mapping, as a component's factory sees them
 * ({@link Settings}). Every value has been checked against its key's type; errors raised through it
 * are {@link ConfigException}s located where the key was written.
 */
final class Values implements Settings {
    private final MapNode node;
    private final String path;
    private final Map<String, Object> typed;
    private final Context context;

    Values(MapNode node, String path, Map<String, Object> typed, Context context) {
        this.node = node;
        this.path = path;
        this.typed = typed;
        this.context = context;
    }

    @Override
    public Context context() {
        return context;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public boolean has(String key) {
        return typed.get(key) != null;
    }

    @Override
    public boolean written(String key) {
        return node != null && node.has(key);
    }

    @Override
    public double num(String key) {
        return (Double) require(key);
    }

    @Override
    public double num(String key, double fallback) {
        Object v = typed.get(key);
        return v == null ? fallback : (Double) v;
    }

    @Override
    public long integer(String key) {
        return (Long) require(key);
    }

    @Override
    public int intValue(String key) {
        return Math.toIntExact((Long) require(key));
    }

    @Override
    public boolean bool(String key) {
        return (Boolean) require(key);
    }

    @Override
    public String str(String key) {
        return (String) require(key);
    }

    @Override
    public double[] nums(String key) {
        return ((double[]) require(key)).clone();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> words(String key) {
        return (List<String>) require(key);
    }

    @Override
    public Settings group(String key) {
        return (Settings) require(key);
    }

    @Override
    public boolean isList(String key) {
        return require(key) instanceof double[];
    }

    @Override
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

    @Override
    public ConfigException error(String key, String problem) {
        return new ConfigException(location(key), join(path, key), problem);
    }

    @Override
    public ConfigException errorAt(String key, int index, String problem) {
        ConfigNode list = node == null ? null : node.get(key);
        if (list instanceof ConfigNode.ListNode items && index >= 0 && index < items.items().size()) {
            return new ConfigException(items.items().get(index).location(), join(path, key) + "[" + index + "]",
                    problem);
        }
        return error(key, problem);
    }

    @Override
    public ConfigException error(String problem) {
        return new ConfigException(node == null ? null : node.location(), path, problem);
    }

    @Override
    public String hint(String given, Collection<String> known) {
        return Suggestions.hint(given, known);
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
}
