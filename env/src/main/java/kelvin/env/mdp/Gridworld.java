package kelvin.env.mdp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A gridworld drawn from ASCII rows ({@code gridworld}): the maps of the book and of Gymnasium's
 * toy-text suite, and any map a user writes.
 *
 * <h2>Description</h2>
 * The agent walks on a grid of R rows and C columns from the start {@code S} to a goal {@code G}.
 * Cells: {@code S} start (free), {@code G} goal (terminal), {@code .} or {@code F} free, {@code #}
 * wall, {@code H} hole (terminal), {@code C} cliff (stepping into it sends the agent back to the
 * start; the episode goes on).
 *
 * <h2>Actions</h2>
 * Four, in every state: 0 up (row - 1), 1 right (column + 1), 2 down (row + 1), 3 left
 * (column - 1); see {@link GridAction}. A move off the grid or into a wall leaves the agent where it
 * is (and still costs a step). With {@code slip} &gt; 0 the agent moves in the intended direction
 * with probability 1 - slip and in each of the two perpendicular directions with probability
 * slip / 2. The outcomes of (s, a) are listed in the order intended, counter-clockwise
 * perpendicular, clockwise perpendicular (for "up": up, left, right), zero-probability ones omitted
 * and equal ones <em>not</em> merged (as in Gymnasium), so a slippery (s, a) has exactly 3 outcomes
 * and a non-slippery one exactly 1. Example, frozen lake (slip = 2/3): "right" moves right, up or
 * down with probability 1/3 each.
 *
 * <h2>State encoding</h2>
 * state = row * C + column, rows counted from the top. Example: in the 4 x 12 cliff walking map the
 * start (row 3, column 0) is state 3 * 12 + 0 = 36 and the goal (row 3, column 11) is state 47.
 * Walls are states too, but unreachable: their row loops back to themselves with reward 0 (not
 * terminal), so their value is 0. Cliff cells are unreachable states as well (entering one lands on
 * the start); their rows are computed as for a free cell. Goals and holes are terminal states: as
 * in Gymnasium, their row loops back with probability 1, reward 0 and the terminal flag.
 *
 * <h2>Start</h2>
 * The single {@code S} cell, with probability 1.
 *
 * <h2>Rewards</h2>
 * Every step earns {@code stepReward}, including bumps into walls and the grid's edge, except a step
 * into a cliff, which earns {@code cliffReward} <em>instead</em> (and lands on the start). Entering a
 * goal earns stepReward + {@code goalReward}; entering a hole earns stepReward + {@code holeReward}.
 * Example: cliff walking (step -1, goal 0, cliff -100) has optimal undiscounted return -13 (up,
 * 11 x right, down).
 *
 * <h2>Termination</h2>
 * Entering {@code G} or {@code H} ends the episode. There is no step limit in the model: a
 * {@code max-steps} limit is the run's truncation.
 *
 * <h2>Parameters</h2>
 * <ul>
 *   <li>{@code rows}: the map, one string per row, all of the same length;</li>
 *   <li>{@code slip} in [0, 1], default 0;</li>
 *   <li>{@code stepReward}, default 0; {@code goalReward}, default 1; {@code holeReward}, default 0;
 *       {@code cliffReward}, default -100 (all finite).</li>
 * </ul>
 * Validation ({@link MapException}, a kind of {@link IllegalArgumentException}): no rows, an empty
 * or ragged row, an unknown character (named with its row and column), no start or several, no
 * goal, and a goal that cannot be reached from the start. Reachability is a breadth-first search
 * over the four neighbours that does not pass through walls, cliffs (they lead back to the start),
 * holes or goals; it is the same for every slip, because with slip in (0, 1] the perpendicular moves
 * reach every neighbour with positive probability too.
 *
 * <h2>References</h2>
 * <ul>
 *   <li>Gymnasium, {@code gymnasium/envs/toy_text/frozen_lake.py} and {@code cliffwalking.py}
 *       (the table layout, terminal rows, and the slippery dynamics).</li>
 *   <li>R. S. Sutton and A. G. Barto, <i>Reinforcement Learning: An Introduction</i>, 2nd ed., MIT
 *       Press, 2018, Example 6.6 "Cliff Walking", p. 132.</li>
 * </ul>
 *
 * <h2>Version history</h2>
 * v1: first version.
 *
 * <p>Instances are immutable and shared by threads; the model is computed once.
 */
public final class Gridworld implements TabularEnv {

    /** Cell codes after normalisation ({@code F} is stored as {@code .}). */
    static final char START = 'S';
    static final char GOAL = 'G';
    static final char FREE = '.';
    static final char WALL = '#';
    static final char HOLE = 'H';
    static final char CLIFF = 'C';

    private final String name;
    private final List<String> mapRows;
    private final int rows;
    private final int columns;
    private final char[] cells;
    private final int start;
    private final double slip;
    private final double stepReward;
    private final double goalReward;
    private final double holeReward;
    private final double cliffReward;
    private final TabularModel model;

    private Gridworld(Builder b, char[] cells, int rows, int columns, int start) {
        this.name = b.name;
        this.mapRows = List.copyOf(b.rows);
        this.rows = rows;
        this.columns = columns;
        this.cells = cells;
        this.start = start;
        this.slip = b.slip;
        this.stepReward = b.stepReward;
        this.goalReward = b.goalReward;
        this.holeReward = b.holeReward;
        this.cliffReward = b.cliffReward;
        this.model = buildModel();
    }

    /**
     * A builder for a map given as rows.
     *
     * @param rows the map, top row first
     * @return the builder, with the default parameters
     * @throws NullPointerException if {@code rows} or a row is null
     */
    public static Builder builder(List<String> rows) {
        return new Builder(rows);
    }

    /**
     * A builder for a map given as rows.
     *
     * @param rows the map, top row first
     * @return the builder, with the default parameters
     * @throws NullPointerException if {@code rows} or a row is null
     */
    public static Builder builder(String... rows) {
        return new Builder(List.of(rows));
    }

    /**
     * The name reports and {@link #toString()} show for this map.
     *
     * @return a built-in map's config name such as {@code frozen-lake-4x4}, or {@code gridworld} for
     *     a map written out as rows (unless {@link Builder#name(String)} set another)
     */
    public String name() {
        return name;
    }

    /**
     * The transition table of this gridworld, computed once from the map and the parameters; the
     * same for every run.
     *
     * @return the model: R * C states, 4 actions, laid out R x C
     */
    public TabularModel model() {
        return model;
    }

    @Override
    public long outcomes() {
        return model.outcomes();
    }

    /** {@inheritDoc} Here: the fixed model; nothing is drawn. */
    @Override
    public TabularModel model(UniformRandomProvider rng) {
        return model;
    }

    @Override
    public int states() {
        return rows * columns;
    }

    @Override
    public int actions() {
        return 4;
    }

    /**
     * The height of the grid.
     *
     * @return the number of rows R, at least 1
     */
    public int rows() {
        return rows;
    }

    /**
     * The width of the grid.
     *
     * @return the number of columns C, at least 1
     */
    public int columns() {
        return columns;
    }

    /**
     * The map exactly as given to the builder, {@code F} cells included; {@link #layout()} gives it
     * normalised.
     *
     * @return the rows, top row first, unmodifiable
     */
    public List<String> mapRows() {
        return mapRows;
    }

    /**
     * The state of the single {@code S} cell, where every episode starts with probability 1 and
     * where a step into a cliff lands.
     *
     * @return row * C + column of the start
     */
    public int start() {
        return start;
    }

    /**
     * The state of a cell.
     *
     * @param row the row, from the top
     * @param column the column, from the left
     * @return row * C + column
     * @throws IndexOutOfBoundsException if the cell is outside the grid
     */
    public int state(int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException("cell (" + row + ", " + column + ") is outside the " + rows + "x"
                + columns + " grid");
        }
        return row * columns + column;
    }

    /**
     * The row of a state's cell.
     *
     * @param s a state in [0, R * C)
     * @return s / C, counted from the top
     */
    public int row(int s) {
        return s / columns;
    }

    /**
     * The column of a state's cell.
     *
     * @param s a state in [0, R * C)
     * @return s mod C, counted from the left
     */
    public int column(int s) {
        return s % columns;
    }

    /**
     * What the cell of a state is.
     *
     * @param s a state in [0, R * C)
     * @return one of {@code S} start, {@code G} goal, {@code .} free ({@code F} is reported as
     *     {@code .}), {@code #} wall, {@code H} hole, {@code C} cliff
     * @throws ArrayIndexOutOfBoundsException if {@code s} is not a state
     */
    public char cell(int s) {
        return cells[s];
    }

    /**
     * Whether a state is a wall cell: never occupied, and a move into it leaves the agent in place.
     *
     * @param s a state in [0, R * C)
     * @return true for a {@code #} cell
     * @throws ArrayIndexOutOfBoundsException if {@code s} is not a state
     */
    public boolean isWall(int s) {
        return cells[s] == WALL;
    }

    /**
     * Whether entering a state ends the episode.
     *
     * @param s a state in [0, R * C)
     * @return true for a goal {@code G} or a hole {@code H}
     * @throws ArrayIndexOutOfBoundsException if {@code s} is not a state
     */
    public boolean isTerminal(int s) {
        return cells[s] == GOAL || cells[s] == HOLE;
    }

    /**
     * The probability of not moving in the intended direction: each of the two perpendicular
     * directions is taken with probability slip / 2.
     *
     * @return slip, in [0, 1]
     */
    public double slip() {
        return slip;
    }

    /**
     * The reward every step earns, bumps into walls and edges included, except a step into a cliff.
     *
     * @return the step reward, finite
     */
    public double stepReward() {
        return stepReward;
    }

    /**
     * The bonus added to the step reward on entering a goal.
     *
     * @return the goal reward, finite
     */
    public double goalReward() {
        return goalReward;
    }

    /**
     * The bonus added to the step reward on entering a hole.
     *
     * @return the hole reward, finite
     */
    public double holeReward() {
        return holeReward;
    }

    /**
     * The reward of a step into a cliff cell, paid instead of the step reward; the agent lands on
     * the start and the episode goes on.
     *
     * @return the cliff reward, finite
     */
    public double cliffReward() {
        return cliffReward;
    }

    @Override
    public String toString() {
        return "gridworld(" + name + ", " + rows + "x" + columns + ", slip=" + slip + ", step=" + stepReward
            + ", goal=" + goalReward + ", hole=" + holeReward + ", cliff=" + cliffReward + ")";
    }

    private TabularModel buildModel() {
        int n = rows * columns;
        TabularModel.Builder b = TabularModel.builder(n, 4).layout(rows, columns);
        double straight = 1 - slip;
        double side = slip / 2;
        for (int s = 0; s < n; s++) {
            char kind = cells[s];
            for (GridAction a : GridAction.values()) {
                int ai = a.index();
                if (kind == WALL) {
                    b.add(s, ai, 1.0, s, 0.0, false);
                } else if (kind == GOAL || kind == HOLE) {
                    b.add(s, ai, 1.0, s, 0.0, true);
                } else {
                    addMove(b, s, ai, a, straight);
                    addMove(b, s, ai, a.counterClockwise(), side);
                    addMove(b, s, ai, a.clockwise(), side);
                }
            }
        }
        b.start(start, 1.0);
        return b.build();
    }

    private void addMove(TabularModel.Builder b, int s, int ai, GridAction direction, double p) {
        if (p == 0) {
            return;
        }
        int r = s / columns + direction.dRow();
        int c = s % columns + direction.dColumn();
        int target = s;
        if (r >= 0 && r < rows && c >= 0 && c < columns && cells[r * columns + c] != WALL) {
            target = r * columns + c;
        }
        switch (cells[target]) {
            case CLIFF -> b.add(s, ai, p, start, cliffReward, false);
            case GOAL -> b.add(s, ai, p, target, stepReward + goalReward, true);
            case HOLE -> b.add(s, ai, p, target, stepReward + holeReward, true);
            default -> b.add(s, ai, p, target, stepReward, false);
        }
    }

    /** Parameters of a gridworld; {@link #build()} validates the map and computes the model. */
    public static final class Builder {
        private final List<String> rows;
        private String name = "gridworld";
        private double slip;
        private double stepReward;
        private double goalReward = 1;
        private double holeReward;
        private double cliffReward = -100;

        Builder(List<String> rows) {
            Objects.requireNonNull(rows, "rows");
            for (String row : rows) {
                Objects.requireNonNull(row, "row");
            }
            this.rows = List.copyOf(rows);
        }

        /**
         * Sets the name reported by {@link Gridworld#name()}.
         *
         * @param name the name (default {@code gridworld})
         * @return this builder
         * @throws NullPointerException if {@code name} is null
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets the probability of moving perpendicular to the intended direction instead, split
         * evenly between the two sides.
         *
         * @param slip the probability, in [0, 1] (default 0; checked by {@link #build()})
         * @return this builder
         */
        public Builder slip(double slip) {
            this.slip = slip;
            return this;
        }

        /**
         * Sets the reward of every step except a step into a cliff.
         *
         * @param stepReward the reward, finite (default 0; checked by {@link #build()})
         * @return this builder
         */
        public Builder stepReward(double stepReward) {
            this.stepReward = stepReward;
            return this;
        }

        /**
         * Sets the bonus added to the step reward on entering a goal.
         *
         * @param goalReward the bonus, finite (default 1; checked by {@link #build()})
         * @return this builder
         */
        public Builder goalReward(double goalReward) {
            this.goalReward = goalReward;
            return this;
        }

        /**
         * Sets the bonus added to the step reward on entering a hole.
         *
         * @param holeReward the bonus, finite (default 0; checked by {@link #build()})
         * @return this builder
         */
        public Builder holeReward(double holeReward) {
            this.holeReward = holeReward;
            return this;
        }

        /**
         * Sets the reward of a step into a cliff, paid instead of the step reward.
         *
         * @param cliffReward the reward, finite (default -100; checked by {@link #build()})
         * @return this builder
         */
        public Builder cliffReward(double cliffReward) {
            this.cliffReward = cliffReward;
            return this;
        }

        /**
         * Validates the map and the parameters and computes the model.
         *
         * @return the gridworld
         * @throws MapException if the map is invalid (the message names the row and column)
         * @throws IllegalArgumentException if slip is outside [0, 1] or a reward is not finite
         */
        public Gridworld build() {
            if (!(slip >= 0 && slip <= 1)) {
                throw new IllegalArgumentException("slip is not in [0, 1]: " + slip);
            }
            checkFinite("step reward", stepReward);
            checkFinite("goal reward", goalReward);
            checkFinite("hole reward", holeReward);
            checkFinite("cliff reward", cliffReward);
            if (rows.isEmpty()) {
                throw new MapException(-1, -1, "the map has no rows");
            }
            int columns = rows.get(0).length();
            if (columns == 0) {
                throw new MapException(0, -1, "rows[0] is empty");
            }
            int n = rows.size() * columns;
            char[] cells = new char[n];
            int start = -1;
            boolean goal = false;
            for (int r = 0; r < rows.size(); r++) {
                String row = rows.get(r);
                if (row.length() != columns) {
                    throw new MapException(r, -1, "rows[" + r + "] has " + row.length() + " characters but rows[0] has "
                        + columns + ": every row must have the same length");
                }
                for (int c = 0; c < columns; c++) {
                    char ch = row.charAt(c);
                    char kind = switch (ch) {
                        case 'S', 'G', '.', '#', 'H', 'C' -> ch;
                        case 'F' -> FREE;
                        default -> throw new MapException(r, c, at(r, c) + ": unknown character " + describe(ch)
                            + "; allowed: S start, G goal, . or F free, # wall, H hole, C cliff");
                    };
                    if (kind == START) {
                        if (start >= 0) {
                            throw new MapException(r, c, at(r, c) + ": a second start 'S' (the first is at "
                                + at(start / columns, start % columns) + "); a map has exactly one start");
                        }
                        start = r * columns + c;
                    }
                    goal |= kind == GOAL;
                    cells[r * columns + c] = kind;
                }
            }
            if (start < 0) {
                throw new MapException(-1, -1, "the map has no start 'S'");
            }
            if (!goal) {
                throw new MapException(-1, -1, "the map has no goal 'G'");
            }
            checkGoalsReachable(cells, rows.size(), columns, start);
            return new Gridworld(this, cells, rows.size(), columns, start);
        }

        private static void checkGoalsReachable(char[] cells, int rowCount, int columns, int start) {
            boolean[] seen = new boolean[cells.length];
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            seen[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int s = queue.poll();
                for (GridAction d : GridAction.values()) {
                    int r = s / columns + d.dRow();
                    int c = s % columns + d.dColumn();
                    if (r < 0 || r >= rowCount || c < 0 || c >= columns) {
                        continue;
                    }
                    int t = r * columns + c;
                    char kind = cells[t];
                    if (seen[t] || kind == WALL) {
                        continue;
                    }
                    seen[t] = true;
                    if (kind == START || kind == FREE) {
                        queue.add(t);
                    }
                }
            }
            for (int s = 0; s < cells.length; s++) {
                if (cells[s] == GOAL && !seen[s]) {
                    int r = s / columns;
                    int c = s % columns;
                    throw new MapException(r, c, at(r, c) + ": the goal 'G' cannot be reached from the start at "
                        + at(start / columns, start % columns) + " (walls, holes and cliffs block every path)");
                }
            }
        }

        private static String at(int r, int c) {
            return "rows[" + r + "], column " + c;
        }

        private static String describe(char ch) {
            if (ch >= 0x21 && ch < 0x7f) {
                return "'" + ch + "'";
            }
            return String.format("U+%04X%s", (int) ch, ch == ' ' ? " (space)" : ch == '\t' ? " (tab)" : "");
        }

        private static void checkFinite(String what, double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(what + " is not finite: " + value);
            }
        }
    }


    /** {@inheritDoc} The map, with {@code F} drawn as free. */
    @Override
    public List<String> layout() {
        List<String> layout = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                sb.append(cell(state(r, c)));
            }
            layout.add(sb.toString());
        }
        return layout;
    }

    /** {@inheritDoc} Here: the goal cells. */
    @Override
    public boolean successState(int s) {
        return s < cells.length && cells[s] == GOAL;
    }

    /** The {@code gridworld} of configs: an ASCII map or a built-in one. */
    public static final class Declaration extends Component<TabularTask> {
        private static final List<String> REWARD_KEYS = List.of("slip", "step-reward", "goal-reward", "hole-reward",
                "cliff-reward");

        /** Declares the keys: map or rows, slip, the rewards, max-steps, gamma. */
        public Declaration() {
            super(Kind.ENVIRONMENT, "gridworld",
                    "an ASCII map (S start, G goal, . or F free, # wall, H hole, C cliff) or a built-in one; "
                            + "actions 0 up, 1 right, 2 down, 3 left; slip = probability of a perpendicular move",
                    "Gymnasium toy_text (frozen_lake.py, cliffwalking.py); Sutton & Barto (2018), Example 6.6",
                    List.of(
                    Key.optional("map", new ValueType.Str("[a-z0-9-]+", "one of " + String.join(", ",
                            BuiltinMap.names()).replace("deep-sea-N", "deep-sea-N (N from 4 to 64)")),
                            "a built-in map: " + String.join(", ", BuiltinMap.names())),
                    Key.optional("rows", new ValueType.StrList("a list of map rows, e.g. [\"S..\", \".#G\"]"),
                            "your own map, one string per row, instead of map"),
                    Key.optional("slip", ValueType.Num.closed(0, 1), "probability of moving perpendicular instead; "
                            + "default: the map's (2/3 on frozen lakes, else 0)"),
                    Key.optional("step-reward", ValueType.Num.magnitude(), "reward of every step; default: the "
                            + "map's (-1 on cliff walking, else 0)"),
                    Key.optional("goal-reward", ValueType.Num.magnitude(), "added on entering G; default: the "
                            + "map's (0 on cliff walking, else 1)"),
                    Key.optional("hole-reward", ValueType.Num.magnitude(), "added on entering H; default 0"),
                    Key.optional("cliff-reward", ValueType.Num.magnitude(), "reward of a step into C (instead of "
                            + "step-reward), which also sends the agent back to S; default -100"),
                    TabularTask.MAX_STEPS,
                    TabularTask.gammaKey(1.0)));
        }

        @Override
        public TabularTask create(Settings v) {
            if (v.has("map") == v.has("rows")) {
                throw v.error("give exactly one of map (a built-in map) or rows (your own map)");
            }
            Builder builder;
            if (v.has("map")) {
                String name = v.str("map");
                BuiltinMap map;
                try {
                    map = BuiltinMap.lookup(name);
                } catch (IllegalArgumentException e) {
                    throw v.error("map", e.getMessage() + v.hint(name, BuiltinMap.names()));
                }
                if (!map.isGrid()) {
                    for (String key : REWARD_KEYS) {
                        if (v.written(key)) {
                            throw v.error(key, "deep sea has fixed rewards and dynamics; " + key + " does not apply");
                        }
                    }
                    return TabularTask.of(DeepSea.of(BuiltinMap.deepSeaSize(name)), v);
                }
                builder = map.builder();
            } else {
                try {
                    builder = Gridworld.builder(v.words("rows"));
                } catch (MapException e) {
                    throw v.errorAt("rows", e.row(), e.getMessage());
                }
            }
            if (v.has("slip")) {
                builder.slip(v.num("slip"));
            }
            if (v.has("step-reward")) {
                builder.stepReward(v.num("step-reward"));
            }
            if (v.has("goal-reward")) {
                builder.goalReward(v.num("goal-reward"));
            }
            if (v.has("hole-reward")) {
                builder.holeReward(v.num("hole-reward"));
            }
            if (v.has("cliff-reward")) {
                builder.cliffReward(v.num("cliff-reward"));
            }
            try {
                return TabularTask.of(builder.build(), v);
            } catch (MapException e) {
                throw v.has("rows") ? v.errorAt("rows", e.row(), e.getMessage()) : v.error("map", e.getMessage());
            }
        }
    }
}
