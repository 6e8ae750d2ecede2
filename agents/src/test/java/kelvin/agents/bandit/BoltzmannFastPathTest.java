package kelvin.agents.bandit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import kelvin.agents.policy.Boltzmann;
import kelvin.agents.policy.Policy;
import kelvin.agents.policy.PolicyRun;
import kelvin.agents.schedule.Exponential;
import kelvin.agents.schedule.Schedule;
import kelvin.agents.softmax.Softmax;
import kelvin.agents.testing.TestRngs;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

/**
 * The action-value agent with a Boltzmann policy takes its fast path (a {@link
 * kelvin.agents.softmax.SoftmaxSampler} told which arm was updated): it must play the 10-armed
 * testbed exactly as the plain definition, a loop written here with {@link Softmax#sample} and the
 * sample-average (or constant-step) update, fed the same uniforms: same action at every step, same Q
 * to the last bit.
 */
class BoltzmannFastPathTest {

    private static final long SEED = 0xFA57_0A7BL;
    private static final int K = 10;

    private static void playsLikeThePlainDefinition(Schedule schedule, double initial, double alpha, int runs,
            int steps) {
        ActionValueAgent agent = ActionValueAgent.of(initial, alpha, Boltzmann.of(schedule));
        double[] scratch = new double[K];
        for (int r = 0; r < runs; r++) {
            UniformRandomProvider env = TestRngs.stream(SEED, r, 0);
            ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(env);
            double[] mu = new double[K];
            for (int i = 0; i < K; i++) {
                mu[i] = normal.sample();
            }
            ActionValueAgent.Learner learner = agent.start(K, TestRngs.stream(SEED, r, 1));
            UniformRandomProvider u = TestRngs.stream(SEED, r, 1); // the same stream, for the reference
            double[] q = new double[K];
            java.util.Arrays.fill(q, initial);
            long[] n = new long[K];
            for (int t = 0; t < steps; t++) {
                int expected = Softmax.sample(q, K, schedule.temperature(t), u.nextDouble(), scratch);
                int a = learner.select();
                assertEquals(expected, a, schedule + ": run " + r + " step " + t);
                double reward = mu[a] + normal.sample();
                learner.update(a, reward);
                n[a]++;
                q[a] += Double.isNaN(alpha) ? (reward - q[a]) / n[a] : alpha * (reward - q[a]);
                assertEquals(q[a], learner.value(a), 0.0, schedule + ": run " + r + " step " + t + " Q");
            }
        }
    }

    @Test
    void fixedTemperature() {
        playsLikeThePlainDefinition(kelvin.agents.schedule.Fixed.of(0.2), 0, Double.NaN, 200, 5000);
    }

    @Test
    void annealedTemperature() {
        playsLikeThePlainDefinition(Exponential.of(1.0, 0.9995, 0.01), 0, Double.NaN, 100, 10_000);
    }

    @Test
    void constantStepSizeWithOptimisticValues() {
        playsLikeThePlainDefinition(kelvin.agents.schedule.Fixed.of(0.1), 5, 0.1, 100, 3000);
    }

    @Test
    void greedyAndUniformLimits() {
        playsLikeThePlainDefinition(kelvin.agents.schedule.Fixed.of(0), 0, Double.NaN, 20, 1000);
        playsLikeThePlainDefinition(kelvin.agents.schedule.Fixed.of(Double.POSITIVE_INFINITY), 0, Double.NaN, 20, 1000);
    }

    /** A policy that records the hints its run is given and picks arm 0. */
    private static final class Recording implements Policy {
        final List<Integer> hints = new ArrayList<>();

        @Override
        public PolicyRun start(int arms, UniformRandomProvider rng) {
            return new PolicyRun() {
                @Override
                public int select(double[] q, long t) {
                    throw new AssertionError("the learner passes its hint");
                }

                @Override
                public int select(double[] q, long t, int changed) {
                    hints.add(changed);
                    return 0;
                }

                @Override
                public double entropy(double[] q, long t) {
                    return 0;
                }

                @Override
                public double temperature(long t) {
                    return Double.NaN;
                }

                @Override
                public void distribution(double[] q, long t, double[] out) {
                    out[0] = 1;
                }

                @Override
                public void observe(double reward, double entropy) {
                }
            };
        }
    }

    @Test
    void theLearnersHintNamesTheOneUpdatedArm() {
        Recording policy = new Recording();
        ActionValueAgent.Learner learner = ActionValueAgent.sampleAverage(0, policy).start(4, TestRngs.seeded(1));
        learner.select();                   // nothing known yet
        learner.update(3, 1.0);
        learner.select();                   // only arm 3 changed
        learner.select();                   // nothing changed
        learner.update(2, 1.0);
        learner.update(2, 0.5);
        learner.select();                   // arm 2, twice
        learner.update(1, 1.0);
        learner.update(0, 1.0);
        learner.select();                   // two arms: no hint
        assertEquals(List.of(PolicyRun.UNKNOWN, 3, PolicyRun.UNCHANGED, 2, PolicyRun.UNKNOWN), policy.hints);
    }
}
