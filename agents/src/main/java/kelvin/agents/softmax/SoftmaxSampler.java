package kelvin.agents.softmax;

/**
 * A per-run softmax sampler that returns exactly the action of
 * {@link Softmax#sample(double[], int, double, double, double[])} for the same logits, temperature
 * and uniform, but usually without K calls of {@link Math#exp}: the hot path of Boltzmann
 * exploration. One instance belongs to one run (one thread); it keeps the weights of the last call
 * and allocates nothing after construction.
 *
 * <h2>Contract</h2>
 * {@code sample(z, t, u)} returns the same index as {@code Softmax.sample(z, k, t, u, scratch)}
 * for every input, and throws the same {@link IllegalArgumentException}s. The result is a pure
 * function of (z, t, u): it does not depend on earlier calls, so runs stay reproducible on any
 * thread. Only the cost depends on the history.
 *
 * <h2>How</h2>
 * The sampler keeps, for the logits and temperature of the previous call, weights
 * v_i ~ exp((z_i - c) / T) relative to an anchor c, and their left-to-right prefix sums D_i.
 * <ul>
 *   <li>Same T as the previous call (fixed temperature): only the logits that changed get a new
 *       weight (an action-value agent changes one per step), and the prefix sums are redone from
 *       the first changed index. The anchor c stays, so no other weight moves.</li>
 *   <li>New T (annealing): every weight is recomputed, with c = max z.</li>
 *   <li>The anchor is reset to max z (all weights recomputed) when a changed logit climbs more
 *       than {@value #HIGH_GAP} above it in units of T, or when the total falls below
 *       2^-64 (the maximum fell far below the anchor), so nothing overflows or underflows.</li>
 *   <li>x = u * D_{K-1} and the candidate is a = #{i : D_i &lt;= x}, the inversion of
 *       {@link Softmax#sample}.</li>
 *   <li><b>Certificate.</b> The candidate is returned only if x lies at least
 *       {@code margin} * D_{K-1} inside its interval: D_{a-1} + margin D &lt; x &lt; D_a - margin D.
 *       Otherwise (x near a boundary, probability at most 2 (K - 1) margin per call, about
 *       1.2e-6 for K = 10) the plain {@link Softmax#sample} decides. T = 0, T = +infinity,
 *       temperatures whose inverse is not a normal double, and logits beyond 2^1022 in magnitude
 *       always take the plain path.</li>
 * </ul>
 * The weights use {@link #exp(double)}, a degree-7 polynomial of relative error below 1e-8, and
 * multiply by beta = 1/T, so they differ from the plain weights beyond the last bit; the
 * certificate makes that invisible in the result.
 *
 * <p>Implementation note (why the certificate is exact). Write P_i for the exact cumulative
 * probabilities of the softmax. The plain path's normalised partial sums C_i / W and the fast
 * path's D_i / D both lie within delta of P_i, where delta bounds (twice) the relative error of a
 * weight plus that of a left-to-right sum of K non-negative terms, gamma_K = K 2^-53 / (1 - K 2^-53):
 * <ul>
 *   <li>plain: w_i = Math.exp(fl(fl(z_i - m) / T)); Math.exp is within 1 ulp and the argument's
 *       relative error is at most 2^-52, so for every weight that is not negligible (within a
 *       factor 2^-100 of the total, |s_i| &lt; 80) the relative error is below 2e-14; negligible
 *       weights move a normalised sum by at most K 2^-100;</li>
 *   <li>fast: {@link #exp(double)} adds at most 1e-8 (proved at the method), the argument
 *       fl(fl(z_i - c) * fl(1/T)) at most 3 2^-53 |s_i| with |s_i| &lt;= 64 + 70 for every weight
 *       within 2^-100 of the total (the total is at least 2^-64 and every gap at most 64);
 *       gaps below -{@value #LOW_GAP} are clamped there, moving a normalised sum by at most
 *       K 2^64 e^-700.</li>
 * </ul>
 * So delta_fast + delta_plain &lt; 2.1e-8 + 4 gamma_K. If x_f = fl(u D) lies more than M D from
 * D_{a-1} and D_a with M &gt;= delta_fast + delta_plain + 2^-52, then for every i &lt; a,
 * C_i / W &lt;= P_{a-1} + delta_plain &lt; u (1 - 2^-53) &lt;= x_p / W, and for every i &gt;= a,
 * C_i / W &gt; x_p / W, where x_p = fl(u W): the plain path also returns a. This class uses
 * M = 2^-24 + 8 K 2^-53, above twice the bound; tests compare both paths over millions of draws
 * and force the boundary cases.
 */
