package kelvin.agents.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import kelvin.agents.policy.Boltzmann;
import kelvin.agents.policy.EpsilonGreedy;
import kelvin.agents.testing.TestRngs;
import kelvin.env.mdp.BuiltinMap;
import kelvin.env.mdp.Gridworld;
import kelvin.env.mdp.TabularRun;
import org.junit.jupiter.api.Test;

/** The soft Q-learning update (Fox, Pakman &amp; Tishby 2016) by hand, and what it shares with q-learning. */
class SoftQLearnerTest {

    private static final long SEED = 20261207L;

    @Test
    void oneUpdateBootstrapsOnTheSoftMaximum() {
        TdLearner l = SoftQLearning.of(0.5, 0.9, 0.0, 1.0, EpsilonGreedy.of(1.0)).start(2, 2,
            TestRngs.seeded(SEED));
        l.beginEpisode();
        l.act(0);
        // next = 1 * ln(e^0 + e^0) = ln 2
        l.learn(0, 1, 1.0, 1, false);
        double q01 = 0.5 * (1.0 + 0.9 * Math.log(2));
        assertEquals(q01, l.value(0, 1), 1e-15);
        l.act(1);
        // next = ln(e^0 + e^{q01}), from Q(0, .) before this update
        l.learn(1, 0, 0.0, 0, false);
        assertEquals(0.5 * 0.9 * Math.log(1 + Math.exp(q01)), l.value(1, 0), 1e-15);
        l.act(0);
        // termination: no bootstrap
        l.learn(0, 0, 2.0, 1, true);
        assertEquals(0.5 * 2.0, l.value(0, 0), 1e-15);
        l.endEpisode();
    }

    /** A self-loop bootstraps on Q(s, .) before the update, as every TD learner does. */
    @Test
    void aSelfLoopUsesTheValuesBeforeTheUpdate() {
        TdLearner l = SoftQLearning.of(0.1, 0.5, 1.0, 0.2, EpsilonGreedy.of(1.0)).start(1, 2,
            TestRngs.seeded(SEED));
        l.beginEpisode();
        l.act(0);
        l.learn(0, 0, 0.0, 0, false);
        double next = 1.0 + 0.2 * Math.log(2);
        assertEquals(1.0 + 0.1 * (0.5 * next - 1.0), l.value(0, 0), 1e-15);
        assertEquals(1.0, l.value(0, 1), 0);
    }

    /**
     * The behaviour is q-learning's machinery: with a behaviour policy that ignores Q (uniform), the
     * same seed gives the same actions as q-learning, step for step, on the 4x4 frozen lake.
     */
    @Test
    void actsExactlyLikeTheTdLearnersWhenThePolicyIgnoresQ() {
        Gridworld lake = BuiltinMap.FROZEN_LAKE_4X4.builder().build();
        TabularLearner soft = SoftQLearning.of(0.1, 0.9, 0.0, 0.5, EpsilonGreedy.of(1.0)).start(16, 4,
            TestRngs.stream(SEED, 0, 1));
        TabularLearner hard = TdAgent.qLearning(0.1, 0.9, 0.0, EpsilonGreedy.of(1.0)).start(16, 4,
            TestRngs.stream(SEED, 0, 1));
        TabularRun a = lake.start(TestRngs.stream(SEED, 0, 0));
        TabularRun b = lake.start(TestRngs.stream(SEED, 0, 0));
        for (int e = 0; e < 50; e++) {
            soft.beginEpisode();
            hard.beginEpisode();
            int s = a.reset();
            assertEquals(s, b.reset());
            for (int k = 0; k < 100; k++) {
                int x = soft.act(s);
                assertEquals(x, hard.act(s), "episode " + e + " step " + k);
                int s2 = a.step(x);
                assertEquals(s2, b.step(x));
                soft.learn(s, x, a.reward(), s2, a.terminated());
                hard.learn(s, x, b.reward(), s2, b.terminated());
                s = s2;
                if (a.terminated()) {
                    break;
                }
            }
            soft.endEpisode();
            hard.endEpisode();
        }
    }

    @Test
    void badParametersAreRefused() {
        for (double tau : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> SoftQLearning.of(0.1, 0.9, 0, tau, Boltzmann.of(1)));
        }
        assertThrows(IllegalArgumentException.class, () -> SoftQLearning.of(0, 0.9, 0, 1, Boltzmann.of(1)));
        assertThrows(IllegalArgumentException.class, () -> SoftQLearning.of(0.1, 1.5, 0, 1, Boltzmann.of(1)));
    }
}
