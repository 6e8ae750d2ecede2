package kelvin.env.mdp;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The model of a finite MDP: for every state s and action a, the list of outcomes
 * (probability, next state, reward, terminal), plus the start distribution. This is Gymnasium's
 * {@code P} table: one table drives the simulator ({@link TabularRun}), the planners
 * ({@link ValueIteration}, {@link PolicyEvaluator}) and the tests.
 *
 * <h2>Layout of the table</h2>
 * Outcomes are stored in flat primitive arrays, computed once. The outcomes of (s, a) are the
 * global indices i in [{@link #first(int, int) first(s, a)}, {@link #end(int, int) end(s, a)}),
 * in the order the environment documents (that order matters: the simulator inverts one uniform
 * over the cumulative probabilities in that order). Each outcome has a probability in (0, 1]
 * (zero-probability outcomes are never stored), a next state, a finite reward and a terminal flag.
 * The probabilities of each (s, a) sum to 1 (checked to 1e-9 when the table is built; the stored
 * cumulative sum of the last outcome is exactly 1, so round-off can never run past the end).
 *
 * <h2>Meaning of an outcome</h2>
 * Taking a in s leads to the next state with the given probability and pays the reward. If the
 * outcome is terminal, entering the next state ends the episode (termination, part of the MDP);
 * nothing is earned afterwards, so planners do not bootstrap through a terminal outcome:
 * <pre>
 *   Q(s, a) = sum over outcomes i of (s, a) of p_i (r_i + gamma V(next_i) [not terminal_i])
 * </pre>
 * Step limits (truncation) are not part of the model: they belong to the run. Terminal states
 * themselves still have a row (the convention of Gymnasium's toy-text tables): every action loops
 * back with probability 1, reward 0 and the terminal flag set, so their value is 0.
 *
 * <h2>Grid layout</h2>
 * {@link #rows()} x {@link #columns()} describes how the first rows * columns states sit on a grid
 * (row-major: state = row * columns + column) for heatmaps; states at and above rows * columns
 * (deep sea's terminal state) have no cell.
 *
 * <p>Instances are immutable and shared by threads; accessors return copies of arrays.
 */
public final class TabularModel {

    /** The tolerance on the sum of the probabilities of each (s, a) and of the start distribution. */
    public static final double SUM_TOLERANCE = 1e-9;

    private final int states;
    private final int actions;
    private final int rows;
    private final int columns;
    /** offsets[s * actions + a] = first outcome of (s, a); offsets[states * actions] = outcome count. */
    private final int[] offsets;
    private final double[] probability;
    private final double[] cumulative;
    private final int[] next;
    private final double[] reward;
    private final boolean[] terminal;
    private final int[] startStates;
    private final double[] startProbability;
    private final double[] startCumulative;
    private final boolean[] reachable;
    private final int reachableCount;

    private TabularModel(Builder b) {
        this.states = b.states;
        this.actions = b.actions;
        this.rows = b.rows;
        this.columns = b.columns;
        int n = b.size;
        this.offsets = b.offsets.clone();
        this.probability = Arrays.copyOf(b.probability, n);
        this.next = Arrays.copyOf(b.next, n);
        this.reward = Arrays.copyOf(b.reward, n);
        this.terminal = Arrays.copyOf(b.terminal, n);
        this.cumulative = new double[n];
        for (int sa = 0; sa < states * actions; sa++) {
            double c = 0;
            for (int i = offsets[sa]; i < offsets[sa + 1]; i++) {
                c += probability[i];
                cumulative[i] = c;
            }
            cumulative[offsets[sa + 1] - 1] = 1.0;
        }
        this.startStates = Arrays.copyOf(b.startStates, b.startSize);
        this.startProbability = Arrays.copyOf(b.startProbability, b.startSize);
        this.startCumulative = new double[b.startSize];
        double c = 0;
        for (int j = 0; j < b.startSize; j++) {
            c += startProbability[j];
            startCumulative[j] = c;
        }
        startCumulative[b.startSize - 1] = 1.0;
        this.reachable = new boolean[states];
        this.reachableCount = markReachable();
    }

    /**
     * A builder for a model with the given numbers of states and actions. Outcomes must be added
     * state by state and, within a state, action by action (s = 0, 1, ...; a = 0, 1, ...).
     *
     * @param states the number of states, at least 1
     * @param actions the number of actions, at least 1
     * @return the builder
     * @throws IllegalArgumentException if a count is below 1
     */
    public static Builder builder(int states, int actions) {
        if (states < 1) {
            throw new IllegalArgumentException("states is not at least 1: " + states);
        }
        if (actions < 1) {
            throw new IllegalArgumentException("actions is not at least 1: " + actions);
        }
        return new Builder(states, actions);
    }

    /**
     * The size of the state space; states are the integers 0 .. S-1.
     *
     * @return S, at least 1
     */
    public int states() {
        return states;
    }

    /**
     * The size of the action space; every action 0 .. A-1 is available in every state.
     *
     * @return A, at least 1
     */
    public int actions() {
        return actions;
    }

    /**
     * The number of grid rows the first rows * columns states are drawn on.
     *
     * @return the rows of the layout, at least 1 (1 for chains)
     */
    public int rows() {
        return rows;
    }

    /**
     * The number of grid columns the first rows * columns states are drawn on.
     *
     * @return the columns of the layout, at least 1 (S unless a layout was set)
     */
    public int columns() {
        return columns;
    }

    /**
     * The size of the flat outcome table: global outcome indices run over [0, outcomes()).
     *
     * @return the total number of stored (positive-probability) outcomes over all (s, a)
     */
    public int outcomes() {
        return probability.length;
    }

    /**
     * The global index of the first outcome of (s, a).
     *
     * @param s a state in [0, S)
     * @param a an action in [0, A)
     * @return the first index
     * @throws IndexOutOfBoundsException if s or a is out of range
     */
    public int first(int s, int a) {
        return offsets[index(s, a)];
    }

    /**
     * One past the global index of the last outcome of (s, a).
     *
     * @param s a state in [0, S)
     * @param a an action in [0, A)
     * @return the end index (exclusive)
     * @throws IndexOutOfBoundsException if s or a is out of range
     */
    public int end(int s, int a) {
        return offsets[index(s, a) + 1];
    }

    /**
     * The probability of an outcome given the state-action pair (s, a) it belongs to.
     *
     * @param i a global outcome index in [0, {@link #outcomes()})
     * @return p_i, in (0, 1]
     */
    public double probability(int i) {
        return probability[i];
    }

    /**
     * The state an outcome leads to.
     *
     * @param i a global outcome index in [0, {@link #outcomes()})
     * @return next_i, a state in [0, S)
     */
    public int next(int i) {
        return next[i];
    }

    /**
     * The reward paid when an outcome happens.
     *
     * @param i a global outcome index in [0, {@link #outcomes()})
     * @return r_i, finite
     */
    public double reward(int i) {
        return reward[i];
    }

    /**
     * Whether an outcome ends the episode: nothing is earned after entering its next state, so
     * planners do not bootstrap through it.
     *
     * @param i a global outcome index in [0, {@link #outcomes()})
     * @return terminal_i
     */
    public boolean terminal(int i) {
        return terminal[i];
    }

    /**
     * The outcome of (s, a) selected by a uniform u: the first i in [first(s, a), end(s, a)) with
     * u &lt; p_first + ... + p_i (inversion of the cumulative probabilities in table order). Because
     * the last cumulative value is exactly 1, every u in [0, 1) selects an outcome.
     *
     * @param s the state
     * @param a the action
     * @param u a uniform in [0, 1)
     * @return the global outcome index
     */
    public int sample(int s, int a, double u) {
        int sa = index(s, a);
        int i = offsets[sa];
        int last = offsets[sa + 1] - 1;
        while (i < last && !(u < cumulative[i])) {
            i++;
        }
        return i;
    }

    /**
     * The number of entries of the start distribution, each a start state with positive
     * probability.
     *
     * @return the number of start states, at least 1
     */
    public int startCount() {
        return startStates.length;
    }

    /**
     * A start state, in the order the environment documents (the order {@link #sampleStart(double)}
     * inverts).
     *
     * @param j an index in [0, {@link #startCount()})
     * @return the j-th start state
     */
    public int startState(int j) {
        return startStates[j];
    }

    /**
     * The probability that an episode starts in {@link #startState(int) startState(j)}.
     *
     * @param j an index in [0, {@link #startCount()})
     * @return mu_0 of the j-th start state, in (0, 1]
     */
    public double startProbability(int j) {
        return startProbability[j];
    }

    /**
     * The start distribution mu_0 over all states.
     *
     * @return a fresh array of length S, mu_0(s) at index s (0 outside the support)
     */
    public double[] startDistribution() {
        double[] mu = new double[states];
        for (int j = 0; j < startStates.length; j++) {
            mu[startStates[j]] += startProbability[j];
        }
        return mu;
    }

    /**
     * The start state selected by a uniform u: the first j with u &lt; mu_0 + ... + mu_j.
     *
     * @param u a uniform in [0, 1)
     * @return the start state
     */
    public int sampleStart(double u) {
        int j = 0;
        int last = startCumulative.length - 1;
        while (j < last && !(u < startCumulative[j])) {
            j++;
        }
        return startStates[j];
    }

    /**
     * Whether s can be occupied: it is a start state or the next state of a positive-probability
     * outcome of some reachable state (any actions). Walls and cliff cells of a gridworld, and cells
     * of deep sea right of the diagonal, are unreachable.
     *
     * @param s a state
     * @return whether s is reachable from the start distribution
     */
    public boolean reachable(int s) {
        return reachable[s];
    }

    /**
     * How many states can be occupied from the start distribution.
     *
     * @return the number of {@link #reachable(int) reachable} states, in [1, S]
     */
    public int reachableCount() {
        return reachableCount;
    }

    /**
     * The expected immediate reward of (s, a): sum_i p_i r_i.
     *
     * @param s the state
     * @param a the action
     * @return r(s, a)
     */
    public double expectedReward(int s, int a) {
        double r = 0;
        int sa = index(s, a);
        for (int i = offsets[sa]; i < offsets[sa + 1]; i++) {
            r += probability[i] * reward[i];
        }
        return r;
    }

    /**
     * The one-step lookahead sum_i p_i (r_i + gamma V(next_i) [not terminal_i]) of (s, a).
     *
     * @param s the state
     * @param a the action
     * @param gamma the discount
     * @param v state values, length S
     * @return Q(s, a) under v
     */
    public double backup(int s, int a, double gamma, double[] v) {
        double q = 0;
        int sa = index(s, a);
        for (int i = offsets[sa]; i < offsets[sa + 1]; i++) {
            double target = reward[i];
            if (!terminal[i]) {
                target += gamma * v[next[i]];
            }
            q += probability[i] * target;
        }
        return q;
    }

    private int index(int s, int a) {
        if (s < 0 || s >= states) {
            throw new IndexOutOfBoundsException("state " + s + " is not in [0, " + states + ")");
        }
        if (a < 0 || a >= actions) {
            throw new IndexOutOfBoundsException("action " + a + " is not in [0, " + actions + ")");
        }
        return s * actions + a;
    }

    private int markReachable() {
        // a state entered only by terminal outcomes is occupied but never acted in, so it is not expanded
        boolean[] expanded = new boolean[states];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s : startStates) {
            reachable[s] = true;
            if (!expanded[s]) {
                expanded[s] = true;
                queue.add(s);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int i = offsets[s * actions]; i < offsets[(s + 1) * actions]; i++) {
                int s2 = next[i];
                reachable[s2] = true;
                if (!terminal[i] && !expanded[s2]) {
                    expanded[s2] = true;
                    queue.add(s2);
                }
            }
        }
        int count = 0;
        for (boolean r : reachable) {
            count += r ? 1 : 0;
        }
        return count;
    }

    @Override
    public String toString() {
        return "TabularModel(states=" + states + ", actions=" + actions + ", outcomes=" + outcomes()
            + ", layout=" + rows + "x" + columns + ")";
    }

    /**
     * Builds a {@link TabularModel}: add the outcomes of (0, 0), (0, 1), ..., (S-1, A-1) in that
     * order with {@link #add}, the start distribution with {@link #start}, then {@link #build()}.
     * Not thread-safe; build once and share the model.
     */
    public static final class Builder {
        private final int states;
        private final int actions;
        private int rows = 1;
        private int columns;
        private final int[] offsets;
        private int current; // the (s, a) index being filled
        private int size;
        private double[] probability = new double[16];
        private int[] next = new int[16];
        private double[] reward = new double[16];
        private boolean[] terminal = new boolean[16];
        private int[] startStates = new int[4];
        private double[] startProbability = new double[4];
        private int startSize;

        Builder(int states, int actions) {
            this.states = states;
            this.actions = actions;
            this.columns = states;
            this.offsets = new int[states * actions + 1];
        }

        /**
         * Sets the grid layout used for heatmaps (default 1 x S).
         *
         * @param rows grid rows, at least 1
         * @param columns grid columns, at least 1, with rows * columns &lt;= S
         * @return this builder
         * @throws IllegalArgumentException if the layout does not fit
         */
        public Builder layout(int rows, int columns) {
            if (rows < 1 || columns < 1 || (long) rows * columns > states) {
                throw new IllegalArgumentException("layout " + rows + "x" + columns + " does not fit " + states
                    + " states");
            }
            this.rows = rows;
            this.columns = columns;
            return this;
        }

        /**
         * Adds an outcome of (s, a). Pairs must be filled in order (s ascending, then a ascending);
         * an outcome with probability 0 is skipped.
         *
         * @param s the state
         * @param a the action
         * @param p the probability, in [0, 1]
         * @param s2 the next state
         * @param r the reward, finite
         * @param isTerminal whether entering s2 ends the episode
         * @return this builder
         * @throws IllegalArgumentException on an out-of-order pair or a bad value
         */
        public Builder add(int s, int a, double p, int s2, double r, boolean isTerminal) {
            if (s < 0 || s >= states || a < 0 || a >= actions) {
                throw new IllegalArgumentException("(s, a) = (" + s + ", " + a + ") is out of range");
            }
            int sa = s * actions + a;
            if (sa < current) {
                throw new IllegalArgumentException("(s, a) = (" + s + ", " + a + ") added out of order");
            }
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probability of (" + s + ", " + a + ") is not in [0, 1]: " + p);
            }
            if (s2 < 0 || s2 >= states) {
                throw new IllegalArgumentException("next state of (" + s + ", " + a + ") is not in [0, " + states
                    + "): " + s2);
            }
            if (!Double.isFinite(r)) {
                throw new IllegalArgumentException("reward of (" + s + ", " + a + ") is not finite: " + r);
            }
            while (current < sa) {
                offsets[++current] = size;
            }
            if (p == 0) {
                return this;
            }
            if (size == probability.length) {
                int n = 2 * size;
                probability = Arrays.copyOf(probability, n);
                next = Arrays.copyOf(next, n);
                reward = Arrays.copyOf(reward, n);
                terminal = Arrays.copyOf(terminal, n);
            }
            probability[size] = p;
            next[size] = s2;
            reward[size] = r;
            terminal[size] = isTerminal;
            size++;
            offsets[sa + 1] = size;
            return this;
        }

        /**
         * Adds a start state with its probability (probability 0 is skipped).
         *
         * @param s the state
         * @param p the probability, in [0, 1]
         * @return this builder
         * @throws IllegalArgumentException on a bad state or probability
         */
        public Builder start(int s, double p) {
            if (s < 0 || s >= states) {
                throw new IllegalArgumentException("start state is not in [0, " + states + "): " + s);
            }
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("start probability of state " + s + " is not in [0, 1]: " + p);
            }
            if (p == 0) {
                return this;
            }
            if (startSize == startStates.length) {
                startStates = Arrays.copyOf(startStates, 2 * startSize);
                startProbability = Arrays.copyOf(startProbability, 2 * startSize);
            }
            startStates[startSize] = s;
            startProbability[startSize] = p;
            startSize++;
            return this;
        }

        /**
         * Builds the model, checking that every (s, a) has outcomes summing to 1 and that the start
         * distribution sums to 1 (each within {@link #SUM_TOLERANCE}).
         *
         * @return the model
         * @throws IllegalArgumentException naming the first (s, a) that is empty or does not sum to
         *     1, or a bad start distribution
         */
        public TabularModel build() {
            int pairs = states * actions;
            while (current < pairs) {
                offsets[++current] = size;
            }
            for (int sa = 0; sa < pairs; sa++) {
                int s = sa / actions;
                int a = sa % actions;
                if (offsets[sa + 1] == offsets[sa]) {
                    throw new IllegalArgumentException("(s, a) = (" + s + ", " + a + ") has no outcome");
                }
                double sum = 0;
                for (int i = offsets[sa]; i < offsets[sa + 1]; i++) {
                    sum += probability[i];
                }
                if (!(Math.abs(sum - 1) <= SUM_TOLERANCE)) {
                    throw new IllegalArgumentException("the probabilities of (s, a) = (" + s + ", " + a
                        + ") sum to " + sum + ", not 1");
                }
            }
            if (startSize == 0) {
                throw new IllegalArgumentException("the start distribution is empty");
            }
            double sum = 0;
            for (int j = 0; j < startSize; j++) {
                sum += startProbability[j];
            }
            if (!(Math.abs(sum - 1) <= SUM_TOLERANCE)) {
                throw new IllegalArgumentException("the start probabilities sum to " + sum + ", not 1");
            }
            return new TabularModel(this);
        }
    }
}
