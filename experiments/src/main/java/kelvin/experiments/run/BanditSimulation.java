package kelvin.experiments.run;

import java.util.List;
import kelvin.agents.bandit.BanditLearner;
import kelvin.agents.bandit.GaussianRunner;
import kelvin.env.bandit.BanditEnv;
import kelvin.env.bandit.BanditRun;
import kelvin.env.bandit.GaussianArms;
import kelvin.experiments.metric.BanditStep;
import kelvin.experiments.metric.Metric;
import kelvin.experiments.metric.Recorded;
import kelvin.experiments.model.BanditCell;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Runs blocks of bandit runs of one cell. Between checkpoints the loop only selects, pulls, learns
 * and adds up regret and its area; at a checkpoint every metric reads the step. Where the agent has
 * a {@link GaussianRunner} and the bandit's arms are stationary Gaussian, whole runs go through
 * that fused loop instead, with the same numbers; a metric that observes every step keeps the runs
 * on the step-by-step loop.
 */
public final class BanditSimulation implements Simulation {
    private final Experiment experiment;
    private final int[] checkpoints;
    private final List<Recorded> metrics;
    private final boolean everyStep;
    private final int areaColumn;
    private final boolean recordsRegret;
    /** Whether runs that a {@link GaussianRunner} covers take it (false only to compare the loops). */
    private final boolean fused;
    private final StopFlag stopFlag = new StopFlag();

    /**
     * A simulation that takes the fused loop wherever it applies.
     *
     * @param experiment a bandit experiment
     */
    public BanditSimulation(Experiment experiment) {
        this(experiment, true);
    }

    /**
     * A simulation that takes the fused loop where it applies ({@code fused}) or always the
     * step-by-step one; both give the same bytes (the tests check it), so this only matters for
     * benchmarks and for checking a suspected difference.
     *
     * @param experiment a bandit experiment
     * @param fused whether to take fused loops
     */
    public BanditSimulation(Experiment experiment, boolean fused) {
        this.experiment = experiment;
        this.fused = fused;
        this.checkpoints = experiment.checkpoints();
        this.metrics = experiment.metrics();
        boolean every = false;
        for (Recorded m : metrics) {
            every |= m.metric().observesEveryStep();
        }
        this.everyStep = every;
        this.areaColumn = Simulation.areaColumn(experiment);
        this.recordsRegret = experiment.rankingMetric() >= 0;
    }

    @Override
    public int tallies() {
        return 0;
    }

    @Override
    public int slots() {
        return metrics.size() * checkpoints.length;
    }

    @Override
    public void runBlock(Cell cell, int from, int to, Moments out, RunRows rows) {
        BanditCell c = (BanditCell) cell;
        BanditEnv env = c.environment();
        GaussianRunner runner = fused && !everyStep ? c.agent().gaussianRunner(env.arms()) : null;
        Metric.BanditRecorder[] recorders = new Metric.BanditRecorder[metrics.size()];
        View view = new View();
        for (int r = from; r < to; r++) {
            stopFlag.check();
            boolean fusedRun = false;
            try {
                UniformRandomProvider envRng = Streams.environment(experiment.seed(), r);
                BanditRun bandit = env.start(envRng);
                for (int k = 0; k < recorders.length; k++) {
                    recorders[k] = metrics.get(k).metric().startBandit(bandit);
                }
                rows.beginRun();
                GaussianArms arms = runner == null ? null : bandit.stationaryGaussian();
                double area;
                if (arms != null) {
                    fusedRun = true;
                    view.reset(bandit.arms(), null, runner, recorders, out, rows);
                    area = runner.run(arms.means(), arms.noise(), arms.normals(),
                            Streams.agentGenerator(experiment.seed(), c.label(), r), experiment.horizon(), checkpoints,
                            view);
                } else {
                    BanditLearner learner = c.agent().start(bandit.arms(), Streams.agent(experiment.seed(), c.label(),
                            r));
                    view.reset(bandit.arms(), learner, null, recorders, out, rows);
                    area = run(bandit, learner, recorders, view);
                }
                rows.set(areaColumn, recordsRegret ? area : Double.NaN);
            } catch (RuntimeException e) {
                throw fusedRun && RunFailure.unlocated(e) ? locate(c, r, e) : RunFailure.located(e, c.label(), r);
            }
        }
    }

