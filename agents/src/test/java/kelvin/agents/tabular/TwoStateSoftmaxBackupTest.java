package kelvin.agents.tabular;

import static org.junit.jupiter.api.Assertions.assertTrue;

import kelvin.agents.policy.Boltzmann;
import kelvin.agents.policy.MellowmaxPolicy;
import kelvin.agents.softmax.Mellowmax;
import kelvin.agents.testing.TestRngs;
import kelvin.env.mdp.TabularRun;
import kelvin.env.mdp.TwoStateSoftmax;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Asadi &amp; Littman (2017), section 4: on their two-state MDP, TD learning with the Boltzmann
 * softmax backup at beta = 16.55 (expected SARSA under a Boltzmann policy at T = 1 / 16.55) keeps
 * moving, while the mellowmax backup mm_16.55 (expected SARSA under the maximum-entropy mellowmax
 * policy) settles at the fixed point of mellowmax value iteration.
 *
 * <p>Each run learns with alpha = 0.01 for {@value #EPISODES} episodes; Q(s1, b) is read at the end
 * of each episode of the second half. With a constant alpha both keep some noise, of the order
 * sqrt(alpha). Measured on these seeds: the mellowmax runs' standard deviations are 0.012 to 0.017
 * and their means within 0.006 of the fixed point 0.4517; the Boltzmann runs' deviations are 0.033 to
 * 0.157 and their means scatter from 0.59 to 1.08, so the runs do not even agree on a limit. The
 * test asserts, with margins: every mellowmax run within {@value #MELLOW_MEAN} of the fixed point
 * with a deviation below {@value #MELLOW_SD}; every Boltzmann run's deviation at least
 * {@value #RATIO} times the largest mellowmax one; the Boltzmann means spread over more than
 * {@value #BOLTZMANN_MEANS}.
 */
class TwoStateSoftmaxBackupTest {

    private static final long SEED = 4_2017L;
    private static final int EPISODES = 4000;
    private static final double ALPHA = 0.01;
    private static final double OMEGA = 16.55;
    private static final double RATIO = 1.5;
    private static final double MELLOW_MEAN = 0.015;
    private static final double MELLOW_SD = 0.025;
    private static final double BOLTZMANN_MEANS = 0.3;
    private static final int SEEDS = 5;

    /** Mean and standard deviation of Q(s1, b) over the second half of the episodes. */
    private record Spread(double mean, double sd) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "(mean %.4f, sd %.4f)", mean, sd);
        }
    }

    private static Spread learn(TdAgent agent, int seed) {
        TdLearner l = agent.start(2, 2, TestRngs.stream(SEED, seed, 1));
        TabularRun run = TwoStateSoftmax.of().start(TestRngs.stream(SEED, seed, 0));
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int e = 0; e < EPISODES; e++) {
            l.beginEpisode();
            int s = run.reset();
            for (int k = 0; k < 1000; k++) {
                int a = l.act(s);
                int s2 = run.step(a);
                l.learn(s, a, run.reward(), s2, run.terminated());
                s = s2;
                if (run.terminated()) {
                    break;
                }
            }
            l.endEpisode();
            if (e >= EPISODES / 2) {
                double q = l.value(TwoStateSoftmax.S1, TwoStateSoftmax.B);
                sum += q;
                squares += q * q;
                n++;
            }
        }
        double mean = sum / n;
        return new Spread(mean, Math.sqrt(Math.max(0, squares / n - mean * mean)));
    }

    /** Mellowmax value iteration on the model: Q(s1, .) = r + gamma p_stay mm(Q(s1, .)). */
    private static double mellowmaxFixedPointQb() {
        double[] q = new double[2];
        for (int i = 0; i < 10_000; i++) {
            double v = Mellowmax.value(q, 2, OMEGA);
            q = new double[] {0.122 + TwoStateSoftmax.GAMMA * 0.66 * v, 0.033 + TwoStateSoftmax.GAMMA * 0.99 * v};
        }
        return q[1];
    }

    @Test
    void boltzmannBackupKeepsMovingWhileMellowmaxSettles() {
        double fixed = mellowmaxFixedPointQb();
        double widestMellow = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Spread mellow = learn(TdAgent.expectedSarsa(ALPHA, TwoStateSoftmax.GAMMA, 0.0,
                new MellowmaxPolicy(OMEGA)), seed);
            assertTrue(Math.abs(mellow.mean() - fixed) < MELLOW_MEAN && mellow.sd() < MELLOW_SD,
                "mellowmax run " + seed + " " + mellow + ", fixed point " + fixed);
            widestMellow = Math.max(widestMellow, mellow.sd());
        }
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int seed = 0; seed < SEEDS; seed++) {
            Spread b = learn(TdAgent.expectedSarsa(ALPHA, TwoStateSoftmax.GAMMA, 0.0, Boltzmann.ofBeta(OMEGA)), seed);
            assertTrue(b.sd() >= RATIO * widestMellow, "boltzmann run " + seed + " " + b
                + " moves no more than mellowmax (widest sd " + widestMellow + ")");
            lowest = Math.min(lowest, b.mean());
            highest = Math.max(highest, b.mean());
        }
        assertTrue(highest - lowest > BOLTZMANN_MEANS, "boltzmann means agree: " + lowest + " .. " + highest);
    }
}
