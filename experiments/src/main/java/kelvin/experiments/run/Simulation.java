package kelvin.experiments.run;

import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;

/**
 * Simulates blocks of runs of one cell into {@link Moments} (one slot per metric and checkpoint:
 * slot = metric position x checkpoints + checkpoint position) and {@link RunRows} (each run's final
 * values); one implementation per kind of environment.
 */
public interface Simulation {

    /**
     * The statistics slots.
     *
     * @return metrics x checkpoints
     */
    int slots();

    /**
     * The integer counters per cell.
     *
     * @return visits and greedy actions for tabular MDPs; none for bandits
     */
    int tallies();

    /**
     * Runs runs [from, to) of a cell, adding their metrics to {@code out} and their rows to
     * {@code rows} in run order.
     *
     * @param cell the cell
     * @param from the first run
     * @param to one past the last run
     * @param out the block's aggregates
     * @param rows the block's per-run values
     */
    void runBlock(Cell cell, int from, int to, Moments out, RunRows rows);

    /**
     * The values kept per run: the final value of each metric, in the experiment's metric order,
     * then the area under the run's regret curve (the sum of its cumulative regret over every step
     * or episode, NaN when regret is not recorded).
     *
     * @param experiment the experiment
     * @return metrics + 1
     */
    static int runColumns(Experiment experiment) {
        return experiment.metrics().size() + 1;
    }

    /**
     * The per-run column holding the area under the regret curve.
     *
     * @param experiment the experiment
     * @return its position
     */
    static int areaColumn(Experiment experiment) {
        return experiment.metrics().size();
    }

    /**
     * Records metric {@code metric}'s value at checkpoint {@code checkpoint}; at the last checkpoint
     * it is also the run's final value.
     *
     * @param out the aggregates
     * @param rows the per-run values
     * @param metric the metric's position
     * @param checkpoint the checkpoint's position
     * @param checkpoints the number of checkpoints
     * @param value the value (NaN: none)
     */
    static void record(Moments out, RunRows rows, int metric, int checkpoint, int checkpoints, double value) {
        out.add(metric * checkpoints + checkpoint, value);
        if (checkpoint == checkpoints - 1) {
            rows.set(metric, value);
        }
    }

    /**
     * The simulation for an experiment's kind of environment.
     *
     * @param experiment the experiment
     * @return its simulation
     */
    static Simulation of(Experiment experiment) {
        return experiment.episodic() ? new TabularSimulation(experiment) : new BanditSimulation(experiment);
    }
}
