package kelvin.plots;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * What a box plot lane shows of its values: quartiles (R's default type 7, as numpy and
 * matplotlib use), Tukey's whiskers, the mean, the values beyond the whiskers and a Gaussian
 * kernel density with Silverman's rule-of-thumb bandwidth (Silverman, <i>Density Estimation for
 * Statistics and Data Analysis</i>, 1986, eq. 3.31). On a log axis all of it is computed on log10
 * of the values, so the violin has the shape the reader sees on that axis.
 */
final class Distribution {

    /** Whiskers reach the furthest value within this many box lengths of the box (Tukey). */
    static final double WHISKER = 1.5;

    final int count;
    final int dropped;
    final double min;
    final double max;
    final double q1;
    final double median;
    final double q3;
    final double mean;
    final double whiskerLow;
    final double whiskerHigh;
    final double[] outliers;
    /** Sorted values on the axis scale (log10 on a log axis). */
    private final double[] scaled;
    private final boolean log;
    private final double bandwidth;

    /**
     * Summarises the values that the axis can show.
     *
     * @param values observations; NaN (and on a log axis values {@code <= 0}) are left out
     * @param log whether the axis is logarithmic
     */
    Distribution(double[] values, boolean log) {
        this.log = log;
        double[] kept = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v) && !(log && v <= 0)) {
                kept[n++] = log ? Math.log10(v) : v;
            }
        }
        scaled = Arrays.copyOf(kept, n);
        Arrays.sort(scaled);
        count = n;
        dropped = values.length - n;
        if (n == 0) {
            min = max = q1 = median = q3 = mean = whiskerLow = whiskerHigh = bandwidth = Double.NaN;
            outliers = new double[0];
            return;
        }
        Percentile p = new Percentile().withEstimationType(EstimationType.R_7);
        p.setData(scaled);
        double sq1 = p.evaluate(25);
        double sq3 = p.evaluate(75);
        double iqr = sq3 - sq1;
        double lowFence = sq1 - WHISKER * iqr;
        double highFence = sq3 + WHISKER * iqr;
        double wl = Double.NaN;
        double wh = Double.NaN;
        int beyond = 0;
        for (double v : scaled) {
            if (v < lowFence || v > highFence) {
                beyond++;
            } else {
                wl = Double.isNaN(wl) ? v : wl;
                wh = v;
            }
        }
        outliers = new double[beyond];
        int k = 0;
        double sum = 0;
        for (double v : scaled) {
            if (v < lowFence || v > highFence) {
                outliers[k++] = unscale(v);
            }
            sum += unscale(v);
        }
        min = unscale(scaled[0]);
        max = unscale(scaled[n - 1]);
        q1 = unscale(sq1);
        median = unscale(p.evaluate(50));
        q3 = unscale(sq3);
        mean = sum / n;
        whiskerLow = unscale(wl);
        whiskerHigh = unscale(wh);
        bandwidth = silverman(scaled, iqr);
    }

    private double unscale(double v) {
        return log ? Math.pow(10, v) : v;
    }

    /** 0.9 min(sd, IQR / 1.34) n^(-1/5), or the sd alone when the IQR is 0; 0 when all values agree. */
    static double silverman(double[] values, double iqr) {
        int n = values.length;
        if (n < 2) {
            return 0;
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
        return 0.9 * spread * Math.pow(n, -0.2);
    }

    /** Whether there is a density to draw: at least two values that differ. */
    boolean hasDensity() {
        return bandwidth > 0;
    }

    /**
     * The kernel density at {@code points} evenly spaced positions from the smallest to the largest
     * value (on the axis scale); the violin is cut at the data's range so it never suggests values
     * no run had.
     *
     * @param points number of positions, at least 2
     * @return {positions (in data units), densities (per axis-scale unit)}
     */
    double[][] density(int points) {
        double lo = scaled[0];
        double hi = scaled[count - 1];
        double[] at = new double[points];
        double[] density = new double[points];
        double norm = 1 / (count * bandwidth * Math.sqrt(2 * Math.PI));
        for (int i = 0; i < points; i++) {
            double x = lo + (hi - lo) * i / (points - 1);
            double sum = 0;
            // values are sorted: only those within 8 bandwidths contribute more than e^-32
            int from = lowerBound(x - 8 * bandwidth);
            for (int j = from; j < count && scaled[j] <= x + 8 * bandwidth; j++) {
                double z = (x - scaled[j]) / bandwidth;
                sum += Math.exp(-0.5 * z * z);
            }
            at[i] = unscale(x);
            density[i] = sum * norm;
        }
        return new double[][] {at, density};
    }

    private int lowerBound(double x) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (scaled[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
