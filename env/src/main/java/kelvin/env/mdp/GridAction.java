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

    /**
     * The action with a given index, as agents choose actions by index.
     *
     * @param a the action index: 0 up, 1 right, 2 down, 3 left
     * @return the action with {@link #index()} {@code a}
     * @throws IllegalArgumentException if {@code a} is not in [0, 4)
     */
    public static GridAction of(int a) {
        if (a < 0 || a >= VALUES.length) {
            throw new IllegalArgumentException("grid action is not in [0, 4): " + a);
        }
        return VALUES[a];
    }

    /**
     * The index agents and the transition table use for this action.
     *
     * @return 0 for up, 1 for right, 2 for down, 3 for left
     */
    public int index() {
        return ordinal();
    }

    /**
     * How the move changes the row, rows counted from the top.
     *
     * @return -1 for up, +1 for down, 0 for left and right
     */
    public int dRow() {
        return dRow;
    }

    /**
     * How the move changes the column, columns counted from the left.
     *
     * @return +1 for right, -1 for left, 0 for up and down
     */
    public int dColumn() {
        return dColumn;
    }

    /**
     * The perpendicular direction a quarter turn counter-clockwise, the first of the two sideways
     * moves a slippery gridworld may make instead.
     *
     * @return UP -&gt; LEFT, RIGHT -&gt; UP, DOWN -&gt; RIGHT, LEFT -&gt; DOWN
     */
    public GridAction counterClockwise() {
        return VALUES[(ordinal() + 3) % 4];
    }

    /**
     * The perpendicular direction a quarter turn clockwise, the second of the two sideways moves a
     * slippery gridworld may make instead.
     *
     * @return UP -&gt; RIGHT, RIGHT -&gt; DOWN, DOWN -&gt; LEFT, LEFT -&gt; UP
     */
    public GridAction clockwise() {
        return VALUES[(ordinal() + 1) % 4];
    }
}
