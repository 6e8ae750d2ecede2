package kelvin.agents.softmax;

/**
 * The one numerically stable softmax (Boltzmann distribution) of Kelvin: probabilities,
 * log-probabilities, entropy and sampling over logits z_0 .. z_{k-1} at temperature T.
 *
 * <h2>Definition</h2>
 * With m = max_i z_i and the scaled gap s_i = (z_i - m) / T (subtract the maximum first, then
 * <em>divide</em> by T, never multiply by 1/T: the numpy peer's exact operations):
 * <pre>
 *   w_i = exp(s_i)                      unnormalised weights; the maximal entries get w = 1
 *   W   = w_0 + w_1 + ... + w_{k-1}     summed left to right, so W &gt;= 1
 *   p_i = w_i / W
 *   log p_i = s_i - ln W                (log-sum-exp)
 *   H   = -sum_i p_i ln p_i = ln W - (sum_i w_i s_i) / W     in nats
 * </pre>
 * Limits: T = 0 is greedy, uniform over the argmax set {i : z_i = m} (s_i = 0 there and -infinity
 * elsewhere); T = +infinity is uniform over all k entries (s_i = 0). Inverse temperature
 * beta = 1/T converts with {@link #temperatureOfBeta(double)} and {@link #betaOfTemperature(double)}.
 *
 * <h2>Guarantees</h2>
 * For finite logits and T in [0, +infinity] nothing returned is NaN or infinite, except
 * log-probabilities, which are -infinity exactly for the entries whose scaled gap is -infinity:
 * the non-maximal entries at T = 0, and entries so far below the maximum that (z_i - m) / T
 * overflows. Those entries have probability exactly 0 and are never sampled. (The converse does not
 * hold: an entry with s_i = -800 has p_i = 0 after underflow but the finite log-probability
 * -800 - ln W.) Probabilities lie in [0, 1] and sum to 1 up to rounding; entropy lies in
 * [0, ln k].
 *
 * <h2>Arguments</h2>
 * Every method reads the first {@code k} entries of {@code z} (1 &lt;= k &lt;= z.length) and writes
 * the first {@code k} entries of a caller-provided array, so nothing is allocated. A NaN or infinite
 * logit, a temperature that is negative or NaN, or arrays that are too short are an
 * {@link IllegalArgumentException} naming the value.
 *
 * <h2>References</h2>
 * <ul>
 *   <li>R. S. Sutton and A. G. Barto, <i>Reinforcement Learning: An Introduction</i>, MIT Press,
 *       1st ed., 1998, section 2.3 "Softmax Action Selection" (Gibbs/Boltzmann distribution with
 *       temperature tau); 2nd ed., 2018, section 2.8, eq. 2.11 (soft-max distribution).</li>
 *   <li>J. S. Bridle, "Training stochastic model recognition algorithms as networks can lead to
 *       maximum mutual information estimation of parameters", <i>Advances in Neural Information
 *       Processing Systems 2</i> (NIPS 1989), 1990, 211-217 (the name "softmax").</li>
 * </ul>
 */
public final class Softmax {

    private Softmax() {
    }

    /**
     * Converts an inverse temperature to a temperature: T = 1 / beta, with beta = 0 giving
     * T = +infinity (uniform) and beta = +infinity giving T = 0 (greedy).
     *
     * @param beta the inverse temperature, in [0, +infinity]
     * @return the temperature
     * @throws IllegalArgumentException if {@code beta} is negative or NaN
     */
    public static double temperatureOfBeta(double beta) {
        if (!(beta >= 0)) {
            throw new IllegalArgumentException("beta is not in [0, +Infinity]: " + beta);
        }
        // 1/0.0 = +inf and 1/+inf = 0 are exactly the documented limits
        return 1.0 / beta;
    }

    /**
     * Converts a temperature to an inverse temperature: beta = 1 / T (T = 0 gives +infinity,
     * T = +infinity gives 0).
     *
     * @param t the temperature, in [0, +infinity]
     * @return the inverse temperature
     * @throws IllegalArgumentException if {@code t} is negative or NaN
     */
    public static double betaOfTemperature(double t) {
        checkTemperature(t);
        return 1.0 / t;
    }

