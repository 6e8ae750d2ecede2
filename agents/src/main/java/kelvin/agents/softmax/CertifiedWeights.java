package kelvin.agents.softmax;

/**
 * The arithmetic and the bounds that let a softmax sampler work on cheap, approximate weights and
 * still return exactly the index of {@link Softmax#sample(double[], int, double, double, double[])}.
 * {@link SoftmaxSampler} is built on it, and so is any fused loop that keeps the same weights in
 * local variables (the experiment runner's bandit loop): both follow the rules below, so the one
 * proof covers both.
 *
 * <h2>Rules</h2>
 * A caller keeps weights v_i of the logits z_i at temperature T relative to an anchor c, and their
 * total V:
 * <ol>
 *   <li>every weight is {@code v_i = exp(max(s_i, -LOW_GAP))} with s_i = fl(fl(z_i - c) * beta),
 *       beta = fl(1 / T) a normal double, |z_i| &lt;= {@link #LOGIT_LIMIT} and s_i &lt;=
 *       {@link #HIGH_GAP} (c = max z always qualifies);</li>
 *   <li>V is a left-to-right sum of the weights (an <i>exact sum</i>), or such a sum plus the
 *       changes of at most {@link #RESUM} re-weighed entries since, and never below a quarter of
 *       the largest total since the exact sum, nor below {@link #LOW_TOTAL};</li>
 *   <li>for a candidate index a, L and L + v_a are left-to-right partial sums of the weights, or
 *       such partial sums of the weights before one entry was re-weighed plus that entry's
 *       change where it lies at or before a. The adjusted form errs relative to the larger total
 *       the sums were taken at, so it is valid only while rule 2's quarter condition holds: when a
 *       weight collapses and the total falls below a quarter of its peak, the partial sums must be
 *       taken afresh, not only the total;</li>
 *   <li>a is returned only if {@link #certifies(double, double, double, int, double, double)}
 *       holds for x = fl(u V); otherwise the caller decides with {@link Softmax#sample}.</li>
 * </ol>
 *
 * <h2>Why the index is exact</h2>
 * Write P_i for the exact cumulative probabilities of the softmax and gamma_K = K 2^-53 /
 * (1 - K 2^-53) for the relative error of a left-to-right sum of K non-negative terms. The plain
 * path returns #{i : C_i &lt;= fl(u W)} with its partial sums C_i and total W; a certified caller
 * compares x = fl(u V) with partial sums L, L + v_a.
 * <ul>
 *   <li>Plain: w_i = Math.exp(fl(fl(z_i - m) / T)). Math.exp is within 1 ulp and its argument
 *       within 2^-52 relative, so every weight that matters (above 2^-100 of the total, hence
 *       |s_i| &lt; 70) has relative error below 2e-14; the others move a normalised sum by at most
 *       K 2^-100. So |C_i / W - P_i| &lt;= 4e-14 + 2 gamma_K.</li>
 *   <li>Certified: {@link #exp(double)} errs by at most 3.5e-6; the argument fl(fl(z_i - c)
 *       fl(1/T)) by at most 3 2^-53 |s_i|, with |s_i| &lt;= 114 for every weight above 2^-100 of a
 *       total of at least 2^-64 (gaps are at most 64); gaps below -{@value #LOW_GAP} are clamped
 *       there, which moves a normalised sum by less than K 2^64 e^-700. The incrementally kept
 *       total gains at most 2 2^-53 per update relative to the largest total since the last exact
 *       sum, and with at most {@value #RESUM} updates and the quarter rule its drift stays below
 *       8 RESUM 2^-53 = 2^-40 of the current total; the partial sums of a candidate, adjusted by
 *       the change of a re-weighed entry, err by at most 4 (gamma_K + 2^-53). So |L / V - P_{a-1}|
 *       and |(L + v_a) / V - P_a| are below 2 (3.5e-6 + 2^-40 + 5 gamma_K) &lt; 7.1e-6 +
 *       10 gamma_K.</li>
 * </ul>
 * If x lies more than M V inside [L, L + v_a) with M at least the sum of both bounds plus 2^-52,
 * then for every i &lt; a, C_i / W &lt;= P_{a-1} + 4e-14 + 2 gamma_K &lt; u (1 - 2^-53) &lt;=
 * fl(u W) / W, and for every i &gt;= a, C_i / W &gt; fl(u W) / W: the plain path returns a too.
 * {@link #margin(int)} is M = 2^-16 + 16 K 2^-53, about twice the bound, so a draw falls back to
 * the plain path with probability at most 2 (K - 1) M, about 2.8e-4 for K = 10.
 */