    /**
     * Stops the runs of every thread at the next run, checkpoint or 65,536th step.
     */
    @Override
    public void stop() {
        stopFlag.raise();
    }

    /**
     * A failure of the fused loop, located by replaying the run step by step: the replay draws the
     * same numbers in the same order, so it fails at the same step, which the fused loop does not
     * track. Should it not fail, the failure is reported without a step.
     */
    private RunFailure locate(BanditCell c, int r, RuntimeException failure) {
        BanditRun bandit = c.environment().start(Streams.environment(experiment.seed(), r));
        Metric.BanditRecorder[] recorders = new Metric.BanditRecorder[metrics.size()];
        for (int k = 0; k < recorders.length; k++) {
            recorders[k] = metrics.get(k).metric().startBandit(bandit);
        }
        View view = new View();
        RunRows rows = new RunRows(Simulation.runColumns(experiment), 1);
        rows.beginRun();
        try {
            BanditLearner learner = c.agent().start(bandit.arms(), Streams.agent(experiment.seed(), c.label(), r));
            view.reset(bandit.arms(), learner, null, recorders, new Moments(slots(), tallies()), rows);
            run(bandit, learner, recorders, view);
        } catch (StepFailure f) {
            return RunFailure.of(c.label(), r, f.where, failure);
        } catch (RuntimeException again) {
            return RunFailure.of(c.label(), r, "", failure);
        }
        return RunFailure.of(c.label(), r, "", failure);
    }

    /**
     * Replays run {@code run} of {@code cell} and returns the temperature the agent used at each of
     * the 0-based step indices {@code at} (ascending, below the horizon): what a stateful schedule
     * really did in that run, feedback included. The streams are the ones the experiment uses, so
     * this is exactly the curve of run {@code run} in {@code kelvin run}.
     *
     * @param cell a bandit cell
     * @param run the run's 0-based index, which picks its random streams
     * @param at the step indices
     * @return one temperature per index of {@code at}, in its order; NaN for an agent without one
     * @throws IllegalArgumentException when an index of {@code at} is not below the horizon
     */
    public double[] temperatureTrace(BanditCell cell, int run, long[] at) {
        BanditRun bandit = cell.environment().start(Streams.environment(experiment.seed(), run));
        BanditLearner learner = cell.agent().start(bandit.arms(), Streams.agent(experiment.seed(), cell.label(), run));
        double[] out = new double[at.length];
        int next = 0;
        for (long t = 0; t < experiment.horizon() && next < at.length; t++) {
            int arm = learner.select();
            while (next < at.length && at[next] == t) {
                out[next++] = learner.temperature();
            }
            learner.update(arm, bandit.pull(arm));
        }
        if (next < at.length) {
            throw new IllegalArgumentException("step index " + at[next] + " is not below the horizon "
                    + experiment.horizon());
        }
        return out;
    }

    /**
     * One run step by step; returns the area under its regret curve. A failure inside a step comes
     * out as a {@link StepFailure} that says which.
     */
    private double run(BanditRun bandit, BanditLearner learner, Metric.BanditRecorder[] recorders, View view) {
        final int horizon = experiment.horizon();
        final int[] marks = checkpoints;
        final boolean every = everyStep;
        int next = 0;
        int mark = marks[0] - 1;
        double regret = 0;
        double area = 0;
        double rewards = 0;
        int t = 0;
        try {
            for (; t < horizon; t++) {
                int arm = learner.select();
                regret += bandit.bestMean() - bandit.mean(arm);
                area += regret;
                if (t != mark && !every) {
                    stopFlag.checkAt(t);
                    double reward = bandit.pull(arm);
                    rewards += reward;
                    learner.update(arm, reward);
                    continue;
                }
                // Whether the arm is optimal describes this step: read it before the pull moves a drifting bandit.
                boolean optimal = bandit.isOptimal(arm);
                double reward = bandit.pull(arm);
                rewards += reward;
                view.set(t, arm, optimal, reward, rewards, regret);
                if (every) {
                    for (Metric.BanditRecorder r : recorders) {
                        r.step(view);
                    }
                }
                if (t == mark) {
                    view.record(next);
                    next++;
                    mark = next < marks.length ? marks[next] - 1 : -1;
                }
                learner.update(arm, reward);
            }
        } catch (ContractViolation | RunStopped passOn) {
            throw passOn;
        } catch (RuntimeException e) {
            throw new StepFailure("step " + (t + 1), e);
        }
        return area;
    }

