package kelvin.agents.tabular;

import java.util.Arrays;
import kelvin.api.ValueType;

/**
 * How q-learning summarises Q(s', .) into the value of the next state: the operator of its backup
 * r + gamma * op(Q(s', .)).
 *
 * <p>Only q-learning has this choice. SARSA bootstraps on the one action it will take next, so there
 * is nothing to summarise; expected SARSA's summary is its behaviour policy's expectation, so the
 * policy is the choice: a Boltzmann policy at a fixed temperature gives the Boltzmann softmax
 * operator sum_b softmax(Q / T)_b Q_b, and the maximum-entropy mellowmax policy, whose expected
 * value is mm_w by construction, gives the mellowmax backup.
 */
public enum Backup {
    /** {@code max}: max_b Q(s', b), Watkins' q-learning. */
    MAX("max"),
    /**
     * {@code mellowmax}: mm_w(Q(s', .)) = log((1/A) sum_b exp(w Q(s', b))) / w, a non-expansion
     * between the mean (w -&gt; 0) and the max (w -&gt; infinity) (Asadi &amp; Littman 2017).
     */
    MELLOWMAX("mellowmax"),
    /**
     * {@code soft}: tau ln sum_b exp(Q(s', b) / tau), the soft (entropy-regularised) backup whose
     * fixed point is the Q_T of {@code kelvin solve --temperature tau} (Fox, Pakman &amp; Tishby 2016).
     */
    SOFT("soft");

    /**
     * What a config may give as the soft backup's tau: positive and at most 1e50 like the rewards,
     * since each step adds up to tau ln A to the values.
     */
    static final ValueType.Num TAU = new ValueType.Num(0, true, ValueType.Num.MAX_MAGNITUDE, false, false);

    private final String key;

    Backup(String key) {
        this.key = key;
    }

    /**
     * The config name, as {@link #of(String)} takes it.
     *
     * @return {@code max}, {@code mellowmax} or {@code soft}
     */
    public String key() {
        return key;
    }

    /**
     * The name of the key that carries this backup's parameter.
     *
     * @return {@code omega} (mellowmax), {@code tau} (soft), or null (max has none)
     */
    public String parameterKey() {
        return switch (this) {
            case MAX -> null;
            case MELLOWMAX -> "omega";
            case SOFT -> "tau";
        };
    }

    /**
     * The backup with the given config name.
     *
     * @param key {@code max}, {@code mellowmax} or {@code soft}
     * @return the backup
     * @throws IllegalArgumentException for any other name, listing the allowed ones
     */
    public static Backup of(String key) {
        for (Backup b : values()) {
            if (b.key.equals(key)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown backup '" + key + "'; allowed: "
            + Arrays.stream(values()).map(Backup::key).toList());
    }
}
