package kelvin.env.mdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented map errors: each message names the problem and, where it has one, the place. */
class MapValidationTest {

    private static MapException fail(String... rows) {
        return assertThrows(MapException.class, () -> Gridworld.builder(rows).build());
    }

    private static void assertError(MapException e, int row, int column, String message) {
        assertEquals(message, e.getMessage());
        assertEquals(row, e.row(), "row");
        assertEquals(column, e.column(), "column");
    }

    @Test
    void unknownCharacterIsNamedWithItsRowAndColumn() {
        assertError(fail("S..", ".x.", "..G"), 1, 1,
            "rows[1], column 1: unknown character 'x'; allowed: S start, G goal, . or F free, # wall, H hole, C cliff");
        assertError(fail("S. ", "..G"), 0, 2,
            "rows[0], column 2: unknown character U+0020 (space); allowed: S start, G goal, . or F free, # wall, H hole,"
                + " C cliff");
    }

    @Test
    void startMustBeUnique() {
        assertError(fail("...", "..G"), -1, -1, "the map has no start 'S'");
        assertError(fail("S..", ".SG"), 1, 1,
            "rows[1], column 1: a second start 'S' (the first is at rows[0], column 0); a map has exactly one start");
    }

    @Test
    void goalIsRequired() {
        assertError(fail("S..", "..."), -1, -1, "the map has no goal 'G'");
    }

    @Test
    void raggedAndEmptyRows() {
        assertError(fail("S...", "..G"), 1, -1,
            "rows[1] has 3 characters but rows[0] has 4: every row must have the same length");
        assertError(fail(""), 0, -1, "rows[0] is empty");
        MapException e = assertThrows(MapException.class, () -> Gridworld.builder(List.of()).build());
        assertError(e, -1, -1, "the map has no rows");
    }

    @Test
    void unreachableGoalIsNamed() {
        assertError(fail("S#.", "##G"), 1, 2,
            "rows[1], column 2: the goal 'G' cannot be reached from the start at rows[0], column 0 (walls, holes and"
                + " cliffs block every path)");
        // holes and cliffs block too: a cliff leads back to the start, a hole ends the episode
        assertError(fail("SH.", "HCG"), 1, 2,
            "rows[1], column 2: the goal 'G' cannot be reached from the start at rows[0], column 0 (walls, holes and"
                + " cliffs block every path)");
        // every goal must be reachable, not just one
        assertEquals(0, fail("SG#G").row());
        // a goal reachable only past another goal is unreachable
        assertEquals(2, fail("SGG.").column());
    }

    /** Slip does not change reachability: with slip 1 the perpendicular moves still reach every neighbour. */
    @Test
    void slipperyMapsUseTheSameReachability() {
        Gridworld g = Gridworld.builder("S.G").slip(1).build();
        assertEquals(3, g.states());
        assertThrows(MapException.class, () -> Gridworld.builder("S#G").slip(0.5).build());
    }

    @Test
    void mapExceptionIsAnIllegalArgumentException() {
        IllegalArgumentException e = fail("S");
        assertEquals("the map has no goal 'G'", e.getMessage());
    }
}
