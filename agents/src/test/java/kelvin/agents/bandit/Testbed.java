package kelvin.agents.bandit;

import kelvin.agents.testing.TestRngs;
import kelvin.env.bandit.BanditEnv;
import kelvin.env.bandit.BanditRun;
import kelvin.env.bandit.GaussianBandit;

/**
 * A minimal bandit experiment for the statistical tests: runs an agent on the 10-armed testbed
 * (Sutton &amp; Barto 2018, section 2.3) and summarises the last step over runs.
 *
 * <p>Streams: run r's environment uses stream (seed, r, 0) whatever the agent (common random
 * numbers: every agent meets the same means and noise in run r), and the agent uses stream
 * (seed, r, 1).
 */
final class Testbed {

    /** Mean and standard error (sd with ddof = 1, over sqrt(runs)) of a per-run value. */
    record Estimate(double mean, double se) {
        @Override
        public String toString() {
            return String.format("%.4f +- %.4f", mean, se);
        }
    }

    /** The final-step metrics of NOTES.md rule 9. */
    record Final(Estimate reward, Estimate optimal, Estimate regret) {
    }

    private Testbed() {
    }

    static Final run(BanditAgent agent, long seed, int runs, int steps) {
        BanditEnv env = GaussianBandit.testbed(10);
        double[] lastReward = new double[runs];
        double[] lastOptimal = new double[runs];
        double[] cumRegret = new double[runs];
        for (int r = 0; r < runs; r++) {
            BanditRun bandit = env.start(TestRngs.stream(seed, r, 0));
            BanditLearner learner = agent.start(10, TestRngs.stream(seed, r, 1));
            double regret = 0;
            double reward = 0;
            boolean optimal = false;
            for (int t = 0; t < steps; t++) {
                int a = learner.select();
                optimal = bandit.isOptimal(a);
                regret += bandit.bestMean() - bandit.mean(a);
                reward = bandit.pull(a);
                learner.update(a, reward);
            }
            lastReward[r] = reward;
            lastOptimal[r] = optimal ? 1 : 0;
            cumRegret[r] = regret;
        }
        return new Final(estimate(lastReward), estimate(lastOptimal), estimate(cumRegret));
    }

    /**
     * Per-run values of one agent on {@code env}: whether the last step's action was optimal, the
     * mean reward over the last {@code window} steps, and the cumulative pseudo-regret. Streams as
     * in {@link #run}: run r meets environment stream (seed, r, 0) and agent stream (seed, r, 1).
     */
    record PerRun(double[] lastOptimal, double[] windowReward, double[] regret) {
    }

    static PerRun perRun(BanditEnv env, BanditAgent agent, long seed, int runs, int steps, int window) {
        double[] lastOptimal = new double[runs];
        double[] windowReward = new double[runs];
        double[] cumRegret = new double[runs];
        for (int r = 0; r < runs; r++) {
            BanditRun bandit = env.start(TestRngs.stream(seed, r, 0));
            BanditLearner learner = agent.start(env.arms(), TestRngs.stream(seed, r, 1));
            double regret = 0;
            double rewards = 0;
            boolean optimal = false;
            for (int t = 0; t < steps; t++) {
                int a = learner.select();
                optimal = bandit.isOptimal(a);
                regret += bandit.bestMean() - bandit.mean(a);
                double reward = bandit.pull(a);
                if (t >= steps - window) {
                    rewards += reward;
                }
                learner.update(a, reward);
            }
            lastOptimal[r] = optimal ? 1 : 0;
            windowReward[r] = rewards / window;
            cumRegret[r] = regret;
        }
        return new PerRun(lastOptimal, windowReward, cumRegret);
    }

    /** The element-wise difference x - y (paired runs under common random numbers). */
    static double[] minus(double[] x, double[] y) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i] - y[i];
        }
        return d;
    }

    static Estimate estimate(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return new Estimate(mean, Math.sqrt(ss / (x.length - 1) / x.length));
    }
}
