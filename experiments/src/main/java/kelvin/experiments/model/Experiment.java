package kelvin.experiments.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kelvin.api.Environment;
import kelvin.experiments.config.ExperimentLoader;
import kelvin.experiments.config.Limits;
import kelvin.experiments.config.Registry;
import kelvin.experiments.metric.Recorded;

/**
 * A validated experiment: everything a run needs, as plain objects. Load one with
 * {@link #load(Path)} and run it with {@link kelvin.experiments.ExperimentSession}.
 *
 * @param name output folder name
 * @param seed master seed
 * @param runs runs per cell
 * @param horizon H: steps (bandits) or episodes (tabular MDPs)
 * @param episodic whether the environment is a tabular MDP (the horizon counts episodes)
 * @param environment the environment (for env sweeps, the first point's; each cell has its own)
 * @param cells agent variants x sweep points, in config order
 * @param sweepKeys swept key names (last path segments), in sweep order: extra CSV columns
 * @param metrics metrics to record, in config order
 * @param checkpoints 1-based steps at which metrics are recorded
 * @param spacing how the checkpoints are spread (log spacing also means log time axes on charts)
 * @param plot how the curve charts are drawn (the config's {@code plot} section)
 * @param resolved the fully resolved config (defaults filled in), for config.yaml
 */
public record Experiment(String name, long seed, int runs, int horizon, boolean episodic, Environment environment,
                         List<Cell> cells, List<String> sweepKeys, List<Recorded> metrics, int[] checkpoints,
                         Checkpoints.Spacing spacing, PlotSettings plot, Map<String, Object> resolved) {

    /**
     * Copies the lists and the checkpoint array; {@code resolved} is kept as given.
     *
     * @param name output folder name
     * @param seed master seed
     * @param runs runs per cell
     * @param horizon H: steps (bandits) or episodes (tabular MDPs)
     * @param episodic whether the environment is a tabular MDP (the horizon counts episodes)
     * @param environment the environment (for env sweeps, the first point's; each cell has its own)
     * @param cells agent variants x sweep points, in config order
     * @param sweepKeys swept key names (last path segments), in sweep order: extra CSV columns
     * @param metrics metrics to record, in config order
     * @param checkpoints 1-based steps at which metrics are recorded
     * @param spacing how the checkpoints are spread (log spacing also means log time axes on charts)
     * @param plot how the curve charts are drawn (the config's {@code plot} section)
     * @param resolved the fully resolved config (defaults filled in), for config.yaml
     */
    public Experiment {
        cells = List.copyOf(cells);
        sweepKeys = List.copyOf(sweepKeys);
        metrics = List.copyOf(metrics);
        checkpoints = checkpoints.clone();
    }

    /**
     * Loads and validates a config file with Kelvin's built-in components.
     *
     * @param file a YAML or JSON config
     * @return the validated experiment, its sweeps expanded into cells
     * @throws kelvin.experiments.config.ConfigException naming file, line, column and key when the
     *     config is not valid
     */
    public static Experiment load(Path file) {
        return ExperimentLoader.load(file, List.of(), Registry.builtIns());
    }

    /**
     * Loads and validates a config file after {@code PATH=VALUE} overrides, with the components of
     * {@code registry} (built-ins and plug-ins).
     *
     * @param file a YAML or JSON config
     * @param overrides {@code --set} assignments, applied before validation
     * @param registry the components the config may name
     * @return the validated experiment, its sweeps expanded into cells
     */
    public static Experiment load(Path file, List<String> overrides, Registry registry) {
        return ExperimentLoader.load(file, overrides, registry);
    }

    /**
     * Loads and validates a config file as {@link #load(Path, List, Registry)} does, within a work
     * budget other than the default hour.
     *
     * @param file a YAML or JSON config
     * @param overrides {@code --set} assignments, applied before validation
     * @param registry the components the config may name
     * @param budget the estimated work allowed; {@link Limits.Budget#UNLIMITED} also lifts the
     *     check against the JVM's maximum heap
     * @return the validated experiment, its sweeps expanded into cells
     * @throws kelvin.experiments.config.ConfigException when the config is not valid or needs more
     *     than the budget or the heap
     */
    public static Experiment load(Path file, List<String> overrides, Registry registry, Limits.Budget budget) {
        return ExperimentLoader.load(file, overrides, registry, budget);
    }

    /**
     * The experiment's size in words, as the command line prints it.
     *
     * @return e.g. {@code 3 variants x 500 runs x 1000 steps}
     */
    public String size() {
        return cells.size() + " variant" + (cells.size() == 1 ? "" : "s") + " x " + runs + " runs x " + horizon + " "
                + timeUnit() + "s";
    }

    /**
     * What the horizon counts.
     *
     * @return "step" or "episode"
     */
    public String timeUnit() {
        return episodic ? "episode" : "step";
    }

    /**
     * The position of a metric.
     *
     * @param key the metric's name
     * @return its position in {@link #metrics()}, or -1 when not recorded
     */
    public int metricIndex(String key) {
        for (int i = 0; i < metrics.size(); i++) {
            if (metrics.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A recorded metric by name.
     *
     * @param key the metric's name, as in the config's {@code metrics:} list
     * @return the recorded metric of that name
     * @throws IllegalArgumentException when the experiment does not record it
     */
    public Recorded metric(String key) {
        int i = metricIndex(key);
        if (i < 0) {
            throw new IllegalArgumentException("metric " + key + " is not recorded; recorded: "
                    + metrics.stream().map(Recorded::key).toList());
        }
        return metrics.get(i);
    }

    /**
     * The metric variants are ranked by, when recorded.
     *
     * @return its position in {@link #metrics()}, or -1 when no recorded metric ranks variants
     */
    public int rankingMetric() {
        for (int i = 0; i < metrics.size(); i++) {
            if (metrics.get(i).metric().ranksVariants()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The checkpoints.
     *
     * @return a copy of the 1-based steps (or episodes) at which metrics are recorded
     */
    @Override
    public int[] checkpoints() {
        return checkpoints.clone();
    }
}
