package kelvin.experiments.run;

import java.util.Arrays;
import java.util.Objects;

/**
 * The per-run values of one block of runs: a row of {@code columns} doubles per run, in run order
 * (each metric's final value, then the area under the regret curve). A block is at most
 * {@link Runner#BLOCK} runs, so rows never grow with the experiment; the runner hands them to a
 * {@link RunStore} in block order.
 */
public final class RunRows {
    private final int columns;
    private double[] values;
    private int runs;

    /**
     * An empty block.
     *
     * @param columns values per run ({@link Simulation#runColumns})
     * @param capacity runs the block will hold; more are accepted, at the cost of a copy
     */
    public RunRows(int columns, int capacity) {
        this.columns = columns;
        this.values = new double[columns * Math.max(1, capacity)];
    }

    /** Starts the next run's row, every value NaN until set. */
    public void beginRun() {
        if ((runs + 1) * columns > values.length) {
            values = Arrays.copyOf(values, Math.max(2 * values.length, (runs + 1) * columns));
        }
        Arrays.fill(values, runs * columns, (runs + 1) * columns, Double.NaN);
        runs++;
    }

    /**
     * Sets a value of the current (last begun) run.
     *
     * @param column the column, from 0 to {@link #columns()} - 1
     * @param x the value; NaN leaves the column as unset
     */
    public void set(int column, double x) {
        values[(runs - 1) * columns + Objects.checkIndex(column, columns)] = x;
    }

    /**
     * A value of one run of the block.
     *
     * @param run the run's position in the block
     * @param column the column, from 0 to {@link #columns()} - 1
     * @return the value, NaN when it was not set
     */
    public double get(int run, int column) {
        return values[Objects.checkIndex(run, runs) * columns + Objects.checkIndex(column, columns)];
    }

    /**
     * The runs with a row.
     *
     * @return how many runs were begun
     */
    public int runs() {
        return runs;
    }

    /**
     * The values per run.
     *
     * @return the column count given to the constructor
     */
    public int columns() {
        return columns;
    }
}
