package kelvin.experiments.scaffold;

import java.util.ArrayList;
import java.util.List;
import kelvin.agents.bandit.BanditAgent;
import kelvin.agents.policy.Policy;
import kelvin.agents.schedule.Schedule;
import kelvin.agents.tabular.TabularAgent;
import kelvin.api.Kind;
import kelvin.env.bandit.BanditEnv;
import kelvin.experiments.metric.Metric;

/**
 * What {@code kelvin new} can scaffold: each kind's word on the command line, the component kind it
 * declares, the interface its class implements, and the configs that compare it with the built-ins
 * that fit (each one a template {@code kelvin/new/WORD.CONFIG.yaml.txt} written as
 * {@code CONFIG.yaml}).
 */
public enum ScaffoldKind {
    /** A temperature schedule, compared on the testbed and on four rooms. */
    SCHEDULE("schedule", Kind.SCHEDULE, Schedule.class, "temperature schedule", List.of("testbed", "four-rooms")),
    /** An action-selection policy, compared on the testbed. */
    POLICY("policy", Kind.POLICY, Policy.class, "policy", List.of("testbed")),
    /** A bandit agent, compared on the testbed. */
    BANDIT_AGENT("bandit-agent", Kind.BANDIT_AGENT, BanditAgent.class, "bandit agent", List.of("testbed")),
    /** A tabular agent, compared on cliff walking. */
    TABULAR_AGENT("tabular-agent", Kind.TABULAR_AGENT, TabularAgent.class, "tabular agent",
            List.of("cliff-walking")),
    /** A bandit environment, with built-in agents on it. */
    ENVIRONMENT("environment", Kind.ENVIRONMENT, BanditEnv.class, "bandit environment", List.of("agents")),
    /** A metric, recorded on a quick-start-like config. */
    METRIC("metric", Kind.METRIC, Metric.class, "metric", List.of("testbed"));

    private final String word;
    private final Kind kind;
    private final Class<?> type;
    private final String description;
    private final List<String> configs;

    ScaffoldKind(String word, Kind kind, Class<?> type, String description, List<String> configs) {
        this.word = word;
        this.kind = kind;
        this.type = type;
        this.description = description;
        this.configs = configs;
    }

    /**
     * The kind a command line names.
     *
     * @param word e.g. {@code bandit-agent}
     * @return the kind
     * @throws ScaffoldException when no kind has that word, listing the allowed ones
     */
    public static ScaffoldKind of(String word) {
        for (ScaffoldKind k : values()) {
            if (k.word.equals(word)) {
                return k;
            }
        }
        throw new ScaffoldException("KIND '" + word + "' is not one kelvin new knows; allowed: " + String.join(", ",
                words()));
    }

    /**
     * The words of every kind, in order.
     *
     * @return schedule, policy, bandit-agent, tabular-agent, environment, metric
     */
    public static List<String> words() {
        List<String> words = new ArrayList<>();
        for (ScaffoldKind k : values()) {
            words.add(k.word);
        }
        return words;
    }

    /**
     * The word of the command line and of the templates' file names.
     *
     * @return e.g. {@code tabular-agent}
     */
    public String word() {
        return word;
    }

    /**
     * The kind of component the scaffold declares.
     *
     * @return the component kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The interface the scaffold's class implements.
     *
     * @return e.g. {@code Schedule.class}
     */
    public Class<?> type() {
        return type;
    }

    /**
     * The kind in words, for the README and messages.
     *
     * @return e.g. "temperature schedule"
     */
    public String description() {
        return description;
    }

    /**
     * The configs the scaffold writes, by the name of their file without {@code .yaml}.
     *
     * @return e.g. [testbed, four-rooms]
     */
    public List<String> configs() {
        return configs;
    }
}
