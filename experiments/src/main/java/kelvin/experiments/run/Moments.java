package kelvin.experiments.run;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Streaming statistics of many series at once (one slot per metric and checkpoint): count, mean,
 * M2, min and max, updated one value at a time (Welford 1962) and merged pairwise (Chan, Golub &amp;
 * LeVeque 1979). Merging is exact in algebra but not in floating point, so callers merge in a fixed
 * order to keep results independent of thread count. Values that are all the same infinity (a
 * temperature of +inf in every run) average to it, with no spread. NaN values are skipped (a metric an agent does
 * not have, such as the temperature of epsilon-greedy). Beside them, integer tallies (state
 * visits) add up exactly in any order. Nothing here grows with runs: the per-run values go to a
 * {@link RunStore} block by block.
 */
public final class Moments {
    private final long[] n;
    private final double[] mean;
    private final double[] m2;
    private final double[] min;
    private final double[] max;
    private final long[] tallies;

    /**
     * Empty statistics without integer tallies.
     *
     * @param slots how many series to follow (one per metric and checkpoint)
     */
    public Moments(int slots) {
        this(slots, 0);
    }

    /**
     * Empty statistics with integer tallies at zero.
     *
     * @param slots how many series to follow (one per metric and checkpoint)
     * @param tallies how many integer counters to sum across runs (e.g. state visits)
     */
    public Moments(int slots, int tallies) {
        this.tallies = new long[tallies];
        n = new long[slots];
        mean = new double[slots];
        m2 = new double[slots];
        min = new double[slots];
        max = new double[slots];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /**
     * The number of statistics slots.
     *
     * @return how many series this object follows
     */
    public int slots() {
        return n.length;
    }

    /**
     * Adds a value to a slot (Welford's update); NaN is skipped.
     *
     * @param slot the series, from 0 to {@link #slots()} - 1
     * @param x one run's value of that series; NaN leaves the slot unchanged
     */
    public void add(int slot, double x) {
        if (Double.isNaN(x)) {
            return;
        }
        long k = ++n[slot];
        if (Double.isInfinite(x) || Double.isInfinite(mean[slot])) {
            combineInfinite(slot, k == 1, x, 0);
        } else {
            double delta = x - mean[slot];
            mean[slot] += delta / k;
            m2[slot] += delta * (x - mean[slot]);
        }
        if (x < min[slot]) {
            min[slot] = x;
        }
        if (x > max[slot]) {
            max[slot] = x;
        }
    }

    /**
     * Combines a slot with values of which some are infinite (Welford's differences would give NaN):
     * values that are all the same infinity have that mean and no spread, as a constant series does
     * (a temperature of +inf in every run); an infinity among finite values gives that infinity with
     * an unbounded spread; +inf with -inf has no mean.
     *
     * @param slot the series
     * @param first whether the slot was empty
     * @param mean the added values' mean (one value, or a merged block's mean)
     * @param m2 the added values' M2
     */
    private void combineInfinite(int slot, boolean first, double mean, double m2) {
        if (first) {
            this.mean[slot] = mean;
            this.m2[slot] = m2;
        } else if (this.mean[slot] == mean && this.m2[slot] == 0 && m2 == 0) {
            return;
        } else {
            this.mean[slot] += mean;
            this.m2[slot] = Double.isNaN(this.mean[slot]) ? Double.NaN : Double.POSITIVE_INFINITY;
        }
    }

    /**
     * Adds {@code other}'s values to this one's, as if they had been added here after ours.
     *
     * @param other statistics of the same shape
     */
    public void merge(Moments other) {
        for (int i = 0; i < tallies.length; i++) {
            tallies[i] += other.tallies[i];
        }
        for (int s = 0; s < n.length; s++) {
            long nb = other.n[s];
            if (nb == 0) {
                continue;
            }
            long na = n[s];
            if (na == 0) {
                n[s] = nb;
                mean[s] = other.mean[s];
                m2[s] = other.m2[s];
                min[s] = other.min[s];
                max[s] = other.max[s];
                continue;
            }
            long nn = na + nb;
            if (Double.isInfinite(mean[s]) || Double.isInfinite(other.mean[s])) {
                combineInfinite(s, false, other.mean[s], other.m2[s]);
            } else {
                double delta = other.mean[s] - mean[s];
                mean[s] += delta * nb / nn;
                m2[s] += other.m2[s] + delta * delta * ((double) na * nb / nn);
            }
            n[s] = nn;
            min[s] = Math.min(min[s], other.min[s]);
            max[s] = Math.max(max[s], other.max[s]);
        }
    }

    /**
     * Writes every slot exactly (bit patterns of the doubles), for a finished cell on disk.
     *
     * @param out where the tallies and then the slots go
     * @throws IOException when writing fails
     */
    public void write(DataOutput out) throws IOException {
        out.writeInt(tallies.length);
        for (long t : tallies) {
            out.writeLong(t);
        }
        out.writeInt(n.length);
        for (int s = 0; s < n.length; s++) {
            out.writeLong(n[s]);
            out.writeDouble(mean[s]);
            out.writeDouble(m2[s]);
            out.writeDouble(min[s]);
            out.writeDouble(max[s]);
        }
    }

    /**
     * Reads what {@link #write} wrote; the restored object is equal bit for bit.
     *
     * @param in positioned at what {@link #write} wrote
     * @return statistics equal to those written, tallies included
     * @throws IOException when the stream ends early or holds something else
     */
    public static Moments read(DataInput in) throws IOException {
        int tallyCount = in.readInt();
        if (tallyCount < 0 || tallyCount > 100_000_000) {
            throw new IOException("corrupt moments: " + tallyCount + " tallies");
        }
        long[] tallies = new long[tallyCount];
        for (int i = 0; i < tallyCount; i++) {
            tallies[i] = in.readLong();
        }
        int slots = in.readInt();
        if (slots < 0 || slots > 100_000_000) {
            throw new IOException("corrupt moments: " + slots + " slots");
        }
        long[] n = new long[slots];
        double[][] stats = new double[4][slots];
        for (int s = 0; s < slots; s++) {
            n[s] = in.readLong();
            for (double[] stat : stats) {
                stat[s] = in.readDouble();
            }
        }
        Moments m = new Moments(slots, tallyCount);
        System.arraycopy(tallies, 0, m.tallies, 0, tallyCount);
        System.arraycopy(n, 0, m.n, 0, slots);
        System.arraycopy(stats[0], 0, m.mean, 0, slots);
        System.arraycopy(stats[1], 0, m.m2, 0, slots);
        System.arraycopy(stats[2], 0, m.min, 0, slots);
        System.arraycopy(stats[3], 0, m.max, 0, slots);
        return m;
    }

    /**
     * Adds {@code amount} to counter {@code i}.
     *
     * @param i the counter, from 0 to {@link #tallies()} - 1
     * @param amount what to add
     */
    public void tally(int i, long amount) {
        tallies[i] += amount;
    }

    /**
     * The sum of one integer counter.
     *
     * @param i the counter, from 0 to {@link #tallies()} - 1
     * @return everything added to it, merges included
     */
    public long tally(int i) {
        return tallies[i];
    }

    /**
     * The number of integer counters.
     *
     * @return how many tallies this object sums, 0 when none were asked for
     */
    public int tallies() {
        return tallies.length;
    }

    /**
     * The number of (non-NaN) values added to a slot.
     *
     * @param slot the series, from 0 to {@link #slots()} - 1
     * @return how many values it holds, 0 when none
     */
    public long count(int slot) {
        return n[slot];
    }

    /**
     * The mean of a slot's values.
     *
     * @param slot the series, from 0 to {@link #slots()} - 1
     * @return the mean, NaN when empty
     */
    public double mean(int slot) {
        return n[slot] == 0 ? Double.NaN : mean[slot];
    }

    /**
     * Sample variance (n - 1 in the denominator).
     *
     * @param slot the series, from 0 to {@link #slots()} - 1
     * @return the variance, NaN below two values
     */
    public double variance(int slot) {
        return n[slot] < 2 ? Double.NaN : m2[slot] / (n[slot] - 1);
    }

    /**
     * The smallest value of a slot.
     *
     * @param slot the series, from 0 to {@link #slots()} - 1
     * @return the minimum, NaN when empty
     */
    public double min(int slot) {
        return n[slot] == 0 ? Double.NaN : min[slot];
    }

    /**
     * The largest value of a slot.
     *
     * @param slot the series, from 0 to {@link #slots()} - 1
     * @return the maximum, NaN when empty
     */
    public double max(int slot) {
        return n[slot] == 0 ? Double.NaN : max[slot];
    }
}
