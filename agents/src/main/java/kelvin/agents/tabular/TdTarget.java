package kelvin.agents.tabular;

import java.util.Arrays;

/**
 * The bootstrap target of a one-step TD control learner: what stands for the value of the next
 * state s' in r + gamma * (...) (Sutton &amp; Barto 2018, chapter 6).
 */
public enum TdTarget {
    /**
     * {@code q-learning}: max_b Q(s', b), off-policy (Watkins 1989; Sutton &amp; Barto eq. 6.8).
     */
    Q_LEARNING("q-learning"),
    /**
     * {@code sarsa}: Q(s', a'), with a' the behaviour policy's next action, chosen before the update
     * and then taken (Rummery &amp; Niranjan 1994; Sutton &amp; Barto eq. 6.7).
     */
    SARSA("sarsa"),
    /**
     * {@code expected-sarsa}: sum_b pi(b | s') Q(s', b), the expectation under the behaviour policy
     * at the next step (van Seijen, van Hasselt, Whiteson &amp; Wiering 2009; Sutton &amp; Barto
     * eq. 6.9).
     */
    EXPECTED_SARSA("expected-sarsa");

    private final String key;

    TdTarget(String key) {
        this.key = key;
    }

    /**
     * The config name, as {@link #of(String)} takes it.
     *
     * @return {@code q-learning}, {@code sarsa} or {@code expected-sarsa}
     */
    public String key() {
        return key;
    }

    /**
     * The target with the given config name.
     *
     * @param key {@code q-learning}, {@code sarsa} or {@code expected-sarsa}
     * @return the target
     * @throws IllegalArgumentException for any other name, listing the allowed ones
     */
    public static TdTarget of(String key) {
        for (TdTarget t : values()) {
            if (t.key.equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tabular learner '" + key + "'; allowed: "
            + Arrays.stream(values()).map(TdTarget::key).toList());
    }
}
