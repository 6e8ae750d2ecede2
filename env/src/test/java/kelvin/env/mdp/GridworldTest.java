package kelvin.env.mdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Gridworld dynamics on small hand-made maps, transition by transition: every number of the
 * {@link Gridworld} Javadoc (slip split and outcome order, walls and edges, cliff reset, hole and
 * goal termination, terminal and wall rows).
 */
class GridworldTest {

    private static final int UP = 0;
    private static final int RIGHT = 1;
    private static final int DOWN = 2;
    private static final int LEFT = 3;

    /** Asserts that outcome j of (s, a) is (p, next, r, terminal). */
    static void assertOutcome(TabularModel m, int s, int a, int j, double p, int next, double r, boolean terminal) {
        int i = m.first(s, a) + j;
        assertTrue(i < m.end(s, a), "(s, a) = (" + s + ", " + a + ") has fewer than " + (j + 1) + " outcomes");
        String where = "(s, a) = (" + s + ", " + a + "), outcome " + j;
        assertEquals(p, m.probability(i), 1e-15, where + " probability");
        assertEquals(next, m.next(i), where + " next state");
        assertEquals(r, m.reward(i), 0.0, where + " reward");
        assertEquals(terminal, m.terminal(i), where + " terminal");
    }

    static int count(TabularModel m, int s, int a) {
        return m.end(s, a) - m.first(s, a);
    }

    /**
     * <pre>
     *   S.#
     *   ..G
     * </pre>
     * States: S = 0, (0,1) = 1, wall = 2, (1,0) = 3, (1,1) = 4, G = 5.
     */
    @Test
    void deterministicMovesWallsEdgesAndGoal() {
        Gridworld g = Gridworld.builder("S.#", "..G").stepReward(-0.5).goalReward(2).build();
        TabularModel m = g.model();
        assertEquals(6, m.states());
        assertEquals(4, m.actions());
        assertEquals(0, g.start());
        // from S: up is off the grid (stay), right moves, down moves, left off the grid
        assertOutcome(m, 0, UP, 0, 1.0, 0, -0.5, false);
        assertOutcome(m, 0, RIGHT, 0, 1.0, 1, -0.5, false);
        assertOutcome(m, 0, DOWN, 0, 1.0, 3, -0.5, false);
        assertOutcome(m, 0, LEFT, 0, 1.0, 0, -0.5, false);
        // from (0,1): right is the wall, stay put and pay the step reward
        assertOutcome(m, 1, RIGHT, 0, 1.0, 1, -0.5, false);
        // from (1,1): right enters G: step + goal reward, terminal
        assertOutcome(m, 4, RIGHT, 0, 1.0, 5, -0.5 + 2, true);
        // the goal's row loops back, reward 0, terminal; the wall's row loops back, not terminal
        for (int a = 0; a < 4; a++) {
            assertEquals(1, count(m, 5, a));
            assertOutcome(m, 5, a, 0, 1.0, 5, 0.0, true);
            assertOutcome(m, 2, a, 0, 1.0, 2, 0.0, false);
            assertEquals(1, count(m, 0, a), "no slip: one outcome");
        }
        assertTrue(g.isWall(2));
        assertFalse(m.reachable(2), "walls are unreachable states");
        assertEquals(5, m.reachableCount());
    }

    /**
     * Slip 0.2 on a 3 x 3 open map: the intended move with 0.8, then the counter-clockwise and the
     * clockwise perpendicular moves with 0.1 each, in that order, duplicates not merged.
     */
    @Test
    void slipSplitsBetweenThePerpendicularMovesInDocumentedOrder() {
        Gridworld g = Gridworld.builder("...", ".S.", "..G").slip(0.2).build();
        TabularModel m = g.model();
        int centre = 4;
        // up: up (1), then left (3), then right (5)
        assertEquals(3, count(m, centre, UP));
        assertOutcome(m, centre, UP, 0, 0.8, 1, 0.0, false);
        assertOutcome(m, centre, UP, 1, 0.1, 3, 0.0, false);
        assertOutcome(m, centre, UP, 2, 0.1, 5, 0.0, false);
        // right: right (5), then up (1), then down (7)
        assertOutcome(m, centre, RIGHT, 0, 0.8, 5, 0.0, false);
        assertOutcome(m, centre, RIGHT, 1, 0.1, 1, 0.0, false);
        assertOutcome(m, centre, RIGHT, 2, 0.1, 7, 0.0, false);
        // top-left corner, left: left is off the grid (stay 0), then down (3), then up (stay 0): not merged
        assertOutcome(m, 0, LEFT, 0, 0.8, 0, 0.0, false);
        assertOutcome(m, 0, LEFT, 1, 0.1, 3, 0.0, false);
        assertOutcome(m, 0, LEFT, 2, 0.1, 0, 0.0, false);
        // a slip into the goal pays the goal reward and terminates
        assertOutcome(m, 5, LEFT, 1, 0.1, 8, 1.0, true);
    }

