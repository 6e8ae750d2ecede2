package kelvin.api;

import java.util.Collection;
import java.util.List;

/**
 * The validated values of one config mapping, handed to a {@link Component}'s factory. Every value
 * has been checked against its key's {@link ValueType} and defaults are filled in; a factory only
 * combines them and reports problems that involve several keys, or the environment, through the
 * {@code error} methods, which locate the problem in the config file.
 */
public interface Settings {

    /**
     * What the factory may need to know beyond its own keys.
     *
     * @return the experiment's environment (null while the environment itself is built) and horizon
     */
    Context context();

    /**
     * Where this mapping is in the config.
     *
     * @return the dotted key path, e.g. {@code agents.sa.policy.temperature}
     */
    String path();

    /**
     * Whether a key has a value.
     *
     * @param key the key
     * @return true when written or defaulted
     */
    boolean has(String key);

    /**
     * Whether a key was written in the config (not defaulted).
     *
     * @param key the key
     * @return true when written
     */
    boolean written(String key);

    /**
     * A number.
     *
     * @param key a {@link ValueType.Num} key with a value
     * @return its value
     * @throws IllegalStateException if the key has no value
     */
    double num(String key);

    /**
     * A number, or a fallback when the key is absent and has no default.
     *
     * @param key a {@link ValueType.Num} key
     * @param fallback the value when absent
     * @return its value or the fallback
     */
    double num(String key, double fallback);

    /**
     * A whole number.
     *
     * @param key a {@link ValueType.Int} key with a value
     * @return its value
     */
    long integer(String key);

    /**
     * A whole number that fits an int.
     *
     * @param key a {@link ValueType.Int} key with a value
     * @return its value
     * @throws ArithmeticException if it does not fit an int
     */
    int intValue(String key);

    /**
     * A boolean.
     *
     * @param key a {@link ValueType.Bool} key with a value
     * @return its value
     */
    boolean bool(String key);

    /**
     * A string or a choice.
     *
     * @param key a {@link ValueType.Str} or {@link ValueType.Choice} key with a value
     * @return its value
     */
    String str(String key);

    /**
     * A list of numbers.
     *
     * @param key a {@link ValueType.NumList} key (or a {@link ValueType.ListOrGroup} written as a list)
     * @return a copy of its numbers
     */
    double[] nums(String key);

    /**
     * A list of strings or choices.
     *
     * @param key a {@link ValueType.StrList} or {@link ValueType.ChoiceList} key with a value
     * @return its words
     */
    List<String> words(String key);

    /**
     * The settings of a mapping-valued key.
     *
     * @param key a {@link ValueType.Group} key (or a {@link ValueType.ListOrGroup} written as a mapping)
     * @return its settings
     */
    Settings group(String key);

    /**
     * Whether a {@link ValueType.ListOrGroup} key holds a list (else a mapping).
     *
     * @param key the key, with a value
     * @return true for the list form
     */
    boolean isList(String key);

    /**
     * A component built from a nested mapping.
     *
     * @param key a {@link ValueType.Nested} or {@link ValueType.NumOrSchedule} key with a value
     * @param type the component's interface
     * @param <T> that interface
     * @return the component
     */
    <T> T get(String key, Class<T> type);

    /**
     * A config error about one key, located where the key was written.
     *
     * @param key the key
     * @param problem what is wrong and what is allowed
     * @return the exception to throw
     */
    RuntimeException error(String key, String problem);

    /**
     * A config error about item {@code index} of a list-valued key (e.g. one row of a map), located at
     * that item.
     *
     * @param key the key
     * @param index the item's position
     * @param problem what is wrong
     * @return the exception to throw
     */
    RuntimeException errorAt(String key, int index, String problem);

    /**
     * A config error about this mapping as a whole.
     *
     * @param problem what is wrong
     * @return the exception to throw
     */
    RuntimeException error(String problem);

    /**
     * A "did you mean" hint for a near miss of a name, worded as Kelvin's own messages word it.
     *
     * @param given what the config says
     * @param known the names allowed
     * @return " (did you mean X?)" for a plausible typo, else ""
     */
    String hint(String given, Collection<String> known);
}