public final class CertifiedWeights {

    /** Gaps (z_i - c) / T above this need a new anchor (weights stay below e^64). */
    public static final double HIGH_GAP = 64;
    /** Gaps below -LOW_GAP are clamped to it (e^-700 is still a normal double). */
    public static final double LOW_GAP = 700;
    /** Re-weighed entries between two exact sums of the total. */
    public static final int RESUM = 1024;
    /** A total below this needs a new anchor. */
    public static final double LOW_TOTAL = 0x1p-64;
    /** Logits beyond this magnitude take the plain path, so z_i - c cannot overflow. */
    public static final double LOGIT_LIMIT = 0x1p1022;

    private CertifiedWeights() {
    }

    /**
     * The certificate's margin M for k entries, relative to the total.
     *
     * @param k the number of entries, at least 1
     * @return 2^-16 + 16 k 2^-53
     */
    public static double margin(int k) {
        return 0x1p-16 + 16 * k * 0x1p-53;
    }

    /**
     * Whether logit z may have a certified weight at gap s = (z - c) * beta (rule 1). Otherwise the
     * anchor must move or the plain path decide.
     *
     * @param z the logit
     * @param s its gap (z - c) * beta to the anchor c
     * @return true when |z| is at most {@link #LOGIT_LIMIT} and s at most {@link #HIGH_GAP}; false
     *     when z or s is NaN
     */
    public static boolean admits(double z, double s) {
        return Math.abs(z) <= LOGIT_LIMIT && s <= HIGH_GAP;
    }

    /**
     * The weight of a gap s = (z_i - c) * beta: {@code exp(max(s, -LOW_GAP))} by {@link #exp}. The
     * caller has checked s &lt;= {@link #HIGH_GAP}.
     *
     * @param s the gap, at most {@link #HIGH_GAP}
     * @return e^max(s, -700) within a relative error of 3.5e-6
     */
    public static double weight(double s) {
        return exp(s < -LOW_GAP ? -LOW_GAP : s);
    }

    /**
     * Whether x = u V lies more than the margin inside [lo, hi), the interval of index a: then a is
     * the plain path's index (see the class comment). For a = 0 the lower end is 0 and needs no
     * room: x &gt;= 0 always.
     *
     * @param x u times the total
     * @param lo the partial sum before index a
     * @param hi the partial sum up to and including index a
     * @param a the candidate index
     * @param total the total V
     * @param margin {@link #margin(int)}
     * @return true when a may be returned
     */
    public static boolean certifies(double x, double lo, double hi, int a, double total, double margin) {
        double room = margin * total;
        return hi - x > room && (a == 0 || x - lo > room);
    }

    /**
     * The inverse temperature 1/t when t allows certified weights (t &gt; 0 and 1/t a finite normal
     * double): T = 0, T = +infinity and the extremes of the range take the plain path.
     *
     * @param t the temperature T
     * @return fl(1/t), or NaN when t does not allow certified weights (also for a NaN t)
     */
    public static double beta(double t) {
        double b = 1.0 / t;
        return t > 0 && b >= Double.MIN_NORMAL && b < Double.POSITIVE_INFINITY ? b : Double.NaN;
    }

