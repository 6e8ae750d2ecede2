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
                ? new ConfigNode.ScalarNode(Location.of(source(path)), ConfigNode.ScalarNode.Kind.NULL, "null")
                : YamlTrees.parse(source(path), text);
        MapNode map = Binder.requireMap(root, "", "a mapping");
        return set(map, path.split("\\."), 0, value, path);
    }

    /**
     * Sets a value written in a config (a suite environment's {@code set}) at a dotted key path, as
     * {@link #apply} does for {@code --set}; problems with the path are reported where it was written.
     *
     * @param root the config to change, a mapping
     * @param path the dotted key path
     * @param value the node to put there, keeping its own location
     * @param where where the path was written
     * @return a copy of the tree with the value set
     */
    static MapNode setNode(MapNode root, String path, ConfigNode value, Location where) {
        if (!path.matches("[A-Za-z0-9_+.-]+") || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            throw new ConfigException(where, path, "is not a dotted key path such as agents.eps.policy.epsilon");
        }
        try {
            return set(root, path.split("\\."), 0, value, path);
        } catch (ConfigException e) {
            throw new ConfigException(where, e.path(), e.problem());
        }
    }

    /**
     * The same problem said of a command-line option that stands for {@code PATH=VALUE} (as
     * {@code kelvin run --runs N} stands for {@code --set runs=N}): when {@code e} is about the value an
     * override of {@code path} set, the option names it, in place of the override and the key path
     * ({@code --runs: 0 is out of range; ...}); any other problem is returned as it is.
     *
     * @param e a problem found while loading a config with the option's override applied last
     * @param path the key path the option sets
     * @param option the option's name, e.g. {@code --runs}
     * @return the problem attributed to the option, or {@code e}
     */
    public static ConfigException asOption(ConfigException e, String path, String option) {
        Location where = e.location();
        if (where == null || !where.source().equals(source(path))) {
            return e;
        }
        return new ConfigException(Location.of(option), "", e.problem());
    }

    /** Where a value an override of {@code path} set was written, as its messages name it. */
    private static String source(String path) {
        return SOURCE + " " + path;
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
