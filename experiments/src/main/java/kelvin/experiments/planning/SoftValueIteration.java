package kelvin.experiments.planning;

import java.util.Arrays;
import java.util.Objects;
import kelvin.agents.softmax.Softmax;
import kelvin.agents.tabular.SoftQLearning;
import kelvin.env.mdp.PolicyEvaluator;
import kelvin.env.mdp.TabularModel;
import kelvin.env.mdp.ValueIteration;

/**
 * Soft (entropy-regularised) value iteration on a {@link TabularModel}: the soft-optimal values
 * V_T and Q_T at a temperature T, the soft-optimal policy softmax(Q_T / T), and that policy's true
 * (unregularised) values and entropies. {@link SoftQLearning} converges to this Q_T.
 *
 * <h2>Equations</h2>
 * <pre>
 *   Q_T(s, a) = sum_i p_i (r_i + gamma V_T(next_i) [not terminal_i])
 *   V_T(s)    = T ln sum_a exp(Q_T(s, a) / T)                   ({@link Softmax#logSumExp})
 *             = max_pi sum_a pi(a|s) Q_T(s, a) + T H(pi(.|s))
 *   pi_T(a|s) = exp((Q_T(s, a) - V_T(s)) / T)                   ({@link Softmax#probabilities})
 * </pre>
 * V_T is the value of the best policy when every step also pays T times the entropy (in nats) of
 * the policy's choice in the state it leaves: the entropy-regularised Bellman equation, whose
 * maximiser is pi_T (Fox, Pakman &amp; Tishby 2016; Haarnoja, Tang, Abbeel &amp; Levine 2017,
 * "Reinforcement learning with deep energy-based policies", ICML). Limits: T = 0 is the hard max,
 * so V_0 = V* and the sweeps are exactly {@link ValueIteration}'s (the same values). As T grows,
 * the bonus dominates the rewards and pi_T tends to the policy with the most discounted entropy.
 * In a continuing MDP (RiverSwim) that is the uniform policy: its true value tends to the uniform
 * policy's value V_u and V_T - T ln A / (1 - gamma) to V_u, both with errors of order 1/T. In an
 * episodic MDP the bonus stops at termination, so the limit policy also prolongs the episodes:
 * on the frozen lakes it avoids holes more than the uniform policy does, its mean entropy stays
 * below ln A, and V_T exceeds the uniform policy's entropy-regularised value by an amount
 * proportional to T.
 *
 * <h2>Algorithm and stopping</h2>
 * Synchronous sweeps from V_0 = 0, stopped by value iteration's rule: the first sweep whose largest
 * change is at most tolerance * max(1, max_s |V(s)|). The soft Bellman operator is a gamma
 * contraction in the max norm like the hard one (log-sum-exp is monotone and shifts by c when all
 * its arguments do), so for gamma &lt; 1 the error bound of {@link ValueIteration} holds. Q_T is the
 * one-step lookahead of the final V_T; pi_T, the most likely action (lowest index on exact ties) and
 * the entropies come from Q_T. The true values V^{pi_T} are solved exactly by
 * {@link PolicyEvaluator}.
 *
 * <h2>gamma = 1 and truncation</h2>
 * The values are those of the infinite-horizon MDP, as for {@link ValueIteration}: a run's step
 * limit (truncation) is not part of the model, and soft Q-learning bootstraps through it. At
 * gamma = 1 the soft values are finite only when no endless walk earns a positive reward plus
 * entropy bonus per step. That fails on the frozen lakes for every T &gt; 0 (in the top row, "up"
 * bounces off the wall, so a policy that mostly goes up stays there for about 1/epsilon steps while
 * earning the bonus epsilon ln(1/epsilon) per step: unbounded as epsilon -&gt; 0), and on cliff
 * walking once T ln 4 &gt; 1 (the bonus outweighs the step cost). Then the sweeps grow without
 * bound and {@link #solve} throws after {@code maxSweeps}; use gamma &lt; 1.
 *
 * <p>References: R. Fox, A. Pakman and N. Tishby, "Taming the noise in reinforcement learning via
 * soft updates", <i>Proceedings of the 32nd Conference on Uncertainty in Artificial Intelligence</i>
 * (UAI 2016), 202-211, arXiv:1512.08562; B. D. Ziebart, <i>Modeling Purposeful Adaptive Behavior
 * with the Principle of Maximum Causal Entropy</i>, PhD thesis, Carnegie Mellon University, 2010,
 * chapter 6 (soft value iteration).
 */
public final class SoftValueIteration {

    private SoftValueIteration() {
    }

    /**
     * The soft-optimal solution with value iteration's default tolerance and sweep cap.
     *
     * @param model the MDP
     * @param gamma the discount, in [0, 1]
     * @param temperature T, finite and &gt;= 0 (0 is the hard max of value iteration)
     * @return the solution
     * @throws IllegalArgumentException on a bad parameter
     * @throws IllegalStateException if the values have not converged after the sweep cap
     */
    public static Solution solve(TabularModel model, double gamma, double temperature) {
        return solve(model, gamma, temperature, ValueIteration.DEFAULT_TOLERANCE, ValueIteration.DEFAULT_MAX_SWEEPS);
    }

