package kelvin.experiments.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed values of rliable's aggregate statistics (metrics.py). */
class AggregateStatisticTest {

    @Test
    void iqmOfEightScoresIsTheMeanOfTheMiddleFour() {
        // pooled 1..8 across three environments; k = 8 / 4 = 2 cut at each end: (3 + 4 + 5 + 6) / 4
        ScoreTable t = table(new double[] {8, 1, 3}, new double[] {2, 7}, new double[] {5, 4, 6});
        assertEquals(4.5, AggregateStatistic.IQM.of(t), 1e-15);
    }

    @Test
    void iqmTrimsFloorOfAQuarterWhenTheCountIsNotDivisibleByFour() {
        // scipy.stats.trim_mean(x, 0.25) cuts int(0.25 n) from each end
        // n = 6: k = 1, sorted 0 1 2 3 10 100 keeps 1 2 3 10
        assertEquals(16.0 / 4, AggregateStatistic.IQM.of(table(new double[] {10, 0, 1}, new double[] {2, 3, 100})),
                1e-15);
        // n = 5: k = 1, sorted 1 2 4 5 30 keeps 2 4 5
        assertEquals(11.0 / 3, AggregateStatistic.IQM.of(table(new double[] {5, 1, 4, 2, 30})), 1e-15);
        // n = 7: k = 1, sorted 0 1 2 3 4 5 60 keeps 1..5
        assertEquals(3.0, AggregateStatistic.IQM.of(table(new double[] {60, 0, 1, 2}, new double[] {3, 4, 5})), 1e-15);
        // n = 9: k = 2, sorted 0 0 1 2 3 4 5 9 9 keeps 1..5
        assertEquals(3.0, AggregateStatistic.IQM.of(table(new double[] {9, 0, 1, 2, 3, 4, 5, 9, 0})), 1e-15);
        // n = 3: k = 0, the plain mean; n = 1: the score
        assertEquals(10.0 / 3, AggregateStatistic.IQM.of(table(new double[] {0, 1, 9})), 1e-15);
        assertEquals(0.7, AggregateStatistic.IQM.of(table(new double[] {0.7})), 0);
    }

    @Test
    void meanAndMedianAreOfTheEnvironmentMeans() {
        // environment means 0.25 and 1: every environment weighs the same (the pooled mean would be 0.4)
        ScoreTable two = table(new double[] {0, 0, 0, 1}, new double[] {1});
        assertEquals(0.625, AggregateStatistic.MEAN.of(two), 1e-15);
        assertEquals(0.625, AggregateStatistic.MEDIAN.of(two), 1e-15);
        // three environment means 0.25, 1, 0.5: median 0.5; a pooled median would be 0
        ScoreTable three = table(new double[] {0, 0, 0, 1}, new double[] {1}, new double[] {0.5, 0.5});
        assertEquals(0.5, AggregateStatistic.MEDIAN.of(three), 1e-15);
        assertEquals(1.75 / 3, AggregateStatistic.MEAN.of(three), 1e-15);
    }

    @Test
    void optimalityGapIsTheMeanShortfallBelowGamma() {
        // max(0, 1 - x) = 0, 0.5, 0.1, 1.1 -> 1.7 / 4; at gamma = 0.5: 0, 0, 0, 0.6 -> 0.15
        ScoreTable t = table(new double[] {1.2, 0.5}, new double[] {0.9, -0.1});
        assertEquals(1.7 / 4, AggregateStatistic.OPTIMALITY_GAP.of(t), 1e-15);
        assertEquals(0.6 / 4, AggregateStatistic.optimalityGap(0.5).of(t), 1e-15);
        assertFalse(AggregateStatistic.OPTIMALITY_GAP.higherIsBetter());
        assertTrue(AggregateStatistic.IQM.higherIsBetter());
        assertEquals(AggregateStatistic.OPTIMALITY_GAP, AggregateStatistic.optimalityGap(1));
        assertThrows(IllegalArgumentException.class, () -> AggregateStatistic.optimalityGap(Double.NaN));
    }

    @Test
    void standardListsThePapersFourInItsOrder() {
        assertEquals(List.of("median", "iqm", "mean", "optimality-gap"),
                AggregateStatistic.standard().stream().map(AggregateStatistic::name).toList());
    }

    static ScoreTable table(double[]... rows) {
        List<String> names = new ArrayList<>();
        for (int e = 0; e < rows.length; e++) {
            names.add("env" + e);
        }
        return ScoreTable.of(names, rows);
    }
}
