package kelvin.agents.softmax;

/**
 * A per-run softmax sampler that returns exactly the index of
 * {@link Softmax#sample(double[], int, double, double, double[])} for the same logits, temperature
 * and uniform, but mostly without K calls of {@link Math#exp}: the hot path of Boltzmann
 * exploration. One instance belongs to one run (one thread); it keeps the weights of its last call
 * and allocates nothing after construction.
 *
 * <h2>Contract</h2>
 * {@code sample(z, t, u)} returns the same index as {@code Softmax.sample(z, k, t, u, scratch)}
 * for every input and throws the same {@link IllegalArgumentException}s. The result is a function of
 * (z, t, u) alone, never of earlier calls, so runs stay reproducible on any thread; only the cost
 * depends on the history. {@link #sample(double[], double, double, int)} is the same with a hint
 * from a caller that knows which logit changed since its previous call (an action-value agent
 * updates one per step), which saves comparing all K.
 *
 * <h2>How</h2>
 * The sampler keeps the logits of its last call and weights v_i ~ exp((z_i - c) / T) relative to an
 * anchor c, and their total V (summed left to right when the weights are rebuilt, then kept up to
 * date by adding the change of each re-weighed entry).
 * <ul>
 *   <li>Same T as the last call (a fixed temperature): with a hint, only the logit that
 *       changed gets a new weight; c stays, so no other weight moves. Without a hint (a tabular
 *       learner hands a different state's row each time) every weight is recomputed at c in one
 *       pass and summed as it goes, which on the open 10x10 grid ran 11% faster than comparing
 *       the logits first to spare the unchanged ones.</li>
 *   <li>New T (annealing): every weight is recomputed, with the previous anchor; with c = max z
 *       when there is none yet, or when an entry would climb more than {@value CertifiedWeights#HIGH_GAP} above it
 *       (in units of T), or the total would fall below 2^-64, so nothing overflows or
 *       underflows.</li>
 *   <li><b>Guess.</b> The index is first guessed by inversion on the previous call's weights,
 *       which are known before the new ones: x' = u V', a = min{i : x' &lt; v'_0 + ... + v'_i}.
 *       Then the new weights only confirm the guess. (This keeps the unpredictable branches of the
 *       scan off the chain of dependent arithmetic: measurably faster in the bandit loop.)</li>
 *   <li><b>Certificate.</b> The guess a is returned only if x = u V lies at least margin * V
 *       inside its interval: L + margin V &lt; x &lt; L + v_a - margin V, with L = v_0 + ... +
 *       v_{a-1}. Otherwise the weights are summed afresh and a new inversion is certified the same
 *       way, and if x is still within the margin of a boundary (probability at most
 *       2 (K - 1) margin per call, about 2.8e-4 for K = 10) the plain {@link Softmax#sample}
 *       decides. T = 0, T = +infinity, temperatures whose inverse is not a normal double, and
 *       logits beyond 2^1022 in magnitude always take the plain path.</li>
 * </ul>
 * The weights use {@link CertifiedWeights#exp(double)}, a polynomial of relative error below
 * 3.5e-6, multiply by beta = 1/T instead of dividing, and V is updated incrementally, so they differ
 * from the plain weights beyond the last bit. The certificate makes that invisible in the result:
 * the weights, the total and the partial sums follow the rules of {@link CertifiedWeights}, whose
 * class comment proves that a certified index is the plain path's. The tests compare both paths
 * over millions of draws, force draws onto the boundaries, and check the polynomial against
 * {@link Math#exp} on a dense grid.
 */
public final class SoftmaxSampler {

    /** The hint of {@link #sample(double[], double, double, int)}: no logit changed. */
    public static final int UNCHANGED = -1;
    private static final int RESUM = CertifiedWeights.RESUM;
    private static final double LOW_TOTAL = CertifiedWeights.LOW_TOTAL;
    /** The hint of the form without one: re-weigh every logit. */
    private static final int ANY = -2;

    private final int k;
    /** The logits the weights describe. */
    private final double[] logits;
    /** v_i ~ exp((z_i - anchor) * beta), in [e^-700, e^64]. */
    private final double[] weights;
    /** Work space of the plain path. */
    private final double[] scratch;
    /** The certificate's margin M, relative to the total. */
    private final double margin;
    /** The temperature of the weights; NaN when they describe nothing. */
    private double temperature = Double.NaN;
    private double beta;
    /** The anchor c; NaN before the first weights. */
    private double anchor = Double.NaN;
    /** V, the total of the weights. */
    private double total;
    /** The largest total since the last exact sum. */
    private double peak;
    /** Incremental updates of the total since the last exact sum. */
    private int updates;
    /** Calls decided by the plain path (T = 0 or +infinity included), for tests. */
    private long plainCalls;
    /** Calls that took the careful path, for tests. */
    private long carefulCalls;

