package kelvin.plots;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A grid of values drawn as coloured cells, e.g. how often each gridworld state was visited.
 *
 * <p>Rows are listed top to bottom and columns left to right, as in a gridworld map, so state
 * {@code row * columns + column} is the cell at {@code values[row][column]}. Row and column indices
 * are printed along the edges, and each cell's value is printed inside it when cells are large
 * enough to hold it.
 *
 * <p>Colours follow the perceptually uniform, colour-blind-friendly viridis map (dark blue = low,
 * yellow = high). Cells that are not part of the grid (walls) are NaN and drawn grey. On a log
 * scale, which suits heavy-tailed counts, values {@code <= 0} (never visited) cannot be placed on
 * the scale and are drawn white. A legend beside the colour bar names both kinds when present. A
 * grid with no finite values renders with the note "no data".
 *
 * <p>A heatmap over two swept parameters names its axes instead: {@link #withRows} and
 * {@link #withColumns} give each axis a title and one label per row or column, and
 * {@link #withLowestMarked} or {@link #withHighestMarked} outline the best cell and say so in the
 * legend.
 *
 * @param title chart title
 * @param values rows of cells, all rows of the same length; NaN = no cell
 * @param valueLabel what the colour means, with units, e.g. {@code "visits"}
 * @param logScale colour by log10 of the value instead of the value
 * @param rowAxis title and labels of the rows, or null for row indices
 * @param columnAxis title and labels of the columns, or null for column indices
 * @param mark which cell to outline
 * @param markLabel what the outline means in the legend, e.g. {@code "lowest regret"}; null with
 *     {@link Mark#NONE}
 */
public record Heatmap(String title, double[][] values, String valueLabel, boolean logScale,
        Axis rowAxis, Axis columnAxis, Mark mark, String markLabel) {

    /** Which cell, if any, is outlined. */
    public enum Mark {
        /** No cell is outlined and the legend has no entry for an outline. */
        NONE,
        /** The cell with the lowest finite value is outlined, the first in reading order on ties. */
        LOWEST,
        /** The cell with the highest finite value is outlined, the first in reading order on ties. */
        HIGHEST
    }

    /**
     * A named axis of the grid: its title and one label per row or column, in grid order.
     *
     * @param title what the axis is, e.g. a parameter name
     * @param labels one label per row (top to bottom) or column (left to right)
     */
    public record Axis(String title, List<String> labels) {

        /**
         * An axis, with the labels copied.
         *
         * @param title what the axis is, e.g. a parameter name
         * @param labels one label per row (top to bottom) or column (left to right), copied
         * @throws NullPointerException if {@code title}, {@code labels} or a label is null
         */
        public Axis {
            Objects.requireNonNull(title, "title");
            labels = List.copyOf(labels);
        }
    }

    /**
     * A heatmap with row and column indices along its edges and no cell outlined.
     *
     * @param title chart title
     * @param values rows of cells; NaN = no cell
     * @param valueLabel what the colour means, with units
     * @param logScale colour by log10 of the value
     */
    public Heatmap(String title, double[][] values, String valueLabel, boolean logScale) {
        this(title, values, valueLabel, logScale, null, null, Mark.NONE, null);
    }

    /**
     * A heatmap, with the grid checked and deep-copied so it never changes after it is made.
     *
     * @param title chart title
     * @param values rows of cells, all rows of the same length; NaN = no cell (copied)
     * @param valueLabel what the colour means, with units, e.g. {@code "visits"}
     * @param logScale colour by log10 of the value instead of the value
     * @param rowAxis title and one label per row, or null for row indices
     * @param columnAxis title and one label per column, or null for column indices
     * @param mark which cell to outline
     * @param markLabel what the outline means in the legend; null exactly when {@code mark} is
     *     {@link Mark#NONE}
     * @throws NullPointerException if {@code title}, {@code valueLabel}, {@code values}, a row or
     *     {@code mark} is null
     * @throws IllegalArgumentException if the rows differ in length, a mark lacks its label (or a
     *     label has no mark), or an axis has not one label per row or column
     */
    public Heatmap {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(valueLabel, "valueLabel");
        values = copy(Objects.requireNonNull(values, "values"));
        for (double[] row : values) {
            if (row.length != values[0].length) {
                throw new IllegalArgumentException("heatmap '" + title + "': rows differ in length ("
                    + values[0].length + " and " + row.length + ")");
            }
        }
        Objects.requireNonNull(mark, "mark");
        if ((mark == Mark.NONE) != (markLabel == null)) {
            throw new IllegalArgumentException("heatmap '" + title + "': a marked cell needs a legend label, "
                + "and only a marked cell has one");
        }
        int columns = values.length == 0 ? 0 : values[0].length;
        if (rowAxis != null && rowAxis.labels().size() != values.length) {
            throw new IllegalArgumentException("heatmap '" + title + "': " + rowAxis.labels().size()
                + " row labels for " + values.length + " rows");
        }
        if (columnAxis != null && columnAxis.labels().size() != columns) {
            throw new IllegalArgumentException("heatmap '" + title + "': " + columnAxis.labels().size()
                + " column labels for " + columns + " columns");
        }
    }

    /**
     * This heatmap with its rows named.
     *
     * @param axisTitle what the rows stand for
     * @param labels one label per row, top to bottom
     * @return a copy with the row axis set
     * @throws IllegalArgumentException if the label count differs from the row count
     */
    public Heatmap withRows(String axisTitle, List<String> labels) {
        return new Heatmap(title, values, valueLabel, logScale, new Axis(axisTitle, labels), columnAxis, mark,
            markLabel);
    }

    /**
     * This heatmap with its columns named.
     *
     * @param axisTitle what the columns stand for
     * @param labels one label per column, left to right
     * @return a copy with the column axis set
     * @throws IllegalArgumentException if the label count differs from the column count
     */
    public Heatmap withColumns(String axisTitle, List<String> labels) {
        return new Heatmap(title, values, valueLabel, logScale, rowAxis, new Axis(axisTitle, labels), mark, markLabel);
    }

    /**
     * This heatmap with its lowest finite cell outlined (the first in reading order on ties).
     *
     * @param label what the outline means, for the legend
     * @return a copy with the mark set
     */
    public Heatmap withLowestMarked(String label) {
        return new Heatmap(title, values, valueLabel, logScale, rowAxis, columnAxis, Mark.LOWEST,
            Objects.requireNonNull(label, "label"));
    }

    /**
     * This heatmap with its highest finite cell outlined (the first in reading order on ties).
     *
     * @param label what the outline means, for the legend
     * @return a copy with the mark set
     */
    public Heatmap withHighestMarked(String label) {
        return new Heatmap(title, values, valueLabel, logScale, rowAxis, columnAxis, Mark.HIGHEST,
            Objects.requireNonNull(label, "label"));
    }

    /**
     * The outlined cell.
     *
     * @return {row, column}, or null if no cell is marked or no cell is finite
     */
    public int[] markedCell() {
        if (mark == Mark.NONE) {
            return null;
        }
        int[] best = null;
        double bestValue = 0;
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < values[r].length; c++) {
                double v = values[r][c];
                if (Double.isFinite(v) && (best == null || (mark == Mark.LOWEST ? v < bestValue : v > bestValue))) {
                    best = new int[] {r, c};
                    bestValue = v;
                }
            }
        }
        return best;
    }

    /**
     * Number of rows.
     *
     * @return the row count
     */
    public int rows() {
        return values.length;
    }

    /**
     * Number of columns.
     *
     * @return the column count (0 if there are no rows)
     */
    public int columns() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /**
     * The values coloured in the cells.
     *
     * @return a deep copy of the grid, {@code [row][column]}, NaN where there is no cell
     */
    @Override
    public double[][] values() {
        return copy(values);
    }

    /** Internal read access without copying, for the painter. */
    double at(int row, int column) {
        return values[row][column];
    }

    private static double[][] copy(double[][] grid) {
        double[][] out = new double[grid.length][];
        for (int r = 0; r < grid.length; r++) {
            out[r] = Objects.requireNonNull(grid[r], "row " + r).clone();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Heatmap h && title.equals(h.title) && valueLabel.equals(h.valueLabel)
            && logScale == h.logScale && Arrays.deepEquals(values, h.values) && Objects.equals(rowAxis, h.rowAxis)
            && Objects.equals(columnAxis, h.columnAxis) && mark == h.mark && Objects.equals(markLabel, h.markLabel);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(title, valueLabel, logScale, rowAxis, columnAxis, mark, markLabel)
            + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "Heatmap[title=" + title + ", " + rows() + "x" + columns() + ", valueLabel=" + valueLabel
            + ", logScale=" + logScale + "]";
    }
}
