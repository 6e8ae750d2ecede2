package kelvin.experiments.planning;

import static org.junit.jupiter.api.Assertions.assertTrue;

import kelvin.agents.policy.EpsilonGreedy;
import kelvin.agents.tabular.SoftQLearning;
import kelvin.agents.tabular.TdLearner;
import kelvin.env.mdp.BuiltinMap;
import kelvin.env.mdp.RiverSwim;
import kelvin.env.mdp.TabularModel;
import kelvin.env.mdp.ValueIteration;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Soft Q-learning (Fox, Pakman &amp; Tishby 2016) converges to soft value iteration's Q_T: on the
 * slippery 4x4 frozen lake and on RiverSwim, a uniform behaviour policy with exploring starts (each
 * episode starts in a uniformly drawn state, so every pair is updated often), a small constant alpha
 * and the Polyak-Ruppert average of the Q tables over the second half of the episodes.
 *
 * <p>Tolerances: the uniform behaviour policy ignores Q, so every alpha sees the same transitions,
 * and the averaged table is close to the soft-optimal Q of the <em>empirical</em> model of those
 * transitions; its error is the sampling error of that model, about sd(target) / sqrt(visits of a
 * pair) amplified by up to 1 / (1 - gamma) = 10, and a smaller alpha does not shrink it (more
 * episodes do). Measured with this seed: 0.006 on the frozen lake (tau = 0.05) and 0.04 on
 * RiverSwim (tau = 0.2); the tolerances are 2.5 and 2 times that. Each test also checks that the
 * learned table is at least three tolerances away from the hard Q* of value iteration (measured:
 * 0.29 and 0.34), so it tells the soft target from q-learning's.
 */
class SoftQLearningConvergenceTest {

    private static final long SEED = 20261207L;
    private static final double GAMMA = 0.9;

    @Test
    void frozenLake4x4ReachesSoftValueIterationsQ() {
        TabularModel lake = BuiltinMap.FROZEN_LAKE_4X4.builder().build().model();
        double tau = 0.05;
        double[] learned = averagedQ(lake, tau, 0.01, 400_000, 100);
        check("frozen-lake-4x4", lake, tau, learned, 0.015);
    }

    @Test
    void riverSwimReachesSoftValueIterationsQ() {
        TabularModel river = RiverSwim.of(RiverSwim.Variant.OSBAND).model();
        double tau = 0.2;
        double[] learned = averagedQ(river, tau, 0.01, 200_000, 20);
        check("river-swim osband", river, tau, learned, 0.08);
    }

    private static void check(String name, TabularModel model, double tau, double[] learned, double tolerance) {
        double[] soft = SoftValueIteration.solve(model, GAMMA, tau).qValues();
        double[] hard = ValueIteration.solve(model, GAMMA).qValues();
        double toSoft = maxAbsDifference(learned, soft);
        double toHard = maxAbsDifference(learned, hard);
        assertTrue(toSoft <= tolerance, name + ": max |Q - Q_T| = " + toSoft + " > " + tolerance);
        assertTrue(toHard >= 3 * tolerance, name + ": max |Q - Q*| = " + toHard + ", too close to tell apart");
    }

    /** Soft Q-learning with exploring starts; the mean Q table over the second half of the episodes. */
    private static double[] averagedQ(TabularModel model, double tau, double alpha, int episodes, int maxSteps) {
        UniformRandomProvider env = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        TdLearner learner = SoftQLearning.of(alpha, GAMMA, 0.0, tau, EpsilonGreedy.of(1.0))
            .start(model.states(), model.actions(), RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + 1));
        double[] mean = new double[model.states() * model.actions()];
        long samples = 0;
        for (int e = 0; e < episodes; e++) {
            learner.beginEpisode();
            int s = env.nextInt(model.states());
            for (int k = 0; k < maxSteps; k++) {
                int a = learner.act(s);
                int i = model.sample(s, a, env.nextDouble());
                learner.learn(s, a, model.reward(i), model.next(i), model.terminal(i));
                s = model.next(i);
                if (model.terminal(i)) {
                    break;
                }
            }
            learner.endEpisode();
            if (2 * e >= episodes) {
                double[] q = learner.values();
                samples++;
                for (int j = 0; j < q.length; j++) {
                    mean[j] += (q[j] - mean[j]) / samples;
                }
            }
        }
        return mean;
    }

    private static double maxAbsDifference(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
