package kelvin.experiments.config;

import java.util.List;
import java.util.function.Function;

/**
 * A named type a config can use (an environment, agent, policy or schedule): its keys, its
 * documentation and how to build it from validated values. Registered once in {@link Catalog};
 * validation, {@code kelvin list} and the README tables all read it from there.
 *
 * @param kind the family
 * @param name the name written in configs, e.g. {@code exponential}
 * @param summary one line: what it is, with the formula where there is one
 * @param keys the keys it accepts besides the discriminator
 * @param factory builds the domain object; may throw IllegalArgumentException or
 *     {@link ConfigException} via {@link Values#error}
 */
public record TypeSpec(Kind kind, String name, String summary, List<Key> keys, Function<Values, Object> factory) {

    public TypeSpec {
        keys = List.copyOf(keys);
    }

    public Key key(String keyName) {
        for (Key k : keys) {
            if (k.name().equals(keyName)) {
                return k;
            }
        }
        return null;
    }
}