    private SoftmaxSampler(int k) {
        this.k = k;
        this.logits = new double[k];
        this.weights = new double[k];
        this.scratch = new double[k];
        this.margin = CertifiedWeights.margin(k);
    }

    /**
     * A sampler over the first k logits.
     *
     * @param k the number of entries, at least 1
     * @return a fresh sampler, owned by one run
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public static SoftmaxSampler of(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k is not at least 1: " + k);
        }
        return new SoftmaxSampler(k);
    }

    /**
     * The number of entries K: the sampler reads the first K logits.
     *
     * @return K, at least 1
     */
    public int size() {
        return k;
    }

    /**
     * Samples an index from softmax(z / t) by inversion of u: exactly
     * {@code Softmax.sample(z, k, t, u, scratch)}.
     *
     * @param z the logits (the first k are used), finite
     * @param t the temperature, in [0, +infinity]
     * @param u a uniform draw in [0, 1)
     * @return the sampled index in [0, k)
     * @throws IllegalArgumentException as {@link Softmax#sample}: a {@code u} outside [0, 1), a
     *     negative or NaN temperature, a logit that is not finite or fewer than k logits
     */
    public int sample(double[] z, double t, double u) {
        return draw(z, t, u, ANY);
    }

    /**
     * The same as {@link #sample(double[], double, double)} for a caller that knows that the first k
     * entries of {@code z} equal those of its previous call to this sampler except, possibly,
     * {@code z[changed]} ({@link #UNCHANGED}: all equal). A wrong hint gives wrong results; the
     * hint is checked with {@code assert} (the tests run with assertions on).
     *
     * @param z the logits (the first k are used), finite
     * @param t the temperature, in [0, +infinity]
     * @param u a uniform draw in [0, 1)
     * @param changed the only index whose logit may have changed, or {@link #UNCHANGED}
     * @return the sampled index in [0, k)
     * @throws IllegalArgumentException as {@link #sample(double[], double, double)}, or if
     *     {@code changed} is not in [-1, k)
     */
    public int sample(double[] z, double t, double u, int changed) {
        if (changed < UNCHANGED || changed >= k) {
            throw new IllegalArgumentException("changed is not in [-1, " + k + "): " + changed);
        }
        assert hintHolds(z, changed) : "logits other than " + changed + " changed since the last call";
        return draw(z, t, u, changed);
    }

    private int draw(double[] z, double t, double u, int changed) {
        if (!(u >= 0 && u < 1)) {
            throw new IllegalArgumentException("u is not in [0, 1): " + u);
        }
        if (z.length < k) {
            return plain(z, t, u); // throws
        }
        int a = t == temperature ? sameTemperature(z, u, changed) : newTemperature(z, t, u);
        return a >= 0 ? a : carefully(z, t, u);
    }

    /**
     * The weights are at this temperature. With a hint: guesses with them, re-weighs the changed
     * entry and certifies the guess; without one, re-weighs every entry. Returns the index, or -1
     * for {@link #carefully}.
     */
    private int sameTemperature(double[] z, double u, int changed) {
        if (changed == ANY) {
            return reweighAll(z, u);
        }
        final double[] v = weights;
        final int last = k - 1;
        double w = total;
        double x = u * w;
        double lo = 0;
        double hi = v[0];
        int a = 0;
        while (a < last && hi <= x) {
            lo = hi;
            hi += v[++a];
        }
        if (changed >= 0 && z[changed] != logits[changed]) {
            double delta = reweigh(z[changed], changed);
            if (delta != delta) {
                return -1;
            }
            w += delta;
            lo += changed < a ? delta : 0;
            hi += changed <= a ? delta : 0;
            total = w;
            if (w > peak) {
                peak = w;
            }
            if (!(w >= 0.25 * peak && w >= LOW_TOTAL) || updates >= RESUM) {
                return -1;
            }
            x = u * w;
        }
        return CertifiedWeights.certifies(x, lo, hi, a, w, margin) ? a : -1;
    }

