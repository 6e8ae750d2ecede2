package kelvin.env.mdp;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in maps of the {@code gridworld} environment: the one home of their names, layouts,
 * default parameters and documentation ({@code kelvin list} and the README tables read them from
 * here).
 *
 * <p>Rows are drawn top row first; coordinates below are (row, column) from the top-left, 0-based.
 * Actions are 0 up, 1 right, 2 down, 3 left everywhere ({@link GridAction}).
 * <ul>
 *   <li>{@code open-10x10}: 10 x 10, no walls; start bottom-left (9, 0) = state 90, goal top-right
 *       (0, 9) = state 9; step reward 0, goal reward 1; shortest path 18 steps. This is the BURLAP
 *       peer's {@code open10} ({@code new GridWorldDomain(10, 10)}: start (x, y) = (0, 0), goal
 *       (9, 9), with y growing north), drawn north-up.</li>
 *   <li>{@code cliff-walking}: Sutton &amp; Barto Example 6.6, 4 x 12; start (3, 0) = state 36,
 *       goal (3, 11) = state 47, cliff (3, 1..10); step reward -1, goal reward 0, cliff -100 and back
 *       to the start (the episode goes on). Optimal undiscounted return -13.</li>
 *   <li>{@code frozen-lake-4x4}, {@code frozen-lake-8x8}: Gymnasium FrozenLake-v1's default maps and
 *       its slippery dynamics ({@code is_slippery=True}: the intended move and each perpendicular
 *       move with probability 1/3, i.e. slip = 2/3); reward 1 on entering the goal, holes terminal
 *       with reward 0, step reward 0.</li>
 *   <li>{@code four-rooms}: Sutton, Precup &amp; Singh (1999), 11 x 11 with the 17 wall cells of
 *       BURLAP's {@code setMapToFourRooms()} (the peer's NOTES.md), doorways at (x, y) = (1, 5),
 *       (5, 1), (5, 8), (8, 4); start bottom-left (10, 0) = state 110, goal top-right (0, 10) =
 *       state 10; step reward 0, goal reward 1; shortest path 20 steps.</li>
 *   <li>{@code deep-sea-N}, N in [4, 64]: bsuite's deep sea ({@link DeepSea}), not an ASCII map; the
 *       gridworld parameters do not apply to it.</li>
 * </ul>
 *
 * <p>References: R. S. Sutton and A. G. Barto, <i>Reinforcement Learning: An Introduction</i>, 2nd
 * ed., 2018, Example 6.6, p. 132; Gymnasium {@code gymnasium/envs/toy_text/frozen_lake.py}
 * ({@code MAPS}); R. S. Sutton, D. Precup and S. Singh, "Between MDPs and semi-MDPs: a framework for
 * temporal abstraction in reinforcement learning", <i>Artificial Intelligence</i> 112(1-2), 1999,
 * 181-211, Figure 2; J. MacGlashan, BURLAP 3.0.1 {@code GridWorldDomain}.
 */
public enum BuiltinMap {

    /** An open 10 x 10 room, BURLAP's {@code open10}. */
    OPEN_10X10("open-10x10", "10x10 open room, start bottom-left, goal top-right (BURLAP peer's open10)", 0, 0, 1,
        ".........G",
        "..........",
        "..........",
        "..........",
        "..........",
        "..........",
        "..........",
        "..........",
        "..........",
        "S........."),

    /** Sutton &amp; Barto's cliff walking. */
    CLIFF_WALKING("cliff-walking", "Sutton & Barto Example 6.6: 4x12, cliff along the bottom row, -1 per step", 0, -1,
        0,
        "............",
        "............",
        "............",
        "SCCCCCCCCCCG"),

    /** Gymnasium FrozenLake-v1, 4 x 4, slippery. */
    FROZEN_LAKE_4X4("frozen-lake-4x4", "Gymnasium FrozenLake-v1 4x4, slippery (intended move with probability 1/3)",
        2.0 / 3.0, 0, 1,
        "SFFF",
        "FHFH",
        "FFFH",
        "HFFG"),

    /** Gymnasium FrozenLake-v1, 8 x 8, slippery. */
    FROZEN_LAKE_8X8("frozen-lake-8x8", "Gymnasium FrozenLake-v1 8x8, slippery (intended move with probability 1/3)",
        2.0 / 3.0, 0, 1,
        "SFFFFFFF",
        "FFFFFFFF",
        "FFFHFFFF",
        "FFFFFHFF",
        "FFFHFFFF",
        "FHHFFFHF",
        "FHFFHFHF",
        "FFFHFFFG"),

    /** Sutton, Precup &amp; Singh's four rooms, BURLAP's layout. */
    FOUR_ROOMS("four-rooms", "Sutton, Precup & Singh 1999: 11x11 four rooms, start bottom-left, goal top-right",
        0, 0, 1,
        ".....#....G",
        ".....#.....",
        "...........",
        ".....#.....",
        ".....#.....",
        "#.####.....",
        ".....###.##",
        ".....#.....",
        ".....#.....",
        "...........",
        "S....#....."),

