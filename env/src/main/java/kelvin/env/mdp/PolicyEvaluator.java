package kelvin.env.mdp;

import java.util.Arrays;
import java.util.Objects;

/**
 * Exact evaluation of a (deterministic or stochastic) policy on a {@link TabularModel}: solves the
 * linear system
 * <pre>
 *   (I - gamma P_pi) V = r_pi,   P_pi(s, s') = sum_a pi(a|s) sum_{i: next_i = s', not terminal_i} p_i,
 *                                r_pi(s)     = sum_a pi(a|s) sum_i p_i r_i
 * </pre>
 * by direct elimination, so the values are exact up to floating-point round-off (no iteration, no
 * tolerance).
 *
 * <h2>Method</h2>
 * The graph s -&gt; s' of P_pi is split into strongly connected components (Tarjan 1972, iterative),
 * which come out sinks first; each component is solved as one small dense system (Gaussian
 * elimination with partial pivoting) once the values of the states it leads to are known. So a
 * deterministic or acyclic chain (deep sea, a greedy policy) costs O(S), and the dense work is
 * sum_C |C|^3 over the components C: at most a few milliseconds for the built-in maps under a fully
 * stochastic policy (one component of about 100 states). {@link #startValue} only visits the states
 * reachable from the start distribution under pi.
 *
 * <h2>gamma = 1</h2>
 * Allowed, for episodic MDPs. A component from which probability leaks (a terminal outcome, or an
 * edge to another component) has a non-singular block, so every state that terminates with
 * probability 1 gets its exact value. A closed component with no terminal outcome never ends: its
 * value is the total reward of an endless walk, reported as 0 if every reward in it is 0,
 * -infinity if all its rewards are &lt;= 0 and one is &lt; 0, +infinity if all are &gt;= 0 and one
 * is &gt; 0, and NaN if they have both signs (undefined or not computed). States that reach such a
 * component with positive probability inherit its infinity (NaN if they reach both signs). Example:
 * on cliff walking at gamma = 1, a greedy policy that walks into the top wall forever has value
 * -infinity.
 *
 * <p>Policies are given as a flat array pi[s * A + a] of probabilities (each row a distribution,
 * checked to 1e-9), or as one action per state. An evaluator reuses its work arrays: it is owned by
 * one thread, while the model stays shared.
 *
 * <p>References: R. E. Tarjan, "Depth-first search and linear graph algorithms", <i>SIAM Journal on
 * Computing</i> 1(2), 1972, 146-160; M. L. Puterman, <i>Markov Decision Processes</i>, Wiley, 1994,
 * section 6.1 (policy evaluation) and chapter 7 (total reward criterion).
 */
public final class PolicyEvaluator {

    private final TabularModel model;
    private final double gamma;
    private final int n;
    private final int k;
    // per-evaluation work arrays, reused
    private final double[] pi;
    private final int[] adjStart;
    private int[] adj;
    private final int[] index;
    private final int[] low;
    private final boolean[] onStack;
    private final int[] stack;
    private final int[] callNode;
    private final int[] callEdge;
    private final int[] component;
    private final int[] local;
    private final int[] members;
    private double[] matrix = new double[0];
    private double[] rhs = new double[0];

    private PolicyEvaluator(TabularModel model, double gamma) {
        this.model = model;
        this.gamma = gamma;
        this.n = model.states();
        this.k = model.actions();
        this.pi = new double[n * k];
        this.adjStart = new int[n + 1];
        this.adj = new int[Math.max(16, model.outcomes())];
        this.index = new int[n];
        this.low = new int[n];
        this.onStack = new boolean[n];
        this.stack = new int[n];
        this.callNode = new int[n];
        this.callEdge = new int[n];
        this.component = new int[n];
        this.local = new int[n];
        this.members = new int[n];
    }

    /**
     * An evaluator for one model and discount.
     *
     * @param model the MDP
     * @param gamma the discount, in [0, 1]
     * @return the evaluator (owned by one thread)
     * @throws IllegalArgumentException if gamma is outside [0, 1] or NaN
     */
    public static PolicyEvaluator of(TabularModel model, double gamma) {
        Objects.requireNonNull(model, "model");
        ValueIteration.checkGamma(gamma);
        return new PolicyEvaluator(model, gamma);
    }

    /**
     * The MDP whose policies this evaluator solves for.
     *
     * @return the model, shared and immutable
     */
    public TabularModel model() {
        return model;
    }

    /**
     * The discount of the values this evaluator computes.
     *
     * @return gamma, in [0, 1]
     */
    public double gamma() {
        return gamma;
    }

