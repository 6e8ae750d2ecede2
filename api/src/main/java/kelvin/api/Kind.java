package kelvin.api;

/**
 * The kinds of component a config can name, with the key that names the type and the interface the
 * component's product implements. An agent is a bandit agent or a tabular agent; both are written
 * under {@code agents:} with {@code type:} and share one namespace.
 */
public enum Kind {
    /** An environment ({@code env: {type: ...}}): a {@code kelvin.env.bandit.BanditEnv} or a {@code kelvin.env.mdp.TabularTask}. */
    ENVIRONMENT("type", "environment", "kelvin.api.Environment"),
    /** A bandit agent: a {@code kelvin.agents.bandit.BanditAgent}. */
    BANDIT_AGENT("type", "agent", "kelvin.agents.bandit.BanditAgent"),
    /** A tabular agent: a {@code kelvin.agents.tabular.TabularAgent}. */
    TABULAR_AGENT("type", "agent", "kelvin.agents.tabular.TabularAgent"),
    /** An action-selection policy over action values: a {@code kelvin.agents.policy.Policy}. */
    POLICY("type", "policy", "kelvin.agents.policy.Policy"),
    /** A temperature (or epsilon) schedule: a {@code kelvin.agents.schedule.Schedule}. */
    SCHEDULE("schedule", "schedule", "kelvin.agents.schedule.Schedule"),
    /** A metric recorded per step or episode: a {@code kelvin.experiments.metric.Metric}. */
    METRIC("metrics", "metric", "kelvin.experiments.metric.Metric");

    private final String discriminator;
    private final String word;
    private final String product;

    Kind(String discriminator, String word, String product) {
        this.discriminator = discriminator;
        this.word = word;
        this.product = product;
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
     * The fully qualified name of the interface a component of this kind must create.
     *
     * @return the interface's binary name
     */
    public String product() {
        return product;
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
