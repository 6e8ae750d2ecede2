package kelvin.experiments.planning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import kelvin.env.mdp.BuiltinMap;
import kelvin.env.mdp.PolicyEvaluator;
import kelvin.env.mdp.RiverSwim;
import kelvin.env.mdp.TabularModel;
import kelvin.env.mdp.ValueIteration;
import org.junit.jupiter.api.Test;

/** Soft value iteration against hand-computed values and its two limits, T -> 0 and T -> infinity. */
class SoftValueIterationTest {

    private static final TabularModel LAKE = BuiltinMap.FROZEN_LAKE_4X4.builder().build().model();

    /** One state, two actions that end the episode with rewards r1 and r2: a two-armed bandit. */
    private static TabularModel bandit(double r1, double r2) {
        return TabularModel.builder(1, 2).add(0, 0, 1, 0, r1, true).add(0, 1, 1, 0, r2, true).start(0, 1).build();
    }

    @Test
    void banditSoftValueIsTheLogSumExpOfTheRewards() {
        double r1 = 1.0;
        double r2 = 0.5;
        double t = 0.3;
        SoftValueIteration.Solution s = SoftValueIteration.solve(bandit(r1, r2), 0.9, t);
        double expected = t * Math.log(Math.exp(r1 / t) + Math.exp(r2 / t));
        assertEquals(expected, s.value(0), 1e-12);
        double p1 = Math.exp(r1 / t) / (Math.exp(r1 / t) + Math.exp(r2 / t));
        assertEquals(p1, s.probability(0, 0), 1e-12);
        assertEquals(0, s.action(0));
        assertEquals(-p1 * Math.log(p1) - (1 - p1) * Math.log(1 - p1), s.entropy(0), 1e-12);
        assertEquals(p1 * r1 + (1 - p1) * r2, s.trueValue(0), 1e-12);
        // the soft value is the best expected reward plus T times the entropy, attained by pi_T
        assertEquals(s.trueValue(0) + t * s.entropy(0), s.value(0), 1e-12);
    }

    @Test
    void banditLimitsAreTheMaxAndTheMeanPlusTLn2() {
        double r1 = 1.0;
        double r2 = 0.5;
        assertEquals(r1, SoftValueIteration.solve(bandit(r1, r2), 1, 0).value(0), 0);
        // T ln(e^{r1/T} + e^{r2/T}) - r1 = T ln(1 + e^{-0.5/T}), below 1e-200 at T = 1e-3
        assertEquals(r1, SoftValueIteration.solve(bandit(r1, r2), 1, 1e-3).value(0), 1e-15);
        // large T: mean + T ln 2 + (r1 - r2)^2 / (8 T) + O(1/T^3)
        for (double t : new double[] {10, 100, 1000}) {
            double v = SoftValueIteration.solve(bandit(r1, r2), 1, t).value(0);
            double gap = v - ((r1 + r2) / 2 + t * Math.log(2));
            assertEquals(0.25 / (8 * t), gap, 1e-3 / (t * t) + 1e-12 * t, "T = " + t);
        }
    }

    /**
     * Two states: in 0, action 0 ends with reward 0 and action 1 moves to 1 (reward 0); in 1, action 0
     * ends with reward 1 and action 1 ends with reward 0. With gamma = 1/2 and T = 1:
     * V(1) = ln(e + 1), Q(0, 1) = V(1) / 2, V(0) = ln(1 + sqrt(e + 1)).
     */
    @Test
    void twoStateChainByHand() {
        TabularModel chain = TabularModel.builder(2, 2)
            .add(0, 0, 1, 0, 0, true).add(0, 1, 1, 1, 0, false)
            .add(1, 0, 1, 1, 1, true).add(1, 1, 1, 1, 0, true)
            .start(0, 1).build();
        SoftValueIteration.Solution s = SoftValueIteration.solve(chain, 0.5, 1.0);
        double e = Math.E;
        assertEquals(Math.log(e + 1), s.value(1), 1e-12);
        assertEquals(0, s.q(0, 0), 1e-12);
        assertEquals(Math.log(e + 1) / 2, s.q(0, 1), 1e-12);
        assertEquals(Math.log(1 + Math.sqrt(e + 1)), s.value(0), 1e-12);
        assertEquals(s.value(0), s.startValue(), 0);
        double p01 = Math.sqrt(e + 1) / (1 + Math.sqrt(e + 1));
        double p10 = e / (e + 1);
        assertEquals(p01, s.probability(0, 1), 1e-12);
        assertEquals(1, s.action(0));
        assertEquals(p10, s.trueValue(1), 1e-12);
        assertEquals(p01 * 0.5 * p10, s.trueValue(0), 1e-12);
        assertEquals(s.trueValue(0), s.trueStartValue(), 0);
        double h0 = entropy(p01);
        double h1 = entropy(p10);
        // discounted steps from 0: 1 + (1/2) p01; discounted entropy: H0 + (1/2) p01 H1
        assertEquals((h0 + 0.5 * p01 * h1) / (1 + 0.5 * p01), s.meanEntropy(), 1e-12);
    }

    @Test
    void temperatureZeroIsValueIteration() {
        for (TabularModel m : new TabularModel[] {LAKE, BuiltinMap.CLIFF_WALKING.builder().build().model()}) {
            ValueIteration.Solution hard = ValueIteration.solve(m, 0.95);
            SoftValueIteration.Solution soft = SoftValueIteration.solve(m, 0.95, 0);
            assertArrayEquals(hard.values(), soft.values(), 0);
            assertArrayEquals(hard.qValues(), soft.qValues(), 0);
            assertEquals(hard.sweeps(), soft.sweeps());
        }
    }

