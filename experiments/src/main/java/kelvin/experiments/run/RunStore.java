package kelvin.experiments.run;

import java.io.Closeable;
import java.io.IOException;

/**
 * Where the per-run values of a session go as they are made, so that memory does not grow with the
 * runs: the rows of each cell arrive block by block in run order, then the cell's aggregates when
 * it is finished. A results folder keeps them on disk ({@code cells/}); a session in memory keeps
 * them in arrays. Calls for one cell come from one thread at a time; calls for different cells may
 * come from different threads at once.
 */
public interface RunStore {

    /** Keeps nothing (benchmarks, previews). */
    RunStore DISCARD = new RunStore() {
        @Override
        public void append(int cell, RunRows rows) {
            // nothing kept
        }

        @Override
        public void finish(int cell, Moments moments, double seconds) {
            // nothing kept
        }

        @Override
        public double[] column(int cell, int column) {
            throw new IllegalStateException("per-run values were not kept");
        }

        @Override
        public void rows(int cell, RowVisitor visitor) {
            throw new IllegalStateException("per-run values were not kept");
        }

        @Override
        public RowReader reader(int cell) {
            throw new IllegalStateException("per-run values were not kept");
        }
    };

    /**
     * Reads a cell's rows one at a time, in run order, so that two cells can be walked side by side
     * (paired comparisons) without holding either.
     */
    interface RowReader extends Closeable {
        /**
         * The next run's row.
         *
         * @param row receives the values (one per column)
         * @return false when every run has been read
         * @throws IOException when the row cannot be read
         */
        boolean next(double[] row) throws IOException;
    }

    /** Receives a cell's rows one at a time. */
    @FunctionalInterface
    interface RowVisitor {
        /**
         * One run's row.
         *
         * @param run the 0-based run
         * @param values its values (reused between calls: copy what must be kept)
         * @throws IOException when the row cannot be used
         */
        void row(int run, double[] values) throws IOException;
    }

    /**
     * Appends the rows of the next block of a cell's runs.
     *
     * @param cell the cell's index
     * @param rows the block's rows, in run order
     * @throws IOException when the rows cannot be kept
     */
    void append(int cell, RunRows rows) throws IOException;

    /**
     * Told when a cell's last block has been appended and its aggregates merged.
     *
     * @param cell the cell's index
     * @param moments the cell's aggregates over all its runs
     * @param seconds the compute time it took
     * @throws IOException when the cell cannot be kept
     */
    void finish(int cell, Moments moments, double seconds) throws IOException;

    /**
     * One per-run value of every run of a finished cell.
     *
     * @param cell the cell's index
     * @param column the column: a metric's position, or {@link Simulation#areaColumn} for the regret area
     * @return the values in run order
     * @throws IOException when they cannot be read back
     */
    double[] column(int cell, int column) throws IOException;

    /**
     * Every run's row of a finished cell, in run order, without holding them all.
     *
     * @param cell the cell's index
     * @param visitor told each row
     * @throws IOException when they cannot be read back
     */
    void rows(int cell, RowVisitor visitor) throws IOException;

    /**
     * A reader of a finished cell's rows; close it when done.
     *
     * @param cell the cell's index
     * @return the reader, positioned before run 0
     * @throws IOException when the rows cannot be opened
     */
    RowReader reader(int cell) throws IOException;
}
