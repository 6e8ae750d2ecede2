package kelvin.experiments.config;

/**
 * One key of a config type: its name, what it accepts, its default and what it means.
 *
 * @param name the key as written in a config
 * @param type what values are allowed
 * @param defaultValue the value used when the key is absent (null: none)
 * @param required whether the key must be written
 * @param doc one sentence for {@code kelvin list} and the README
 */
public record Key(String name, ValueType type, Object defaultValue, boolean required, String doc) {

    public static Key required(String name, ValueType type, String doc) {
        return new Key(name, type, null, true, doc);
    }

    public static Key optional(String name, ValueType type, Object defaultValue, String doc) {
        return new Key(name, type, defaultValue, false, doc);
    }

    /** An optional key with no default: absent means "not used". */
    public static Key optional(String name, ValueType type, String doc) {
        return new Key(name, type, null, false, doc);
    }

    /** "required", "default X" or "optional", for listings. */
    public String defaultText() {
        if (required) {
            return "required";
        }
        if (defaultValue == null) {
            return "optional";
        }
        return "default " + Values.show(defaultValue);
    }
}