    /**
     * V_pi of every state.
     *
     * @param policy pi[s * A + a], each row a probability distribution
     * @return V_pi, length S
     * @throws IllegalArgumentException if {@code policy} has the wrong length or a row is not a
     *     distribution
     */
    public double[] values(double[] policy) {
        load(policy);
        return solve(false);
    }

    /**
     * V_pi of every state for a deterministic policy.
     *
     * @param actions the action taken in each state, length S
     * @return V_pi, length S
     * @throws IllegalArgumentException on a wrong length or an action out of range
     */
    public double[] values(int[] actions) {
        load(actions);
        return solve(false);
    }

    /**
     * The expected value at the start, sum_s mu_0(s) V_pi(s), solving only for the states reachable
     * from the start distribution under pi.
     *
     * @param policy pi[s * A + a], each row a probability distribution
     * @return the start value (possibly infinite or NaN at gamma = 1, see the class comment)
     * @throws IllegalArgumentException if {@code policy} is malformed
     */
    public double startValue(double[] policy) {
        load(policy);
        return weightByStart(solve(true));
    }

    /**
     * The expected start value of a deterministic policy.
     *
     * @param actions the action taken in each state, length S
     * @return the start value
     * @throws IllegalArgumentException on a wrong length or an action out of range
     */
    public double startValue(int[] actions) {
        load(actions);
        return weightByStart(solve(true));
    }

    private double weightByStart(double[] v) {
        double total = 0;
        for (int j = 0; j < model.startCount(); j++) {
            total += model.startProbability(j) * v[model.startState(j)];
        }
        return total;
    }