    /**
     * The soft-optimal solution.
     *
     * @param model the MDP
     * @param gamma the discount, in [0, 1]
     * @param temperature T, finite and &gt;= 0 (0 is the hard max of value iteration)
     * @param tolerance the relative stopping tolerance, &gt; 0
     * @param maxSweeps the cap on the number of sweeps, at least 1
     * @return the solution
     * @throws IllegalArgumentException on a bad parameter
     * @throws IllegalStateException if the values have not converged after {@code maxSweeps}, or
     *     have overflowed
     */
    public static Solution solve(TabularModel model, double gamma, double temperature, double tolerance,
        int maxSweeps) {
        Objects.requireNonNull(model, "model");
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma is not in [0, 1]: " + gamma);
        }
        if (!(temperature >= 0 && temperature < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("temperature is not finite and >= 0: " + temperature);
        }
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
        double[] row = new double[k];
        int sweeps = 0;
        double residual;
        do {
            if (sweeps == maxSweeps) {
                throw new IllegalStateException("soft value iteration did not converge in " + maxSweeps
                    + " sweeps (gamma = " + gamma + ", T = " + temperature + "); with gamma = 1 some endless walk "
                    + "may earn reward plus entropy bonus forever");
            }
            residual = 0;
            double scale = 1;
            for (int s = 0; s < n; s++) {
                for (int a = 0; a < k; a++) {
                    row[a] = model.backup(s, a, gamma, v);
                }
                double soft = logSumExp(row, k, temperature, sweeps);
                w[s] = soft;
                residual = Math.max(residual, Math.abs(soft - v[s]));
                scale = Math.max(scale, Math.abs(soft));
            }
            double[] t = v;
            v = w;
            w = t;
            sweeps++;
            residual /= scale;
        } while (residual > tolerance);
        return new Solution(model, gamma, temperature, v, lookahead(model, gamma, v), sweeps, residual);
    }

    /** The soft maximum of one state's row, or a clear failure once the values have overflowed. */
    private static double logSumExp(double[] row, int k, double temperature, int sweeps) {
        for (int a = 0; a < k; a++) {
            if (!Double.isFinite(row[a])) {
                throw new IllegalStateException("soft value iteration diverged after " + sweeps + " sweeps (T = "
                    + temperature + ")");
            }
        }
        return Softmax.logSumExp(row, k, temperature);
    }

    private static double[] lookahead(TabularModel model, double gamma, double[] v) {
        int k = model.actions();
        double[] q = new double[model.states() * k];
        for (int s = 0; s < model.states(); s++) {
            for (int a = 0; a < k; a++) {
                q[s * k + a] = model.backup(s, a, gamma, v);
            }
        }
        return q;
    }

    /**
     * A model with the same transitions and start distribution whose every outcome of (s, a) pays
     * x[s]: its policy values are the expected discounted sums of x along the episode.
     */
    private static TabularModel paying(TabularModel model, double[] x) {
        int k = model.actions();
        TabularModel.Builder b = TabularModel.builder(model.states(), k);
        for (int s = 0; s < model.states(); s++) {
            for (int a = 0; a < k; a++) {
                for (int i = model.first(s, a); i < model.end(s, a); i++) {
                    b.add(s, a, model.probability(i), model.next(i), x[s], model.terminal(i));
                }
            }
        }
        for (int j = 0; j < model.startCount(); j++) {
            b.start(model.startState(j), model.startProbability(j));
        }
        return b.build();
    }

    /** The result of soft value iteration. Arrays are copied on the way out. */
    public static final class Solution {
        private final TabularModel model;
        private final double gamma;
        private final double temperature;
        private final double[] values;
        private final double[] q;
        private final double[] pi;
        private final int[] likeliest;
        private final double[] entropies;
        private final double[] trueValues;
        private final int sweeps;
        private final double residual;

