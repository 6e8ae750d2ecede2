package kelvin.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A table of a {@link Report}: a caption, column names and rows of already formatted strings.
 *
 * <p>The caller formats numbers (it knows how many digits are meaningful); the report only lays
 * them out. A column whose cells all look numeric is right-aligned with tabular digits so that
 * magnitudes line up, see {@link #isNumericColumn(int)}.
 *
 * @param caption what the table shows, e.g. {@code "Summary at step 1000"}
 * @param columns column names
 * @param rows rows, each with one cell per column
 * @param note a paragraph shown under the table, e.g. how to read it; null for none
 */
public record Table(String caption, List<String> columns, List<List<String>> rows, String note) {

    /** A plain number: optionally signed, thousands separators, exponent, percent sign. */
    private static final String NUM = "[-+\u2212]?(\\d[\\d,]*(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?%?";

    /** An interval such as {@code [199.9, 214.5]} or {@code (1; 2)}. */
    private static final String INTERVAL = "[\\[(]\\s*" + NUM + "\\s*[,;]\\s*" + NUM + "\\s*[\\])]";

    /**
     * A numeric cell: a number, optionally followed by a plus-minus term and/or an interval, or by a
     * remark in parentheses that is not an interval (why there is none), or an interval alone:
     * {@code 1,036.2}, {@code -3e-4}, {@code 12%}, {@code 4.1 ± 0.3}, {@code 207.2 [199.9, 214.5]},
     * {@code 0.5003 (no spread)}, {@code 231.6 (n = 1, no interval)}, {@code [1028.1, 1044.3]}.
     */
    private static final Pattern NUMBER = Pattern.compile(
        NUM + "((\\s*(\u00b1|\\+/-)\\s*" + NUM + ")?(\\s*" + INTERVAL + ")?|\\s+\\([^()]*\\))|" + INTERVAL);

    /** Cells that stand for a missing or non-finite number and do not make a column textual. */
    private static final Pattern PLACEHOLDER = Pattern.compile("|-|\u2014|\u2013|NaN|n/a|[-+]?(inf|Infinity|\u221e)");

    /**
     * A table without a note.
     *
     * @param caption what the table shows
     * @param columns column names
     * @param rows rows, each with one cell per column
     */
    public Table(String caption, List<String> columns, List<List<String>> rows) {
        this(caption, columns, rows, null);
    }

    /**
     * This table with a paragraph under it.
     *
     * @param text the note, plain text
     * @return a copy with the note set
     */
    public Table withNote(String text) {
        return new Table(caption, columns, rows, Objects.requireNonNull(text, "text"));
    }

    /**
     * A table, with the column names and every row copied.
     *
     * @param caption what the table shows, e.g. {@code "Summary at step 1000"}
     * @param columns column names (copied)
     * @param rows rows, each with one cell per column (copied)
     * @param note a paragraph shown under the table; null for none
     * @throws NullPointerException if anything but {@code note} is null
     * @throws IllegalArgumentException if a row has a different number of cells than there are columns
     */
    public Table {
        Objects.requireNonNull(caption, "caption");
        columns = List.copyOf(columns);
        List<List<String>> copied = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = List.copyOf(rows.get(i));
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table '" + caption + "': row " + (i + 1) + " has " + row.size()
                    + " cells but there are " + columns.size() + " columns");
            }
            copied.add(row);
        }
        rows = List.copyOf(copied);
    }

    /**
     * Whether a column holds numbers: every cell is a number or a placeholder (empty, {@code -},
     * {@code —}, {@code NaN}, {@code n/a}, {@code inf}, {@code ∞}) and at least one is a number.
     *
     * @param column column index
     * @return true if the column should be right-aligned
     * @throws IndexOutOfBoundsException if there is no such column
     */
    public boolean isNumericColumn(int column) {
        Objects.checkIndex(column, columns.size());
        boolean anyNumber = false;
        for (List<String> row : rows) {
            String cell = row.get(column).strip();
            if (NUMBER.matcher(cell).matches()) {
                anyNumber = true;
            } else if (!PLACEHOLDER.matcher(cell).matches()) {
                return false;
            }
        }
        return anyNumber;
    }
}
