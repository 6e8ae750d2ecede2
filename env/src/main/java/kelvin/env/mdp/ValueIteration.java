package kelvin.env.mdp;

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
 * gamma = 0.99. Q* is the one-step lookahead of the final V, and the greedy policy takes, in every
 * state, the lowest-index action whose Q is within 1e-9 * max(1, |Q|) of the maximum
 * ({@link Solution#isOptimal(int, int)} uses the same tie tolerance).
 *
 * <h2>gamma = 1</h2>
 * Allowed. Starting from V_0 = 0 the iterates are the optimal k-step values, which converge when
 * termination is certain under good policies (cliff walking: exact after 13 + a few sweeps) or when
 * every non-terminating loop earns 0 (frozen lake: the values are success probabilities). If the
 * residual has not met the tolerance after {@code maxSweeps} sweeps (default 100000), e.g. a loop
 * with positive reward at gamma = 1, {@link #solve} throws. Note that at gamma = 1 a zero-reward
 * self-loop can tie with the optimal action, so the greedy policy of V* need not terminate; use
 * gamma &lt; 1 when that matters.
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
        int[] policy = new int[n];
        for (int s = 0; s < n; s++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < k; a++) {
                q[s * k + a] = model.backup(s, a, gamma, v);
                best = Math.max(best, q[s * k + a]);
            }
            for (int a = 0; a < k; a++) {
                if (tied(q[s * k + a], best)) {
                    policy[s] = a;
                    break;
                }
            }
        }
        return new Solution(model, gamma, v, q, policy, sweeps, residual);
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

        /** The model solved. */
        public TabularModel model() {
            return model;
        }

        /** The discount. */
        public double gamma() {
            return gamma;
        }

        /** V*(s). */
        public double value(int s) {
            return values[s];
        }

        /** V* for every state (a copy). */
        public double[] values() {
            return values.clone();
        }

        /** Q*(s, a). */
        public double q(int s, int a) {
            return q[s * model.actions() + a];
        }

        /** Q* as a flat array, index s * A + a (a copy). */
        public double[] qValues() {
            return q.clone();
        }

        /** The greedy optimal action in s (lowest index among the tied best). */
        public int action(int s) {
            return policy[s];
        }

        /** The greedy optimal action of every state (a copy). */
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

        /** The expected optimal value at the start: sum_s mu_0(s) V*(s). */
        public double startValue() {
            double v = 0;
            for (int j = 0; j < model.startCount(); j++) {
                v += model.startProbability(j) * values[model.startState(j)];
            }
            return v;
        }

        /** The number of sweeps performed. */
        public int sweeps() {
            return sweeps;
        }

        /** The final relative residual, max |V_k - V_{k-1}| / max(1, max |V_k|). */
        public double residual() {
            return residual;
        }
    }
}
