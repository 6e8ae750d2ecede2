package kelvin.env.mdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The built-in maps: layouts, start and goal cells, defaults, names, and well-formed tables. */
class BuiltinMapTest {

    /** Every built-in model (deep sea at a few sizes, RiverSwim in both variants). */
    static List<TabularModel> allModels() {
        List<TabularModel> models = new ArrayList<>();
        for (BuiltinMap m : BuiltinMap.values()) {
            if (m.isGrid()) {
                models.add(m.builder().build().model());
            }
        }
        for (int n : new int[] {4, 10, 64}) {
            models.add(DeepSea.of(n).model(RandomSource.XO_RO_SHI_RO_128_PP.create(n)));
        }
        for (RiverSwim.Variant v : RiverSwim.Variant.values()) {
            models.add(RiverSwim.of(v).model());
        }
        return models;
    }

    @Test
    void everyStateActionPairSumsToOne() {
        for (TabularModel m : allModels()) {
            for (int s = 0; s < m.states(); s++) {
                for (int a = 0; a < m.actions(); a++) {
                    double sum = 0;
                    for (int i = m.first(s, a); i < m.end(s, a); i++) {
                        assertTrue(m.probability(i) > 0 && m.probability(i) <= 1);
                        sum += m.probability(i);
                    }
                    assertEquals(1.0, sum, 1e-12, m + " (s, a) = (" + s + ", " + a + ")");
                }
            }
            double start = 0;
            for (int j = 0; j < m.startCount(); j++) {
                start += m.startProbability(j);
            }
            assertEquals(1.0, start, 1e-12, m + " start distribution");
        }
    }

    /** Slippery maps have 3 outcomes on every free cell, the others 1 (the documented counts). */
    @Test
    void outcomeCountsAreAsDocumented() {
        for (BuiltinMap map : BuiltinMap.values()) {
            if (!map.isGrid()) {
                continue;
            }
            Gridworld g = map.builder().build();
            TabularModel m = g.model();
            for (int s = 0; s < m.states(); s++) {
                boolean moves = !g.isWall(s) && !g.isTerminal(s);
                int expected = moves && map.slip() > 0 ? 3 : 1;
                for (int a = 0; a < 4; a++) {
                    assertEquals(expected, m.end(s, a) - m.first(s, a), map.key() + " state " + s);
                }
            }
        }
    }

    @Test
    void open10x10MatchesTheBurlapPeer() {
        Gridworld g = BuiltinMap.OPEN_10X10.builder().build();
        assertEquals(10, g.rows());
        assertEquals(10, g.columns());
        assertEquals(g.state(9, 0), g.start(), "start bottom-left = BURLAP (0, 0)");
        assertEquals('G', g.cell(g.state(0, 9)), "goal top-right = BURLAP (9, 9)");
        assertEquals(0.0, g.stepReward());
        assertEquals(1.0, g.goalReward());
        assertEquals(0.0, g.slip());
        assertEquals(100, g.model().reachableCount());
    }

    /** Walls from the peer's NOTES.md, in BURLAP's (x, y) with y growing north: row = 10 - y. */
    @Test
    void fourRoomsHasTheBurlapWalls() {
        Gridworld g = BuiltinMap.FOUR_ROOMS.builder().build();
        int[][] xy = {{0, 5}, {2, 5}, {3, 5}, {4, 5}, {5, 0}, {5, 2}, {5, 3}, {5, 4}, {5, 5}, {5, 6}, {5, 7},
            {5, 9}, {5, 10}, {6, 4}, {7, 4}, {9, 4}, {10, 4}};
        Set<Integer> expected = new TreeSet<>();
        for (int[] c : xy) {
            expected.add(g.state(10 - c[1], c[0]));
        }
        Set<Integer> walls = new TreeSet<>();
        for (int s = 0; s < g.states(); s++) {
            if (g.isWall(s)) {
                walls.add(s);
            }
        }
        assertEquals(17, walls.size());
        assertEquals(expected, walls);
        assertEquals(g.state(10, 0), g.start());
        assertEquals('G', g.cell(g.state(0, 10)));
        assertEquals(104, g.model().reachableCount(), "121 cells - 17 walls");
    }

    @Test
    void cliffWalkingIsExample66() {
        Gridworld g = BuiltinMap.CLIFF_WALKING.builder().build();
        assertEquals(4, g.rows());
        assertEquals(12, g.columns());
        assertEquals(36, g.start());
        assertEquals('G', g.cell(47));
        for (int c = 1; c <= 10; c++) {
            assertEquals('C', g.cell(g.state(3, c)));
        }
        assertEquals(-1.0, g.stepReward());
        assertEquals(0.0, g.goalReward());
        assertEquals(-100.0, g.cliffReward());
    }

    /** Gymnasium's FrozenLake-v1 MAPS["4x4"] and MAPS["8x8"], verbatim. */
    @Test
    void frozenLakeMapsAreGymnasiums() {
        assertEquals(List.of("SFFF", "FHFH", "FFFH", "HFFG"), BuiltinMap.FROZEN_LAKE_4X4.rows());
        assertEquals(List.of("SFFFFFFF", "FFFFFFFF", "FFFHFFFF", "FFFFFHFF", "FFFHFFFF", "FHHFFFHF", "FHFFHFHF",
            "FFFHFFFG"), BuiltinMap.FROZEN_LAKE_8X8.rows());
        assertEquals(2.0 / 3.0, BuiltinMap.FROZEN_LAKE_8X8.slip());
        assertEquals(1.0, BuiltinMap.FROZEN_LAKE_8X8.goalReward());
    }

    @Test
    void namesAndLookup() {
        assertEquals(List.of("open-10x10", "cliff-walking", "frozen-lake-4x4", "frozen-lake-8x8", "four-rooms",
            "deep-sea-N"), BuiltinMap.names());
        assertEquals(BuiltinMap.CLIFF_WALKING, BuiltinMap.lookup("cliff-walking"));
        assertEquals(BuiltinMap.DEEP_SEA, BuiltinMap.lookup("deep-sea-12"));
        assertEquals(12, BuiltinMap.deepSeaSize("deep-sea-12"));
        DeepSea d = assertInstanceOf(DeepSea.class, BuiltinMap.create("deep-sea-12"));
        assertEquals(12, d.size());
        Gridworld g = assertInstanceOf(Gridworld.class, BuiltinMap.create("four-rooms"));
        assertEquals("four-rooms", g.name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BuiltinMap.lookup("cliff"));
        assertEquals("unknown map 'cliff'; known: [open-10x10, cliff-walking, frozen-lake-4x4, frozen-lake-8x8,"
            + " four-rooms, deep-sea-N]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BuiltinMap.lookup("deep-sea-3"));
        assertEquals("map 'deep-sea-3': deep sea size 3 is not in [4, 64]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BuiltinMap.lookup("deep-sea-65"));
        assertThrows(IllegalArgumentException.class, () -> BuiltinMap.lookup("deep-sea-N"));
        assertThrows(UnsupportedOperationException.class, BuiltinMap.DEEP_SEA::builder);
        assertFalse(BuiltinMap.DEEP_SEA.isGrid());
    }

    @Test
    void overridesApplyOnTopOfTheDefaults() {
        Gridworld g = BuiltinMap.CLIFF_WALKING.builder().slip(0.1).build();
        assertEquals(0.1, g.slip());
        assertEquals(-1.0, g.stepReward(), "the other defaults stay");
    }
}
