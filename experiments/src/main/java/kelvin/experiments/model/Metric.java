package kelvin.experiments.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-step bandit metrics of DESIGN.md ("Metrics"), with the words charts use for them.
 */
public enum Metric {
    REGRET("regret", "Cumulative regret", "cumulative pseudo-regret (sum of mu* - mu_A)"),
    REWARD("reward", "Reward", "reward at step t"),
    AVERAGE_REWARD("average-reward", "Average reward", "mean reward over steps 1 to t"),
    OPTIMAL_ACTION("optimal-action", "Optimal action", "share of runs choosing an optimal arm"),
    ENTROPY("entropy", "Policy entropy", "entropy of the action distribution (nats)"),
    TEMPERATURE("temperature", "Temperature", "temperature T_t");

    private final String key;
    private final String title;
    private final String axisLabel;

    Metric(String key, String title, String axisLabel) {
        this.key = key;
        this.title = title;
        this.axisLabel = axisLabel;
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
