package kelvin.experiments.run;

import java.util.List;
import kelvin.agents.tabular.TdAgent;
import kelvin.agents.tabular.TdLearner;
import kelvin.env.mdp.Gridworld;
import kelvin.env.mdp.HorizonValues;
import kelvin.env.mdp.TabularEnv;
import kelvin.env.mdp.TabularModel;
import kelvin.env.mdp.TabularRun;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Environment;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.Metric;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Runs episodes of a TD learner on a tabular MDP and records the per-episode metrics of DESIGN.md:
 * return (undiscounted), length, regret (cumulative V*(start) - discounted return), coverage,
 * greedy-value, entropy (mean over the episode's steps), temperature (mean over the episode's
 * steps) and first-success. V* and greedy-value are evaluated on the model over an episode of at
 * most {@code max-steps} steps ({@link HorizonValues}), so they are finite and describe the episodes
 * the experiment really runs.
 *
 * <p>Tallies per cell, summed over runs: visits of every state (for the heatmap), then, per state
 * and action, how many runs end training with that greedy action (for the policy map).
 */
public final class TabularSimulation implements Simulation {
    private final Experiment experiment;
    private final int[] checkpoints;
    private final int states;
    private final int actions;
    private final int returnSlot;
    private final int lengthSlot;
    private final int regretSlot;
    private final int coverageSlot;
    private final int greedySlot;
    private final int entropySlot;
    private final int temperatureSlot;
    private final int firstSuccessSlot;

    public TabularSimulation(Experiment experiment) {
        this.experiment = experiment;
        this.checkpoints = experiment.checkpoints();
        TabularEnv env = ((Environment.Tabular) experiment.environment()).env();
        this.states = env.states();
        this.actions = env.actions();
        List<Metric> metrics = experiment.metrics();
        int c = checkpoints.length;
        returnSlot = Simulation.base(metrics, Metric.RETURN, c);
        lengthSlot = Simulation.base(metrics, Metric.LENGTH, c);
        regretSlot = Simulation.base(metrics, Metric.REGRET, c);
        coverageSlot = Simulation.base(metrics, Metric.COVERAGE, c);
        greedySlot = Simulation.base(metrics, Metric.GREEDY_VALUE, c);
        entropySlot = Simulation.base(metrics, Metric.ENTROPY, c);
        temperatureSlot = Simulation.base(metrics, Metric.TEMPERATURE, c);
        firstSuccessSlot = Simulation.base(metrics, Metric.FIRST_SUCCESS, c);
    }


    @Override
    public int slots() {
        return experiment.metrics().size() * checkpoints.length;
    }

    /**
     * Visits per state, then greedy-action counts per (state, action). Cells of an env sweep may
     * have smaller MDPs than the first; they use the front of the same layout.
     */
    @Override
    public int tallies() {
        int most = 0;
        for (Cell c : experiment.cells()) {
            TabularEnv env = ((Environment.Tabular) c.environment()).env();
            most = Math.max(most, env.states() * (1 + env.actions()));
        }
        return most;
    }

    @Override
    public void runBlock(Cell cell, int from, int to, Moments out) {
        Environment.Tabular environment = (Environment.Tabular) cell.environment();
        TabularEnv env = environment.env();
        TdAgent agent = (TdAgent) cell.agent();
        TabularModel shared = env.isRandomized() ? null : env.model(null);
        double sharedOptimum = shared == null ? Double.NaN
                : HorizonValues.optimalStart(shared, environment.gamma(), environment.maxSteps());
        for (int r = from; r < to; r++) {
            UniformRandomProvider envRng = Streams.environment(experiment.seed(), r);
            TabularModel model = shared != null ? shared : env.model(envRng);
            double optimum = shared != null ? sharedOptimum
                    : HorizonValues.optimalStart(model, environment.gamma(), environment.maxSteps());
            TabularRun run = TabularRun.of(model, envRng);
            TdLearner learner = agent.start(model.states(), model.actions(),
                    Streams.agent(experiment.seed(), cell.label(), r));
            run(environment, model, optimum, run, learner, out, goalStates(env, model));
        }
    }

    private static boolean[] goalStates(TabularEnv env, TabularModel model) {
        boolean[] goal = new boolean[model.states()];
        if (env instanceof Gridworld) {
            Gridworld g = (Gridworld) env;
            for (int s = 0; s < g.rows() * g.columns(); s++) {
                goal[s] = g.cell(s) == 'G';
            }
        }
        return goal;
    }

    private void run(Environment.Tabular environment, TabularModel model, double optimum, TabularRun run,
                     TdLearner learner, Moments out, boolean[] goal) {
        final int episodes = experiment.horizon();
        final int maxSteps = environment.maxSteps();
        final double gamma = environment.gamma();
        final int n = model.states();
        final int a = model.actions();
        boolean[] visited = new boolean[n];
        int covered = 0;
        int reachable = model.reachableCount();
        double[] greedy = greedySlot >= 0 ? new double[n * a] : null;
        out.beginRun();
        final int c = checkpoints.length;
        double regret = 0;
        double area = 0;
        int firstSuccess = 0;
        int next = 0;
        int mark = checkpoints[0] - 1;
        for (int e = 0; e < episodes; e++) {
            boolean record = e == mark;
            learner.trackEntropy(record && entropySlot >= 0);
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
            int steps = 0;
            while (true) {
                int action = learner.act(s);
                if (record && temperatureSlot >= 0) {
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
                success |= environment.success() == Environment.Success.LAST_STATE && s2 == n - 1
                        || environment.success() == Environment.Success.GOAL && terminated && goal[s2];
                learner.learn(s, action, reward, s2, terminated);
                s = s2;
                if (terminated || steps >= maxSteps) {
                    break;
                }
            }
            learner.endEpisode();
            success |= environment.success() == Environment.Success.POSITIVE_RETURN && undiscounted > 0;
            if (success && firstSuccess == 0) {
                firstSuccess = e + 1;
            }
            regret += optimum - discounted;
            area += regret;
            if (!record) {
                continue;
            }
            Simulation.record(out, returnSlot, next, c, undiscounted);
            Simulation.record(out, lengthSlot, next, c, steps);
            Simulation.record(out, regretSlot, next, c, regret);
            Simulation.record(out, coverageSlot, next, c, (double) covered / reachable);
            Simulation.record(out, entropySlot, next, c, entropySlot >= 0 ? learner.episodeEntropy() : 0);
            Simulation.record(out, temperatureSlot, next, c, temperatures / steps);
            if (greedySlot >= 0) {
                learner.greedyPolicy(greedy);
                Simulation.record(out, greedySlot, next, c, HorizonValues.policyStart(model, gamma, greedy, maxSteps));
            }
            if (next == c - 1) {
                Simulation.record(out, firstSuccessSlot, next, c, firstSuccess == 0 ? episodes + 1 : firstSuccess);
            }
            next++;
            mark = next < checkpoints.length ? checkpoints[next] - 1 : -1;
        }
        out.setRunValue(Simulation.areaColumn(experiment), regretSlot >= 0 ? area : Double.NaN);
        for (int s = 0; s < n; s++) {
            out.tally(n + s * a + learner.greedyAction(s), 1);
        }
    }

}