    /**
     * The anchor that always qualifies: max z over the first k logits.
     *
     * @param z the logits (length at least k)
     * @param k the number of logits read, from index 0
     * @return max(z[0..k)), or NaN when one of them is NaN or beyond {@link #LOGIT_LIMIT} in
     *     magnitude
     */
    public static double anchor(double[] z, int k) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            double zi = z[i];
            if (!(Math.abs(zi) <= LOGIT_LIMIT)) {
                return Double.NaN;
            }
            if (zi > m) {
                m = zi;
            }
        }
        return m;
    }

    /**
     * Sets the first k weights to {@code weight((z_i - anchor) * beta)} and returns their exact
     * sum. With the anchor at max z every gap is at most 0 and the largest weight is 1.
     *
     * @param z the logits (length at least k), each with its gap admitted by
     *     {@link #admits(double, double)}
     * @param k the number of entries, from index 0
     * @param anchor the anchor c
     * @param beta the inverse temperature, as {@link #beta(double)} returns it (not NaN)
     * @param weights receives the k weights (length at least k)
     * @return the left-to-right sum of the k weights (an exact sum in the sense of rule 2)
     */
    public static double weigh(double[] z, int k, double anchor, double beta, double[] weights) {
        for (int i = 0; i < k; i++) {
            weights[i] = weight((z[i] - anchor) * beta);
        }
        return sum(weights, k);
    }

    /**
     * The left-to-right sum of the first k weights (an exact sum in the sense of rule 2).
     *
     * @param weights the weights (length at least k)
     * @param k the number of entries summed, from index 0
     * @return weights[0] + ... + weights[k - 1], added left to right; 0 for k = 0
     */
    public static double sum(double[] weights, int k) {
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += weights[i];
        }
        return sum;
    }

    /**
     * Inversion of u on the first k weights by a left-to-right scan, certified against the total
     * (rule 4).
     *
     * @param weights the weights (length at least k), kept by rules 1 and 3
     * @param k the number of entries, at least 1
     * @param total their total V, kept by rule 2
     * @param u the uniform draw, in [0, 1)
     * @param margin {@link #margin(int)} of k
     * @return the index, in [0, k), or -1 when x = u V lies within the margin of a boundary (the
     *     plain path decides)
     */
    public static int certifiedIndex(double[] weights, int k, double total, double u, double margin) {
        final int last = k - 1;
        double x = u * total;
        double lo = 0;
        double hi = weights[0];
        int a = 0;
        while (a < last && hi <= x) {
            lo = hi;
            hi += weights[++a];
        }
        return certifies(x, lo, hi, a, total, margin) ? a : -1;
    }

    private static final double LOG2_E = 1.4426950408889634;
    /** ln 2 split so that j * LN2_HI is exact for |j| &lt; 2^20 (fdlibm's constants). */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5 * 2^52: adding it rounds to an integer held in the low mantissa bits. */
    private static final double SHIFT = 0x1.8p52;
    private static final double C3 = 1.0 / 6;
    private static final double C4 = 1.0 / 24;
    private static final double C5 = 1.0 / 120;

    /**
     * e^s with relative error below 3.5e-6 for s in [-700, 700].
     *
     * <p>Implementation note: s = j ln 2 + r with j = round(s / ln 2) (rounded by adding
     * 1.5 * 2^52) and |r| &lt;= ln(2)/2 + 1e-13, r computed with ln 2 split in two (Cody and
     * Waite): j LN2_HI is exact, so r carries an absolute error below 2^-52. e^r is its Taylor
     * polynomial of degree 5, evaluated by Estrin's scheme (fewer dependent operations than
     * Horner's rule); the remainder is e^xi r^6 / 6! with xi between 0 and r, relative to e^r at
     * most 0.3466^6 / 720 / e^-0.3466 = 3.41e-6, and rounding adds a few 2^-53. 2^j is built in
     * the exponent bits (|j| &lt;= 1010 keeps it and the product normal).
     *
     * @param s the exponent, in [-700, 700]
     * @return an approximation of e^s
     */
    public static double exp(double s) {
        double shifted = s * LOG2_E + SHIFT;
        double j = shifted - SHIFT;
        double r = s - j * LN2_HI - j * LN2_LO;
        double r2 = r * r;
        double p = (1 + r) + r2 * ((0.5 + r * C3) + r2 * (C4 + r * C5));
        long bits = Double.doubleToRawLongBits(shifted);
        return p * Double.longBitsToDouble((bits + 1023) << 52);
    }
}
