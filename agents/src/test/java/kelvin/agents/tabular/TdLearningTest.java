package kelvin.agents.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import kelvin.agents.policy.Boltzmann;
import kelvin.agents.policy.EpsilonGreedy;
import kelvin.agents.policy.Policy;
import kelvin.agents.testing.TestRngs;
import kelvin.env.mdp.BuiltinMap;
import kelvin.env.mdp.GridAction;
import kelvin.env.mdp.Gridworld;
import kelvin.env.mdp.PolicyEvaluator;
import kelvin.env.mdp.TabularModel;
import kelvin.env.mdp.TabularRun;
import kelvin.env.mdp.ValueIteration;
import org.junit.jupiter.api.Test;

/** Short deterministic learning runs on small maps, and the allocation-free step loop. */
class TdLearningTest {

    private static final long SEED = 20260401L;

    /** Runs {@code episodes} episodes of at most {@code maxSteps} steps; returns the total steps. */
    static long train(TdLearner learner, TabularRun env, int episodes, int maxSteps) {
        long total = 0;
        for (int e = 0; e < episodes; e++) {
            learner.beginEpisode();
            int s = env.reset();
            for (int k = 0; k < maxSteps; k++) {
                int a = learner.act(s);
                int s2 = env.step(a);
                learner.learn(s, a, env.reward(), s2, env.terminated());
                s = s2;
                total++;
                if (env.terminated()) {
                    break;
                }
            }
            learner.endEpisode();
        }
        return total;
    }

    /**
     * On the corridor S..G (reward 1 at the goal), every learner's greedy policy goes right, and
     * Q-learning's values of "right" approach the optimal gamma^2, gamma, 1.
     */
    @Test
    void everyLearnerLearnsToWalkRightInACorridor() {
        Gridworld corridor = Gridworld.builder("S..G").build();
        double gamma = 0.9;
        for (TdTarget target : TdTarget.values()) {
            for (Policy policy : new Policy[] {EpsilonGreedy.of(0.2), Boltzmann.of(0.2)}) {
                TdLearner l = TdAgent.of(target, 0.5, gamma, 0.0, policy).start(4, 4, TestRngs.stream(SEED, 0, 1));
                train(l, corridor.start(TestRngs.stream(SEED, 0, 0)), 300, 100);
                for (int s = 0; s < 3; s++) {
                    assertEquals(GridAction.RIGHT.index(), l.greedyAction(s), target.key() + " " + policy + " state " + s);
                }
                if (target == TdTarget.Q_LEARNING) {
                    ValueIteration.Solution opt = ValueIteration.solve(corridor.model(), gamma);
                    for (int s = 0; s < 3; s++) {
                        assertEquals(opt.q(s, 1), l.value(s, 1), 1e-6, policy + " Q(" + s + ", right)");
                    }
                }
            }
        }
    }

    /**
     * Sutton &amp; Barto Example 6.6 (Figure 6.4 setting: epsilon = 0.1, alpha = 0.5, gamma = 1):
     * Q-learning's greedy policy takes the optimal path along the cliff (return -13), SARSA's greedy
     * policy a safer, longer path (with this seed -17, the path along the top row of Figure 6.4).
     */
    @Test
    void cliffWalkingQLearningFindsTheEdgePathSarsaASaferOne() {
        TabularModel cliff = BuiltinMap.CLIFF_WALKING.builder().build().model();
        PolicyEvaluator exact = PolicyEvaluator.of(cliff, 1.0);
        int[] greedy = new int[cliff.states()];
        TdLearner q = TdAgent.qLearning(0.5, 1.0, 0.0, EpsilonGreedy.of(0.1)).start(48, 4, TestRngs.stream(SEED, 1, 1));
        train(q, TabularRun.of(cliff, TestRngs.stream(SEED, 1, 0)), 500, 1000);
        q.greedyActions(greedy);
        assertEquals(-13.0, exact.startValue(greedy), 0.0);
        TdLearner sarsa = TdAgent.sarsa(0.5, 1.0, 0.0, EpsilonGreedy.of(0.1)).start(48, 4, TestRngs.stream(SEED, 1, 2));
        train(sarsa, TabularRun.of(cliff, TestRngs.stream(SEED, 1, 0)), 500, 1000);
        sarsa.greedyActions(greedy);
        double safe = exact.startValue(greedy);
        assertTrue(safe <= -15 && safe > -30, "SARSA's greedy return " + safe);
    }

    /** The step loop (simulator + learner + Boltzmann policy) allocates nothing per step. */
    @Test
    void stepLoopDoesNotAllocate() {
        var threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean);
        var counter = (com.sun.management.ThreadMXBean) threads;
        assumeTrue(counter.isThreadAllocatedMemorySupported() && counter.isThreadAllocatedMemoryEnabled());
        Gridworld open = BuiltinMap.OPEN_10X10.builder().build();
        for (TdTarget target : TdTarget.values()) {
            TdLearner l = TdAgent.of(target, 0.1, 0.95, 0.0, Boltzmann.of(0.5)).start(100, 4, TestRngs.seeded(1));
            l.trackEntropy(true);
            TabularRun env = open.start(TestRngs.seeded(2));
            train(l, env, 50, 1000);
            long before = counter.getCurrentThreadAllocatedBytes();
            long steps = train(l, env, 200, 1000);
            long allocated = counter.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < 100_000, target + " allocated " + allocated + " bytes in " + steps + " steps");
        }
    }
}
