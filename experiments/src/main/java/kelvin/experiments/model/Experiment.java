package kelvin.experiments.model;

import java.util.List;
import java.util.Map;

/**
 * A validated experiment: everything a run needs, as plain objects.
 *
 * @param name output folder name
 * @param seed master seed
 * @param runs runs per cell
 * @param horizon H: steps (bandits) or episodes (tabular MDPs)
 * @param environment the environment (for env sweeps, the first point's; each cell has its own)
 * @param cells agent variants x sweep points, in config order
 * @param sweepKeys swept key names (last path segments), in sweep order: extra CSV columns
 * @param metrics metrics to record, in config order
 * @param checkpoints 1-based steps at which metrics are recorded
 * @param spacing how the checkpoints are spread (log spacing also means log time axes on charts)
 * @param resolved the fully resolved config (defaults filled in), for config.yaml
 */
public record Experiment(String name, long seed, int runs, int horizon, Environment environment, List<Cell> cells,
                         List<String> sweepKeys, List<Metric> metrics, int[] checkpoints,
                         Checkpoints.Spacing spacing, Map<String, Object> resolved) {

    public Experiment {
        cells = List.copyOf(cells);
        sweepKeys = List.copyOf(sweepKeys);
        metrics = List.copyOf(metrics);
        checkpoints = checkpoints.clone();
    }

    /** "step" or "episode". */
    public String timeUnit() {
        return environment.timeUnit();
    }

    /** Whether the horizon counts episodes of a tabular MDP. */
    public boolean episodic() {
        return environment instanceof Environment.Tabular;
    }

    @Override
    public int[] checkpoints() {
        return checkpoints.clone();
    }
}