    /**
     * Writes the unnormalised weights w_i = exp((z_i - m) / T) into {@code w} and returns their
     * left-to-right sum W (at least 1, at most k). At T = 0, w_i is 1 on the argmax set and 0
     * elsewhere; at T = +infinity every w_i is 1.
     *
     * @param z the logits (the first k are used), finite
     * @param k the number of entries, 1 &lt;= k &lt;= z.length
     * @param t the temperature, in [0, +infinity]
     * @param w receives the k weights (length at least k)
     * @return W, the sum of the weights
     * @throws IllegalArgumentException on a bad k, logit, temperature or a short {@code w}
     */
    public static double weights(double[] z, int k, double t, double[] w) {
        return checkedWeights(z, k, t, w, "w");
    }

    /**
     * Writes p_i = w_i / W into {@code out}.
     *
     * @param z the logits (the first k are used), finite
     * @param k the number of entries, 1 &lt;= k &lt;= z.length
     * @param t the temperature, in [0, +infinity]
     * @param out receives the k probabilities (length at least k); may be {@code z} itself
     * @throws IllegalArgumentException on a bad k, logit, temperature or a short {@code out}
     */
    public static void probabilities(double[] z, int k, double t, double[] out) {
        double total = checkedWeights(z, k, t, out, "out");
        for (int i = 0; i < k; i++) {
            out[i] /= total;
        }
    }

    /**
     * Writes log p_i = s_i - ln W into {@code out} (log-sum-exp). An entry is -infinity exactly when
     * its scaled gap s_i is -infinity, i.e. at T = 0 for the non-maximal entries, or when
     * (z_i - m) / T overflows; its probability is then exactly 0. No entry is NaN or +infinity.
     *
     * @param z the logits (the first k are used), finite
     * @param k the number of entries, 1 &lt;= k &lt;= z.length
     * @param t the temperature, in [0, +infinity]
     * @param out receives the k log-probabilities (length at least k); may be {@code z} itself
     * @throws IllegalArgumentException on a bad k, logit, temperature or a short {@code out}
     */
    public static void logProbabilities(double[] z, int k, double t, double[] out) {
        checkTemperature(t);
        double m = max(z, k);
        checkOut("out", out, k);
        double total = 0;
        for (int i = 0; i < k; i++) {
            double s = gap(z[i], m, t);
            out[i] = s;
            total += Math.exp(s);
        }
        double logTotal = Math.log(total); // total >= 1: the maxima contribute exp(0) = 1 each
        for (int i = 0; i < k; i++) {
            out[i] -= logTotal;
        }
    }

