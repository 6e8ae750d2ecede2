package kelvin.experiments.scorecard;

import static kelvin.experiments.scorecard.AggregateStatisticTest.table;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AverageRanksTest {

    /**
     * Environment means (dyadic, so exact):
     * <pre>
     *        env0    env1   env2    env3
     * A     0.875   0.75   0.5     0.625
     * B     0.625   0.75   0.375   0.875
     * C     0.125   0.25   0.5625  0.25
     * </pre>
     * Ranks (1 best): env0 A1 B2 C3; env1 A and B tie at 1.5, C3; env2 C1 A2 B3; env3 B1 A2 C3.
     */
    private static SuiteScores suite() {
        Map<String, ScoreTable> tables = new LinkedHashMap<>();
        tables.put("A", table(new double[] {0.75, 1}, new double[] {0.75}, new double[] {0.5}, new double[] {0.625}));
        tables.put("B", table(new double[] {0.625}, new double[] {0.5, 1}, new double[] {0.375},
                new double[] {0.875}));
        tables.put("C", table(new double[] {0.125}, new double[] {0.25}, new double[] {0.5625, 0.5625, 0.5625},
                new double[] {0.25}));
        return SuiteScores.of(tables);
    }

    @Test
    void averageRankOverEnvironmentsWithTiesShared() {
        AverageRanks ranks = AverageRanks.of(suite());
        // A (1 + 1.5 + 2 + 2) / 4, B (2 + 1.5 + 3 + 1) / 4, C (3 + 3 + 1 + 3) / 4
        assertArrayEquals(new double[] {6.5 / 4, 7.5 / 4, 10.0 / 4}, ranks.averageRanks(), 1e-15);
        assertEquals(1.5, ranks.rank(1, 0));
        assertEquals(1.5, ranks.rank(1, 1));
        assertEquals(1, ranks.rank(2, 2));
    }

    @Test
    void pairwiseSignedRankTestsUnderHolm() {
        List<AverageRanks.Comparison> c = AverageRanks.of(suite()).comparisons();
        // A - B = 0.25, 0, 0.125, -0.25: the 0 dropped, ranks 2.5, 1, 2.5, W+ = 3.5; doubled ranks 5 2 5
        // give sums 0 2 5 5 7 7 10 12, P(>= 7) = 4/8, P(<= 7) = 6/8: p = 1
        assertEquals(new WilcoxonSignedRank(3.5, 3, 1), c.get(0).test());
        // A - C = 0.75, 0.5, -0.0625, 0.375: ranks 4 3 1 2, W+ = 9 of 10; P(>= 9) = 2/16: p = 0.25
        assertEquals(new WilcoxonSignedRank(9, 4, 0.25), c.get(1).test());
        // B - C = 0.5, 0.5, -0.1875, 0.625: ranks 2.5 2.5 1 4, W+ = 9; doubled 5 5 2 8, sums >= 18 are
        // {5 5 8} and all four: p = 2 * 2/16
        assertEquals(new WilcoxonSignedRank(9, 4, 0.25), c.get(2).test());
        // Holm over (1, 0.25, 0.25): 3 * 0.25 = 0.75, max(0.75, 2 * 0.25), max(0.75, 1 * 1)
        assertEquals(List.of("A", "B", "A", "C", "B", "C"),
                List.of(c.get(0).first(), c.get(0).second(), c.get(1).first(), c.get(1).second(), c.get(2).first(),
                        c.get(2).second()));
        assertArrayEquals(new double[] {1, 0.75, 0.75},
                c.stream().mapToDouble(AverageRanks.Comparison::adjustedP).toArray(), 1e-15);
    }

    @Test
    void oneAgentIsFirstEverywhereWithNothingToCompare() {
        AverageRanks ranks = AverageRanks.of(SuiteScores.of(Map.of("solo", table(new double[] {0.1}))));
        assertArrayEquals(new double[] {1}, ranks.averageRanks());
        assertEquals(List.of(), ranks.comparisons());
    }
}
