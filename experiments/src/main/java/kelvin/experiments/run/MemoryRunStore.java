package kelvin.experiments.run;

import java.io.IOException;
import java.util.Arrays;

/** Per-run values in memory, for sessions that write no results folder. */
public final class MemoryRunStore implements RunStore {
    private final int columns;
    private final double[][] rows;
    private final int[] runs;

    /**
     * An empty store; each cell's rows grow as blocks are appended.
     *
     * @param cells the number of the experiment's cells
     * @param columns values per run ({@link Simulation#runColumns})
     */
    public MemoryRunStore(int cells, int columns) {
        this.columns = columns;
        this.rows = new double[cells][0];
        this.runs = new int[cells];
    }

    @Override
    public void append(int cell, RunRows block) {
        int n = runs[cell] + block.runs();
        if (n * columns > rows[cell].length) {
            rows[cell] = Arrays.copyOf(rows[cell], Math.max(n * columns, 2 * rows[cell].length));
        }
        for (int r = 0; r < block.runs(); r++) {
            for (int c = 0; c < columns; c++) {
                rows[cell][(runs[cell] + r) * columns + c] = block.get(r, c);
            }
        }
        runs[cell] = n;
    }

    @Override
    public void finish(int cell, Moments moments, double seconds) {
        // the rows are already here
    }

    @Override
    public void rows(int cell, RowVisitor visitor) throws IOException {
        double[] row = new double[columns];
        for (int r = 0; r < runs[cell]; r++) {
            System.arraycopy(rows[cell], r * columns, row, 0, columns);
            visitor.row(r, row);
        }
    }

    @Override
    public double[] column(int cell, int column) {
        double[] out = new double[runs[cell]];
        for (int r = 0; r < out.length; r++) {
            out[r] = rows[cell][r * columns + column];
        }
        return out;
    }

    @Override
    public RowReader reader(int cell) {
        return new RowReader() {
            private int run;

            @Override
            public boolean next(double[] row) {
                if (run >= runs[cell]) {
                    return false;
                }
                System.arraycopy(rows[cell], run * columns, row, 0, columns);
                run++;
                return true;
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }
}
