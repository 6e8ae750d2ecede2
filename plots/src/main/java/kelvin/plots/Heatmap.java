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
 * <p>A heatmap of scores on a known scale fixes its colours instead of spanning the values:
 * {@link #withRange} maps the range's ends to the ends of the colour map, colours values beyond it
 * as the nearer end and says so under the colour bar. {@link #withCellTexts} replaces the printed
 * values by texts of its own, e.g. an estimate with its interval on two lines.
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
 * @param range the values the colour map spans, or null to span the finite values drawn
 * @param cellTexts the text of each cell ({@code \n} between lines), or null to print the values
 */
public record Heatmap(String title, double[][] values, String valueLabel, boolean logScale,
        Axis rowAxis, Axis columnAxis, Mark mark, String markLabel, Range range, List<List<String>> cellTexts) {

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
     * The values a colour map spans: {@code low} gets the first colour, {@code high} the last, and
     * values beyond either end the colour of that end.
     *
     * @param low the value of the first colour
     * @param high the value of the last colour, above {@code low}
     */
    public record Range(double low, double high) {

        /**
         * A range, checked.
         *
         * @param low the value of the first colour, finite
         * @param high the value of the last colour, finite and above {@code low}
         * @throws IllegalArgumentException if the ends are not finite and increasing
         */
        public Range {
            if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
                throw new IllegalArgumentException("colour range must be finite and increasing: " + low + " to "
                    + high);
            }
        }

        /** Whether a finite value lies beyond the range. */
        boolean clips(double v) {
            return Double.isFinite(v) && (v < low || v > high);
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
     * A heatmap whose colours span its values and whose cells print their values.
     *
     * @param title chart title
     * @param values rows of cells, all rows of the same length; NaN = no cell (copied)
     * @param valueLabel what the colour means, with units
     * @param logScale colour by log10 of the value instead of the value
     * @param rowAxis title and one label per row, or null for row indices
     * @param columnAxis title and one label per column, or null for column indices
     * @param mark which cell to outline
     * @param markLabel what the outline means in the legend; null exactly when {@code mark} is
     *     {@link Mark#NONE}
     */
    public Heatmap(String title, double[][] values, String valueLabel, boolean logScale, Axis rowAxis,
            Axis columnAxis, Mark mark, String markLabel) {
        this(title, values, valueLabel, logScale, rowAxis, columnAxis, mark, markLabel, null, null);
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
     * @param range the values the colour map spans, or null to span the finite values drawn
     * @param cellTexts one text per cell, rows as in {@code values} (copied), or null to print the values
     * @throws NullPointerException if {@code title}, {@code valueLabel}, {@code values}, a row,
     *     {@code mark} or a cell text is null
     * @throws IllegalArgumentException if the rows differ in length, a mark lacks its label (or a
     *     label has no mark), an axis has not one label per row or column, the cell texts are not
     *     shaped as the values, or a log scale's range does not start above 0
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
        if (range != null && logScale && !(range.low() > 0)) {
            throw new IllegalArgumentException("heatmap '" + title + "': a log colour scale cannot start at "
                + range.low());
        }
        if (cellTexts != null) {
            cellTexts = cellTexts.stream().map(List::copyOf).toList();
            boolean shaped = cellTexts.size() == values.length;
            for (int r = 0; shaped && r < values.length; r++) {
                shaped = cellTexts.get(r).size() == values[r].length;
            }
            if (!shaped) {
                throw new IllegalArgumentException("heatmap '" + title + "': the cell texts are not one per cell");
            }
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
            markLabel, range, cellTexts);
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
        return new Heatmap(title, values, valueLabel, logScale, rowAxis, new Axis(axisTitle, labels), mark, markLabel,
            range, cellTexts);
    }

    /**
     * This heatmap with its lowest finite cell outlined (the first in reading order on ties).
     *
     * @param label what the outline means, for the legend
     * @return a copy with the mark set
     */
    public Heatmap withLowestMarked(String label) {
        return new Heatmap(title, values, valueLabel, logScale, rowAxis, columnAxis, Mark.LOWEST,
            Objects.requireNonNull(label, "label"), range, cellTexts);
    }

    /**
     * This heatmap with its highest finite cell outlined (the first in reading order on ties).
     *
     * @param label what the outline means, for the legend
     * @return a copy with the mark set
     */
    public Heatmap withHighestMarked(String label) {
        return new Heatmap(title, values, valueLabel, logScale, rowAxis, columnAxis, Mark.HIGHEST,
            Objects.requireNonNull(label, "label"), range, cellTexts);
    }

    /**
     * This heatmap with its colours spanning a fixed range: values beyond it take the colour of the
     * nearer end, and a note under the colour bar says so when any does.
     *
     * @param low the value of the first colour
     * @param high the value of the last colour
     * @return a copy with the range set
     * @throws IllegalArgumentException as {@link Range#Range}, or on a log scale when {@code low} is not above 0
     */
    public Heatmap withRange(double low, double high) {
        return new Heatmap(title, values, valueLabel, logScale, rowAxis, columnAxis, mark, markLabel,
            new Range(low, high), cellTexts);
    }

    /**
     * This heatmap with a text of its own in each cell in place of the value, lines split at
     * {@code \n}; an empty text leaves its cell blank.
     *
     * @param texts one list per row of one text per cell
     * @return a copy with the texts set
     * @throws IllegalArgumentException if the texts are not shaped as the values
     */
    public Heatmap withCellTexts(List<List<String>> texts) {
        return new Heatmap(title, values, valueLabel, logScale, rowAxis, columnAxis, mark, markLabel, range,
            Objects.requireNonNull(texts, "texts"));
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
            && Objects.equals(columnAxis, h.columnAxis) && mark == h.mark && Objects.equals(markLabel, h.markLabel)
            && Objects.equals(range, h.range) && Objects.equals(cellTexts, h.cellTexts);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(title, valueLabel, logScale, rowAxis, columnAxis, mark, markLabel, range, cellTexts)
            + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "Heatmap[title=" + title + ", " + rows() + "x" + columns() + ", valueLabel=" + valueLabel
            + ", logScale=" + logScale + "]";
    }
}
