package kelvin.experiments.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-step bandit metrics of DESIGN.md ("Metrics"), with the words charts use for them.
 */
public enum Metric {
    REGRET("regret", "Cumulative regret", "cumulative regret", Domain.BOTH),
    REWARD("reward", "Reward", "reward at step t", Domain.BANDIT),
    AVERAGE_REWARD("average-reward", "Average reward", "mean reward over steps 1 to t", Domain.BANDIT),
    OPTIMAL_ACTION("optimal-action", "Optimal action", "share of runs choosing an optimal arm", Domain.BANDIT),
    RETURN("return", "Return", "undiscounted return of episode t", Domain.TABULAR),
    LENGTH("length", "Episode length", "steps in episode t", Domain.TABULAR),
    COVERAGE("coverage", "Coverage", "share of reachable states visited so far", Domain.TABULAR),
    GREEDY_VALUE("greedy-value", "Greedy-policy value", "value of the greedy policy from the start", Domain.TABULAR),
    FIRST_SUCCESS("first-success", "Episodes to first success",
            "episodes until the first successful one (horizon + 1 if none)", Domain.TABULAR),
    ENTROPY("entropy", "Policy entropy", "entropy of the action distribution (nats)", Domain.BOTH),
    TEMPERATURE("temperature", "Temperature", "temperature T", Domain.BOTH);

    /** Which values of the metric are the good ones. */
    public enum Better { LOWER, HIGHER, NEITHER }

    /** Lower regret, episode length and episodes to success are better; entropy and T are neither. */
    public Better better() {
        switch (this) {
            case REGRET:
            case LENGTH:
            case FIRST_SUCCESS:
                return Better.LOWER;
            case ENTROPY:
            case TEMPERATURE:
                return Better.NEITHER;
            default:
                return Better.HIGHER;
        }
    }

    /** Which environments a metric is defined on. */
    public enum Domain { BANDIT, TABULAR, BOTH }

    private final String key;
    private final String title;
    private final String axisLabel;
    private final Domain domain;

    Metric(String key, String title, String axisLabel, Domain domain) {
        this.key = key;
        this.title = title;
        this.axisLabel = axisLabel;
        this.domain = domain;
    }

    /** Whether the metric is defined for bandits ({@code episodic} false) or tabular MDPs. */
    public boolean appliesTo(boolean episodic) {
        return domain == Domain.BOTH || (domain == Domain.TABULAR) == episodic;
    }

    /** The metric names defined on bandits ({@code episodic} false) or tabular MDPs. */
    public static List<String> allowed(boolean episodic) {
        List<String> keys = new ArrayList<>();
        for (Metric m : values()) {
            if (m.appliesTo(episodic)) {
                keys.add(m.key);
            }
        }
        return keys;
    }

    /** The metrics recorded when a config names none. */
    public static List<String> defaults(boolean episodic) {
        List<String> keys = new ArrayList<>();
        for (Metric m : values()) {
            if (m.appliesTo(episodic) && m != FIRST_SUCCESS) {
                keys.add(m.key);
            }
        }
        return keys;
    }

    /** The name used in configs and CSV files. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public String axisLabel() {
        return axisLabel;
    }

    public static Metric of(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric " + key);
    }

    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Metric m : values()) {
            keys.add(m.key);
        }
        return keys;
    }
}