public final class SoftmaxSampler {

    /** Gaps (z_i - c) / T above this reset the anchor (weights stay below e^64). */
    static final double HIGH_GAP = 64;
    /** Gaps below -LOW_GAP are clamped to it (e^-700 is still a normal double). */
    static final double LOW_GAP = 700;
    /** A total below this resets the anchor. */
    private static final double LOW_TOTAL = 0x1p-64;
    /** Logits beyond this magnitude take the plain path, so z_i - c cannot overflow. */
    private static final double LOGIT_LIMIT = 0x1p1022;

    private final int k;
    /** The logits the weights describe. */
    private final double[] logits;
    /** v_i ~ exp((z_i - anchor) * beta). */
    private final double[] weights;
    /** D_i = v_0 + ... + v_i, left to right. */
    private final double[] cumulative;
    /** Work space of the plain path. */
    private final double[] scratch;
    /** The certificate's margin M, relative to the total. */
    private final double margin;
    /** The temperature of the weights; NaN when they describe nothing. */
    private double temperature = Double.NaN;
    private double beta;
    private double anchor;
    /** Calls decided by the plain path (T = 0 or +infinity included), for tests. */
    private long plainCalls;

    private SoftmaxSampler(int k) {
        this.k = k;
        this.logits = new double[k];
        this.weights = new double[k];
        this.cumulative = new double[k];
        this.scratch = new double[k];
        this.margin = 0x1p-24 + 8 * k * 0x1p-53;
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

    /** The number of entries K. */
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
        if (!(u >= 0 && u < 1)) {
            throw new IllegalArgumentException("u is not in [0, 1): " + u);
        }
        if (z.length < k) {
            return plain(z, t, u); // throws
        }
        final double[] d = cumulative;
        final int last = k - 1;
        // A guess from the previous call's sums, which are already known: the unpredictable branches of the
        // scan resolve at once, while the new weights are computed; the new sums only confirm the guess (a
        // well-predicted branch) or reject it.
        int guess = temperature == temperature ? scan(d, last, u * d[last]) : -1;
        int from = t == temperature ? refresh(z) : rebuild(z, t);
        if (from < 0) {
            return plain(z, t, u);
        }
        if (from <= last) {
            sum(from);
        }
        double total = d[last];
        if (!(total >= LOW_TOTAL)) {
            rebuild(z, t); // cannot fail: the logits and T passed before
            sum(0);
            total = d[last];
        }
        double x = u * total;
        double room = margin * total;
        if (guess >= 0 && inside(d, guess, x, room)) {
            return guess;
        }
        int a = scan(d, last, x);
        if (inside(d, a, x, room)) {
            return a;
        }
        return plain(z, t, u);
    }

    /** The first index a &lt; last with x &lt; d[a], or last. */
    private static int scan(double[] d, int last, double x) {
        int a = 0;
        while (a < last && d[a] <= x) {
            a++;
        }
        return a;
    }

    /** The certificate: x lies more than room inside [d[a - 1], d[a]) (d[-1] = 0). */
    private static boolean inside(double[] d, int a, double x, double room) {
        return d[a] - x > room && (a == 0 || x - d[a - 1] > room);
    }

    /**
     * Same temperature: recomputes the weights of the logits that changed. Returns the first
     * changed index (k if none), or the result of a rebuild when a gap exceeds HIGH_GAP, or -1 for
     * the plain path.
     */
    private int refresh(double[] z) {
        final double[] seen = logits;
        final double[] v = weights;
        final double c = anchor;
        final double b = beta;
        int from = k;
        for (int i = 0; i < k; i++) {
            double zi = z[i];
            if (zi != seen[i]) {
                if (!(Math.abs(zi) <= LOGIT_LIMIT)) {
                    temperature = Double.NaN;
                    return -1;
                }
                double s = (zi - c) * b;
                if (s > HIGH_GAP) {
                    return rebuild(z, temperature);
                }
                seen[i] = zi;
                v[i] = exp(s < -LOW_GAP ? -LOW_GAP : s);
                if (from == k) {
                    from = i;
                }
            }
        }
        return from;
    }

