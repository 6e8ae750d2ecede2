package kelvin.experiments.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed config document that remembers where every value was written, so that every error can
 * name its file, line and column. Only the experiments module sees these nodes; the binder turns
 * them into plain typed objects.
 */
public sealed interface ConfigNode {

    /**
     * Where the node was written.
     *
     * @return its source, line and column; line 0 for a value no file position gave
     */
    Location location();

    /**
     * What the node is, in words, for error messages.
     *
     * @return "a mapping", "a list", or a scalar with its text, such as "the number 3"
     */
    String describe();

    /**
     * A plain value (a key's default) as if it had been written at {@code location}: maps, lists,
     * arrays of doubles, strings, numbers and booleans.
     *
     * @param value a map, list, double array, string, number or boolean; anything else becomes its string
     * @param location where to say it was written
     * @return a tree whose every node is at {@code location}
     */
    static ConfigNode of(Object value, Location location) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            m.forEach((k, v) -> entries.put(String.valueOf(k), new Entry(location, of(v, location))));
            return new MapNode(location, entries);
        }
        if (value instanceof double[] a) {
            List<ConfigNode> items = new ArrayList<>();
            for (double d : a) {
                items.add(of(d, location));
            }
            return new ListNode(location, items);
        }
        if (value instanceof List<?> l) {
            List<ConfigNode> items = new ArrayList<>();
            for (Object o : l) {
                items.add(of(o, location));
            }
            return new ListNode(location, items);
        }
        if (value instanceof Double d) {
            return new ScalarNode(location, ScalarNode.Kind.FLOAT, d == Double.POSITIVE_INFINITY ? ".inf"
                    : d == Double.NEGATIVE_INFINITY ? "-.inf" : Double.toString(d));
        }
        if (value instanceof Long || value instanceof Integer) {
            return new ScalarNode(location, ScalarNode.Kind.INTEGER, value.toString());
        }
        if (value instanceof Boolean) {
            return new ScalarNode(location, ScalarNode.Kind.BOOLEAN, value.toString());
        }
        return new ScalarNode(location, ScalarNode.Kind.STRING, String.valueOf(value));
    }

    /**
     * A mapping with keys in document order; each key remembers its own location.
     *
     * @param location where the mapping starts
     * @param entries the keys with their own locations and values
     */
    record MapNode(Location location, Map<String, Entry> entries) implements ConfigNode {
        /**
         * Keeps the entries in document order, unmodifiable.
         *
         * @param location where the mapping starts
         * @param entries the keys with their own locations and values
         */
        public MapNode {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        /**
         * The value of a key.
         *
         * @param key a key of this mapping, or any other string
         * @return its value, or null when the key is absent
         */
        public ConfigNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        /**
         * Whether a key is written.
         *
         * @param key a key of this mapping, or any other string
         * @return true when present (even with a null value)
         */
        public boolean has(String key) {
            return entries.containsKey(key);
        }

        /**
         * A copy with {@code key} set to {@code value} (added at the end if absent).
         *
         * @param key the key to set
         * @param value the value to put under it
         * @return the copy; the key keeps its location when it was present
         */
        public MapNode with(String key, ConfigNode value) {
            Map<String, Entry> copy = new LinkedHashMap<>(entries);
            Entry old = copy.get(key);
            copy.put(key, new Entry(old == null ? value.location() : old.keyLocation(), value));
            return new MapNode(location, copy);
        }

        /**
         * A copy without {@code key}.
         *
         * @param key the key to drop
         * @return the copy, the other keys in their order
         */
        public MapNode without(String key) {
            Map<String, Entry> copy = new LinkedHashMap<>(entries);
            copy.remove(key);
            return new MapNode(location, copy);
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /**
     * A key's own location and its value.
     *
     * @param keyLocation where the key was written
     * @param value the node written under it
     */
    record Entry(Location keyLocation, ConfigNode value) {
    }

    /**
     * A sequence, in document order.
     *
     * @param location where the list starts
     * @param items its element nodes, in document order
     */
    record ListNode(Location location, List<ConfigNode> items) implements ConfigNode {
        /**
         * Keeps an unmodifiable copy of the elements.
         *
         * @param location where the list starts
         * @param items its element nodes, in document order
         */
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar as written.
     *
     * @param location where the scalar was written
     * @param kind how YAML resolved it
     * @param text the text as written (for strings, the string's value; for booleans, true or false)
     * @param plain whether it was written plain: without quotes, tag or block style, so that its
     *     kind comes from its text alone; a quoted {@code "0.1"} is a string, never a number
     */
    record ScalarNode(Location location, Kind kind, String text, boolean plain) implements ConfigNode {

        /**
         * A scalar written plain (as a default or a value Kelvin builds is).
         *
         * @param location where the scalar was written
         * @param kind how YAML resolved it
         * @param text the text as written
         */
        public ScalarNode(Location location, Kind kind, String text) {
            this(location, kind, text, true);
        }

        /** How a scalar was resolved by the YAML (or JSON) parser. */
        public enum Kind {
            /** A string (quoted, or plain text that resolves to no other kind). */
            STRING,
            /** A whole number. */
            INTEGER,
            /** A number with a fraction or exponent, or {@code .inf} / {@code .nan}. */
            FLOAT,
            /** true or false. */
            BOOLEAN,
            /** null, ~ or nothing. */
            NULL
        }

        /**
         * Whether this is a string written in quotes (or with a tag or block style).
         *
         * @return true for {@code "0.1"} and {@code 'x'}, false for plain text and every other kind
         */
        public boolean quotedString() {
            return kind == Kind.STRING && !plain;
        }

        @Override
        public String describe() {
            switch (kind) {
                case STRING:
                    return "the string " + Echo.quoted(text);
                case NULL:
                    return "an empty value (null)";
                case BOOLEAN:
                    return "the boolean " + text;
                default:
                    return "the number " + Echo.plain(text);
            }
        }
    }
}
