package kelvin.experiments.run;

import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;

/** Simulates blocks of runs of one cell into {@link Moments}; one implementation per kind of environment. */
public interface Simulation {

    /** Statistics slots: metrics x checkpoints. */
    int slots();

    /** Integer counters per cell (visits and greedy actions for tabular MDPs; none for bandits). */
    int tallies();

    /** Runs runs [from, to) of {@code cell}, adding their metrics to {@code out} in run order. */
    void runBlock(Cell cell, int from, int to, Moments out);

    /** The first slot of {@code m}'s checkpoints (metric position x checkpoints), or -1 if not recorded. */
    static int base(java.util.List<kelvin.experiments.model.Metric> metrics, kelvin.experiments.model.Metric m,
                    int checkpoints) {
        int i = metrics.indexOf(m);
        return i < 0 ? -1 : i * checkpoints;
    }

    /**
     * Values kept per run: the final value of each metric, in the experiment's metric order, then
     * the area under the run's regret curve (the sum of its cumulative regret over every step or
     * episode, NaN when regret is not recorded).
     */
    static int runColumns(Experiment experiment) {
        return experiment.metrics().size() + 1;
    }

    /** The per-run column holding the area under the regret curve. */
    static int areaColumn(Experiment experiment) {
        return experiment.metrics().size();
    }

    /**
     * Adds a metric's value at checkpoint {@code checkpoint} to slot {@code base + checkpoint} (no-op
     * when {@code base} is -1); at the last checkpoint also keeps it as the run's final value.
     */
    static void record(Moments out, int base, int checkpoint, int checkpoints, double value) {
        if (base < 0) {
            return;
        }
        out.add(base + checkpoint, value);
        if (checkpoint == checkpoints - 1) {
            out.setRunValue(base / checkpoints, value);
        }
    }

    /** The simulation for an experiment's kind of environment. */
    static Simulation of(Experiment experiment) {
        return experiment.episodic() ? new TabularSimulation(experiment) : new BanditSimulation(experiment);
    }
}
