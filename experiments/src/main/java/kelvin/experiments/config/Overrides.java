package kelvin.experiments.config;

import java.util.Arrays;
import kelvin.experiments.config.ConfigNode.MapNode;

/**
 * Command-line overrides {@code --set PATH=VALUE}: PATH is a dotted key path from the top of the
 * config (e.g. {@code runs}, {@code agents.eps.policy.epsilon}), VALUE is read as YAML. Applied to
 * the parsed tree before validation, so an override is checked exactly like a written value.
 */
public final class Overrides {
    static final String SOURCE = "--set";

    private Overrides() {
    }

    /**
     * Applies one {@code PATH=VALUE} assignment to a parsed config.
     *
     * @param root the parsed config, a mapping
     * @param assignment the assignment, VALUE read as YAML (empty: null)
     * @return a copy of the tree with the value set; an absent last key is added
     * @throws ConfigException when the assignment is malformed or a key on its path is missing or not a
     *     mapping
     */
    public static ConfigNode apply(ConfigNode root, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException(Location.of(SOURCE), assignment, "expected PATH=VALUE, e.g. --set runs=100");
        }
        String path = assignment.substring(0, eq).trim();
        String text = assignment.substring(eq + 1);
        if (!path.matches("[A-Za-z0-9_+.-]+") || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            throw new ConfigException(Location.of(SOURCE), path, "is not a dotted key path such as runs or "
                    + "agents.eps.policy.epsilon");
        }
        ConfigNode value = text.isBlank()
                ? new ConfigNode.ScalarNode(Location.of(SOURCE + " " + path), ConfigNode.ScalarNode.Kind.NULL, "null")
                : YamlTrees.parse(SOURCE + " " + path, text);
        MapNode map = Binder.requireMap(root, "", "a mapping");
        return set(map, path.split("\\."), 0, value, path);
    }

    /**
     * Sets the value at {@code segments[i..]}. Keys may contain dots themselves (an agent named
     * {@code eps-0.1}), so at each level the longest run of segments that names an existing key wins.
     */
    private static MapNode set(MapNode node, String[] segments, int i, ConfigNode value, String path) {
        for (int j = segments.length - 1; j > i; j--) {
            String key = String.join(".", Arrays.copyOfRange(segments, i, j + 1));
            if (node.has(key)) {
                if (j == segments.length - 1) {
                    return node.with(key, value);
                }
                if (node.get(key) instanceof MapNode) {
                    return node.with(key, set((MapNode) node.get(key), segments, j + 1, value, path));
                }
            }
        }
        if (i == segments.length - 1) {
            return node.with(segments[i], value);
        }
        ConfigNode child = node.get(segments[i]);
        if (!(child instanceof MapNode)) {
            String prefix = String.join(".", Arrays.copyOf(segments, i + 1));
            throw new ConfigException(Location.of(SOURCE), path, child == null
                    ? "the config has no mapping at " + prefix
                    : prefix + " is " + child.describe() + ", not a mapping");
        }
        return node.with(segments[i], set((MapNode) child, segments, i + 1, value, path));
    }
}
