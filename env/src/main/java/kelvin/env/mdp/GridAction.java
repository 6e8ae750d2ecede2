package kelvin.env.mdp;

/**
 * The four gridworld actions, with their fixed indices 0 up, 1 right, 2 down, 3 left (clockwise
 * from north, like Gymnasium's cliff walking; note that BURLAP orders them north, south, east, west
 * and Gymnasium's frozen lake left, down, right, up).
 */
public enum GridAction {
    /** 0: one row up (row - 1). */
    UP(-1, 0),
    /** 1: one column right (column + 1). */
    RIGHT(0, 1),
    /** 2: one row down (row + 1). */
    DOWN(1, 0),
    /** 3: one column left (column - 1). */
    LEFT(0, -1);

    private static final GridAction[] VALUES = values();

    private final int dRow;
    private final int dColumn;

    GridAction(int dRow, int dColumn) {
        this.dRow = dRow;
        this.dColumn = dColumn;
    }

    /** The action with index {@code a} in [0, 4). */
    public static GridAction of(int a) {
        if (a < 0 || a >= VALUES.length) {
            throw new IllegalArgumentException("grid action is not in [0, 4): " + a);
        }
        return VALUES[a];
    }

    /** The index of this action. */
    public int index() {
        return ordinal();
    }

    /** Row change of the move. */
    public int dRow() {
        return dRow;
    }

    /** Column change of the move. */
    public int dColumn() {
        return dColumn;
    }

    /** The perpendicular direction a quarter turn counter-clockwise (UP -&gt; LEFT). */
    public GridAction counterClockwise() {
        return VALUES[(ordinal() + 3) % 4];
    }

    /** The perpendicular direction a quarter turn clockwise (UP -&gt; RIGHT). */
    public GridAction clockwise() {
        return VALUES[(ordinal() + 1) % 4];
    }
}