    /**
     * The step metrics read, filled by either loop; it records the metrics at checkpoints (the
     * fused loop calls it directly). Entropy and temperature are asked of the agent once per step,
     * when a metric first wants them.
     */
    private final class View implements BanditStep, GaussianRunner.Checkpoints {
        private int arms;
        private BanditLearner learner;
        private GaussianRunner runner;
        private Metric.BanditRecorder[] recorders;
        private BanditStep.Quantity[] quantities = new BanditStep.Quantity[0];
        private Moments out;
        private RunRows rows;
        private long t;
        private int arm;
        private boolean optimal;
        private double reward;
        private double rewards;
        private double regret;
        private boolean entropyKnown;
        private double entropy;
        private boolean temperatureKnown;
        private double temperature;

        void reset(int arms, BanditLearner learner, GaussianRunner runner, Metric.BanditRecorder[] recorders,
                   Moments out, RunRows rows) {
            this.arms = arms;
            this.learner = learner;
            this.runner = runner;
            this.recorders = recorders;
            if (quantities.length != recorders.length) {
                quantities = new BanditStep.Quantity[recorders.length];
            }
            for (int k = 0; k < recorders.length; k++) {
                quantities[k] = recorders[k].quantity();
            }
            this.out = out;
            this.rows = rows;
        }

        void set(long t, int arm, boolean optimal, double reward, double rewards, double regret) {
            this.t = t;
            this.arm = arm;
            this.optimal = optimal;
            this.reward = reward;
            this.rewards = rewards;
            this.regret = regret;
            entropyKnown = false;
            temperatureKnown = false;
        }

        @Override
        public void checkpoint(int index, int t, int arm, boolean optimal, double reward, double rewards,
                double regret) {
            stopFlag.check();
            set(t, arm, optimal, reward, rewards, regret);
            record(index);
        }

        /** Records every metric's value of the current step as checkpoint {@code index}. */
        void record(int index) {
            int c = checkpoints.length;
            for (int k = 0; k < recorders.length; k++) {
                BanditStep.Quantity q = quantities[k];
                double v = q == null ? recorders[k].value(this) : switch (q) {
                    case REGRET -> regret;
                    case REWARD -> reward;
                    case AVERAGE_REWARD -> rewards / (t + 1);
                    case OPTIMAL -> optimal ? 1.0 : 0.0;
                    case ENTROPY -> entropy();
                    case TEMPERATURE -> temperature();
                };
                Simulation.record(out, rows, k, index, c, v);
            }
        }

        @Override
        public long t() {
            return t;
        }

        @Override
        public int arm() {
            return arm;
        }

        @Override
        public int arms() {
            return arms;
        }

        @Override
        public double reward() {
            return reward;
        }

        @Override
        public boolean optimal() {
            return optimal;
        }

        @Override
        public double regret() {
            return regret;
        }

        @Override
        public double averageReward() {
            return rewards / (t + 1);
        }

        @Override
        public double entropy() {
            if (!entropyKnown) {
                entropy = runner != null ? runner.entropy() : learner.entropy();
                entropyKnown = true;
            }
            return entropy;
        }

        @Override
        public double temperature() {
            if (!temperatureKnown) {
                temperature = runner != null ? runner.temperature() : learner.temperature();
                temperatureKnown = true;
            }
            return temperature;
        }
    }
}