    private void load(double[] policy) {
        if (policy.length != n * k) {
            throw new IllegalArgumentException("policy has length " + policy.length + ", not S * A = " + n * k);
        }
        for (int s = 0; s < n; s++) {
            double sum = 0;
            for (int a = 0; a < k; a++) {
                double p = policy[s * k + a];
                if (!(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException("policy(" + a + " | " + s + ") is not in [0, 1]: " + p);
                }
                sum += p;
            }
            if (!(Math.abs(sum - 1) <= TabularModel.SUM_TOLERANCE)) {
                throw new IllegalArgumentException("policy(. | " + s + ") sums to " + sum + ", not 1");
            }
        }
        System.arraycopy(policy, 0, pi, 0, n * k);
    }

    private void load(int[] actions) {
        if (actions.length != n) {
            throw new IllegalArgumentException("actions has length " + actions.length + ", not S = " + n);
        }
        Arrays.fill(pi, 0.0);
        for (int s = 0; s < n; s++) {
            int a = actions[s];
            if (a < 0 || a >= k) {
                throw new IllegalArgumentException("action of state " + s + " is not in [0, " + k + "): " + a);
            }
            pi[s * k + a] = 1.0;
        }
    }

    /** Solves for all states, or only those reachable from the start support; others are NaN. */
    private double[] solve(boolean fromStart) {
        buildGraph();
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        Arrays.fill(index, -1);
        Arrays.fill(component, -1);
        Arrays.fill(onStack, false);
        Tarjan t = new Tarjan(v);
        if (fromStart) {
            for (int j = 0; j < model.startCount(); j++) {
                t.run(model.startState(j));
            }
        } else {
            for (int s = 0; s < n; s++) {
                t.run(s);
            }
        }
        return v;
    }

    private void buildGraph() {
        int e = 0;
        for (int s = 0; s < n; s++) {
            adjStart[s] = e;
            for (int a = 0; a < k; a++) {
                if (pi[s * k + a] > 0) {
                    for (int i = model.first(s, a); i < model.end(s, a); i++) {
                        if (!model.terminal(i)) {
                            if (e == adj.length) {
                                adj = Arrays.copyOf(adj, 2 * e);
                            }
                            adj[e++] = model.next(i);
                        }
                    }
                }
            }
        }
        adjStart[n] = e;
    }

    /** Iterative Tarjan; solves each component as it is completed (sinks first). */
    private final class Tarjan {
        private final double[] v;
        private int counter;
        private int top; // stack size
        private int components;

        Tarjan(double[] v) {
            this.v = v;
        }

        void run(int root) {
            if (index[root] >= 0) {
                return;
            }
            open(root);
            callNode[0] = root;
            callEdge[0] = adjStart[root];
            int depth = 1;
            while (depth > 0) {
                int x = callNode[depth - 1];
                if (callEdge[depth - 1] < adjStart[x + 1]) {
                    int y = adj[callEdge[depth - 1]++];
                    if (index[y] < 0) {
                        open(y);
                        callNode[depth] = y;
                        callEdge[depth] = adjStart[y];
                        depth++;
                    } else if (onStack[y]) {
                        low[x] = Math.min(low[x], index[y]);
                    }
                } else {
                    depth--;
                    if (depth > 0) {
                        int parent = callNode[depth - 1];
                        low[parent] = Math.min(low[parent], low[x]);
                    }
                    if (low[x] == index[x]) {
                        int size = 0;
                        int y;
                        do {
                            y = stack[--top];
                            onStack[y] = false;
                            component[y] = components;
                            local[y] = size;
                            members[size++] = y;
                        } while (y != x);
                        solveComponent(components, size, v);
                        components++;
                    }
                }
            }
        }

        private void open(int x) {
            index[x] = counter;
            low[x] = counter;
            counter++;
            stack[top++] = x;
            onStack[x] = true;
        }
    }

    private void solveComponent(int id, int size, double[] v) {
        if (matrix.length < size * size) {
            matrix = new double[size * size];
        }
        if (rhs.length < size) {
            rhs = new double[size];
        }
        Arrays.fill(matrix, 0, size * size, 0.0);
        boolean leaks = false;
        boolean positive = false;
        boolean negative = false;
        for (int m = 0; m < size; m++) {
            int s = members[m];
            double b = 0;
            matrix[m * size + m] = 1.0;
            for (int a = 0; a < k; a++) {
                double pa = pi[s * k + a];
                if (pa == 0) {
                    continue;
                }
                for (int i = model.first(s, a); i < model.end(s, a); i++) {
                    double w = pa * model.probability(i);
                    double r = model.reward(i);
                    b += w * r;
                    positive |= r > 0;
                    negative |= r < 0;
                    if (model.terminal(i)) {
                        leaks = true;
                        continue;
                    }
                    if (gamma == 0) {
                        continue;
                    }
                    int s2 = model.next(i);
                    if (component[s2] == id) {
                        matrix[m * size + local[s2]] -= gamma * w;
                    } else {
                        leaks = true;
                        b += gamma * w * v[s2];
                    }
                }
            }
            rhs[m] = b;
        }
        if (gamma == 1 && !leaks) {
            double value = positive && negative ? Double.NaN
                : positive ? Double.POSITIVE_INFINITY
                : negative ? Double.NEGATIVE_INFINITY : 0.0;
            for (int m = 0; m < size; m++) {
                v[members[m]] = value;
            }
            return;
        }
        boolean up = false;
        boolean down = false;
        boolean nan = false;
        for (int m = 0; m < size; m++) {
            double b = rhs[m];
            nan |= Double.isNaN(b);
            up |= b == Double.POSITIVE_INFINITY;
            down |= b == Double.NEGATIVE_INFINITY;
        }
        if (nan || up || down) {
            // every member reaches every other with positive probability (gamma > 0 here)
            double value = nan || (up && down) ? Double.NaN : up ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            for (int m = 0; m < size; m++) {
                v[members[m]] = value;
            }
            return;
        }
        gauss(size);
        for (int m = 0; m < size; m++) {
            v[members[m]] = rhs[m];
        }
    }

    /** Solves matrix x = rhs in place (the solution ends in rhs), partial pivoting. */
    private void gauss(int size) {
        double[] m = matrix;
        for (int c = 0; c < size; c++) {
            int pivot = c;
            double best = Math.abs(m[c * size + c]);
            for (int r = c + 1; r < size; r++) {
                double x = Math.abs(m[r * size + c]);
                if (x > best) {
                    best = x;
                    pivot = r;
                }
            }
            if (best == 0) {
                throw new ArithmeticException("singular policy-evaluation system (column " + c + ")");
            }
            if (pivot != c) {
                for (int j = c; j < size; j++) {
                    double t = m[c * size + j];
                    m[c * size + j] = m[pivot * size + j];
                    m[pivot * size + j] = t;
                }
                double t = rhs[c];
                rhs[c] = rhs[pivot];
                rhs[pivot] = t;
            }
            double d = m[c * size + c];
            for (int r = c + 1; r < size; r++) {
                double f = m[r * size + c] / d;
                if (f != 0) {
                    for (int j = c + 1; j < size; j++) {
                        m[r * size + j] -= f * m[c * size + j];
                    }
                    rhs[r] -= f * rhs[c];
                }
            }
        }
        for (int c = size - 1; c >= 0; c--) {
            double x = rhs[c];
            for (int j = c + 1; j < size; j++) {
                x -= m[c * size + j] * rhs[j];
            }
            rhs[c] = x / m[c * size + c];
        }
    }
}
