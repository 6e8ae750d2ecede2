package kelvin.experiments.run;

import java.util.List;
import kelvin.agents.tabular.TabularLearner;
import kelvin.env.mdp.HorizonValues;
import kelvin.env.mdp.TabularEnv;
import kelvin.env.mdp.TabularModel;
import kelvin.env.mdp.TabularRun;
import kelvin.env.mdp.TabularTask;
import kelvin.experiments.metric.Episode;
import kelvin.experiments.metric.Metric;
import kelvin.experiments.metric.Recorded;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.TabularCell;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Runs episodes of a tabular learner on a tabular MDP; at each checkpoint episode every metric reads
 * the episode. Regret is V*(start) - the episode's discounted return, V* evaluated on the model over
 * an episode of at most {@code max-steps} steps ({@link HorizonValues}), so it is finite and
 * describes the episodes the experiment really runs.
 *
 * <p>Tallies per cell, summed over runs: visits of every state (for the heatmap), then, per state
 * and action, how many runs end training with that greedy action (for the policy map).
 */
public final class TabularSimulation implements Simulation {
    private final Experiment experiment;
    private final int[] checkpoints;
    private final List<Recorded> metrics;
    private final boolean trackEntropy;
    private final boolean sumTemperatures;
    private final boolean recordsRegret;
    private final StopFlag stopFlag = new StopFlag();

    /**
     * A simulation of an experiment's tabular cells.
     *
     * @param experiment an experiment on a tabular MDP
     */
    public TabularSimulation(Experiment experiment) {
        this.experiment = experiment;
        this.checkpoints = experiment.checkpoints();
        this.metrics = experiment.metrics();
        boolean entropy = false;
        boolean temperatures = false;
        for (Recorded m : metrics) {
            entropy |= m.metric().needsEpisodeEntropy();
            temperatures |= m.metric().needsStepTemperatures();
        }
        this.trackEntropy = entropy;
        this.sumTemperatures = temperatures;
        this.recordsRegret = experiment.rankingMetric() >= 0;
    }

    @Override
    public int slots() {
        return metrics.size() * checkpoints.length;
    }

    /**
     * {@inheritDoc} Visits per state, then greedy-action counts per (state, action). Cells of an env
     * sweep may have smaller MDPs than the first; they use the front of the same layout.
     */
    @Override
    public int tallies() {
        int most = 0;
        for (Cell c : experiment.cells()) {
            TabularEnv env = ((TabularCell) c).environment().mdp();
            most = Math.max(most, env.states() * (1 + env.actions()));
        }
        return most;
    }

    @Override
    public void runBlock(Cell cell, int from, int to, Moments out, RunRows rows) {
        TabularCell c = (TabularCell) cell;
        TabularTask task = c.environment();
        TabularEnv env = task.mdp();
        TabularModel shared = env.isRandomized() ? null : env.model(null);
        double sharedOptimum = shared == null ? Double.NaN
                : HorizonValues.optimalStart(shared, task.gamma(), task.maxSteps());
        // the score floor of a shared model, computed once per block when a metric asks for it
        double[] sharedFloor = {Double.NaN};
        Metric.EpisodeRecorder[] recorders = new Metric.EpisodeRecorder[metrics.size()];
        boolean[] success = new boolean[env.states()];
        for (int s = 0; s < success.length; s++) {
            success[s] = env.successState(s);
        }
        for (int r = from; r < to; r++) {
            stopFlag.check();
            try {
                UniformRandomProvider envRng = Streams.environment(experiment.seed(), r);
                TabularModel model = shared != null ? shared : env.model(envRng);
                double optimum = shared != null ? sharedOptimum
                        : HorizonValues.optimalStart(model, task.gamma(), task.maxSteps());
                TabularRun run = TabularRun.of(model, envRng);
                TabularLearner learner = c.agent().start(model.states(), model.actions(),
                        Streams.agent(experiment.seed(), c.label(), r));
                for (int k = 0; k < recorders.length; k++) {
                    recorders[k] = metrics.get(k).metric().startEpisodes(model);
                }
                rows.beginRun();
                run(task, model, optimum, shared != null ? sharedFloor : new double[] {Double.NaN}, run, learner,
                        recorders, out, rows, success, env.successOnPositiveReturn());
            } catch (RuntimeException e) {
                throw RunFailure.located(e, c.label(), r);
            }
        }
    }

    /** Stops the runs of every thread at the next run, episode or 65,536th step of an episode. */
    @Override
    public void stop() {
        stopFlag.raise();
    }

