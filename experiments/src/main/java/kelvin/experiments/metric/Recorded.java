package kelvin.experiments.metric;

import java.util.Objects;

/**
 * A metric an experiment records, under the name the config uses for it.
 *
 * @param key the metric's name in configs and CSV files
 * @param metric the component that computes it
 */
public record Recorded(String key, Metric metric) {

    /**
     * Checks the parts are present.
     *
     * @param key the metric's name in configs and CSV files
     * @param metric the component that computes it
     * @throws NullPointerException if a part is null
     */
    public Recorded {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(metric, "metric");
    }
}
