package kelvin.env.mdp;

import java.util.Arrays;
import java.util.Objects;

/**
 * Value iteration on a {@link TabularModel}: V*, Q*, a greedy optimal policy, and optimal
 * finite-horizon values.
 *
 * <h2>Algorithm</h2>
 * Synchronous (Jacobi) sweeps from V_0 = 0:
 * <pre>
 *   V_{k+1}(s) = max_a sum_i p_i (r_i + gamma V_k(next_i) [not terminal_i])
 * </pre>
 * stopped at the first k with max_s |V_{k+1}(s) - V_k(s)| &lt;= tolerance * max(1, max_s |V_{k+1}(s)|)
 * (a tolerance relative to the scale of the values, so RiverSwim's 10000 rewards converge as well as
 * FrozenLake's 1). Default tolerance 1e-12; for gamma &lt; 1 the error of V is then at most
 * gamma / (1 - gamma) times that residual (Puterman 1994, Theorem 6.3.1): 1e-10 relative at
 * gamma = 0.99. Q* is the one-step lookahead of the final V. An action is optimal when its Q is
 * within 1e-9 * max(1, |Q|) of the maximum ({@link Solution#isOptimal(int, int)}). The greedy
 * policy breaks ties towards termination: among the optimal actions it takes the lowest-index one
 * that has a terminal outcome or reaches, with positive probability, a state closer to termination
 * (counted in steps along optimal actions); states that cannot terminate under optimal actions
 * (RiverSwim, walls) take their lowest-index optimal action. From every other state the greedy
 * policy then terminates with positive probability within as many steps as there are layers; when
 * it cannot lead into a state of the first kind (true on every built-in episodic map) it terminates
 * with probability 1, so even at gamma = 1 its exact value is V*. Plain lowest-index tie-breaking
 * would fail there: on FrozenLake at gamma = 1, "up" along the top row ties with the optimal action
 * and loops forever.
 *
 * <h2>gamma = 1</h2>
 * Allowed. Starting from V_0 = 0 the iterates are the optimal k-step values, which converge when
 * termination is certain under good policies (cliff walking: exact after 13 + a few sweeps) or when
 * every non-terminating loop earns 0 (frozen lake: the values are success probabilities). If the
 * residual has not met the tolerance after {@code maxSweeps} sweeps (default 100000), e.g. a loop
 * with positive reward at gamma = 1, {@link #solve} throws. At gamma = 1 the convergence can be slow
 * and the residual rule is no longer an error bound: FrozenLake 4x4 stops after about 1000 sweeps
 * with V*(start) about 2e-11 below its exact value.
 *
 * <p>Reference: R. Bellman, <i>Dynamic Programming</i>, Princeton University Press, 1957;
 * M. L. Puterman, <i>Markov Decision Processes</i>, Wiley, 1994, section 6.3; R. S. Sutton and
 * A. G. Barto, <i>Reinforcement Learning: An Introduction</i>, 2nd ed., 2018, section 4.4.
 */
public final class ValueIteration {

    /** The default relative stopping tolerance. */
    public static final double DEFAULT_TOLERANCE = 1e-12;
    /** The default cap on the number of sweeps. */
    public static final int DEFAULT_MAX_SWEEPS = 100_000;
    /** The relative tolerance under which two action values count as tied. */
    public static final double TIE_TOLERANCE = 1e-9;

    private ValueIteration() {
    }

    /**
     * V*, Q* and a greedy optimal policy with the default tolerance and sweep cap.
     *
     * @param model the MDP
     * @param gamma the discount, in [0, 1]
     * @return the solution
     * @throws IllegalArgumentException if gamma is outside [0, 1] or NaN
     * @throws IllegalStateException if the values have not converged after the sweep cap
     */
    public static Solution solve(TabularModel model, double gamma) {
        return solve(model, gamma, DEFAULT_TOLERANCE, DEFAULT_MAX_SWEEPS);
    }