    private void run(TabularTask task, TabularModel model, double optimum, double[] floor, TabularRun run,
                     TabularLearner learner,
                     Metric.EpisodeRecorder[] recorders, Moments out, RunRows rows, boolean[] successState,
                     boolean successOnReturn) {
        final int episodes = experiment.horizon();
        final int maxSteps = task.maxSteps();
        final double gamma = task.gamma();
        final int n = model.states();
        final int a = model.actions();
        boolean[] visited = new boolean[n];
        int covered = 0;
        int reachable = model.reachableCount();
        final int c = checkpoints.length;
        View view = new View(task, model, learner, optimum, floor);
        double regret = 0;
        double area = 0;
        int firstSuccess = 0;
        int next = 0;
        int mark = checkpoints[0] - 1;
        int e = 0;
        int steps = 0;
        try {
            for (; e < episodes; e++) {
                stopFlag.check();
                boolean record = e == mark;
                learner.trackEntropy(record && trackEntropy);
                learner.beginEpisode();
                int s = run.reset();
                out.tally(s, 1);
                if (!visited[s]) {
                    visited[s] = true;
                    covered++;
                }
                double undiscounted = 0;
                double discounted = 0;
                double discount = 1;
                double temperatures = 0;
                boolean success = false;
                steps = 0;
                while (true) {
                    stopFlag.checkAt(steps);
                    int action = learner.act(s);
                    if (record && sumTemperatures) {
                        temperatures += learner.temperature();
                    }
                    int s2 = run.step(action);
                    double reward = run.reward();
                    boolean terminated = run.terminated();
                    undiscounted += reward;
                    discounted += discount * reward;
                    discount *= gamma;
                    steps++;
                    out.tally(s2, 1);
                    if (!visited[s2]) {
                        visited[s2] = true;
                        covered++;
                    }
                    success |= s2 < successState.length && successState[s2];
                    learner.learn(s, action, reward, s2, terminated);
                    s = s2;
                    if (terminated || steps >= maxSteps) {
                        break;
                    }
                }
                learner.endEpisode();
                success |= successOnReturn && undiscounted > 0;
                if (success && firstSuccess == 0) {
                    firstSuccess = e + 1;
                }
                regret += optimum - discounted;
                area += regret;
                view.set(e, next == c - 1 && record, undiscounted, steps, regret, (double) covered / reachable,
                        firstSuccess, record && sumTemperatures ? temperatures / steps : Double.NaN,
                        record ? learner.episodeEntropy() : Double.NaN);
                for (Metric.EpisodeRecorder rec : recorders) {
                    rec.episode(view);
                }
                if (!record) {
                    continue;
                }
                for (int k = 0; k < recorders.length; k++) {
                    Simulation.record(out, rows, k, next, c, recorders[k].value(view));
                }
                next++;
                mark = next < checkpoints.length ? checkpoints[next] - 1 : -1;
            }
        } catch (ContractViolation | RunStopped passOn) {
            throw passOn;
        } catch (RuntimeException failure) {
            throw new StepFailure("episode " + (e + 1) + ", step " + (steps + 1), failure);
        }
        rows.set(Simulation.areaColumn(experiment), recordsRegret ? area : Double.NaN);
        for (int s = 0; s < n; s++) {
            out.tally(n + s * a + learner.greedyAction(s), 1);
        }
    }

    /** The episode metrics read. */
    private final class View implements Episode {
        private final TabularTask task;
        private final TabularModel model;
        private final TabularLearner learner;
        private final double optimum;
        /** One slot: the score floor once computed, NaN before; shared by the runs of a block on one model. */
        private final double[] floor;
        private int index;
        private boolean last;
        private double undiscounted;
        private int length;
        private double regret;
        private double coverage;
        private int firstSuccess;
        private double meanTemperature;
        private double entropy;

        View(TabularTask task, TabularModel model, TabularLearner learner, double optimum, double[] floor) {
            this.task = task;
            this.model = model;
            this.learner = learner;
            this.optimum = optimum;
            this.floor = floor;
        }

        void set(int index, boolean last, double undiscounted, int length, double regret, double coverage,
                 int firstSuccess, double meanTemperature, double entropy) {
            this.index = index;
            this.last = last;
            this.undiscounted = undiscounted;
            this.length = length;
            this.regret = regret;
            this.coverage = coverage;
            this.firstSuccess = firstSuccess;
            this.meanTemperature = meanTemperature;
            this.entropy = entropy;
        }

        @Override
        public int index() {
            return index;
        }

        @Override
        public int episodes() {
            return experiment.horizon();
        }

        @Override
        public boolean lastCheckpoint() {
            return last;
        }

        @Override
        public double undiscountedReturn() {
            return undiscounted;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public double regret() {
            return regret;
        }

        @Override
        public double coverage() {
            return coverage;
        }

        @Override
        public int firstSuccess() {
            return firstSuccess;
        }

        @Override
        public double meanTemperature() {
            return meanTemperature;
        }

        @Override
        public double entropy() {
            return entropy;
        }

        @Override
        public TabularLearner learner() {
            return learner;
        }

        @Override
        public TabularModel model() {
            return model;
        }

        @Override
        public double gamma() {
            return task.gamma();
        }

        @Override
        public int maxSteps() {
            return task.maxSteps();
        }

        @Override
        public double optimalValue() {
            return optimum;
        }

        @Override
        public double scoreFloor() {
            if (Double.isNaN(floor[0])) {
                floor[0] = task.mdp().scoreFloor(model, task.gamma(), task.maxSteps());
            }
            return floor[0];
        }
    }
}
