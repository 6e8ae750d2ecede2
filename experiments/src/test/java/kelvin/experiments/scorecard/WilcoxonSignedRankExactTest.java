package kelvin.experiments.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

class WilcoxonSignedRankExactTest {

    @Test
    void fivePositiveDifferencesGiveTheSmallestPOfFivePairs() {
        // W+ = 1 + 2 + 3 + 4 + 5 = 15, reached by 1 of 2^5 sign patterns: p = 2 / 32
        WilcoxonSignedRank t = WilcoxonSignedRank.of(new double[] {1, 2, 3, 4, 5}, new double[5]);
        assertEquals(new WilcoxonSignedRank(15, 5, 0.0625), t);
        assertEquals(0.0625, WilcoxonSignedRank.of(new double[5], new double[] {1, 2, 3, 4, 5}).p());
    }

    @Test
    void zeroDifferencesAreDropped() {
        WilcoxonSignedRank t = WilcoxonSignedRank.of(new double[] {7, 1, 2, 3, 4, 5}, new double[] {7, 0, 0, 0, 0, 0});
        assertEquals(new WilcoxonSignedRank(15, 5, 0.0625), t);
        // identical values: nothing to test, p = 1, where Commons Math 3.6.1 counts the zeros as
        // negative differences and finds 2 / 2^5
        double[] same = {1, 2, 3, 4, 5};
        assertEquals(new WilcoxonSignedRank(0, 0, 1), WilcoxonSignedRank.of(same, same));
        assertEquals(0.0625, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(same, same, true), 1e-15);
    }

    @Test
    void tiedMagnitudesShareTheirRankAndTheExactDistributionKnowsIt() {
        // d = 1, -1, 2: ranks 1.5, 1.5, 3, W+ = 4.5. Doubled ranks 3, 3, 6 give sums 0 3 3 6 6 9 9 12,
        // each 1/8; 2 W+ = 9: P(<= 9) = 7/8, P(>= 9) = 3/8, p = 2 * 3/8
        WilcoxonSignedRank t = WilcoxonSignedRank.of(new double[] {1, 0, 2}, new double[] {0, 1, 0});
        assertEquals(new WilcoxonSignedRank(4.5, 3, 0.75), t);
    }

    @Test
    void withoutTiesOrZerosItAgreesWithCommonsMathsExactTest() {
        double[] x = {0.31, 0.52, 0.18, 0.77, 0.45, 0.63, 0.29, 0.91, 0.12, 0.58};
        double[] y = {0.25, 0.60, 0.10, 0.51, 0.47, 0.40, 0.33, 0.62, 0.15, 0.49};
        double commons = new WilcoxonSignedRankTest()
                .wilcoxonSignedRankTest(x, y, true);
        assertEquals(commons, WilcoxonSignedRank.of(x, y).p(), 1e-15);
    }

    @Test
    void refusesUnpairedOrNonFiniteValues() {
        assertThrows(IllegalArgumentException.class, () -> WilcoxonSignedRank.of(new double[2], new double[3]));
        assertEquals("signed-rank test: pair 0 is not finite: NaN, 0.0", assertThrows(IllegalArgumentException.class,
                () -> WilcoxonSignedRank.of(new double[] {Double.NaN}, new double[1])).getMessage());
    }
}