    /**
     * The soft maximum T ln sum_i exp(z_i / T) = m + T ln W (log-sum-exp at temperature T, from the
     * same weights as the probabilities, so it cannot overflow). It lies in [m, m + T ln k]; T = 0
     * gives exactly m, the hard maximum. This is the value of the entropy-regularised choice
     * max_p (sum_i p_i z_i + T H(p)), attained by the softmax p.
     *
     * @param z the logits (the first k are used), finite
     * @param k the number of entries, 1 &lt;= k &lt;= z.length
     * @param t the temperature, finite and &gt;= 0
     * @return m + T ln W
     * @throws IllegalArgumentException on a bad k or logit, or a temperature that is negative,
     *     NaN or infinite (the soft maximum is then +infinity for k &gt; 1)
     */
    public static double logSumExp(double[] z, int k, double t) {
        if (!(t >= 0 && t < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("temperature is not in [0, +Infinity): " + t);
        }
        double m = max(z, k);
        if (t == 0) {
            return m;
        }
        double total = 0;
        for (int i = 0; i < k; i++) {
            total += Math.exp(gap(z[i], m, t));
        }
        return m + t * Math.log(total);
    }

    /**
     * The entropy H = -sum_i p_i ln p_i in nats, computed as ln W - (sum_i w_i s_i) / W without
     * allocating. Entries with w_i = 0 contribute 0 (the limit of p ln p). The result is clamped
     * to [0, ln k] against rounding, so a one-hot distribution gives exactly 0 and T = +infinity
     * gives exactly ln k; T = 0 gives ln |argmax set|.
     *
     * @param z the logits (the first k are used), finite
     * @param k the number of entries, 1 &lt;= k &lt;= z.length
     * @param t the temperature, in [0, +infinity]
     * @return the entropy, in [0, ln k]
     * @throws IllegalArgumentException on a bad k, logit or temperature
     */
    public static double entropy(double[] z, int k, double t) {
        checkTemperature(t);
        double m = max(z, k);
        if (t == Double.POSITIVE_INFINITY) {
            return Math.log(k);
        }
        if (t == 0) {
            return Math.log(countEqual(z, k, m));
        }
        double total = 0;
        double weightedGaps = 0;
        for (int i = 0; i < k; i++) {
            double s = gap(z[i], m, t);
            double w = Math.exp(s);
            if (w > 0) { // skips s = -inf, where w * s would be 0 * -inf = NaN
                total += w;
                weightedGaps += w * s;
            }
        }
        double h = Math.log(total) - weightedGaps / total;
        return Math.max(0.0, Math.min(h, Math.log(k)));
    }

    /**
     * Entropy in nats of the distribution w_i / total over the first k weights (zero weights
     * contribute 0), clamped to [0, ln k] against rounding: for policies that reshape or mix the
     * softmax and hold their final weights.
     *
     * @param w the weights, at least k, each &gt;= 0
     * @param k the number of entries
     * @param total their sum (1 for probabilities)
     * @return the entropy, in [0, ln k]
     */
    public static double entropyOfWeights(double[] w, int k, double total) {
        double h = 0;
        for (int i = 0; i < k; i++) {
            double p = w[i] / total;
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return Math.max(0.0, Math.min(h, Math.log(k)));
    }

    /**
     * Samples an index by inversion of the cumulative unnormalised weights, exactly as the numpy
     * peer (NOTES.md rules 4 and 5): C_i = w_0 + ... + w_i summed left to right, W = C_{k-1},
     * x = u * W, and the result is a = #{i : C_i &lt;= x} = min{i : x &lt; C_i}. If round-off
     * left no such i (u * W rounded up to W), the result would be the largest i with w_i &gt; 0; with
     * IEEE round-to-nearest and u &lt; 1 that cannot happen (see {@code invert}), but the guard stays.
     * An entry with w_i = 0 is never chosen. At T = 0 this is uniform over the argmax set.
     *
     * @param z the logits (the first k are used), finite
     * @param k the number of entries, 1 &lt;= k &lt;= z.length
     * @param t the temperature, in [0, +infinity]
     * @param u a uniform draw in [0, 1), e.g. {@code rng.nextDouble()}
     * @param scratch work space for the k weights (length at least k); holds them on return
     * @return the sampled index in [0, k)
     * @throws IllegalArgumentException on a bad k, logit, temperature, {@code u} outside [0, 1) or
     *     a short {@code scratch}
     */
    public static int sample(double[] z, int k, double t, double u, double[] scratch) {
        if (!(u >= 0 && u < 1)) {
            throw new IllegalArgumentException("u is not in [0, 1): " + u);
        }
        double total = checkedWeights(z, k, t, scratch, "scratch");
        return invert(scratch, k, u * total);
    }

    /**
     * Samples an index from unnormalised weights by the same inversion as
     * {@link #sample(double[], int, double, double, double[])}: W = w_0 + ... + w_{k-1} summed left
     * to right, x = u * W, and the result is the smallest i with x &lt; w_0 + ... + w_i. An entry
     * with w_i = 0 is never chosen. Policies that reshape the softmax (truncation, a probability
     * floor) sample their final weights with it.
     *
     * @param w the weights (the first k are used), finite, &gt;= 0, with a positive sum
     * @param k the number of entries, 1 &lt;= k &lt;= w.length
     * @param u a uniform draw in [0, 1), e.g. {@code rng.nextDouble()}
     * @return the sampled index in [0, k)
     * @throws IllegalArgumentException on a bad k, a negative, NaN or infinite weight, a zero sum
     *     or {@code u} outside [0, 1)
     */
    public static int sampleWeights(double[] w, int k, double u) {
        if (!(u >= 0 && u < 1)) {
            throw new IllegalArgumentException("u is not in [0, 1): " + u);
        }
        if (k < 1 || k > w.length) {
            throw new IllegalArgumentException("k is not in [1, " + w.length + "]: " + k);
        }
        double total = 0;
        for (int i = 0; i < k; i++) {
            double wi = w[i];
            if (!(wi >= 0 && wi <= Double.MAX_VALUE)) {
                throw new IllegalArgumentException("weight " + i + " is not finite and >= 0: " + wi);
            }
            total += wi;
        }
        if (!(total > 0 && total <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException("the weights do not have a positive finite sum: " + total);
        }
        return invert(w, k, u * total);
    }

    /**
     * a = #{i : C_i &lt;= x} for the left-to-right partial sums C_i of w[0..k), or, if x &gt;= C_{k-1},
     * the largest i with w_i &gt; 0.
     *
     * <p>Implementation note: re-summing in the same order reproduces the partial sums of the
     * weight pass bit for bit, so C_{k-1} = W. With round-to-nearest, fl(u * W) &lt; W for every
     * u &lt;= 1 - 2^-53: the exact product is at least W * 2^-53 = (m/2) ulp(W) below W (W = m 2^e,
     * 1 &lt;= m &lt; 2), which rounds down unless m = 1, and then W - W * 2^-53 is representable.
     * So {@link #sample} never reaches the fallback; it stays (as in the numpy peer, and as in
     * Commons RNG's guide-table sampler, whose normalised table does need it) so that no x can run
     * past the end or pick a zero weight.
     */
    static int invert(double[] w, int k, double x) {
        double c = 0;
        for (int i = 0; i < k; i++) {
            c += w[i];
            if (x < c) {
                return i;
            }
        }
        return lastPositive(w, k);
    }

    /** The round-off fallback of {@link #invert}: the largest index with a positive weight. */
    private static int lastPositive(double[] w, int k) {
        int i = k - 1;
        while (w[i] == 0) { // terminates: a maximal entry has weight 1
            i--;
        }
        return i;
    }

    /**
     * Checks that {@code t} is a valid temperature.
     *
     * @param t the temperature
     * @throws IllegalArgumentException if {@code t} is negative or NaN
     */
    public static void checkTemperature(double t) {
        if (!(t >= 0)) {
            throw new IllegalArgumentException("temperature is not in [0, +Infinity]: " + t);
        }
    }

    private static double checkedWeights(double[] z, int k, double t, double[] w, String name) {
        checkTemperature(t);
        double m = max(z, k);
        checkOut(name, w, k);
        return fillWeights(z, k, t, m, w);
    }

    private static double fillWeights(double[] z, int k, double t, double m, double[] w) {
        if (t == Double.POSITIVE_INFINITY) {
            for (int i = 0; i < k; i++) {
                w[i] = 1.0;
            }
            return k;
        }
        double total = 0;
        if (t == 0) {
            for (int i = 0; i < k; i++) {
                double wi = z[i] == m ? 1.0 : 0.0;
                w[i] = wi;
                total += wi;
            }
            return total;
        }
        for (int i = 0; i < k; i++) {
            double wi = Math.exp(gap(z[i], m, t));
            w[i] = wi;
            total += wi;
        }
        return total;
    }

    /**
     * The scaled gap s = (z - m) / T &lt;= 0 for T in [0, +infinity], with the limits T = 0
     * (0 on the maximum, -infinity elsewhere) and T = +infinity (0). Never NaN for finite z, m.
     */
    private static double gap(double zi, double m, double t) {
        if (t == Double.POSITIVE_INFINITY) {
            return 0.0; // (z - m) / inf would be NaN if z - m overflowed to -inf
        }
        if (t == 0) {
            return zi == m ? 0.0 : Double.NEGATIVE_INFINITY;
        }
        double d = zi - m;
        if (d == Double.NEGATIVE_INFINITY) {
            // z - m overflowed (|z|, |m| near Double.MAX_VALUE): scale first, then subtract; both
            // quotients may overflow too, but only to -inf - (+inf) = -inf, never NaN
            return zi / t - m / t;
        }
        return d / t;
    }

    /** max of the first k logits, checking k and that each logit is finite. */
    private static double max(double[] z, int k) {
        if (k < 1 || k > z.length) {
            throw new IllegalArgumentException("k is not in [1, " + z.length + "]: " + k);
        }
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            double zi = z[i];
            if (!(Math.abs(zi) <= Double.MAX_VALUE)) {
                throw new IllegalArgumentException("logit " + i + " is not finite: " + zi);
            }
            if (zi > m) {
                m = zi;
            }
        }
        return m;
    }

    private static int countEqual(double[] z, int k, double m) {
        int n = 0;
        for (int i = 0; i < k; i++) {
            if (z[i] == m) {
                n++;
            }
        }
        return n;
    }

    private static void checkOut(String name, double[] out, int k) {
        if (out.length < k) {
            throw new IllegalArgumentException(name + " has length " + out.length + " < k = " + k);
        }
    }
}
