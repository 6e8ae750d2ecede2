package kelvin.env.mdp;

import static kelvin.env.mdp.GridworldTest.assertOutcome;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** RiverSwim: the documented tables of both variants, start distributions, and "always right". */
class RiverSwimTest {

    private static final int L = RiverSwim.LEFT;
    private static final int R = RiverSwim.RIGHT;

    @Test
    void strehlLittmanTable() {
        RiverSwim env = RiverSwim.of(RiverSwim.Variant.STREHL_LITTMAN);
        TabularModel m = env.model();
        assertOutcome(m, 0, L, 0, 1.0, 0, 5.0, false);
        assertOutcome(m, 0, R, 0, 0.7, 0, 0.0, false);
        assertOutcome(m, 0, R, 1, 0.3, 1, 0.0, false);
        for (int s = 1; s <= 4; s++) {
            assertOutcome(m, s, L, 0, 1.0, s - 1, 0.0, false);
            assertOutcome(m, s, R, 0, 0.1, s - 1, 0.0, false);
            assertOutcome(m, s, R, 1, 0.6, s, 0.0, false);
            assertOutcome(m, s, R, 2, 0.3, s + 1, 0.0, false);
        }
        assertOutcome(m, 5, L, 0, 1.0, 4, 0.0, false);
        assertOutcome(m, 5, R, 0, 0.7, 4, 0.0, false);
        assertOutcome(m, 5, R, 1, 0.3, 5, 10000.0, false);
        assertEquals(3000.0, m.expectedReward(5, R), 1e-9);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 0, 0, 0}, m.startDistribution());
        assertEquals(OptionalInt.empty(), env.horizon());
    }

    @Test
    void osbandTable() {
        RiverSwim env = RiverSwim.of(RiverSwim.Variant.OSBAND);
        TabularModel m = env.model();
        assertOutcome(m, 0, L, 0, 1.0, 0, 0.005, false);
        assertOutcome(m, 0, R, 0, 0.4, 0, 0.0, false);
        assertOutcome(m, 0, R, 1, 0.6, 1, 0.0, false);
        for (int s = 1; s <= 4; s++) {
            assertOutcome(m, s, L, 0, 1.0, s - 1, 0.0, false);
            assertOutcome(m, s, R, 0, 0.05, s - 1, 0.0, false);
            assertOutcome(m, s, R, 1, 0.6, s, 0.0, false);
            assertOutcome(m, s, R, 2, 0.35, s + 1, 0.0, false);
        }
        assertOutcome(m, 5, R, 0, 0.4, 4, 1.0, false);
        assertOutcome(m, 5, R, 1, 0.6, 5, 1.0, false);
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 0}, m.startDistribution());
        assertEquals(OptionalInt.of(20), env.horizon());
        assertEquals(1, m.rows());
        assertEquals(6, m.columns());
    }

    /** The optimal policy is "always right" (strictly better than left in every state). */
    @Test
    void optimalPolicyIsAlwaysRight() {
        for (RiverSwim.Variant v : RiverSwim.Variant.values()) {
            TabularModel m = RiverSwim.of(v).model();
            for (double gamma : new double[] {0.9, 0.95, 0.99}) {
                ValueIteration.Solution sol = ValueIteration.solve(m, gamma);
                for (int s = 0; s < RiverSwim.STATES; s++) {
                    String where = v.key() + " gamma " + gamma + " state " + s;
                    assertEquals(R, sol.action(s), where);
                    assertFalse(sol.isOptimal(s, L), where);
                    assertTrue(sol.q(s, R) > sol.q(s, L), where);
                }
            }
        }
    }

    @Test
    void variantKeys() {
        assertEquals(RiverSwim.Variant.OSBAND, RiverSwim.Variant.of("osband"));
        assertEquals(RiverSwim.Variant.STREHL_LITTMAN, RiverSwim.Variant.of("strehl-littman"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RiverSwim.Variant.of("x"));
        assertEquals("unknown river-swim variant 'x'; allowed: [strehl-littman, osband]", e.getMessage());
        assertEquals("river-swim/osband", RiverSwim.of(RiverSwim.Variant.OSBAND).name());
    }
}
