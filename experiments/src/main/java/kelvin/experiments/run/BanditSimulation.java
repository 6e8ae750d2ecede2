package kelvin.experiments.run;

import java.util.List;
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

    public BanditSimulation(Experiment experiment) {
        this.experiment = experiment;
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
        final int c = marks.length;
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
            Simulation.record(out, entropySlot, next, c, entropySlot >= 0 ? learner.entropy() : 0);
            Simulation.record(out, temperatureSlot, next, c, temperatureSlot >= 0 ? learner.temperature() : 0);
            Simulation.record(out, optimalSlot, next, c, bandit.isOptimal(arm) ? 1.0 : 0.0);
            double reward = bandit.pull(arm);
            rewards += reward;
            Simulation.record(out, rewardSlot, next, c, reward);
            Simulation.record(out, averageRewardSlot, next, c, rewards / (t + 1));
            Simulation.record(out, regretSlot, next, c, regret);
            learner.update(arm, reward);
            next++;
            mark = next < marks.length ? marks[next] - 1 : -1;
        }
        out.setRunValue(Simulation.areaColumn(experiment), regretSlot >= 0 ? area : Double.NaN);
    }
}