    /**
     * V*, Q* and a greedy optimal policy.
     *
     * @param model the MDP
     * @param gamma the discount, in [0, 1]
     * @param tolerance the relative stopping tolerance, &gt; 0
     * @param maxSweeps the cap on the number of sweeps, at least 1
     * @return the solution
     * @throws IllegalArgumentException on a bad parameter
     * @throws IllegalStateException if the values have not converged after {@code maxSweeps}
     */
    public static Solution solve(TabularModel model, double gamma, double tolerance, int maxSweeps) {
        Objects.requireNonNull(model, "model");
        checkGamma(gamma);
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance is not positive: " + tolerance);
        }
        if (maxSweeps < 1) {
            throw new IllegalArgumentException("maxSweeps is not at least 1: " + maxSweeps);
        }
        int n = model.states();
        int k = model.actions();
        double[] v = new double[n];
        double[] w = new double[n];
        int sweeps = 0;
        double residual;
        do {
            if (sweeps == maxSweeps) {
                throw new IllegalStateException("value iteration did not converge in " + maxSweeps
                    + " sweeps (gamma = " + gamma + "); with gamma = 1 some loop may earn a non-zero reward forever");
            }
            residual = 0;
            double scale = 1;
            for (int s = 0; s < n; s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < k; a++) {
                    best = Math.max(best, model.backup(s, a, gamma, v));
                }
                w[s] = best;
                residual = Math.max(residual, Math.abs(best - v[s]));
                scale = Math.max(scale, Math.abs(best));
            }
            double[] t = v;
            v = w;
            w = t;
            sweeps++;
            if (!Double.isFinite(residual)) {
                throw new IllegalStateException("value iteration diverged after " + sweeps + " sweeps (gamma = "
                    + gamma + ")");
            }
            residual /= scale;
        } while (residual > tolerance);
        double[] q = new double[n * k];
        boolean[] optimal = new boolean[n * k];
        for (int s = 0; s < n; s++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < k; a++) {
                q[s * k + a] = model.backup(s, a, gamma, v);
                best = Math.max(best, q[s * k + a]);
            }
            for (int a = 0; a < k; a++) {
                optimal[s * k + a] = tied(q[s * k + a], best);
            }
        }
        return new Solution(model, gamma, v, q, greedyTowardsTermination(model, optimal), sweeps, residual);
    }

    /**
     * Breaks ties among the optimal actions towards termination: layer 0 holds the states with an
     * optimal action that has a terminal outcome; layer j the states with an optimal action that
     * reaches layer &lt; j with positive probability; each layered state takes the lowest-index such
     * action, every other state its lowest-index optimal action. From every layered state the policy
     * terminates within (number of layers) steps with positive probability; if it never leads to an
     * unlayered state, it terminates with probability 1 (it is proper), and then at gamma = 1 its
     * value is V*, the unique fixed point of its Bellman operator.
     */
    private static int[] greedyTowardsTermination(TabularModel model, boolean[] optimal) {
        int n = model.states();
        int k = model.actions();
        int[] policy = new int[n];
        int[] layer = new int[n];
        Arrays.fill(layer, Integer.MAX_VALUE);
        for (int s = 0; s < n; s++) {
            policy[s] = -1;
            for (int a = 0; a < k; a++) {
                if (!optimal[s * k + a]) {
                    continue;
                }
                if (policy[s] < 0) {
                    policy[s] = a;
                }
                if (reaches(model, s, a, layer, 0)) {
                    policy[s] = a;
                    layer[s] = 0;
                    break;
                }
            }
        }
        for (int j = 1; ; j++) {
            boolean changed = false;
            for (int s = 0; s < n; s++) {
                if (layer[s] != Integer.MAX_VALUE) {
                    continue;
                }
                for (int a = 0; a < k; a++) {
                    if (optimal[s * k + a] && reaches(model, s, a, layer, j)) {
                        policy[s] = a;
                        layer[s] = j;
                        changed = true;
                        break;
                    }
                }
            }
            if (!changed) {
                return policy;
            }
        }
    }

    /** Whether (s, a) has a terminal outcome, or an outcome into a state of layer below j. */
    private static boolean reaches(TabularModel model, int s, int a, int[] layer, int j) {
        for (int i = model.first(s, a); i < model.end(s, a); i++) {
            if (model.terminal(i) || layer[model.next(i)] < j) {
                return true;
            }
        }
        return false;
    }

    /**
     * Optimal finite-horizon values by backward induction: V_0 = 0 and
     * V_h(s) = max_a sum_i p_i (r_i + gamma V_{h-1}(next_i) [not terminal_i]); returns V_H, the best
     * expected discounted sum of the next H rewards from each state (an episode cut after H steps,
     * e.g. RiverSwim osband with H = 20 and gamma = 1).
     *
     * @param model the MDP
     * @param gamma the discount, in [0, 1]
     * @param horizon H, at least 0
     * @return V_H, length S
     * @throws IllegalArgumentException on a bad parameter
     */
    public static double[] finiteHorizon(TabularModel model, double gamma, int horizon) {
        Objects.requireNonNull(model, "model");
        checkGamma(gamma);
        if (horizon < 0) {
            throw new IllegalArgumentException("horizon is negative: " + horizon);
        }
        int n = model.states();
        double[] v = new double[n];
        double[] w = new double[n];
        for (int h = 0; h < horizon; h++) {
            for (int s = 0; s < n; s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < model.actions(); a++) {
                    best = Math.max(best, model.backup(s, a, gamma, v));
                }
                w[s] = best;
            }
            double[] t = v;
            v = w;
            w = t;
        }
        return v;
    }

    static void checkGamma(double gamma) {
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma is not in [0, 1]: " + gamma);
        }
    }

    static boolean tied(double q, double best) {
        return best - q <= TIE_TOLERANCE * Math.max(1, Math.abs(best));
    }

    /** The result of value iteration. Arrays are copied on the way out. */
    public static final class Solution {
        private final TabularModel model;
        private final double gamma;
        private final double[] values;
        private final double[] q;
        private final int[] policy;
        private final int sweeps;
        private final double residual;

        Solution(TabularModel model, double gamma, double[] values, double[] q, int[] policy, int sweeps,
            double residual) {
            this.model = model;
            this.gamma = gamma;
            this.values = values;
            this.q = q;
            this.policy = policy;
            this.sweeps = sweeps;
            this.residual = residual;
        }

        /**
         * The MDP this solution belongs to.
         *
         * @return the model solved
         */
        public TabularModel model() {
            return model;
        }

        /**
         * The discount the values were computed with.
         *
         * @return gamma, in [0, 1]
         */
        public double gamma() {
            return gamma;
        }

        /**
         * The optimal value of a state: the best expected discounted return from it.
         *
         * @param s a state in [0, S)
         * @return V*(s)
         */
        public double value(int s) {
            return values[s];
        }

        /**
         * The optimal values of all states.
         *
         * @return a copy of V*, length S, V*(s) at index s
         */
        public double[] values() {
            return values.clone();
        }

        /**
         * The optimal action value: the expected discounted return of taking a in s and acting
         * optimally afterwards, the one-step lookahead of the final V*.
         *
         * @param s a state in [0, S)
         * @param a an action in [0, A)
         * @return Q*(s, a)
         */
        public double q(int s, int a) {
            return q[s * model.actions() + a];
        }

        /**
         * The optimal action values of all state-action pairs.
         *
         * @return a copy of Q* as a flat array of length S * A, Q*(s, a) at index s * A + a
         */
        public double[] qValues() {
            return q.clone();
        }

        /**
         * The action of the greedy optimal policy in a state; ties among optimal actions are broken
         * towards termination (see the class comment).
         *
         * @param s a state in [0, S)
         * @return an optimal action in [0, A)
         */
        public int action(int s) {
            return policy[s];
        }

        /**
         * The greedy optimal policy as one action per state, ties broken towards termination.
         *
         * @return a copy, length S, the action of state s at index s
         */
        public int[] policy() {
            return policy.clone();
        }

        /**
         * Whether a is optimal in s: Q*(s, a) is within the tie tolerance of max_b Q*(s, b).
         *
         * @param s the state
         * @param a the action
         * @return whether a is an optimal action
         */
        public boolean isOptimal(int s, int a) {
            int k = model.actions();
            double best = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < k; b++) {
                best = Math.max(best, q[s * k + b]);
            }
            return tied(q[s * k + a], best);
        }

        /**
         * The optimal expected discounted return from the start, averaged over the start
         * distribution.
         *
         * @return sum_s mu_0(s) V*(s)
         */
        public double startValue() {
            double v = 0;
            for (int j = 0; j < model.startCount(); j++) {
                v += model.startProbability(j) * values[model.startState(j)];
            }
            return v;
        }

        /**
         * How many synchronous sweeps value iteration took to meet its tolerance.
         *
         * @return the number of sweeps performed, at least 1
         */
        public int sweeps() {
            return sweeps;
        }

        /**
         * The change of the last sweep relative to the scale of the values, the quantity the
         * stopping rule compares with the tolerance.
         *
         * @return max_s |V_k(s) - V_{k-1}(s)| / max(1, max_s |V_k(s)|), at most the tolerance
         */
        public double residual() {
            return residual;
        }
    }
}
