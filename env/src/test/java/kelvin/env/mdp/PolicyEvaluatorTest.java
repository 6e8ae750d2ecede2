package kelvin.env.mdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Exact policy evaluation: hand-computed values, iterative cross-checks, and the gamma = 1 cases. */
class PolicyEvaluatorTest {

    /**
     * A chain 0 -&gt; 1 -&gt; end: V(1) = 2, V(0) = 1 + gamma 2.
     */
    @Test
    void chainByHand() {
        TabularModel m = TabularModel.builder(3, 1)
            .add(0, 0, 1, 1, 1.0, false)
            .add(1, 0, 1, 2, 2.0, true)
            .add(2, 0, 1, 2, 0.0, true)
            .start(0, 1).build();
        double[] v = PolicyEvaluator.of(m, 0.9).values(new int[] {0, 0, 0});
        assertEquals(1 + 0.9 * 2, v[0], 1e-15);
        assertEquals(2.0, v[1], 0.0);
        assertEquals(0.0, v[2], 0.0);
    }

    /**
     * One state; action 0 stays and pays 1, action 1 ends with 0. Under pi = (1/2, 1/2):
     * V = 1/2 (1 + gamma V), so V = 0.5 / (1 - 0.5 gamma); at gamma = 1, V = 1.
     */
    @Test
    void stochasticPolicyByHand() {
        TabularModel m = TabularModel.builder(2, 2)
            .add(0, 0, 1, 0, 1.0, false)
            .add(0, 1, 1, 1, 0.0, true)
            .add(1, 0, 1, 1, 0.0, true)
            .add(1, 1, 1, 1, 0.0, true)
            .start(0, 1).build();
        double[] pi = {0.5, 0.5, 0.5, 0.5};
        for (double gamma : new double[] {0, 0.5, 0.9, 1}) {
            assertEquals(0.5 / (1 - 0.5 * gamma), PolicyEvaluator.of(m, gamma).startValue(pi), 1e-15, "gamma " + gamma);
        }
    }

    /** Against plain iterative evaluation on frozen lake under a random stochastic policy. */
    @Test
    void agreesWithIterativeEvaluation() {
        TabularModel m = BuiltinMap.FROZEN_LAKE_8X8.builder().build().model();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(99);
        double[] pi = new double[m.states() * 4];
        for (int s = 0; s < m.states(); s++) {
            double sum = 0;
            for (int a = 0; a < 4; a++) {
                pi[s * 4 + a] = 0.1 + rng.nextDouble();
                sum += pi[s * 4 + a];
            }
            for (int a = 0; a < 4; a++) {
                pi[s * 4 + a] /= sum;
            }
        }
        double gamma = 0.97;
        double[] exact = PolicyEvaluator.of(m, gamma).values(pi);
        double[] v = new double[m.states()];
        for (int sweep = 0; sweep < 3000; sweep++) {
            double[] w = new double[m.states()];
            for (int s = 0; s < m.states(); s++) {
                for (int a = 0; a < 4; a++) {
                    w[s] += pi[s * 4 + a] * m.backup(s, a, gamma, v);
                }
            }
            v = w;
        }
        for (int s = 0; s < m.states(); s++) {
            assertEquals(v[s], exact[s], 1e-12, "state " + s);
        }
        assertEquals(exact[0], PolicyEvaluator.of(m, gamma).startValue(pi), 1e-15);
    }

    /** Cliff walking at gamma = 1: walking into the top wall forever costs -1 per step: -infinity. */
    @Test
    void improperPolicyWithNegativeRewardsIsMinusInfinity() {
        Gridworld g = BuiltinMap.CLIFF_WALKING.builder().build();
        int[] up = new int[g.states()];
        assertEquals(Double.NEGATIVE_INFINITY, PolicyEvaluator.of(g.model(), 1.0).startValue(up));
        // the optimal path is finite
        int[] path = new int[g.states()];
        Arrays.fill(path, GridAction.RIGHT.index());
        path[g.start()] = GridAction.UP.index();
        path[g.state(2, 11)] = GridAction.DOWN.index();
        assertEquals(-13.0, PolicyEvaluator.of(g.model(), 1.0).startValue(path), 0.0);
        // at gamma < 1 the wall loop is finite: -1 / (1 - gamma) from the top row
        double[] v = PolicyEvaluator.of(g.model(), 0.5).values(up);
        assertEquals(-2.0, v[g.state(0, 3)], 1e-15);
    }

