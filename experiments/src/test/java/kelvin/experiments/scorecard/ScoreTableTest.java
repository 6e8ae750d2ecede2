package kelvin.experiments.scorecard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreTableTest {

    @Test
    void keepsACopyOfItsScores() {
        double[][] scores = {{0.25, 0.75}, {1}};
        ScoreTable table = ScoreTable.of(List.of("a", "b"), scores);
        scores[0][0] = 99;
        assertEquals(0.25, table.scores(0)[0]);
        table.scores(0)[1] = 99;
        assertEquals(0.75, table.scores(0)[1]);
        assertEquals(3, table.size());
        assertEquals(2, table.runs(0));
        assertEquals(1, table.runs(1));
        assertArrayEquals(new double[] {0.5, 1}, table.environmentMeans());
    }

    @Test
    void refusesBadTablesWithTheEnvironmentAndRunNamed() {
        assertMessage("score table: environment \"b\", run 1: score is not finite: NaN",
                List.of("a", "b"), new double[][] {{0}, {0, Double.NaN}});
        assertMessage("score table: environment \"a\", run 0: score is not finite: Infinity",
                List.of("a"), new double[][] {{Double.POSITIVE_INFINITY}});
        assertMessage("score table: environment \"b\" has no runs", List.of("a", "b"), new double[][] {{0}, {}});
        assertMessage("score table: environment \"a\" appears twice", List.of("a", "a"), new double[][] {{0}, {1}});
        assertMessage("score table: environment 1 has no name", List.of("a", " "), new double[][] {{0}, {1}});
        assertMessage("score table: 2 environment names but 1 rows of scores", List.of("a", "b"), new double[][] {{0}});
        assertMessage("score table: no environments", List.of(), new double[0][]);
    }

    @Test
    void aSuiteNeedsTheSameEnvironmentsInTheSameOrder() {
        Map<String, ScoreTable> tables = new LinkedHashMap<>();
        tables.put("x", ScoreTable.of(List.of("a", "b"), new double[][] {{0}, {1}}));
        tables.put("y", ScoreTable.of(List.of("b", "a"), new double[][] {{0}, {1}}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SuiteScores.of(tables));
        assertEquals("suite scores: agent \"y\" has environments [b, a] but agent \"x\" has [a, b] (same names, same "
                + "order)", e.getMessage());

        tables.put("y", ScoreTable.of(List.of("a", "b"), new double[][] {{0, 1, 1}, {1}}));
        SuiteScores suite = SuiteScores.of(tables);
        assertEquals(List.of("x", "y"), suite.agents());
        assertEquals(List.of("a", "b"), suite.environments());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> suite.table("z"));
        assertEquals("suite scores: no agent \"z\"; there are [x, y]", missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SuiteScores.of(Map.of()));
    }

    private static void assertMessage(String message, List<String> names, double[][] scores) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScoreTable.of(names, scores));
        assertEquals(message, e.getMessage());
    }
}
