package kelvin.experiments.scorecard;

import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Wilcoxon's signed-rank test of paired values (Wilcoxon 1945, "Individual comparisons by ranking
 * methods", Biometrics Bulletin 1(6), 80-83), two-sided, with an exact p value. With d_i = x_i - y_i,
 * the pairs with d_i = 0 are dropped (Wilcoxon's own treatment, scipy's default
 * {@code zero_method='wilcox'}); the n others get the ranks of |d_i|, ties sharing their mean rank
 * (Commons Math's {@link NaturalRanking}, {@link TiesStrategy#AVERAGE}); W+ is the sum of the ranks of
 * the positive d_i. Under the null hypothesis that each d_i is as likely positive as negative, the
 * signs are independent fair coins given the ranks, and p = min(1, 2 min(P(W &lt;= W+), P(W &gt;= W+)))
 * over that sign-flip distribution, computed exactly by convolution over the doubled ranks (integers
 * even with tied ranks), in O(n^3) time. No pairs left (all d_i = 0) gives p = 1.
 *
 * <p>Why not Commons Math's {@code WilcoxonSignedRankTest} (3.6.1) itself: it ranks zero differences
 * with the others and counts them on the negative side (two identical agents come out "significantly
 * different" with p = 2^(1-n)), its exact p ignores tied ranks, and its exact path enumerates all 2^n
 * sign patterns.
 *
 * @param wPlus W+, the sum of the ranks of the positive differences
 * @param n the number of non-zero differences
 * @param p the two-sided exact p value
 */
public record WilcoxonSignedRank(double wPlus, int n, double p) {

    /**
     * The test of x against y, pair i being (x_i, y_i).
     *
     * @param x the first values
     * @param y the second values, as many
     * @return W+, n and p
     * @throws IllegalArgumentException if the lengths differ or a value is not finite
     */
    public static WilcoxonSignedRank of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("signed-rank test: " + x.length + " and " + y.length
                    + " values are not pairs");
        }
        double[] d = new double[x.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            double diff = x[i] - y[i];
            if (!Double.isFinite(diff)) {
                throw new IllegalArgumentException("signed-rank test: pair " + i + " is not finite: " + x[i] + ", "
                        + y[i]);
            }
            if (diff != 0) {
                d[n++] = diff;
            }
        }
        if (n == 0) {
            return new WilcoxonSignedRank(0, 0, 1);
        }
        double[] magnitudes = new double[n];
        for (int i = 0; i < n; i++) {
            magnitudes[i] = Math.abs(d[i]);
        }
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(magnitudes);
        int[] doubled = new int[n];
        int total = 0;
        int twiceWPlus = 0;
        for (int i = 0; i < n; i++) {
            doubled[i] = (int) Math.round(2 * ranks[i]);
            total += doubled[i];
            if (d[i] > 0) {
                twiceWPlus += doubled[i];
            }
        }
        double[] distribution = signFlipDistribution(doubled, total);
        double atMost = 0;
        for (int s = 0; s <= twiceWPlus; s++) {
            atMost += distribution[s];
        }
        double atLeast = 0;
        for (int s = twiceWPlus; s <= total; s++) {
            atLeast += distribution[s];
        }
        return new WilcoxonSignedRank(twiceWPlus / 2.0, n, Math.min(1, 2 * Math.min(atMost, atLeast)));
    }

    /** P(sum of the doubled ranks with a positive sign = s), each sign a fair coin. */
    private static double[] signFlipDistribution(int[] doubled, int total) {
        double[] p = new double[total + 1];
        p[0] = 1;
        int reach = 0;
        for (int r : doubled) {
            reach += r;
            for (int s = reach; s >= 0; s--) {
                p[s] = 0.5 * (p[s] + (s >= r ? p[s - r] : 0));
            }
        }
        return p;
    }
}
