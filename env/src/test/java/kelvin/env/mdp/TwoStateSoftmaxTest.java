package kelvin.env.mdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The table of Asadi &amp; Littman's two-state MDP (2017, Figure 1), number by number. */
class TwoStateSoftmaxTest {

    private final TabularModel m = TwoStateSoftmax.of().model();

    private void assertOutcome(int i, double p, int next, double r, boolean terminal) {
        assertEquals(p, m.probability(i), 0);
        assertEquals(next, m.next(i));
        assertEquals(r, m.reward(i), 0);
        assertEquals(terminal, m.terminal(i));
    }

    @Test
    void actionAStaysWithProbability066AndPays0122() {
        int i = m.first(TwoStateSoftmax.S1, TwoStateSoftmax.A);
        assertEquals(2, m.end(TwoStateSoftmax.S1, TwoStateSoftmax.A) - i);
        assertOutcome(i, 0.66, TwoStateSoftmax.S1, 0.122, false);
        assertOutcome(i + 1, 0.34, TwoStateSoftmax.S2, 0.122, true);
    }

    @Test
    void actionBStaysWithProbability099AndPays0033() {
        int i = m.first(TwoStateSoftmax.S1, TwoStateSoftmax.B);
        assertEquals(2, m.end(TwoStateSoftmax.S1, TwoStateSoftmax.B) - i);
        assertOutcome(i, 0.99, TwoStateSoftmax.S1, 0.033, false);
        assertOutcome(i + 1, 0.01, TwoStateSoftmax.S2, 0.033, true);
    }

    @Test
    void startsInS1() {
        assertEquals(1, m.startCount());
        assertEquals(TwoStateSoftmax.S1, m.startState(0));
    }

    /**
     * V*(s1) = 0.033 / (1 - 0.98 * 0.99) = 1.1074 (always b), Q*(s1, a) = 0.122 + 0.98 * 0.66 *
     * V*(s1) = 0.8383: b is optimal.
     */
    @Test
    void valueIterationAgreesWithTheHandComputedOptimum() {
        double v = 0.033 / (1 - 0.98 * 0.99);
        double[] q = ValueIteration.solve(m, TwoStateSoftmax.GAMMA).qValues();
        assertEquals(0.122 + 0.98 * 0.66 * v, q[TwoStateSoftmax.A], 1e-9);
        assertEquals(v, q[TwoStateSoftmax.B], 1e-9);
        assertTrue(q[TwoStateSoftmax.B] > q[TwoStateSoftmax.A]);
    }
}