    @Test
    void softValueIsExpectedQPlusTTimesEntropyInEveryState() {
        double t = 0.05;
        SoftValueIteration.Solution s = SoftValueIteration.solve(LAKE, 0.9, t);
        for (int x = 0; x < LAKE.states(); x++) {
            double expectedQ = 0;
            for (int a = 0; a < LAKE.actions(); a++) {
                expectedQ += s.probability(x, a) * s.q(x, a);
            }
            assertEquals(expectedQ + t * s.entropy(x), s.value(x), 1e-12, "state " + x);
        }
    }

    /**
     * In a continuing MDP (RiverSwim, no termination) every policy lives forever, so as T grows the
     * entropy bonus T ln 2 per step dominates: pi_T tends to uniform, V_T - T ln 2 / (1 - gamma) to
     * the uniform policy's value and so does the true value of pi_T, with errors of order 1/T.
     */
    @Test
    void largeTemperatureApproachesTheUniformPolicyInAContinuingMdp() {
        TabularModel river = RiverSwim.of(RiverSwim.Variant.OSBAND).model();
        double gamma = 0.9;
        double[] uniform = new double[river.states() * river.actions()];
        Arrays.fill(uniform, 0.5);
        double[] vUniform = PolicyEvaluator.of(river, gamma).values(uniform);
        double previous = Double.POSITIVE_INFINITY;
        for (double t : new double[] {10, 100, 1000}) {
            SoftValueIteration.Solution s = SoftValueIteration.solve(river, gamma, t);
            double error = 0;
            double trueError = 0;
            for (int x = 0; x < river.states(); x++) {
                error = Math.max(error, Math.abs(s.value(x) - t * Math.log(2) / (1 - gamma) - vUniform[x]));
                trueError = Math.max(trueError, Math.abs(s.trueValue(x) - vUniform[x]));
            }
            assertTrue(error * t < 2, "T = " + t + ": soft value error " + error);
            assertTrue(trueError * t < 2, "T = " + t + ": true value error " + trueError);
            assertTrue(error < previous / 5, "T = " + t + ": error " + error + " after " + previous);
            previous = error;
        }
    }

    /**
     * In an episodic MDP the bonus is earned only until termination, so at large T the soft-optimal
     * policy trades entropy per step for longer episodes: on the frozen lake it avoids the holes more
     * than the uniform policy does, and V_T exceeds the uniform policy's value plus T ln 4 per
     * expected discounted step L by an amount that grows in proportion to T.
     */
    @Test
    void largeTemperatureOnAnEpisodicMapIsNotUniform() {
        double gamma = 0.9;
        double[] uniform = new double[LAKE.states() * LAKE.actions()];
        Arrays.fill(uniform, 0.25);
        int start = LAKE.startState(0);
        double vUniform = PolicyEvaluator.of(LAKE, gamma).values(uniform)[start];
        double steps = PolicyEvaluator.of(payingOnePerStep(LAKE), gamma).values(uniform)[start];
        double excess10 = SoftValueIteration.solve(LAKE, gamma, 10).startValue() - 10 * Math.log(4) * steps
            - vUniform;
        double excess100 = SoftValueIteration.solve(LAKE, gamma, 100).startValue() - 100 * Math.log(4) * steps
            - vUniform;
        assertTrue(excess10 > 0.1, "excess " + excess10);
        assertEquals(10, excess100 / excess10, 0.5);
        SoftValueIteration.Solution hot = SoftValueIteration.solve(LAKE, gamma, 1000);
        assertTrue(hot.meanEntropy() < Math.log(4) - 0.01, "mean entropy " + hot.meanEntropy());
    }

    private static TabularModel payingOnePerStep(TabularModel m) {
        TabularModel.Builder b = TabularModel.builder(m.states(), m.actions());
        for (int x = 0; x < m.states(); x++) {
            for (int a = 0; a < m.actions(); a++) {
                for (int i = m.first(x, a); i < m.end(x, a); i++) {
                    b.add(x, a, m.probability(i), m.next(i), 1.0, m.terminal(i));
                }
            }
        }
        return b.start(m.startState(0), 1).build();
    }

    @Test
    void smallTemperatureApproachesTheOptimalPolicy() {
        double gamma = 0.99;
        double optimal = ValueIteration.solve(LAKE, gamma).startValue();
        SoftValueIteration.Solution s = SoftValueIteration.solve(LAKE, gamma, 1e-4);
        assertEquals(optimal, s.trueStartValue(), 1e-3);
        // value iteration stops within 1e-10 (relative) of V* at gamma = 0.99
        assertTrue(s.trueStartValue() <= optimal + 1e-9, s.trueStartValue() + " > " + optimal);
        assertTrue(s.startValue() >= optimal - 1e-9, s.startValue() + " < " + optimal);
    }

    /** At gamma = 1 on the frozen lake an endless walk along the top wall earns entropy forever. */
    @Test
    void gammaOneOnTheFrozenLakeDoesNotConverge() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> SoftValueIteration.solve(LAKE, 1.0, 0.1, 1e-12, 20_000));
        assertTrue(e.getMessage().contains("did not converge"), e.getMessage());
    }

    @Test
    void badParametersAreRefused() {
        for (double t : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> SoftValueIteration.solve(LAKE, 0.9, t));
        }
        assertThrows(IllegalArgumentException.class, () -> SoftValueIteration.solve(LAKE, 1.5, 1));
    }

    private static double entropy(double p) {
        return -p * Math.log(p) - (1 - p) * Math.log(1 - p);
    }
}