    @Test
    void closedZeroRewardLoopIsZeroAndPositiveLoopIsInfinite() {
        Gridworld open = BuiltinMap.OPEN_10X10.builder().build();
        int[] left = new int[open.states()];
        Arrays.fill(left, GridAction.LEFT.index());
        assertEquals(0.0, PolicyEvaluator.of(open.model(), 1.0).startValue(left), "never reaches the goal, earns 0");
        Gridworld paid = Gridworld.builder("S.G").stepReward(1).build();
        assertEquals(Double.POSITIVE_INFINITY, PolicyEvaluator.of(paid.model(), 1.0).startValue(new int[3]));
    }

    /** A two-state cycle paying +1 then -1 has no total reward: NaN; a state that may fall into -inf inherits it. */
    @Test
    void mixedSignsAndInheritance() {
        TabularModel m = TabularModel.builder(4, 1)
            .add(0, 0, 1, 1, 1.0, false)
            .add(1, 0, 1, 0, -1.0, false)
            .add(2, 0, 0.5, 3, -1.0, false)
            .add(2, 0, 0.5, 2, 5.0, true)
            .add(3, 0, 1, 3, -1.0, false)
            .start(0, 1).build();
        double[] v = PolicyEvaluator.of(m, 1.0).values(new int[4]);
        assertTrue(Double.isNaN(v[0]));
        assertTrue(Double.isNaN(v[1]));
        assertEquals(Double.NEGATIVE_INFINITY, v[2]);
        assertEquals(Double.NEGATIVE_INFINITY, v[3]);
        double[] discounted = PolicyEvaluator.of(m, 0.5).values(new int[4]);
        assertEquals(-2.0, discounted[3], 1e-15);
        assertEquals(0.5 * (-1 + 0.5 * -2.0) + 0.5 * 5.0, discounted[2], 1e-15);
    }

    /** Deep sea 64 (4097 states) under a uniform policy: an acyclic graph, solved component by component. */
    @Test
    void largeAcyclicModelIsFast() {
        DeepSea d = DeepSea.of(64);
        TabularModel m = d.model(RandomSource.XO_RO_SHI_RO_128_PP.create(8));
        double[] uniform = new double[m.states() * 2];
        Arrays.fill(uniform, 0.5);
        long t0 = System.nanoTime();
        double[] v = PolicyEvaluator.of(m, 1.0).values(uniform);
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L);
        // bottom row by hand: half the time "right" (cost, or the treasure at the corner), half "left" (0)
        double cost = 0.01 / 64;
        assertEquals(0.5 * -cost, v[63 * 64], 1e-15);
        assertEquals(0.5 * (1 - cost), v[63 * 64 + 63], 1e-15);
    }

    @Test
    void validation() {
        TabularModel m = BuiltinMap.FROZEN_LAKE_4X4.builder().build().model();
        PolicyEvaluator e = PolicyEvaluator.of(m, 0.9);
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> e.values(new double[3]));
        assertEquals("policy has length 3, not S * A = 64", x.getMessage());
        x = assertThrows(IllegalArgumentException.class, () -> e.values(new double[64]));
        assertEquals("policy(. | 0) sums to 0.0, not 1", x.getMessage());
        x = assertThrows(IllegalArgumentException.class, () -> e.values(new int[] {4, 0}));
        assertEquals("actions has length 2, not S = 16", x.getMessage());
        int[] bad = new int[16];
        bad[3] = 4;
        x = assertThrows(IllegalArgumentException.class, () -> e.values(bad));
        assertEquals("action of state 3 is not in [0, 4): 4", x.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PolicyEvaluator.of(m, -0.1));
    }
}
