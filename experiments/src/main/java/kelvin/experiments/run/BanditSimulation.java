package kelvin.experiments.run;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import kelvin.agents.bandit.BanditAgent;
import kelvin.agents.bandit.BanditLearner;
import kelvin.env.bandit.BanditEnv;
import kelvin.env.bandit.BanditRun;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Environment;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.Metric;

/**
 * Runs blocks of bandit runs of one cell and folds their metrics into {@link Moments}, one slot per
 * (metric, checkpoint): slot = metric position * checkpoints + checkpoint position. Nothing is kept
 * per run but a row of final values: between checkpoints the loop only selects, pulls, learns and
 * adds up regret and its area.
 */
public final class BanditSimulation implements Simulation {
    private final Experiment experiment;
    private final int[] checkpoints;
    private final int regretSlot;
    private final int rewardSlot;
    private final int averageRewardSlot;
    private final int optimalSlot;
    private final int entropySlot;
    private final int temperatureSlot;
    /** Whether cells that {@link FusedBoltzmannLoop} covers take it (false only in tests). */
    private final boolean fused;

    public BanditSimulation(Experiment experiment) {
        this(experiment, true);
    }

    /**
     * A simulation that takes the fused loop where it applies ({@code fused}) or always the generic
     * one; both give the same bytes (the tests check it), so this only matters for benchmarks and
     * for checking a suspected difference.
     */
    public BanditSimulation(Experiment experiment, boolean fused) {
        this.experiment = experiment;
        this.fused = fused;
        this.checkpoints = experiment.checkpoints();
        List<Metric> metrics = experiment.metrics();
        int c = checkpoints.length;
        regretSlot = Simulation.base(metrics, Metric.REGRET, c);
        rewardSlot = Simulation.base(metrics, Metric.REWARD, c);
        averageRewardSlot = Simulation.base(metrics, Metric.AVERAGE_REWARD, c);
        optimalSlot = Simulation.base(metrics, Metric.OPTIMAL_ACTION, c);
        entropySlot = Simulation.base(metrics, Metric.ENTROPY, c);
        temperatureSlot = Simulation.base(metrics, Metric.TEMPERATURE, c);
    }


    @Override
    public int tallies() {
        return 0;
    }

    /** Slots a {@link Moments} for this experiment needs. */
    @Override
    public int slots() {
        return experiment.metrics().size() * checkpoints.length;
    }

    @Override
    public void runBlock(Cell cell, int from, int to, Moments out) {
        BanditEnv env = env(cell);
        FusedBoltzmannLoop loop = fused ? FusedBoltzmannLoop.of(this, env, cell.agent()) : null;
        if (loop != null) {
            for (int r = from; r < to; r++) {
                UniformRandomProvider envRng = Streams.environment(experiment.seed(), r);
                loop.run(env.start(envRng), envRng, Streams.agentGenerator(experiment.seed(), cell.label(), r),
                        experiment.horizon(), out);
            }
            return;
        }
        BanditAgent agent = (BanditAgent) cell.agent();
        for (int r = from; r < to; r++) {
            BanditRun bandit = env.start(Streams.environment(experiment.seed(), r));
            BanditLearner learner = agent.start(bandit.arms(), Streams.agent(experiment.seed(), cell.label(), r));
            run(bandit, learner, out);
        }
    }

    /**
     * Replays run {@code run} of {@code cell} and returns the temperature the agent used at each of
     * the 0-based step indices {@code at} (ascending, below the horizon): what a stateful schedule
     * really did in that run, feedback included. The streams are the ones the experiment uses, so
     * this is exactly the curve of run {@code run} in {@code kelvin run}.
     */
    public double[] temperatureTrace(Cell cell, int run, long[] at) {
        BanditRun bandit = env(cell).start(Streams.environment(experiment.seed(), run));
        BanditLearner learner = ((BanditAgent) cell.agent()).start(bandit.arms(),
                Streams.agent(experiment.seed(), cell.label(), run));
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
            throw new IllegalArgumentException("step index " + at[next] + " is not below the horizon " + experiment.horizon());
        }
        return out;
    }

    private static BanditEnv env(Cell cell) {
        return ((Environment.Bandit) cell.environment()).env();
    }

    private void run(BanditRun bandit, BanditLearner learner, Moments out) {
        final int horizon = experiment.horizon();
        final int[] marks = checkpoints;
        out.beginRun();
        int next = 0;
        int mark = marks[0] - 1;
        double regret = 0;
        double area = 0;
        double rewards = 0;
        for (int t = 0; t < horizon; t++) {
            int arm = learner.select();
            regret += bandit.bestMean() - bandit.mean(arm);
            area += regret;
            if (t != mark) {
                double reward = bandit.pull(arm);
                rewards += reward;
                learner.update(arm, reward);
                continue;
            }
            // A checkpoint: read what describes this step before the reward moves the agent on.
            double entropy = entropySlot >= 0 ? learner.entropy() : 0;
            double temperature = temperatureSlot >= 0 ? learner.temperature() : 0;
            boolean optimal = bandit.isOptimal(arm);
            double reward = bandit.pull(arm);
            rewards += reward;
            checkpoint(out, next, entropy, temperature, optimal, reward, rewards / (t + 1), regret);
            learner.update(arm, reward);
            next++;
            mark = next < marks.length ? marks[next] - 1 : -1;
        }
        out.setRunValue(Simulation.areaColumn(experiment), regretSlot >= 0 ? area : Double.NaN);
    }

    /** Records checkpoint {@code next} of the current run: the values of its step, for every metric kept. */
    void checkpoint(Moments out, int next, double entropy, double temperature, boolean optimal, double reward,
                    double averageReward, double regret) {
        int c = checkpoints.length;
        Simulation.record(out, entropySlot, next, c, entropy);
        Simulation.record(out, temperatureSlot, next, c, temperature);
        Simulation.record(out, optimalSlot, next, c, optimal ? 1.0 : 0.0);
        Simulation.record(out, rewardSlot, next, c, reward);
        Simulation.record(out, averageRewardSlot, next, c, averageReward);
        Simulation.record(out, regretSlot, next, c, regret);
    }

    /** The 1-based steps of the checkpoints. */
    int[] checkpoints() {
        return checkpoints;
    }

    boolean recordsEntropy() {
        return entropySlot >= 0;
    }

    boolean recordsTemperature() {
        return temperatureSlot >= 0;
    }

    boolean recordsRegret() {
        return regretSlot >= 0;
    }

    /** The per-run column of the area under the regret curve. */
    int areaColumn() {
        return Simulation.areaColumn(experiment);
    }
}
