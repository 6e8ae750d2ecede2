package kelvin.env.mdp;

/**
 * An invalid gridworld map. The message names the problem and, when it concerns one place, its
 * position as {@code rows[r], column c} (both 0-based, so {@code rows[r]} is also the index of the
 * row in a config's {@code rows:} list); {@link #row()} and {@link #column()} give the same position
 * so a config loader can point at the line.
 */
public final class MapException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The 0-based row of the problem in the map's rows, or -1 when it concerns the whole map. */
    private final int row;
    /** The 0-based column of the problem within its row, or -1 when it concerns a whole row or map. */
    private final int column;

    MapException(int row, int column, String message) {
        super(message);
        this.row = row;
        this.column = column;
    }

    /**
     * The row the problem is in, so a config loader can point at the entry of {@code rows:}.
     *
     * @return the 0-based row index, or -1 if the problem concerns the whole map
     */
    public int row() {
        return row;
    }

    /**
     * The column the problem is at, within {@link #row()}.
     *
     * @return the 0-based column index, or -1 if the problem concerns a whole row or the whole map
     */
    public int column() {
        return column;
    }
}
