package kelvin.plots;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A gridworld map as plain data: the kind of every cell, and optionally a value per cell drawn as
 * colour shading, an arrow per cell (e.g. the greedy action) with a strength drawn as the arrow's
 * opacity, and a short text per cell (e.g. {@code "-13"}). {@link ChartRenderer#png(GridMap)} and
 * {@link ChartRenderer#svg(GridMap)} draw it.
 *
 * <p><b>Cells.</b> Rows are listed top to bottom and columns left to right, so state
 * {@code row * columns + column} is the cell at {@code layout.get(row).charAt(column)}, and the
 * arrays of values, actions, strengths and texts are indexed {@code [row][column]} alike. Each
 * character of the layout is the kind of one cell:
 * <table>
 *   <caption>Cell kinds</caption>
 *   <tr><th>char</th><th>kind</th><th>drawn as</th></tr>
 *   <tr><td>{@code '.'}</td><td>free</td><td>white, or shaded by its value</td></tr>
 *   <tr><td>{@code 'S'}</td><td>start</td><td>like a free cell, outlined, with a badge "S"</td></tr>
 *   <tr><td>{@code 'G'}</td><td>goal</td><td>like a free cell, outlined, with a badge "G"</td></tr>
 *   <tr><td>{@code '#'}</td><td>wall</td><td>dark grey</td></tr>
 *   <tr><td>{@code 'H'}</td><td>hole</td><td>dark blue, hatched, with the letter "H"</td></tr>
 *   <tr><td>{@code 'C'}</td><td>cliff</td><td>dark red, hatched, with the letter "C"</td></tr>
 * </table>
 * Walls, holes and cliff cells show only their kind: a value, arrow or text given for them is
 * ignored, and their values do not count towards the colour scale. Free, start and goal cells show
 * everything given for them. Neighbouring cells of the same blocked kind are drawn without a grid
 * line between them, so a wall or the cliff reads as one piece.
 *
 * <p><b>Shading.</b> Values use the viridis colour map of {@link Heatmap} (dark purple = low,
 * yellow = high), with a colour bar on the right labelled {@code valueLabel}. NaN means "no value"
 * and is drawn light grey. On a log scale, which suits visit counts and shares, values
 * {@code <= 0} cannot be placed on the scale and are drawn white, like the heatmap's; the legend
 * below the map names both when present. A map whose values are all NaN (or all {@code <= 0} on a
 * log scale) has no colour bar.
 *
 * <p><b>Arrows.</b> Action {@value #UP} is up, {@value #RIGHT} right, {@value #DOWN} down and
 * {@value #LEFT} left; {@value #NO_ACTION} draws no arrow. Arrows are near-black with a thin white
 * outline, so they read on every colour of the scale. A strength in [0, 1] (e.g. the share of
 * runs whose greedy action agrees) sets the arrow's opacity, from 15% at 0 to opaque at 1 (the
 * legend shows 0, 0.5 and 1); without strengths every arrow is opaque.
 *
 * <p><b>Large and small grids.</b> Cells are square and at most 100 px wide (at the default
 * width of 1200 px); the figure's height follows the grid. As cells shrink, details give way
 * rather than overlap: below 40 px start and goal lose their corner badge and their letter fills
 * the cell instead (that cell's arrow and text are then not drawn); below 24 px arrows are heads
 * without shafts; below 8 px there are no arrows and no grid lines. A 64 x 64 grid has cells of
 * about 14 px: every arrow shows, texts do not.
 *
 * <p><b>Texts.</b> Texts are drawn at the bottom of their cell when arrows are drawn too, and in
 * the middle otherwise, all at one font size chosen so the widest text fits its cell. When cells
 * are too small for that font to be readable, no text is drawn at all (the SVG's description then
 * says so), rather than some texts and not others.
 *
 * <p>Build maps with {@link #of(String, List)} and the {@code with...} methods; all arrays are
 * copied in and out, so a map never changes after it is made.
 *
 * @param title chart title
 * @param layout one string per row, one kind character per cell; all rows equally long
 * @param values value per cell ({@code [row][column]}, NaN = none), or null for no shading
 * @param valueLabel what the colour means, e.g. {@code "V*(s)"} or {@code "share of visits"};
 *     required when {@code values} is given; null when they are not (the constructor sets it so)
 * @param logScale colour by log10 of the value instead of the value; false without values
 * @param actions action per cell, {@value #NO_ACTION}..{@value #LEFT}, or null for no arrows
 * @param strengths arrow strength per cell in [0, 1] (NaN allowed where there is no arrow), or
 *     null for opaque arrows; needs {@code actions}
 * @param strengthLabel what the strength means, e.g. {@code "share of runs agreeing"}; required
 *     when {@code strengths} is given; null when they are not (the constructor sets it so)
 * @param texts text per cell (null entries = none), or null for no texts
 */
public record GridMap(String title, List<String> layout, double[][] values, String valueLabel, boolean logScale,
                      int[][] actions, double[][] strengths, String strengthLabel, String[][] texts) {

    /** Layout character of a free cell. */
    public static final char FREE = '.';

    /** Layout character of a wall. */
    public static final char WALL = '#';

    /** Layout character of a start cell. */
    public static final char START = 'S';

    /** Layout character of a goal cell. */
    public static final char GOAL = 'G';

    /** Layout character of a hole (e.g. frozen lake). */
    public static final char HOLE = 'H';

    /** Layout character of a cliff cell (e.g. cliff walking). */
    public static final char CLIFF = 'C';

    /** Action index: no arrow. */
    public static final int NO_ACTION = -1;

    /** Action index: up (towards row 0). */
    public static final int UP = 0;

    /** Action index: right (towards the last column). */
    public static final int RIGHT = 1;

    /** Action index: down (towards the last row). */
    public static final int DOWN = 2;

    /** Action index: left (towards column 0). */
    public static final int LEFT = 3;

    private static final String KINDS = "" + FREE + WALL + START + GOAL + HOLE + CLIFF;

    /**
     * A map, validated against its layout and deep-copied, so it never changes after it is made.
     * Labels and scale of absent data are normalised (a null {@code values} sets
     * {@code valueLabel} to null and {@code logScale} to false; a null {@code strengths} sets
     * {@code strengthLabel} to null), so maps that draw alike are equal.
     *
     * @param title chart title
     * @param layout one string per row, one kind character per cell; all rows equally long
     * @param values value per cell ({@code [row][column]}, NaN = none), or null for no shading
     * @param valueLabel what the colour means; required when {@code values} is given
     * @param logScale colour by log10 of the value instead of the value
     * @param actions action per cell, {@value #NO_ACTION}..{@value #LEFT}, or null for no arrows
     * @param strengths arrow strength per cell in [0, 1] (NaN allowed where there is no arrow), or
     *     null for opaque arrows; needs {@code actions}
     * @param strengthLabel what the strength means; required when {@code strengths} is given
     * @param texts text per cell (null entries = none), or null for no texts
     * @throws NullPointerException if the title, the layout or one of its rows is null, or a
     *     label is null while its data is given
     * @throws IllegalArgumentException if the layout is empty, ragged or has an unknown kind
     *     character; if an array's shape differs from the layout's; if a value is infinite, an
     *     action is outside -1..3, or a strength is outside [0, 1] (NaN only where there is no
     *     arrow); or if strengths are given without actions. The message names the array and the
     *     cell, e.g. {@code grid map 'Cliff': actions[3][0] = 4 is not -1 (none) or 0..3}
     */
    public GridMap {
        Objects.requireNonNull(title, "title");
        layout = List.copyOf(Objects.requireNonNull(layout, "layout"));
        checkLayout(title, layout);
        int rows = layout.size();
        int columns = layout.get(0).length();
        if (values == null) {
            // labels and scale of absent data mean nothing: normalised so equal maps are equal
            valueLabel = null;
            logScale = false;
        } else {
            Objects.requireNonNull(valueLabel, "valueLabel");
            values = copy(title, "values", values, rows, columns);
            checkValues(title, values);
        }
        if (actions != null) {
            actions = copy(title, actions, rows, columns);
        }
        if (strengths == null) {
            strengthLabel = null;
        } else {
            Objects.requireNonNull(strengthLabel, "strengthLabel");
            if (actions == null) {
                throw new IllegalArgumentException(prefix(title) + "strengths are given without actions");
            }
            strengths = copy(title, "strengths", strengths, rows, columns);
            checkStrengths(title, strengths, actions);
        }
        if (texts != null) {
            texts = copy(title, texts, rows, columns);
        }
    }

    /**
     * A map of cell kinds only: no shading, arrows or texts.
     *
     * @param title chart title
     * @param layout one string per row, e.g. {@code List.of("....", "S##G")}
     * @return the map
     * @throws IllegalArgumentException if the layout is empty, ragged or has an unknown kind
     */
    public static GridMap of(String title, List<String> layout) {
        return new GridMap(title, layout, null, null, false, null, null, null, null);
    }

    /**
     * This map with a different title.
     *
     * @param newTitle the title
     * @return a copy
     */
    public GridMap withTitle(String newTitle) {
        return new GridMap(newTitle, layout, values, valueLabel, logScale, actions, strengths, strengthLabel, texts);
    }

    /**
     * This map shaded by a value per cell.
     *
     * @param newValues value per cell, NaN = none; null removes the shading
     * @param label what the colour means, e.g. {@code "V*(s)"}
     * @param log colour by log10 of the value; values {@code <= 0} are then drawn white
     * @return a copy
     * @throws IllegalArgumentException if the shape differs from the layout's or a value is infinite
     */
    public GridMap withValues(double[][] newValues, String label, boolean log) {
        return new GridMap(title, layout, newValues, label, log, actions, strengths, strengthLabel, texts);
    }

    /**
     * This map with an opaque arrow per cell; strengths given before are dropped.
     *
     * @param newActions action per cell: {@value #UP} up, {@value #RIGHT} right, {@value #DOWN}
     *     down, {@value #LEFT} left, {@value #NO_ACTION} none; null removes the arrows
     * @return a copy
     * @throws IllegalArgumentException if the shape differs from the layout's or an action is
     *     outside -1..3
     */
    public GridMap withArrows(int[][] newActions) {
        return new GridMap(title, layout, values, valueLabel, logScale, newActions, null, null, texts);
    }

    /**
     * This map with an arrow per cell whose opacity shows its strength.
     *
     * @param newActions action per cell, as in {@link #withArrows(int[][])}
     * @param newStrengths strength per cell in [0, 1], e.g. the share of runs whose greedy action
     *     agrees; NaN allowed where the action is {@value #NO_ACTION}
     * @param label what the strength means, e.g. {@code "share of runs agreeing"}
     * @return a copy
     * @throws IllegalArgumentException if a shape differs from the layout's, an action is outside
     *     -1..3 or a strength outside [0, 1]
     */
    public GridMap withArrows(int[][] newActions, double[][] newStrengths, String label) {
        Objects.requireNonNull(newActions, "actions");
        return new GridMap(title, layout, values, valueLabel, logScale, newActions, newStrengths, label, texts);
    }

    /**
     * This map with a short text per cell, e.g. the rounded value {@code "-13"}.
     *
     * @param newTexts text per cell, null entries for none; null removes the texts
     * @return a copy
     * @throws IllegalArgumentException if the shape differs from the layout's
     */
    public GridMap withTexts(String[][] newTexts) {
        return new GridMap(title, layout, values, valueLabel, logScale, actions, strengths, strengthLabel, newTexts);
    }

    /**
     * Number of rows.
     *
     * @return the row count, at least 1
     */
    public int rows() {
        return layout.size();
    }

    /**
     * Number of columns.
     *
     * @return the column count, at least 1
     */
    public int columns() {
        return layout.get(0).length();
    }

    /**
     * The kind of a cell.
     *
     * @param row row index, 0 at the top
     * @param column column index, 0 at the left
     * @return one of {@code . # S G H C}
     * @throws IndexOutOfBoundsException if the cell is outside the grid
     */
    public char kind(int row, int column) {
        String line = layout.get(row);
        Objects.checkIndex(column, line.length());
        return line.charAt(column);
    }

    /**
     * The value shading each cell, the data behind the colour scale.
     *
     * @return a deep copy of the values, {@code [row][column]}, NaN where a cell has none; or null
     *     when the map is not shaded
     */
    @Override
    public double[][] values() {
        return values == null ? null : copy(title, "values", values, rows(), columns());
    }

    /**
     * The arrow drawn in each cell.
     *
     * @return a deep copy of the actions, {@code [row][column]}, each {@value #UP} up,
     *     {@value #RIGHT} right, {@value #DOWN} down, {@value #LEFT} left or {@value #NO_ACTION}
     *     none; or null when the map has no arrows
     */
    @Override
    public int[][] actions() {
        return actions == null ? null : copy(title, actions, rows(), columns());
    }

    /**
     * The strength of each cell's arrow, drawn as its opacity (15% at 0, opaque at 1).
     *
     * @return a deep copy of the strengths, {@code [row][column]}, in [0, 1] or NaN where there is
     *     no arrow; or null when every arrow is opaque
     */
    @Override
    public double[][] strengths() {
        return strengths == null ? null : copy(title, "strengths", strengths, rows(), columns());
    }

    /**
     * The short text written in each cell.
     *
     * @return a deep copy of the texts, {@code [row][column]}, null entries where a cell has none;
     *     or null when the map has no texts
     */
    @Override
    public String[][] texts() {
        return texts == null ? null : copy(title, texts, rows(), columns());
    }

    /** Whether the map is shaded, without copying. */
    boolean hasValues() {
        return values != null;
    }

    /** Whether the map has arrows, without copying. */
    boolean hasActions() {
        return actions != null;
    }

    /** Whether the arrows have strengths, without copying. */
    boolean hasStrengths() {
        return strengths != null;
    }

    /** Whether the map has texts, without copying. */
    boolean hasTexts() {
        return texts != null;
    }

    /** Whether the cell shows only its kind (wall, hole, cliff). */
    boolean blocked(int row, int column) {
        char k = kind(row, column);
        return k == WALL || k == HOLE || k == CLIFF;
    }

    /** The cell's value without copying; NaN if there are no values. */
    double valueAt(int row, int column) {
        return values == null ? Double.NaN : values[row][column];
    }

    /** The cell's action without copying; {@link #NO_ACTION} if there are no arrows. */
    int actionAt(int row, int column) {
        return actions == null ? NO_ACTION : actions[row][column];
    }

    /** The cell's arrow strength without copying; 1 if there are no strengths. */
    double strengthAt(int row, int column) {
        return strengths == null ? 1 : strengths[row][column];
    }

    /** The cell's text without copying; null if none. */
    String textAt(int row, int column) {
        return texts == null ? null : texts[row][column];
    }

    private static String prefix(String title) {
        return "grid map '" + title + "': ";
    }

    private static void checkLayout(String title, List<String> layout) {
        if (layout.isEmpty()) {
            throw new IllegalArgumentException(prefix(title) + "layout has no rows");
        }
        int columns = layout.get(0).length();
        if (columns == 0) {
            throw new IllegalArgumentException(prefix(title) + "layout row 0 is empty");
        }
        for (int r = 0; r < layout.size(); r++) {
            String row = layout.get(r);
            if (row.length() != columns) {
                throw new IllegalArgumentException(prefix(title) + "layout is ragged: row " + r + " has "
                    + row.length() + " cells, row 0 has " + columns);
            }
            for (int c = 0; c < columns; c++) {
                if (KINDS.indexOf(row.charAt(c)) < 0) {
                    throw new IllegalArgumentException(prefix(title) + "layout[" + r + "][" + c + "] = '"
                        + row.charAt(c) + "' is not a cell kind (one of " + KINDS + ")");
                }
            }
        }
    }

    private static void checkShape(String title, String name, int length, int row, int rows, int columns) {
        if (row < 0 && length != rows) {
            throw new IllegalArgumentException(prefix(title) + name + " has " + length + " rows, the layout "
                + rows);
        }
        if (row >= 0 && length != columns) {
            throw new IllegalArgumentException(prefix(title) + name + " row " + row + " has " + length
                + " columns, the layout " + columns);
        }
    }

    private static void checkValues(String title, double[][] values) {
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < values[r].length; c++) {
                if (Double.isInfinite(values[r][c])) {
                    throw new IllegalArgumentException(prefix(title) + "values[" + r + "][" + c + "] is "
                        + values[r][c] + "; use NaN for no value");
                }
            }
        }
    }

    private static void checkStrengths(String title, double[][] strengths, int[][] actions) {
        for (int r = 0; r < strengths.length; r++) {
            for (int c = 0; c < strengths[r].length; c++) {
                double v = strengths[r][c];
                boolean noArrowNaN = Double.isNaN(v) && actions[r][c] == NO_ACTION;
                if (!(v >= 0 && v <= 1) && !noArrowNaN) {
                    throw new IllegalArgumentException(prefix(title) + "strengths[" + r + "][" + c + "] = " + v
                        + " is outside [0, 1]");
                }
            }
        }
    }

    private static double[][] copy(String title, String name, double[][] grid, int rows, int columns) {
        checkShape(title, name, grid.length, -1, rows, columns);
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            double[] row = Objects.requireNonNull(grid[r], name + " row " + r);
            checkShape(title, name, row.length, r, rows, columns);
            out[r] = row.clone();
        }
        return out;
    }

    private static int[][] copy(String title, int[][] grid, int rows, int columns) {
        checkShape(title, "actions", grid.length, -1, rows, columns);
        int[][] out = new int[rows][];
        for (int r = 0; r < rows; r++) {
            int[] row = Objects.requireNonNull(grid[r], "actions row " + r);
            checkShape(title, "actions", row.length, r, rows, columns);
            for (int c = 0; c < columns; c++) {
                if (row[c] < NO_ACTION || row[c] > LEFT) {
                    throw new IllegalArgumentException(prefix(title) + "actions[" + r + "][" + c + "] = " + row[c]
                        + " is not -1 (none) or 0..3 (up, right, down, left)");
                }
            }
            out[r] = row.clone();
        }
        return out;
    }

    private static String[][] copy(String title, String[][] grid, int rows, int columns) {
        checkShape(title, "texts", grid.length, -1, rows, columns);
        String[][] out = new String[rows][];
        for (int r = 0; r < rows; r++) {
            String[] row = Objects.requireNonNull(grid[r], "texts row " + r);
            checkShape(title, "texts", row.length, r, rows, columns);
            out[r] = row.clone();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridMap m && title.equals(m.title) && layout.equals(m.layout)
            && Arrays.deepEquals(values, m.values) && Objects.equals(valueLabel, m.valueLabel) && logScale == m.logScale
            && Arrays.deepEquals(actions, m.actions) && Arrays.deepEquals(strengths, m.strengths)
            && Objects.equals(strengthLabel, m.strengthLabel) && Arrays.deepEquals(texts, m.texts);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(title, layout, valueLabel, logScale, strengthLabel);
        h = 31 * h + Arrays.deepHashCode(values);
        h = 31 * h + Arrays.deepHashCode(actions);
        h = 31 * h + Arrays.deepHashCode(strengths);
        return 31 * h + Arrays.deepHashCode(texts);
    }

    @Override
    public String toString() {
        return "GridMap[title=" + title + ", " + rows() + "x" + columns()
            + (values == null ? "" : ", values=" + valueLabel + (logScale ? " (log)" : ""))
            + (actions == null ? "" : ", arrows" + (strengths == null ? "" : " (" + strengthLabel + ")"))
            + (texts == null ? "" : ", texts") + "]";
    }
}
