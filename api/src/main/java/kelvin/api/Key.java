package kelvin.api;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One key of a component: its name, what it accepts, its default and what it means. Validation,
 * {@code kelvin list}, the JSON Schema and the README reference all read it.
 *
 * @param name the key as written in a config
 * @param type what values are allowed
 * @param defaultValue the value used when the key is absent (null: none): a {@code Double},
 *     {@code Long}, {@code Boolean}, {@code String}, {@code double[]}, or for a
 *     {@link ValueType.Group} or {@link ValueType.ListOrGroup} a {@code Map} of the group's keys
 * @param required whether the key must be written
 * @param doc one sentence for {@code kelvin list} and the README
 */
public record Key(String name, ValueType type, Object defaultValue, boolean required, String doc) {

    /**
     * Checks the name and that the parts are present.
     *
     * @param name the key as written in a config
     * @param type what values are allowed
     * @param defaultValue the value used when the key is absent (null: none)
     * @param required whether the key must be written
     * @param doc one sentence for listings
     * @throws IllegalArgumentException if the name is not lower-case words joined by hyphens
     * @throws NullPointerException if the type or the doc is null
     */
    public Key {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(doc, "doc");
        if (name == null || !name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a key name is lower-case words joined by hyphens, e.g. initial or "
                    + "target-fraction: " + name);
        }
    }

    /**
     * A key that must be written.
     *
     * @param name the key
     * @param type what it accepts
     * @param doc one sentence
     * @return the key
     */
    public static Key required(String name, ValueType type, String doc) {
        return new Key(name, type, null, true, doc);
    }

    /**
     * An optional key with a default.
     *
     * @param name the key
     * @param type what it accepts
     * @param defaultValue its value when absent
     * @param doc one sentence
     * @return the key
     */
    public static Key optional(String name, ValueType type, Object defaultValue, String doc) {
        return new Key(name, type, defaultValue, false, doc);
    }

    /**
     * An optional key with no default: absent means "not used".
     *
     * @param name the key
     * @param type what it accepts
     * @param doc one sentence
     * @return the key
     */
    public static Key optional(String name, ValueType type, String doc) {
        return new Key(name, type, null, false, doc);
    }

    /**
     * How listings state the default.
     *
     * @return "required", "default X" or "optional"
     */
    public String defaultText() {
        if (required) {
            return "required";
        }
        if (defaultValue == null) {
            return "optional";
        }
        return "default " + show(defaultValue);
    }

    /**
     * A value as a user would write it, for messages and listings: whole doubles with one decimal,
     * infinity as {@code inf}, arrays and mappings in flow form.
     *
     * @param value a key's value or default
     * @return its text
     */
    public static String show(Object value) {
        if (value instanceof Double d) {
            if (d == Double.POSITIVE_INFINITY) {
                return "inf";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return String.format(Locale.ROOT, "%.1f", d);
            }
            return Double.toString(d);
        }
        if (value instanceof double[] a) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < a.length; i++) {
                sb.append(i > 0 ? ", " : "").append(show(a[i]));
            }
            return sb.append(']').toString();
        }
        if (value instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(sb.length() > 1 ? ", " : "").append(e.getKey()).append(": ").append(show(e.getValue()));
            }
            return sb.append('}').toString();
        }
        return String.valueOf(value);
    }
}
