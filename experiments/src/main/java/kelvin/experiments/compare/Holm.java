package kelvin.experiments.compare;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction for multiple comparisons (Holm 1979, "A simple sequentially rejective
 * multiple test procedure", Scandinavian Journal of Statistics 6(2), 65-70): with the m p values
 * sorted, p_(1) &lt;= ... &lt;= p_(m), the adjusted p_(i) is max over j &lt;= i of min(1, (m - j + 1)
 * p_(j)). Rejecting where the adjusted p is below alpha keeps the chance of any false rejection
 * among the m at most alpha, whatever their dependence.
 */
public final class Holm {

    private Holm() {
    }

    /**
     * Adjusts p values; NaN ones (undefined tests) are left NaN and not counted.
     *
     * @param p the raw p values
     * @return the adjusted p values, in the same order
     */
    public static double[] adjust(double[] p) {
        int[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).mapToInt(Integer::intValue).toArray();
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        int m = order.length;
        double running = 0;
        for (int j = 0; j < m; j++) {
            running = Math.max(running, Math.min(1, (m - j) * p[order[j]]));
            adjusted[order[j]] = running;
        }
        return adjusted;
    }

    /**
     * How many p values count towards the correction.
     *
     * @param p the raw p values
     * @return those that are not NaN
     */
    public static int count(double[] p) {
        return (int) Arrays.stream(p).filter(x -> !Double.isNaN(x)).count();
    }
}