        Solution(TabularModel model, double gamma, double temperature, double[] values, double[] q, int sweeps,
            double residual) {
            this.model = model;
            this.gamma = gamma;
            this.temperature = temperature;
            this.values = values;
            this.q = q;
            this.sweeps = sweeps;
            this.residual = residual;
            int n = model.states();
            int k = model.actions();
            this.pi = new double[n * k];
            this.likeliest = new int[n];
            this.entropies = new double[n];
            double[] row = new double[k];
            double[] p = new double[k];
            for (int s = 0; s < n; s++) {
                System.arraycopy(q, s * k, row, 0, k);
                Softmax.probabilities(row, k, temperature, p);
                System.arraycopy(p, 0, pi, s * k, k);
                entropies[s] = Softmax.entropy(row, k, temperature);
                int best = 0;
                for (int a = 1; a < k; a++) {
                    if (row[a] > row[best]) {
                        best = a;
                    }
                }
                likeliest[s] = best;
            }
            this.trueValues = PolicyEvaluator.of(model, gamma).values(pi);
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
         * The temperature of the entropy bonus.
         *
         * @return T, finite and &gt;= 0
         */
        public double temperature() {
            return temperature;
        }

        /**
         * The soft-optimal value of a state, T ln sum_a exp(Q_T(s, a) / T).
         *
         * @param s a state in [0, S)
         * @return V_T(s)
         */
        public double value(int s) {
            return values[s];
        }

        /**
         * The soft-optimal values of all states.
         *
         * @return a copy of V_T, length S
         */
        public double[] values() {
            return values.clone();
        }

        /**
         * The soft-optimal value at the start, averaged over the start distribution.
         *
         * @return sum_s mu_0(s) V_T(s)
         */
        public double startValue() {
            return atStart(values);
        }

        /**
         * The soft-optimal action value, the one-step lookahead of the final V_T.
         *
         * @param s a state in [0, S)
         * @param a an action in [0, A)
         * @return Q_T(s, a)
         */
        public double q(int s, int a) {
            return q[s * model.actions() + a];
        }

        /**
         * The soft-optimal action values of all state-action pairs.
         *
         * @return a copy of Q_T, length S * A, Q_T(s, a) at index s * A + a
         */
        public double[] qValues() {
            return q.clone();
        }

        /**
         * The soft-optimal policy, softmax(Q_T(s, .) / T) in every state.
         *
         * @return a copy of pi_T, length S * A, pi_T(a | s) at index s * A + a
         */
        public double[] probabilities() {
            return pi.clone();
        }

        /**
         * The probability of an action under the soft-optimal policy.
         *
         * @param s a state in [0, S)
         * @param a an action in [0, A)
         * @return pi_T(a | s)
         */
        public double probability(int s, int a) {
            return pi[s * model.actions() + a];
        }

        /**
         * The soft-optimal policy's most likely action in a state: argmax_a Q_T(s, a), lowest index on
         * exact ties.
         *
         * @param s a state in [0, S)
         * @return the action
         */
        public int action(int s) {
            return likeliest[s];
        }

        /**
         * The most likely action of every state.
         *
         * @return a copy, length S
         */
        public int[] policy() {
            return likeliest.clone();
        }

        /**
         * The entropy of the soft-optimal policy's choice in a state.
         *
         * @param s a state in [0, S)
         * @return H(pi_T(. | s)) in nats, in [0, ln A]
         */
        public double entropy(int s) {
            return entropies[s];
        }

        /**
         * The entropies of the soft-optimal policy in all states.
         *
         * @return a copy, length S, in nats
         */
        public double[] entropies() {
            return entropies.clone();
        }

        /**
         * The true (unregularised) value of the soft-optimal policy in a state: its expected
         * discounted return, without the entropy bonus, solved exactly.
         *
         * @param s a state in [0, S)
         * @return V^{pi_T}(s), at most V*(s); infinite or NaN at gamma = 1 as {@link PolicyEvaluator}
         *     says
         */
        public double trueValue(int s) {
            return trueValues[s];
        }

        /**
         * The true values of the soft-optimal policy in all states.
         *
         * @return a copy of V^{pi_T}, length S
         */
        public double[] trueValues() {
            return trueValues.clone();
        }

        /**
         * The true value of the soft-optimal policy at the start.
         *
         * @return sum_s mu_0(s) V^{pi_T}(s)
         */
        public double trueStartValue() {
            return atStart(trueValues);
        }

        /**
         * The mean entropy of the soft-optimal policy's choices along its episodes from the start,
         * each step weighted by its discount: E[sum_t gamma^t H(s_t)] / E[sum_t gamma^t], the sums
         * running over the steps before termination, both solved exactly. At gamma = 1 this is the
         * mean entropy per step over episodes (a ratio of expectations).
         *
         * @return the mean entropy in nats, in [0, ln A]; NaN if the policy's episodes are endless
         *     at gamma = 1
         */
        public double meanEntropy() {
            double[] ones = new double[model.states()];
            Arrays.fill(ones, 1.0);
            double steps = PolicyEvaluator.of(paying(model, ones), gamma).startValue(pi);
            double bonus = PolicyEvaluator.of(paying(model, entropies), gamma).startValue(pi);
            return Double.isFinite(steps) && steps > 0 ? bonus / steps : Double.NaN;
        }

        /**
         * How many sweeps soft value iteration took to meet its tolerance.
         *
         * @return the number of sweeps, at least 1
         */
        public int sweeps() {
            return sweeps;
        }

        /**
         * The change of the last sweep relative to the scale of the values.
         *
         * @return max_s |V_k(s) - V_{k-1}(s)| / max(1, max_s |V_k(s)|), at most the tolerance
         */
        public double residual() {
            return residual;
        }

        private double atStart(double[] v) {
            double total = 0;
            for (int j = 0; j < model.startCount(); j++) {
                total += model.startProbability(j) * v[model.startState(j)];
            }
            return total;
        }
    }
}
