package kelvin.experiments.run;

import java.util.Arrays;

/**
 * Streaming statistics of many series at once (one slot per metric and checkpoint): count, mean,
 * M2, min and max, updated one value at a time (Welford 1962) and merged pairwise (Chan, Golub &amp;
 * LeVeque 1979). Merging is exact in algebra but not in floating point, so callers merge in a fixed
 * order to keep results independent of thread count. NaN values are skipped (a metric an agent does
 * not have, such as the temperature of epsilon-greedy).
 *
 * <p>Beside the aggregates, a Moments can keep a few values per run (a row of {@code columns}
 * doubles per run, in run order): the final value of each metric and the area under the regret
 * curve, which paired comparisons and distribution plots need run by run. Merging appends the
 * other's rows after this one's, so rows stay in run order when blocks merge in block order.
 */
public final class Moments {
    private final long[] n;
    private final double[] mean;
    private final double[] m2;
    private final double[] min;
    private final double[] max;
    private final long[] tallies;
    private final int columns;
    private double[] rows = new double[0];
    private int runs;

    public Moments(int slots) {
        this(slots, 0);
    }

    public Moments(int slots, int tallies) {
        this(slots, tallies, 0);
    }

    /**
     * @param slots statistics slots
     * @param tallies integer counters summed across runs (e.g. state visits), exact in any order
     * @param columns values kept per run (0 keeps no rows)
     */
    public Moments(int slots, int tallies, int columns) {
        if (columns < 0) {
            throw new IllegalArgumentException("columns must not be negative: " + columns);
        }
        this.columns = columns;
        this.tallies = new long[tallies];
        n = new long[slots];
        mean = new double[slots];
        m2 = new double[slots];
        min = new double[slots];
        max = new double[slots];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    public int slots() {
        return n.length;
    }

    public void add(int slot, double x) {
        if (Double.isNaN(x)) {
            return;
        }
        long k = ++n[slot];
        double delta = x - mean[slot];
        mean[slot] += delta / k;
        m2[slot] += delta * (x - mean[slot]);
        if (x < min[slot]) {
            min[slot] = x;
        }
        if (x > max[slot]) {
            max[slot] = x;
        }
    }

    /** Starts the next run's row, every value NaN until {@link #setRunValue} sets it. */
    public void beginRun() {
        ensureRows(runs + 1);
        Arrays.fill(rows, runs * columns, (runs + 1) * columns, Double.NaN);
        runs++;
    }

    /** Sets column {@code column} of the current (last begun) run. */
    public void setRunValue(int column, double x) {
        rows[(runs - 1) * columns + java.util.Objects.checkIndex(column, columns)] = x;
    }

    /** Value {@code column} of run {@code run} (0-based in the order runs were begun and merged). */
    public double runValue(int run, int column) {
        return rows[java.util.Objects.checkIndex(run, runs) * columns + java.util.Objects.checkIndex(column, columns)];
    }

    /** Runs with a row. */
    public int runs() {
        return runs;
    }

    /** Values kept per run. */
    public int columns() {
        return columns;
    }

    private void ensureRows(int needed) {
        if ((long) needed * columns > rows.length) {
            long grown = Math.max((long) needed * columns, 2L * rows.length);
            rows = Arrays.copyOf(rows, (int) Math.min(Integer.MAX_VALUE - 8, grown));
        }
    }

    /** Adds {@code other}'s values to this one's, as if they had been added here after ours. */
    public void merge(Moments other) {
        if (other.columns != columns) {
            throw new IllegalArgumentException("per-run columns differ: " + columns + " and " + other.columns);
        }
        ensureRows(runs + other.runs);
        System.arraycopy(other.rows, 0, rows, runs * columns, other.runs * columns);
        runs += other.runs;
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
            double delta = other.mean[s] - mean[s];
            mean[s] += delta * nb / nn;
            m2[s] += other.m2[s] + delta * delta * ((double) na * nb / nn);
            n[s] = nn;
            min[s] = Math.min(min[s], other.min[s]);
            max[s] = Math.max(max[s], other.max[s]);
        }
    }

    /** Writes every slot exactly (bit patterns of the doubles), for a finished cell on disk. */
    public void write(java.io.DataOutput out) throws java.io.IOException {
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
        out.writeInt(columns);
        out.writeInt(runs);
        for (int i = 0; i < runs * columns; i++) {
            out.writeDouble(rows[i]);
        }
    }

    /** Reads what {@link #write} wrote; the restored object is equal bit for bit. */
    public static Moments read(java.io.DataInput in) throws java.io.IOException {
        int tallyCount = in.readInt();
        if (tallyCount < 0 || tallyCount > 100_000_000) {
            throw new java.io.IOException("corrupt moments: " + tallyCount + " tallies");
        }
        long[] tallies = new long[tallyCount];
        for (int i = 0; i < tallyCount; i++) {
            tallies[i] = in.readLong();
        }
        int slots = in.readInt();
        if (slots < 0 || slots > 100_000_000) {
            throw new java.io.IOException("corrupt moments: " + slots + " slots");
        }
        long[] n = new long[slots];
        double[][] stats = new double[4][slots];
        for (int s = 0; s < slots; s++) {
            n[s] = in.readLong();
            for (double[] stat : stats) {
                stat[s] = in.readDouble();
            }
        }
        int columns = in.readInt();
        int runs = in.readInt();
        if (columns < 0 || runs < 0 || (long) columns * runs > 500_000_000L) {
            throw new java.io.IOException("corrupt moments: " + runs + " runs of " + columns + " values");
        }
        Moments m = new Moments(slots, tallyCount, columns);
        System.arraycopy(tallies, 0, m.tallies, 0, tallyCount);
        System.arraycopy(n, 0, m.n, 0, slots);
        System.arraycopy(stats[0], 0, m.mean, 0, slots);
        System.arraycopy(stats[1], 0, m.m2, 0, slots);
        System.arraycopy(stats[2], 0, m.min, 0, slots);
        System.arraycopy(stats[3], 0, m.max, 0, slots);
        m.ensureRows(runs);
        for (int i = 0; i < runs * columns; i++) {
            m.rows[i] = in.readDouble();
        }
        m.runs = runs;
        return m;
    }

    /** Adds {@code amount} to counter {@code i}. */
    public void tally(int i, long amount) {
        tallies[i] += amount;
    }

    /** Counter {@code i}. */
    public long tally(int i) {
        return tallies[i];
    }

    public int tallies() {
        return tallies.length;
    }

    public long count(int slot) {
        return n[slot];
    }

    public double mean(int slot) {
        return n[slot] == 0 ? Double.NaN : mean[slot];
    }

    /** Sample variance (n - 1 in the denominator); NaN below two values. */
    public double variance(int slot) {
        return n[slot] < 2 ? Double.NaN : m2[slot] / (n[slot] - 1);
    }

    public double min(int slot) {
        return n[slot] == 0 ? Double.NaN : min[slot];
    }

    public double max(int slot) {
        return n[slot] == 0 ? Double.NaN : max[slot];
    }
}
