package kelvin.api;

/**
 * The kinds of component a config can name, with the key that names the type. An agent is a bandit
 * agent or a tabular agent; both are written under {@code agents:} with {@code type:} and share one
 * namespace. What a component of each kind creates:
 * <ul>
 *   <li>{@link #ENVIRONMENT}: a {@code kelvin.env.bandit.BanditEnv} or a {@code kelvin.env.mdp.TabularTask};</li>
 *   <li>{@link #BANDIT_AGENT}: a {@code kelvin.agents.bandit.BanditAgent};</li>
 *   <li>{@link #TABULAR_AGENT}: a {@code kelvin.agents.tabular.TabularAgent};</li>
 *   <li>{@link #POLICY}: a {@code kelvin.agents.policy.Policy};</li>
 *   <li>{@link #SCHEDULE}: a {@code kelvin.agents.schedule.Schedule};</li>
 *   <li>{@link #METRIC}: a {@code kelvin.experiments.metric.Metric}.</li>
 * </ul>
 */
public enum Kind {
    /** An environment ({@code env: {type: ...}}). */
    ENVIRONMENT("type", "environment"),
    /** A bandit agent. */
    BANDIT_AGENT("type", "agent"),
    /** A tabular agent. */
    TABULAR_AGENT("type", "agent"),
    /** An action-selection policy over action values. */
    POLICY("type", "policy"),
    /** A temperature (or epsilon) schedule. */
    SCHEDULE("schedule", "schedule"),
    /** A metric recorded per step or episode. */
    METRIC("metrics", "metric");

    private final String discriminator;
    private final String word;

    Kind(String discriminator, String word) {
        this.discriminator = discriminator;
        this.word = word;
    }

    /**
     * The key that names the type in a config mapping.
     *
     * @return {@code type} or {@code schedule} (metrics are listed by name under {@code metrics})
     */
    public String discriminator() {
        return discriminator;
    }

    /**
     * The kind in words, as error messages use it.
     *
     * @return e.g. "policy"; both agent kinds say "agent"
     */
    public String word() {
        return word;
    }

    /**
     * Whether this is one of the two agent kinds.
     *
     * @return true for bandit and tabular agents
     */
    public boolean isAgent() {
        return this == BANDIT_AGENT || this == TABULAR_AGENT;
    }
}
