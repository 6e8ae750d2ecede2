package kelvin.agents.policy;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The greedy set of a vector of finite values (action values, or an agent's per-arm indices such
 * as UCB bounds or posterior samples), with uniform tie-breaking: the one home of "argmax, ties
 * broken uniformly at random", shared by the policies and bandit agents.
 * Allocates nothing.
 */
public final class Argmax {

    private Argmax() {
    }

    /**
     * The largest of q[0..k), checking that every entry is finite.
     *
     * @param q the values (length at least k)
     * @param k the number of entries read
     * @return max q[0..k)
     * @throws IllegalArgumentException if {@code q} is shorter than k or an entry is not finite
     */
    public static double max(double[] q, int k) {
        if (q.length < k) {
            throw new IllegalArgumentException("q has length " + q.length + " < arms = " + k);
        }
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            double qi = q[i];
            if (!(Math.abs(qi) <= Double.MAX_VALUE)) {
                throw new IllegalArgumentException("action value " + i + " is not finite: " + qi);
            }
            if (qi > m) {
                m = qi;
            }
        }
        return m;
    }

    /**
     * How many of q[0..k) equal m.
     *
     * @param q the values
     * @param k the number of entries read
     * @param m the value to count, usually {@link #max(double[], int)}
     * @return the number of i in [0, k) with q[i] == m
     */
    public static int count(double[] q, int k, double m) {
        int n = 0;
        for (int i = 0; i < k; i++) {
            if (q[i] == m) {
                n++;
            }
        }
        return n;
    }

    /**
     * A uniformly random index among the maxima of q[0..k): draws {@code rng.nextInt(ties)} only
     * when there is more than one maximum, and nothing otherwise; the j-th maximum in index order
     * is chosen for draw j.
     *
     * @param q the values (length at least k), finite
     * @param k the number of entries read, at least 1
     * @param rng the generator for tie-breaking
     * @return an index of a maximum
     * @throws IllegalArgumentException if {@code q} is shorter than k or an entry is not finite
     */
    public static int select(double[] q, int k, UniformRandomProvider rng) {
        double m = max(q, k);
        int ties = count(q, k, m);
        int j = ties == 1 ? 0 : rng.nextInt(ties);
        for (int i = 0; i < k; i++) {
            if (q[i] == m && j-- == 0) {
                return i;
            }
        }
        throw new AssertionError("unreachable: m is one of q[0.." + k + ")");
    }

    static void checkArms(int arms) {
        if (arms < 1) {
            throw new IllegalArgumentException("arms is not at least 1: " + arms);
        }
    }

    static void checkOut(double[] out, int k) {
        if (out.length < k) {
            throw new IllegalArgumentException("out has length " + out.length + " < arms = " + k);
        }
    }
}
