package kelvin.experiments.cli;

import kelvin.api.Kind;
import kelvin.experiments.config.ExperimentLoader;
import kelvin.experiments.config.Registry;
import kelvin.experiments.metric.Better;
import kelvin.experiments.metric.Metric;
import kelvin.experiments.results.ValueFormat;

/**
 * The metrics a results folder names, looked up in the registry of the command that reads it: the
 * folder stores only their names, and a metric no loaded component declares (a plug-in's, without
 * its {@code --plugin}) is still read, only without its direction and format.
 */
public final class RecordedMetrics {

    private RecordedMetrics() {
    }

    /**
     * A metric by name.
     *
     * @param registry the built-ins and loaded plug-ins
     * @param name the metric's name
     * @return the metric, or null when no loaded component declares it
     */
    public static Metric metric(Registry registry, String name) {
        Registry.Entry e = registry.find(Kind.METRIC, name);
        return e == null ? null : ExperimentLoader.metric(e);
    }

    /**
     * How the metric's numbers are written.
     *
     * @param registry the built-ins and loaded plug-ins
     * @param name the metric's name
     * @return in percent where its chart shows percent (optimal action); plain for an unknown metric
     */
    public static ValueFormat format(Registry registry, String name) {
        Metric m = metric(registry, name);
        return m == null ? ValueFormat.PLAIN : ValueFormat.of(m);
    }

    /**
     * The metric's good direction.
     *
     * @param registry the built-ins and loaded plug-ins
     * @param name the metric's name
     * @return the direction, or null for a metric no loaded component declares
     */
    public static Better direction(Registry registry, String name) {
        Metric m = metric(registry, name);
        return m == null ? null : m.better();
    }
}
