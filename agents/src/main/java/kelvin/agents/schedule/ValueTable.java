package kelvin.agents.schedule;

import java.util.function.LongToDoubleFunction;

/**
 * The values of a pure schedule at t = 0, 1, 2, ..., each computed once and shared by every run of
 * the schedule, for schedules whose formula costs a {@link Math#pow}, {@link Math#log} or
 * {@link Math#cos} per call. A run of 10,000 steps then reads 10,000 table entries instead of
 * evaluating the formula 10,000 times, in each of its 2000 runs.
 *
 * <p>Exactness: an entry is the schedule's own {@code temperature(t)}, so a run reads bit for bit
 * the value the formula gives (the tests compare every entry). The table grows on demand, doubling,
 * up to {@link #LIMIT} entries (512 KiB); later indices are computed on every call. Growing is
 * synchronized and publishes a complete new array through a volatile field; entries never change,
 * so which thread filled them does not matter and the schedule stays an immutable value.
 */
final class ValueTable {

    /** Indices below this are tabulated: 2^16 doubles. */
    static final int LIMIT = 1 << 16;
    /** The first table covers this many indices. */
    private static final int FIRST = 1024;

    private final LongToDoubleFunction formula;
    private volatile double[] values = new double[0];

    /**
     * A table of {@code formula}, which must be a pure function of t.
     *
     * @param formula the value at index t
     */
    ValueTable(LongToDoubleFunction formula) {
        this.formula = formula;
    }

    /** A run that reads the table: what a pure schedule's {@link Schedule#newRun()} returns. */
    ScheduleRun newRun() {
        return new Run(this);
    }

    /** A table holding index t (t in [0, LIMIT)). */
    private synchronized double[] covering(long t) {
        double[] old = values;
        if (t < old.length) {
            return old;
        }
        int n = (int) Math.min(LIMIT, Math.max(Math.max(FIRST, 2L * old.length), t + 1));
        double[] grown = new double[n];
        System.arraycopy(old, 0, grown, 0, old.length);
        for (int i = old.length; i < n; i++) {
            grown[i] = formula.applyAsDouble(i);
        }
        values = grown;
        return grown;
    }

    /** One run's view: the table it last saw, refreshed when an index runs past it. */
    private static final class Run implements ScheduleRun {
        private final ValueTable table;
        private double[] values;

        Run(ValueTable table) {
            this.table = table;
            this.values = table.values;
        }

        @Override
        public double temperature(long t) {
            double[] v = values;
            if (t >= 0 && t < v.length) {
                return v[(int) t];
            }
            return miss(t);
        }

        private double miss(long t) {
            if (t < 0 || t >= LIMIT) {
                return table.formula.applyAsDouble(t); // checks t
            }
            values = table.covering(t);
            return values[(int) t];
        }
    }
}
