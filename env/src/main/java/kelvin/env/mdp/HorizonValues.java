package kelvin.env.mdp;

import java.util.Arrays;
import java.util.Objects;

/**
 * Values over an episode cut after H steps, the way an experiment with {@code max-steps} = H runs
 * its episodes: V_0 = 0 and V_h(s) = sum over the policy (or the best action) of
 * sum_i p_i (r_i + gamma V_{h-1}(next_i) [not terminal_i]), evaluated from the start distribution.
 * These are always finite, also at gamma = 1 for a policy that never terminates, which is why
 * Kelvin's {@code greedy-value} and regret use them. The iteration stops early once no value changes
 * by more than 1e-12 (relative), after which V_H equals the current values to that tolerance.
 */
public final class HorizonValues {
    private static final double TOLERANCE = 1e-12;

    private HorizonValues() {
    }

    /**
     * The best expected discounted return from the start over at most {@code horizon} steps: V_H
     * with the best action in every backup, weighted by the start distribution: the most any
     * policy can earn in expectation per episode when episodes are truncated after H steps.
     *
     * @param model the MDP
     * @param gamma the discount, in [0, 1]
     * @param horizon H, the step limit of an episode, at least 0 (0 gives 0)
     * @return sum_s mu_0(s) V_H(s), finite
     * @throws NullPointerException if {@code model} is null
     * @throws IllegalArgumentException if {@code gamma} is outside [0, 1] or NaN, or
     *     {@code horizon} is negative
     */
    public static double optimalStart(TabularModel model, double gamma, int horizon) {
        return start(model, iterate(model, gamma, horizon, null));
    }

    /**
     * The expected discounted return from the start over at most {@code horizon} steps of the
     * stochastic policy {@code pi} (indexed s * A + a, rows summing to 1). When the start, the policy
     * and every move on the path are deterministic, the single episode is walked (exact, O(S));
     * otherwise V_H is iterated under pi.
     *
     * @param model the MDP
     * @param gamma the discount, in [0, 1]
     * @param pi the policy's action probabilities pi[s * A + a], at least S * A entries; the rows
     *     are not checked
     * @param horizon H, the step limit of an episode, at least 0 (0 gives 0)
     * @return sum_s mu_0(s) V_H^pi(s), finite when the rows of {@code pi} are distributions
     * @throws NullPointerException if {@code pi} or {@code model} is null
     * @throws IllegalArgumentException if {@code pi} has fewer than S * A entries, {@code gamma} is
     *     outside [0, 1] or NaN, or {@code horizon} is negative
     */
    public static double policyStart(TabularModel model, double gamma, double[] pi, int horizon) {
        Objects.requireNonNull(pi, "pi");
        if (pi.length < model.states() * model.actions()) {
            throw new IllegalArgumentException("pi has " + pi.length + " entries; expected "
                    + model.states() * model.actions());
        }
        ValueIteration.checkGamma(gamma);
        if (horizon < 0) {
            throw new IllegalArgumentException("horizon is negative: " + horizon);
        }
        double path = deterministicPath(model, gamma, pi, horizon);
        return Double.isNaN(path) ? start(model, iterate(model, gamma, horizon, pi)) : path;
    }

    /**
     * The same value, walked instead of iterated, when the start state, the policy and the moves are
     * all deterministic (most gridworlds with a greedy policy): the episode is one path, which either
     * terminates or enters a cycle; a cycle is summed in whole laps. NaN when anything on the path is
     * random. Walking is exact and costs O(states), where iterating a policy that never terminates
     * would cost O(horizon x states).
     */
    private static double deterministicPath(TabularModel model, double gamma, double[] pi, int horizon) {
        if (model.startCount() != 1) {
            return Double.NaN;
        }
        int actions = model.actions();
        int n = model.states();
        int[] firstSeen = new int[n];
        Arrays.fill(firstSeen, -1);
        double[] rewards = new double[n + 1];
        int s = model.startState(0);
        int steps = 0;
        while (steps < horizon) {
            int a = -1;
            for (int b = 0; b < actions; b++) {
                double p = pi[s * actions + b];
                if (p == 1) {
                    a = b;
                } else if (p != 0) {
                    return Double.NaN;
                }
            }
            if (a < 0 || model.end(s, a) - model.first(s, a) != 1) {
                return Double.NaN;
            }
            if (firstSeen[s] >= 0) {
                return cycle(rewards, firstSeen[s], steps, gamma, horizon);
            }
            firstSeen[s] = steps;
            int i = model.first(s, a);
            rewards[steps] = model.reward(i);
            steps++;
            if (model.terminal(i)) {
                return discounted(rewards, 0, steps, gamma);
            }
            s = model.next(i);
        }
        return discounted(rewards, 0, steps, gamma);
    }

    /** Rewards[0, start) once, then the cycle rewards[start, end) repeated until the horizon. */
    private static double cycle(double[] rewards, int start, int end, double gamma, int horizon) {
        double total = 0;
        double discount = 1;
        for (int k = 0; k < horizon; k++) {
            int i = k < end ? k : start + (k - start) % (end - start);
            total += discount * rewards[i];
            discount *= gamma;
            if (discount == 0) {
                break;
            }
        }
        return total;
    }

    private static double discounted(double[] rewards, int from, int to, double gamma) {
        double total = 0;
        double discount = 1;
        for (int k = from; k < to; k++) {
            total += discount * rewards[k];
            discount *= gamma;
        }
        return total;
    }

    private static double[] iterate(TabularModel model, double gamma, int horizon, double[] pi) {
        Objects.requireNonNull(model, "model");
        ValueIteration.checkGamma(gamma);
        if (horizon < 0) {
            throw new IllegalArgumentException("horizon is negative: " + horizon);
        }
        int n = model.states();
        int actions = model.actions();
        double[] v = new double[n];
        double[] w = new double[n];
        for (int h = 0; h < horizon; h++) {
            double change = 0;
            double scale = 1;
            for (int s = 0; s < n; s++) {
                double value;
                if (pi == null) {
                    value = Double.NEGATIVE_INFINITY;
                    for (int a = 0; a < actions; a++) {
                        value = Math.max(value, model.backup(s, a, gamma, v));
                    }
                } else {
                    value = 0;
                    for (int a = 0; a < actions; a++) {
                        double p = pi[s * actions + a];
                        if (p != 0) {
                            value += p * model.backup(s, a, gamma, v);
                        }
                    }
                }
                w[s] = value;
                change = Math.max(change, Math.abs(value - v[s]));
                scale = Math.max(scale, Math.abs(value));
            }
            double[] t = v;
            v = w;
            w = t;
            if (change <= TOLERANCE * scale) {
                break;
            }
        }
        return v;
    }

    private static double start(TabularModel model, double[] v) {
        double value = 0;
        for (int j = 0; j < model.startCount(); j++) {
            value += model.startProbability(j) * v[model.startState(j)];
        }
        return value;
    }
}
