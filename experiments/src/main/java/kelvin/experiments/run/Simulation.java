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

    /** The simulation for an experiment's kind of environment. */
    static Simulation of(Experiment experiment) {
        return experiment.episodic() ? new TabularSimulation(experiment) : new BanditSimulation(experiment);
    }
}
