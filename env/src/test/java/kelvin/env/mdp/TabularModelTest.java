package kelvin.env.mdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The table itself: building, validation, inversion sampling, reachability. */
class TabularModelTest {

    /** Two states, two actions; (0, 1) has outcomes 0.25 / 0.75. */
    private static TabularModel small() {
        return TabularModel.builder(3, 2)
            .add(0, 0, 1.0, 0, 1.0, false)
            .add(0, 1, 0.25, 1, 0.0, false)
            .add(0, 1, 0.75, 2, 5.0, true)
            .add(1, 0, 1.0, 1, 0.0, false)
            .add(1, 1, 1.0, 0, -1.0, false)
            .add(2, 0, 1.0, 2, 0.0, true)
            .add(2, 1, 1.0, 2, 0.0, true)
            .start(0, 0.5).start(1, 0.5)
            .build();
    }

    @Test
    void outcomesAreStoredInOrder() {
        TabularModel m = small();
        assertEquals(7, m.outcomes());
        assertEquals(1, m.first(0, 1));
        assertEquals(3, m.end(0, 1));
        assertEquals(0.25, m.probability(1));
        assertEquals(2, m.next(2));
        assertEquals(5.0, m.reward(2));
        assertTrue(m.terminal(2));
        assertEquals(0.75 * 5.0, m.expectedReward(0, 1));
        assertEquals(0.25 * (0 + 0.9 * 3.0) + 0.75 * 5.0, m.backup(0, 1, 0.9, new double[] {0, 3, 100}), 1e-15,
            "terminal outcomes do not bootstrap");
        assertArrayEquals(new double[] {0.5, 0.5, 0}, m.startDistribution());
    }

    @Test
    void sampleInvertsTheCumulativeProbabilities() {
        TabularModel m = small();
        assertEquals(1, m.sample(0, 1, 0.0));
        assertEquals(1, m.sample(0, 1, 0.2499999));
        assertEquals(2, m.sample(0, 1, 0.25));
        assertEquals(2, m.sample(0, 1, Math.nextDown(1.0)));
        assertEquals(0, m.sampleStart(0.49));
        assertEquals(1, m.sampleStart(0.5));
    }

    /** Three outcomes of 1/3 whose sum rounds below 1 still cover every u in [0, 1). */
    @Test
    void lastCumulativeIsExactlyOne() {
        double third = 1.0 / 3.0;
        TabularModel m = TabularModel.builder(1, 1).add(0, 0, third, 0, 0, false).add(0, 0, third, 0, 1, false)
            .add(0, 0, third, 0, 2, false).start(0, 1).build();
        assertEquals(2, m.sample(0, 0, Math.nextDown(1.0)));
    }

    @Test
    void validation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> TabularModel.builder(1, 1).add(0, 0, 0.5, 0, 0, false).start(0, 1).build());
        assertEquals("the probabilities of (s, a) = (0, 0) sum to 0.5, not 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> TabularModel.builder(1, 2).add(0, 0, 1, 0, 0, false).start(0, 1).build());
        assertEquals("(s, a) = (0, 1) has no outcome", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> TabularModel.builder(2, 1).add(1, 0, 1, 0, 0, false).add(0, 0, 1, 0, 0, false));
        assertEquals("(s, a) = (0, 0) added out of order", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> TabularModel.builder(1, 1).add(0, 0, 1, 0, Double.NaN, false));
        assertEquals("reward of (0, 0) is not finite: NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> TabularModel.builder(1, 1).add(0, 0, 1, 0, 0, false).build());
        assertEquals("the start distribution is empty", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> small().first(3, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> small().first(0, 2));
    }

    @Test
    void reachabilityFollowsPositiveOutcomesFromTheStart() {
        TabularModel m = TabularModel.builder(4, 1)
            .add(0, 0, 1, 1, 0, false)
            .add(1, 0, 1, 2, 0, true)
            .add(2, 0, 1, 3, 0, false) // 2 is entered only terminally, so 3 is never reached
            .add(3, 0, 1, 3, 0, false)
            .start(0, 1).build();
        assertTrue(m.reachable(2));
        assertFalse(m.reachable(3));
        assertEquals(3, m.reachableCount());
        // entered terminally first, then by an ordinary outcome: it is expanded after all
        TabularModel both = TabularModel.builder(4, 2)
            .add(0, 0, 1, 1, 0, true)
            .add(0, 1, 1, 2, 0, false)
            .add(1, 0, 1, 3, 0, false)
            .add(1, 1, 1, 3, 0, false)
            .add(2, 0, 1, 1, 0, false)
            .add(2, 1, 1, 1, 0, false)
            .add(3, 0, 1, 3, 0, false)
            .add(3, 1, 1, 3, 0, false)
            .start(0, 1).build();
        assertTrue(both.reachable(3));
        assertEquals(4, both.reachableCount());
    }
}