    @Test
    void slipOneKeepsOnlyThePerpendicularMoves() {
        TabularModel m = Gridworld.builder("S.G").slip(1).build().model();
        assertEquals(2, count(m, 1, RIGHT));
        assertOutcome(m, 1, RIGHT, 0, 0.5, 1, 0.0, false); // up: off the grid
        assertOutcome(m, 1, RIGHT, 1, 0.5, 1, 0.0, false); // down: off the grid
    }

    /** Frozen lake's 1/3 split: slip = 2/3 leaves the intended move 1 - 2/3 (1/3 up to rounding). */
    @Test
    void frozenLakeMovesEachWayWithProbabilityOneThird() {
        TabularModel m = BuiltinMap.FROZEN_LAKE_4X4.builder().build().model();
        for (int a = 0; a < 4; a++) {
            assertEquals(3, count(m, 0, a));
            for (int i = m.first(0, a); i < m.end(0, a); i++) {
                assertEquals(1.0 / 3.0, m.probability(i), 1e-15);
            }
        }
        // state 0, down: down to 4 (1/3), then right to 1 (1/3), then left: stay (1/3)
        assertOutcome(m, 0, DOWN, 0, 1 - 2.0 / 3.0, 4, 0.0, false);
        assertOutcome(m, 0, DOWN, 1, 1.0 / 3.0, 1, 0.0, false);
        assertOutcome(m, 0, DOWN, 2, 1.0 / 3.0, 0, 0.0, false);
        // state 14 (row 3, column 2), right: into the goal 15 with reward 1, terminal
        assertOutcome(m, 14, RIGHT, 0, 1 - 2.0 / 3.0, 15, 1.0, true);
        // state 1, down: into the hole 5, reward 0, terminal
        assertOutcome(m, 1, DOWN, 0, 1 - 2.0 / 3.0, 5, 0.0, true);
    }

    /**
     * <pre>
     *   ....
     *   SCCG
     * </pre>
     * Stepping into the cliff earns the cliff reward instead of the step reward, lands on the start
     * and does not end the episode.
     */
    @Test
    void cliffSendsBackToStartWithoutTermination() {
        Gridworld g = Gridworld.builder("....", "SCCG").stepReward(-1).goalReward(0).build();
        TabularModel m = g.model();
        int start = 4;
        assertEquals(start, g.start());
        assertOutcome(m, start, RIGHT, 0, 1.0, start, -100.0, false);
        assertOutcome(m, 1, DOWN, 0, 1.0, start, -100.0, false);
        assertOutcome(m, 3, DOWN, 0, 1.0, 7, -1.0, true);
        assertFalse(m.reachable(5), "cliff cells are never occupied");
        Gridworld h = Gridworld.builder("....", "SCCG").cliffReward(-7).build();
        assertOutcome(h.model(), start, RIGHT, 0, 1.0, start, -7.0, false);
    }

    @Test
    void holeEndsTheEpisodeWithStepPlusHoleReward() {
        TabularModel m = Gridworld.builder("SH", ".G").stepReward(-1).holeReward(-10).build().model();
        assertOutcome(m, 0, RIGHT, 0, 1.0, 1, -11.0, true);
        for (int a = 0; a < 4; a++) {
            assertOutcome(m, 1, a, 0, 1.0, 1, 0.0, true);
        }
    }

    @Test
    void stateEncodingIsRowMajor() {
        Gridworld g = BuiltinMap.CLIFF_WALKING.builder().build();
        assertEquals(36, g.state(3, 0));
        assertEquals(36, g.start());
        assertEquals(47, g.state(3, 11));
        assertEquals(3, g.row(47));
        assertEquals(11, g.column(47));
        assertEquals('G', g.cell(47));
        assertEquals('C', g.cell(40));
        assertEquals('.', BuiltinMap.FROZEN_LAKE_4X4.builder().build().cell(1), "F is reported as .");
        assertThrows(IndexOutOfBoundsException.class, () -> g.state(4, 0));
    }

    @Test
    void parametersAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Gridworld.builder("SG").slip(1.5).build());
        assertEquals("slip is not in [0, 1]: 1.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Gridworld.builder("SG").slip(Double.NaN).build());
        assertEquals("slip is not in [0, 1]: NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> Gridworld.builder("SG").stepReward(Double.POSITIVE_INFINITY).build());
        assertEquals("step reward is not finite: Infinity", e.getMessage());
    }
}