    /**
     * No hint: every entry gets its weight at the current anchor in one pass, summed left to right
     * as it goes (an exact sum), and u is inverted on them with the certificate. Returns the index,
     * or -1 for {@link #carefully} (weights invalidated when the anchor must move).
     */
    private int reweighAll(double[] z, double u) {
        final double[] v = weights;
        final double[] seen = logits;
        final double c = anchor;
        final double b = beta;
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double zi = z[i];
            double s = (zi - c) * b;
            if (!CertifiedWeights.admits(zi, s)) {
                temperature = Double.NaN;
                return -1;
            }
            double wi = CertifiedWeights.weight(s);
            v[i] = wi;
            seen[i] = zi;
            sum += wi;
        }
        exactTotal(sum);
        return sum >= LOW_TOTAL ? CertifiedWeights.certifiedIndex(v, k, sum, u, margin) : -1;
    }

    /**
     * Gives entry i (logit zi) its weight at the current anchor and temperature; returns the change
     * of the weight, or NaN (weights invalidated) when the anchor must move or the plain path must
     * decide.
     */
    private double reweigh(double zi, int i) {
        double s = (zi - anchor) * beta;
        if (!CertifiedWeights.admits(zi, s)) {
            temperature = Double.NaN;
            return Double.NaN;
        }
        double wi = CertifiedWeights.weight(s);
        double delta = wi - weights[i];
        weights[i] = wi;
        logits[i] = zi;
        updates++;
        return delta;
    }

    /**
     * A new temperature: guesses with the old weights, recomputes every weight at the old anchor and
     * certifies the guess. Returns the index, or -1 for {@link #carefully}.
     */
    private int newTemperature(double[] z, double t, double u) {
        final double[] v = weights;
        final double[] seen = logits;
        final int last = k - 1;
        final double c = anchor;
        double b = CertifiedWeights.beta(t);
        boolean valid = temperature == temperature;
        temperature = Double.NaN;
        if (!(valid && b == b)) {
            return -1;
        }
        double x = u * total;
        int a = 0;
        double sum = v[0];
        while (a < last && sum <= x) {
            sum += v[++a];
        }
        double lo = 0;
        double hi = 0;
        sum = 0;
        for (int i = 0; i <= last; i++) {
            double zi = z[i];
            double s = (zi - c) * b;
            if (!CertifiedWeights.admits(zi, s)) {
                return -1;
            }
            seen[i] = zi;
            double wi = CertifiedWeights.weight(s);
            v[i] = wi;
            lo = i == a ? sum : lo;
            sum += wi;
            hi = i == a ? sum : hi;
        }
        total = sum;
        peak = sum;
        updates = 0;
        temperature = t;
        beta = b;
        if (!(sum >= LOW_TOTAL)) {
            return -1;
        }
        x = u * sum;
        return CertifiedWeights.certifies(x, lo, hi, a, sum, margin) ? a : -1;
    }

    /**
     * The careful path: fresh weights or an exact total where needed, then inversion and the
     * certificate; the plain path when the certificate fails or the fast path does not apply.
     */
    private int carefully(double[] z, double t, double u) {
        carefulCalls++;
        if (t != temperature) {
            if (!rebuild(z, t)) {
                return plain(z, t, u);
            }
        } else if (updates > 0) {
            resum();
        }
        if (!(total >= LOW_TOTAL)) {
            rebuild(z, t); // cannot fail: the logits and t passed before
        }
        int a = CertifiedWeights.certifiedIndex(weights, k, total, u, margin);
        return a >= 0 ? a : plain(z, t, u);
    }

    /**
     * Recomputes every weight at temperature t with the anchor at max z and sums them. Returns false
     * (weights invalidated) when the plain path must decide: t = 0, +infinity or invalid, 1/t not a
     * normal double, or a logit that is not finite or beyond LOGIT_LIMIT.
     */
    private boolean rebuild(double[] z, double t) {
        temperature = Double.NaN;
        double b = CertifiedWeights.beta(t);
        double m = b == b ? CertifiedWeights.anchor(z, k) : Double.NaN;
        if (m != m) {
            return false;
        }
        System.arraycopy(z, 0, logits, 0, k);
        exactTotal(CertifiedWeights.weigh(z, k, m, b, weights));
        temperature = t;
        beta = b;
        anchor = m;
        return true;
    }

    /** Sums the weights left to right into the total. */
    private void resum() {
        exactTotal(CertifiedWeights.sum(weights, k));
    }

    /** Takes an exact sum of the weights as the total. */
    private void exactTotal(double sum) {
        total = sum;
        peak = sum;
        updates = 0;
    }

    private int plain(double[] z, double t, double u) {
        plainCalls++;
        return Softmax.sample(z, k, t, u, scratch);
    }

    /** Whether z[0..k) equals the last logits except at {@code changed}, or nothing is cached. */
    private boolean hintHolds(double[] z, int changed) {
        if (temperature != temperature || z.length < k) {
            return true;
        }
        for (int i = 0; i < k; i++) {
            if (i != changed && z[i] != logits[i]) {
                return false;
            }
        }
        return true;
    }

    /** Calls decided by the plain path so far (for tests). */
    long plainCalls() {
        return plainCalls;
    }

    /** Calls that took the careful path so far (for tests). */
    long carefulCalls() {
        return carefulCalls;
    }
}