    /**
     * Recomputes every weight at temperature t with the anchor at max z. Returns 0, or -1 (weights
     * invalidated) when the plain path must decide: T = 0, +infinity or invalid, 1/T not a normal
     * double, or a logit that is not finite or beyond LOGIT_LIMIT.
     */
    private int rebuild(double[] z, double t) {
        temperature = Double.NaN;
        double b = 1.0 / t;
        if (!(t > 0 && b >= Double.MIN_NORMAL && b < Double.POSITIVE_INFINITY)) {
            return -1;
        }
        final double[] seen = logits;
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            double zi = z[i];
            if (!(Math.abs(zi) <= LOGIT_LIMIT)) {
                return -1;
            }
            seen[i] = zi;
            if (zi > m) {
                m = zi;
            }
        }
        final double[] v = weights;
        for (int i = 0; i < k; i++) {
            double s = (seen[i] - m) * b;
            v[i] = exp(s < -LOW_GAP ? -LOW_GAP : s);
        }
        temperature = t;
        beta = b;
        anchor = m;
        return 0;
    }

    /** D_i for i &gt;= from, left to right. */
    private void sum(int from) {
        final double[] v = weights;
        final double[] d = cumulative;
        double c = from == 0 ? 0.0 : d[from - 1];
        for (int i = from; i < k; i++) {
            c += v[i];
            d[i] = c;
        }
    }

    private int plain(double[] z, double t, double u) {
        plainCalls++;
        return Softmax.sample(z, k, t, u, scratch);
    }

    /** Calls decided by the plain path so far (for tests). */
    long plainCalls() {
        return plainCalls;
    }

    private static final double LOG2_E = 1.4426950408889634;
    /** ln 2 split so that k * LN2_HI is exact for |k| &lt; 2^20 (fdlibm's constants). */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5 * 2^52: adding it rounds to an integer held in the low mantissa bits. */
    private static final double SHIFT = 0x1.8p52;
    private static final double C3 = 1.0 / 6;
    private static final double C4 = 1.0 / 24;
    private static final double C5 = 1.0 / 120;
    private static final double C6 = 1.0 / 720;
    private static final double C7 = 1.0 / 5040;

    /**
     * e^s with relative error below 1e-8 for s in [-700, 700].
     *
     * <p>Implementation note: s = j ln 2 + r with j = round(s / ln 2) (rounded by adding 1.5 * 2^52)
     * and |r| &lt;= ln(2)/2 + 1e-13, r computed with ln 2 split in two (Cody and Waite): j LN2_HI is
     * exact, so r carries an absolute error below 2^-52. e^r is its Taylor polynomial of degree 7,
     * whose remainder is e^xi r^8 / 8! with xi between 0 and r: relative to e^r at most
     * 0.3466^8 / 40320 / e^-0.3466 = 7.3e-9. Horner's rule with coefficients rounded to double adds
     * a few 2^-53. 2^j is built in the exponent bits (j in [-1010, 1010] keeps it and the product
     * normal). Total below 7.5e-9 &lt; 1e-8; {@code SoftmaxSamplerTest} checks it against
     * {@link Math#exp} on a dense grid.
     */
    static double exp(double s) {
        double shifted = s * LOG2_E + SHIFT;
        double j = shifted - SHIFT;
        double r = s - j * LN2_HI - j * LN2_LO;
        double r2 = r * r;
        // Estrin's scheme: the same polynomial as Horner's rule with half the dependent operations
        double p = (1 + r) + r2 * (0.5 + r * C3) + (r2 * r2) * ((C4 + r * C5) + r2 * (C6 + r * C7));
        long bits = Double.doubleToRawLongBits(shifted);
        return p * Double.longBitsToDouble((bits + 1023) << 52);
    }
}