    /** bsuite's deep sea of any size N in [4, 64]. */
    DEEP_SEA("deep-sea-N", "bsuite deep sea: NxN, N in [4, 64], action mapping drawn per run, optimal return 0.99",
        0, 0, 0);

    private static final Pattern DEEP_SEA_NAME = Pattern.compile("deep-sea-(\\d{1,3})");

    private final String key;
    private final String description;
    private final double slip;
    private final double stepReward;
    private final double goalReward;
    private final List<String> rows;

    BuiltinMap(String key, String description, double slip, double stepReward, double goalReward, String... rows) {
        this.key = key;
        this.description = description;
        this.slip = slip;
        this.stepReward = stepReward;
        this.goalReward = goalReward;
        this.rows = List.of(rows);
    }

    /**
     * The name a config gives as {@code map:} to choose this map.
     *
     * @return the config name, such as {@code cliff-walking}; {@code deep-sea-N} for the deep sea
     *     family, whose concrete names carry the size N
     */
    public String key() {
        return key;
    }

    /**
     * What the map is and where it comes from, for {@code kelvin list} and the README tables.
     *
     * @return a one-line description
     */
    public String description() {
        return description;
    }

    /**
     * Whether this entry is an ASCII map that {@link #builder()} turns into a {@link Gridworld}.
     *
     * @return true for every map but {@link #DEEP_SEA}, which is a {@link DeepSea} of its own
     */
    public boolean isGrid() {
        return this != DEEP_SEA;
    }

    /**
     * The ASCII map in the cell codes of {@link Gridworld}.
     *
     * @return the rows, top row first, unmodifiable; empty for deep sea
     */
    public List<String> rows() {
        return rows;
    }

    /**
     * The probability of moving perpendicular to the intended direction that this map uses unless a
     * config sets {@code slip}.
     *
     * @return 2/3 for the frozen lakes, 0 for the other maps
     */
    public double slip() {
        return slip;
    }

    /**
     * The reward of every step that this map uses unless a config sets {@code step-reward}.
     *
     * @return -1 for cliff walking, 0 for the other maps
     */
    public double stepReward() {
        return stepReward;
    }

    /**
     * The bonus for entering the goal that this map uses unless a config sets {@code goal-reward}.
     *
     * @return 0 for cliff walking and for the deep sea entry (which has rewards of its own), 1 for
     *     the other maps
     */
    public double goalReward() {
        return goalReward;
    }

    /**
     * A gridworld builder preset with this map, its name and its default parameters; a config's
     * {@code slip}, {@code step-reward}, ... override them before {@code build()}.
     *
     * @return the builder
     * @throws UnsupportedOperationException for {@link #DEEP_SEA}, which is not an ASCII map
     */
    public Gridworld.Builder builder() {
        if (!isGrid()) {
            throw new UnsupportedOperationException(key + " is not an ASCII map");
        }
        return Gridworld.builder(rows).name(key).slip(slip).stepReward(stepReward).goalReward(goalReward);
    }

    /**
     * The entry for a map name: one of the fixed names, or {@code deep-sea-N} with a number N.
     *
     * @param name the map name
     * @return the entry
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones) or a
     *     deep sea size outside [4, 64]
     */
    public static BuiltinMap lookup(String name) {
        for (BuiltinMap m : values()) {
            if (m.isGrid() && m.key.equals(name)) {
                return m;
            }
        }
        deepSeaSize(name); // throws with the right message if it is not a valid deep-sea-N
        return DEEP_SEA;
    }

    /**
     * The size N of a name {@code deep-sea-N}.
     *
     * @param name the map name
     * @return N, in [4, 64]
     * @throws IllegalArgumentException if the name is not of that form (the message lists the known
     *     names) or N is out of range
     */
    public static int deepSeaSize(String name) {
        Matcher m = DEEP_SEA_NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown map '" + name + "'; known: " + names());
        }
        int n = Integer.parseInt(m.group(1));
        if (n < DeepSea.MIN_SIZE || n > DeepSea.MAX_SIZE) {
            throw new IllegalArgumentException("map '" + name + "': deep sea size " + n + " is not in ["
                + DeepSea.MIN_SIZE + ", " + DeepSea.MAX_SIZE + "]");
        }
        return n;
    }

    /**
     * The environment of a built-in map with its default parameters.
     *
     * @param name a map name
     * @return a {@link Gridworld} or a {@link DeepSea}
     * @throws IllegalArgumentException for an unknown name
     */
    public static TabularEnv create(String name) {
        BuiltinMap m = lookup(name);
        return m.isGrid() ? m.builder().build() : DeepSea.of(deepSeaSize(name));
    }

    /**
     * The names a config may give as {@code map:}, for help texts and error messages.
     *
     * @return the config names in declaration order, {@code deep-sea-N} last, unmodifiable
     */
    public static List<String> names() {
        return Arrays.stream(values()).map(BuiltinMap::key).toList();
    }
}
