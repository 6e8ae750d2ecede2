package kelvin.env.mdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Value iteration: the book's numbers, agreement with exact policy evaluation, finite horizons. */
class ValueIterationTest {

    /** Sutton &amp; Barto Example 6.6: the optimal path is up, 11 x right, down: 13 steps at -1. */
    @Test
    void cliffWalkingStartValueIsMinus13AtGammaOne() {
        Gridworld g = BuiltinMap.CLIFF_WALKING.builder().build();
        ValueIteration.Solution sol = ValueIteration.solve(g.model(), 1.0);
        assertEquals(-13.0, sol.value(g.start()), 0.0);
        assertEquals(-13.0, sol.startValue(), 0.0);
        assertEquals(GridAction.UP.index(), sol.action(g.start()));
        // right from the start walks into the cliff: -100, back to the start, then the optimal -13
        assertEquals(-100 + -13.0, sol.q(g.start(), GridAction.RIGHT.index()), 0.0);
        assertTrue(sol.isOptimal(g.start(), 0));
        assertFalse(sol.isOptimal(g.start(), 1));
        // the cell just above the goal: one step down
        assertEquals(-1.0, sol.value(g.state(2, 11)), 0.0);
    }

    /** Deterministic maps with reward 1 at the goal: V*(start) = gamma^(d - 1) for a shortest path of d steps. */
    @Test
    void shortestPathsOfTheOpenRoomAndFourRooms() {
        double gamma = 0.95;
        assertEquals(Math.pow(gamma, 17), ValueIteration.solve(BuiltinMap.OPEN_10X10.builder().build().model(), gamma)
            .startValue(), 1e-12, "open-10x10: 18 steps");
        assertEquals(Math.pow(gamma, 19), ValueIteration.solve(BuiltinMap.FOUR_ROOMS.builder().build().model(), gamma)
            .startValue(), 1e-12, "four-rooms: 20 steps");
    }

    /**
     * On every built-in map, V* from value iteration equals the exact value of its greedy policy
     * (the linear solve of {@link PolicyEvaluator}), to 1e-9 relative to max(1, |V|): gamma = 0.95
     * everywhere, and gamma = 1 on the episodic maps (RiverSwim earns forever, so it diverges there).
     */
    @Test
    void valueIterationAgreesWithExactEvaluationOfTheGreedyPolicy() {
        for (TabularModel m : BuiltinMapTest.allModels()) {
            check(m, 0.95);
        }
        for (BuiltinMap map : BuiltinMap.values()) {
            if (map.isGrid()) {
                check(map.builder().build().model(), 1.0);
            }
        }
        check(DeepSea.of(12).model(RandomSource.XO_RO_SHI_RO_128_PP.create(1)), 1.0);
        check(RiverSwim.of(RiverSwim.Variant.STREHL_LITTMAN).model(), 0.99);
    }

    private static void check(TabularModel m, double gamma) {
        ValueIteration.Solution sol = ValueIteration.solve(m, gamma);
        double[] exact = PolicyEvaluator.of(m, gamma).values(sol.policy());
        for (int s = 0; s < m.states(); s++) {
            double v = sol.value(s);
            assertEquals(exact[s], v, 1e-9 * Math.max(1, Math.abs(v)), m + " gamma " + gamma + " state " + s);
        }
    }

    /**
     * FrozenLake 4x4 at gamma = 1: V*(start) is the best probability of reaching the goal, 14/17 =
     * 0.8235 (the exact value of the greedy policy, solved as a linear system; value iteration gets
     * within 1e-10). Along the top row "up" ties with the optimal action at gamma = 1 and would loop
     * forever with value 0: the greedy policy must break ties towards termination.
     */
    @Test
    void frozenLakeAtGammaOneIsASuccessProbability() {
        TabularModel m = BuiltinMap.FROZEN_LAKE_4X4.builder().build().model();
        ValueIteration.Solution sol = ValueIteration.solve(m, 1.0);
        double exact = PolicyEvaluator.of(m, 1.0).startValue(sol.policy());
        assertEquals(14.0 / 17.0, exact, 1e-12);
        assertEquals(14.0 / 17.0, sol.startValue(), 1e-10);
        assertTrue(sol.isOptimal(1, GridAction.UP.index()), "the tie that lowest-index tie-breaking would take");
        int[] lowestIndex = new int[m.states()];
        for (int s = 0; s < m.states(); s++) {
            for (int a = 3; a >= 0; a--) {
                if (sol.isOptimal(s, a)) {
                    lowestIndex[s] = a;
                }
            }
        }
        assertEquals(0.0, PolicyEvaluator.of(m, 1.0).startValue(lowestIndex), 0.0);
        // FrozenLake 8x8 at gamma = 1: the goal can be reached with probability 1
        TabularModel big = BuiltinMap.FROZEN_LAKE_8X8.builder().build().model();
        assertEquals(1.0, PolicyEvaluator.of(big, 1.0).startValue(ValueIteration.solve(big, 1.0).policy()), 1e-9);
    }

    @Test
    void finiteHorizonValues() {
        TabularModel cliff = BuiltinMap.CLIFF_WALKING.builder().build().model();
        assertEquals(-13.0, ValueIteration.finiteHorizon(cliff, 1.0, 13)[36], 0.0);
        assertEquals(-12.0, ValueIteration.finiteHorizon(cliff, 1.0, 12)[36], 0.0, "12 steps cannot reach the goal");
        assertEquals(-13.0, ValueIteration.finiteHorizon(cliff, 1.0, 100)[36], 0.0);
        assertEquals(0.0, ValueIteration.finiteHorizon(cliff, 1.0, 0)[36], 0.0);
        DeepSea d = DeepSea.of(8);
        TabularModel m = d.model(RandomSource.XO_RO_SHI_RO_128_PP.create(3));
        assertEquals(d.optimalReturn(), ValueIteration.finiteHorizon(m, 1.0, 8)[0], 1e-13);
        // RiverSwim osband, tau = 20: bounded by 20 x the largest reward, and more than swimming left 20 times
        double v20 = ValueIteration.finiteHorizon(RiverSwim.of(RiverSwim.Variant.OSBAND).model(), 1.0, 20)[0];
        assertTrue(v20 > 20 * 0.005 && v20 < 20, "V_20(0) = " + v20);
    }

    @Test
    void validationAndDivergence() {
        TabularModel m = BuiltinMap.CLIFF_WALKING.builder().build().model();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ValueIteration.solve(m, 1.5));
        assertEquals("gamma is not in [0, 1]: 1.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ValueIteration.solve(m, Double.NaN));
        // a loop paying +1 forever at gamma = 1 never converges
        TabularModel loop = TabularModel.builder(1, 1).add(0, 0, 1, 0, 1.0, false).start(0, 1).build();
        IllegalStateException s = assertThrows(IllegalStateException.class,
            () -> ValueIteration.solve(loop, 1.0, 1e-12, 1000));
        assertTrue(s.getMessage().startsWith("value iteration did not converge in 1000 sweeps"), s.getMessage());
        // gamma = 0: one-step rewards
        ValueIteration.Solution myopic = ValueIteration.solve(m, 0.0);
        assertEquals(-1.0, myopic.value(36), 0.0);
    }
}
