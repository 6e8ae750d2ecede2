package kelvin.env.mdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kelvin.api.Component;
import kelvin.api.Guide;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * bsuite's deep sea ({@code deep-sea-N}): a hard-exploration chain laid out as an N x N grid.
 *
 * <h2>Description</h2>
 * The agent starts in the top-left cell and falls one row per step. In each cell it chooses to move
 * "left" or "right" (one column, clipped at the edges) while it falls. After N steps it has left the
 * bottom row and the episode ends. Only the path that goes right N times earns the treasure; every
 * "right" costs a little, so a dithering agent learns to go left. The meaning of the two actions
 * differs per cell: a per-cell action mapping, drawn for every run.
 *
 * <h2>Actions</h2>
 * Two: 0 and 1. In cell (row, column), action {@code rightAction(row, column)} (0 or 1) means
 * "right" and the other action "left".
 *
 * <h2>State encoding</h2>
 * state = row * N + column for the N x N cells (rows from the top), and state N * N is the terminal
 * state reached after the N-th step (bsuite's all-zero end-of-episode observation). Example, N = 10:
 * the start is state 0, the bottom-right cell is state 99 and the terminal state is 100. Cells right
 * of the diagonal (column &gt; row) are unreachable.
 *
 * <h2>Start</h2>
 * Cell (0, 0), with probability 1.
 *
 * <h2>Rewards</h2>
 * "right" costs 0.01 / N (reward -0.01 / N) in every cell; "right" in the bottom-right cell
 * (N - 1, N - 1) earns 1 in addition, i.e. 1 - 0.01 / N. Everything else earns 0. (bsuite pays the +1
 * for "right" in the last column at any row; the last column can only be occupied on the bottom
 * row, so this is the same.) The optimal return, "right" N times, is 1 - N (0.01 / N) = 0.99; going
 * left always returns 0.
 *
 * <h2>Termination</h2>
 * Every action in the bottom row (row N - 1) ends the episode, entering the terminal state; so every
 * episode lasts exactly N steps. The terminal state's row loops back with reward 0 and the terminal
 * flag, as in every model.
 *
 * <h2>Parameters</h2>
 * {@code N} in [4, 64] (the name {@code deep-sea-N}; bsuite's sweep uses 10 to 50). bsuite's
 * defaults are used: deterministic transitions, {@code unscaled_move_cost} 0.01, randomized actions.
 *
 * <h2>The per-run instance</h2>
 * {@link #model(UniformRandomProvider)} draws the mapping from the run's environment stream: one
 * {@code rng.nextBoolean()} per cell in row-major order (N * N draws), {@code true} meaning action 1
 * is "right" there (bsuite draws {@code binomial(1, 0.5, [N, N])} with its own mapping seed). Every
 * cell meeting run r therefore meets the same deep sea, and the run's transition noise continues on
 * the same stream afterwards (deep sea's moves are deterministic, but the simulator still draws one
 * uniform per step).
 *
 * <h2>References</h2>
 * <ul>
 *   <li>I. Osband, Y. Doron, M. Hessel, J. Aslanides, E. Sezener, A. Saraiva, K. McKinney,
 *       T. Lattimore, C. Szepesv&aacute;ri, S. Singh, B. Van Roy, R. Sutton, D. Silver and H. van
 *       Hasselt, "Behaviour Suite for Reinforcement Learning", ICLR 2020,
 *       https://arxiv.org/abs/1908.03568; code {@code bsuite/environments/deep_sea.py}.</li>
 *   <li>I. Osband, B. Van Roy, D. Russo and Z. Wen, "Deep exploration via randomized value
 *       functions", JMLR 20(124), 2019, 1-62 (the deep sea problem).</li>
 * </ul>
 *
 * <h2>Version history</h2>
 * v1: bsuite's deterministic deep sea; the stochastic variant ({@code deterministic=False}) is not
 * provided.
 */
public final class DeepSea implements TabularEnv {

    /** The smallest supported size. */
    public static final int MIN_SIZE = 4;
    /** The largest supported size. */
    public static final int MAX_SIZE = 64;
    /** bsuite's {@code unscaled_move_cost}: the total cost of N "right" moves. */
    public static final double UNSCALED_MOVE_COST = 0.01;

    private final int size;

    private DeepSea(int size) {
        this.size = size;
    }

    /**
     * Deep sea of size N.
     *
     * @param size N, in [4, 64]
     * @return the environment
     * @throws IllegalArgumentException if N is out of range
     */
    public static DeepSea of(int size) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("deep sea size is not in [" + MIN_SIZE + ", " + MAX_SIZE + "]: " + size);
        }
        return new DeepSea(size);
    }

    /**
     * The size N: the grid has N x N cells and every episode lasts exactly N steps.
     *
     * @return N, in [{@value #MIN_SIZE}, {@value #MAX_SIZE}]
     */
    public int size() {
        return size;
    }

    /**
     * The name of this instance as the gridworld's {@code map:} key spells it.
     *
     * @return {@code deep-sea-N} with N this size, e.g. {@code deep-sea-10}
     */
    public String name() {
        return "deep-sea-" + size;
    }

    /**
     * The terminal state entered by the N-th step, after the agent has left the bottom row; it has
     * no grid cell.
     *
     * @return N * N, the last state
     */
    public int terminalState() {
        return size * size;
    }

    /**
     * The optimal undiscounted return, "right" N times: (N - 1) (-0.01 / N) + (1 - 0.01 / N), summed
     * in step order, as an episode's rewards add up.
     *
     * @return 0.99 up to floating-point rounding
     */
    public double optimalReturn() {
        double cost = UNSCALED_MOVE_COST / size;
        double ret = 0;
        for (int i = 0; i < size - 1; i++) {
            ret += -cost;
        }
        return ret + (1 - cost);
    }

    @Override
    public int states() {
        return size * size + 1;
    }

    @Override
    public int actions() {
        return 2;
    }

    @Override
    public boolean isRandomized() {
        return true;
    }

    /**
     * {@inheritDoc} Draws N * N booleans in row-major order: cell (r, c) has "right" = action 1 when
     * draw r * N + c is true.
     */
    @Override
    public TabularModel model(UniformRandomProvider rng) {
        Objects.requireNonNull(rng, "rng");
        int[] right = new int[size * size];
        for (int i = 0; i < right.length; i++) {
            right[i] = rng.nextBoolean() ? 1 : 0;
        }
        return model(right);
    }

    /**
     * The model for a given mapping (tests, and bsuite's debug mode with every entry 1).
     *
     * @param rightAction for each cell, row-major, the action (0 or 1) that means "right"
     * @return the model
     * @throws IllegalArgumentException if the array has the wrong length or an entry is not 0 or 1
     */
    public TabularModel model(int[] rightAction) {
        if (rightAction.length != size * size) {
            throw new IllegalArgumentException("the mapping has " + rightAction.length + " entries, not "
                + size * size);
        }
        int terminal = size * size;
        double cost = UNSCALED_MOVE_COST / size;
        TabularModel.Builder b = TabularModel.builder(size * size + 1, 2).layout(size, size);
        for (int s = 0; s < terminal; s++) {
            int row = s / size;
            int column = s % size;
            int right = rightAction[s];
            if (right != 0 && right != 1) {
                throw new IllegalArgumentException("mapping entry " + s + " is not 0 or 1: " + right);
            }
            for (int a = 0; a < 2; a++) {
                boolean goesRight = a == right;
                int nextColumn = goesRight ? Math.min(column + 1, size - 1) : Math.max(column - 1, 0);
                double reward = 0;
                if (goesRight) {
                    reward = column == size - 1 ? 1 - cost : -cost;
                }
                boolean last = row == size - 1;
                int s2 = last ? terminal : (row + 1) * size + nextColumn;
                b.add(s, a, 1.0, s2, reward, last);
            }
        }
        b.add(terminal, 0, 1.0, terminal, 0.0, true);
        b.add(terminal, 1, 1.0, terminal, 0.0, true);
        b.start(0, 1.0);
        return b.build();
    }

    @Override
    public String toString() {
        return name();
    }


    /** {@inheritDoc} The N x N grid, start at the top left, the treasure at the bottom right. */
    @Override
    public List<String> layout() {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < size; r++) {
            StringBuilder sb = new StringBuilder(".".repeat(size));
            if (r == 0) {
                sb.setCharAt(0, 'S');
            }
            if (r == size - 1) {
                sb.setCharAt(size - 1, 'G');
            }
            rows.add(sb.toString());
        }
        return rows;
    }

    /** {@inheritDoc} Always: only the treasure pays a positive reward. */
    @Override
    public boolean successOnPositiveReturn() {
        return true;
    }

    /**
     * {@inheritDoc} A dithering agent finds the treasure after about 2^N episodes (Osband et al.
     * 2019), drawn against the swept size.
     */
    @Override
    public List<Guide> guides() {
        return List.of(new Guide("first-success", "size", "2^N (dithering exploration)", n -> Math.pow(2, n), true));
    }

    /** The {@code deep-sea} of configs. */
    public static final class Declaration extends Component<TabularTask> {
        /** Declares the keys: size, max-steps, gamma. */
        public Declaration() {
            super(Kind.ENVIRONMENT, "deep-sea",
                    "bsuite's deep sea (Osband et al.): N x N, one row down per step, a per-cell action mapping drawn "
                            + "per run, right costs 0.01/N, +1 at the bottom-right; "
                            + "the same as gridworld map deep-sea-N",
                    "Osband et al. (2019), Behaviour Suite for Reinforcement Learning, ICLR 2020", List.of(
                    Key.required("size", new ValueType.Int(MIN_SIZE, MAX_SIZE), "N"),
                    TabularTask.MAX_STEPS,
                    TabularTask.gammaKey(1.0)));
        }

        @Override
        public TabularTask create(Settings v) {
            return TabularTask.of(DeepSea.of(v.intValue("size")), v);
        }
    }
}
