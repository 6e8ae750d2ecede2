package kelvin.plots;

import java.util.Arrays;
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
 * @param title chart title
 * @param values rows of cells, all rows of the same length; NaN = no cell
 * @param valueLabel what the colour means, with units, e.g. {@code "visits"}
 * @param logScale colour by log10 of the value instead of the value
 */
public record Heatmap(String title, double[][] values, String valueLabel, boolean logScale) {

    /**
     * Validates and deep-copies the grid.
     *
     * @throws NullPointerException if an argument or a row is null
     * @throws IllegalArgumentException if the rows differ in length
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
            && logScale == h.logScale && Arrays.deepEquals(values, h.values);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(title, valueLabel, logScale) + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "Heatmap[title=" + title + ", " + rows() + "x" + columns() + ", valueLabel=" + valueLabel
            + ", logScale=" + logScale + "]";
    }
}
