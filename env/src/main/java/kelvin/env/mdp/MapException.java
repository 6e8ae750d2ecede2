package kelvin.env.mdp;

/**
 * An invalid gridworld map. The message names the problem and, when it concerns one place, its
 * position as {@code rows[r], column c} (both 0-based, so {@code rows[r]} is also the index of the
 * row in a config's {@code rows:} list); {@link #row()} and {@link #column()} give the same position
 * so a config loader can point at the line.
 */
public final class MapException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int row;
    private final int column;

    MapException(int row, int column, String message) {
        super(message);
        this.row = row;
        this.column = column;
    }

    /** The 0-based row the problem is in, or -1 if it concerns the whole map. */
    public int row() {
        return row;
    }

    /** The 0-based column the problem is at, or -1 if it concerns a whole row or the whole map. */
    public int column() {
        return column;
    }
}
