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
     * @param cell a cell of the experiment this simulation was made for
     * @param from the first run's index (0-based)
     * @param to one past the last run's index
     * @param out receives the block's aggregates
     * @param rows receives one row per run of the block
     */
    void runBlock(Cell cell, int from, int to, Moments out, RunRows rows);

    /**
     * Asks every {@link #runBlock} in progress, on any thread, to give up its block at the next run
     * or checkpoint (at the latest after some tens of thousands of steps), and every later call to
     * give up at once: what a runner does when one of its workers failed or it was interrupted. An
     * abandoned block's aggregates are incomplete and must be dropped.
     */
    void stop();

    /**
     * The values kept per run: the final value of each metric, in the experiment's metric order,
     * then the area under the run's regret curve (the sum of its cumulative regret over every step
     * or episode, NaN when regret is not recorded).
     *
     * @param experiment the experiment whose runs are kept
     * @return metrics + 1
     */
    static int runColumns(Experiment experiment) {
        return experiment.metrics().size() + 1;
    }

    /**
     * The per-run column holding the area under the regret curve.
     *
     * @param experiment the experiment whose runs are kept
     * @return its position, after the metrics' columns
     */
    static int areaColumn(Experiment experiment) {
        return experiment.metrics().size();
    }

    /**
     * Records metric {@code metric}'s value at checkpoint {@code checkpoint}; at the last checkpoint
     * it is also the run's final value.
     *
     * @param out the block's aggregates
     * @param rows the block's per-run values, written in the current run's row
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
     * @param experiment a bandit or tabular experiment
     * @return a {@link TabularSimulation} when it is episodic, otherwise a {@link BanditSimulation}
     *     taking fused loops
     */
    static Simulation of(Experiment experiment) {
        return experiment.episodic() ? new TabularSimulation(experiment) : new BanditSimulation(experiment);
    }
}
