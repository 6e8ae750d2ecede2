package kelvin.agents.bandit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kelvin.agents.testing.TestRngs;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link Ucb1}: P. Auer, N. Cesa-Bianchi and P. Fischer, "Finite-time analysis of the
 * multiarmed bandit problem", Machine Learning 47, 2002, 235-256 (Figure 1), and Sutton &amp; Barto
 * (2018) eq. 2.10.
 */
class Ucb1Test {

    private static final long SEED = 0x0C_B1L;

    @Test
    void pullsEveryArmOnceInIndexOrderWithoutDrawing() {
        TestRngs.Counting rng = new TestRngs.Counting(TestRngs.seeded(SEED));
        Ucb1.Learner learner = Ucb1.of().start(5, rng);
        double[] out = new double[5];
        for (int a = 0; a < 5; a++) {
            assertEquals(a, learner.select(), "initial round, step " + a);
            learner.distribution(out);
            double[] pointMass = new double[5];
            pointMass[a] = 1;
            assertArrayEquals(pointMass, out, 0.0);
            assertEquals(0.0, learner.entropy(), 0.0);
            learner.update(a, 0.1 * a);
        }
        assertEquals(0, rng.calls());
        assertEquals(5, learner.step());
        // Q = (0, 0.1, 0.2, 0.3, 0.4), all N = 1: the same bonus, arm 4 wins, still no draw
        assertEquals(4, learner.select());
        assertEquals(0, rng.calls());
    }

    /** After the initial round: argmax_a Q_a + c sqrt(ln n / N_a), computed by hand. */
    @Test
    void thenPlaysTheLargestUpperBound() {
        double c = 2;
        Ucb1.Learner learner = Ucb1.of(c).start(3, TestRngs.seeded(SEED));
        double[] first = {1.0, 0.5, 0.8};
        for (int a = 0; a < 3; a++) {
            assertEquals(a, learner.select());
            learner.update(a, first[a]);
        }
        // n = 3, every N = 1: equal bonuses 2 sqrt(ln 3), so the best average (arm 0) wins
        assertEquals(1.0 + 2 * Math.sqrt(Math.log(3)), learner.bound(0), 1e-15);
        assertEquals(0, learner.select());
        learner.update(0, 0.0); // Q_0 = (1 + 0) / 2 = 0.5, N_0 = 2, n = 4
        double b0 = 0.5 + c * Math.sqrt(Math.log(4) / 2); // 2.165
        double b1 = 0.5 + c * Math.sqrt(Math.log(4) / 1); // 2.855
        double b2 = 0.8 + c * Math.sqrt(Math.log(4) / 1); // 3.155
        assertEquals(b0, learner.bound(0), 1e-15);
        assertEquals(b1, learner.bound(1), 1e-15);
        assertEquals(b2, learner.bound(2), 1e-15);
        assertEquals(2, learner.select());
        double[] out = new double[3];
        learner.distribution(out);
        assertArrayEquals(new double[] {0, 0, 1}, out, 0.0);
        assertEquals(0.0, learner.entropy(), 0.0);
        assertEquals(0.5, learner.value(0), 0.0);
        assertEquals(2, learner.pulls(0));
        assertTrue(Double.isNaN(learner.temperature()));
    }

    @Test
    void tiesAreBrokenUniformlyWithOneDraw() {
        TestRngs.Counting rng = new TestRngs.Counting(TestRngs.seeded(SEED));
        Ucb1.Learner learner = Ucb1.of().start(3, rng);
        learner.update(0, 0.5);
        learner.update(1, 0.5);
        learner.update(2, 0.1);
        double[] out = new double[3];
        learner.distribution(out);
        assertArrayEquals(new double[] {0.5, 0.5, 0}, out, 0.0);
        assertEquals(Math.log(2), learner.entropy(), 0.0);
        int[] counts = new int[3];
        for (int i = 0; i < 2000; i++) {
            counts[learner.select()]++;
        }
        assertEquals(0, counts[2]);
        // Binomial(2000, 1/2): 4 se = 4 sqrt(2000 / 4) = 89
        assertEquals(1000, counts[0], 4 * Math.sqrt(2000 * 0.25));
        assertTrue(rng.calls() >= 2000); // at least one draw per tied select (nextInt may take more)
    }

    @Test
    void untriedArmHasAnInfiniteBoundAndArmsCanBeUpdatedOutOfOrder() {
        Ucb1.Learner learner = Ucb1.of(1).start(3, TestRngs.seeded(SEED));
        assertEquals(Double.POSITIVE_INFINITY, learner.bound(1));
        learner.update(1, 2.0);
        assertEquals(0, learner.select()); // the lowest untried arm
        learner.update(0, 1.0);
        assertEquals(2, learner.select());
    }

    @Test
    void zeroExplorationIsGreedyAfterTheInitialRound() {
        Ucb1.Learner learner = Ucb1.of(0).start(2, TestRngs.seeded(SEED));
        learner.update(0, 0.2);
        learner.update(1, 0.3);
        for (int t = 0; t < 10; t++) {
            assertEquals(1, learner.select());
            learner.update(1, 0.3);
        }
    }

    @Test
    void validation() {
        assertMessage("c is not finite and >= 0: NaN", () -> Ucb1.of(Double.NaN));
        assertMessage("c is not finite and >= 0: -1.0", () -> Ucb1.of(-1));
        assertMessage("c is not finite and >= 0: Infinity", () -> Ucb1.of(Double.POSITIVE_INFINITY));
        assertMessage("arms is not at least 1: 0", () -> Ucb1.of().start(0, TestRngs.seeded(SEED)));
        assertMessage("reward is not finite: NaN",
            () -> Ucb1.of().start(2, TestRngs.seeded(SEED)).update(0, Double.NaN));
        assertMessage("out has length 1 < arms = 2", () -> Ucb1.of().start(2, TestRngs.seeded(SEED))
            .distribution(new double[1]));
        assertEquals(Math.sqrt(2), Ucb1.of().c(), 0.0);
        assertEquals("ucb1(c=2.0)", Ucb1.of(2).toString());
        assertThrows(NullPointerException.class, () -> Ucb1.of().start(2, null));
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }
}
