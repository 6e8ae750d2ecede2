package kelvin.env.bandit;

/**
 * The Lai &amp; Robbins lower bound on the regret of Bernoulli bandits: the Bernoulli
 * Kullback-Leibler divergence and the asymptotic regret constant.
 *
 * <h2>Definition</h2>
 * For a consistent policy (regret o(n^p) for every p &gt; 0 on every Bernoulli bandit), the expected
 * number of pulls of a suboptimal arm a after n steps satisfies
 * liminf E[N_a(n)] / ln n &gt;= 1 / KL(mu_a, mu*), so the expected regret satisfies
 * <pre>
 *   liminf_n E[Regret(n)] / ln n &gt;= C(mu) = sum over arms a with mu_a &lt; mu* of (mu* - mu_a) / KL(mu_a, mu*)
 *   KL(p, q) = p ln(p / q) + (1 - p) ln((1 - p) / (1 - q))
 * </pre>
 * with mu* = max_a mu_a. Example: means 0.1, 0.2, ..., 0.9 give C = 7.516516 (rounded; 7.5165155...).
 *
 * <h2>Edge cases (p, q in [0, 1])</h2>
 * <ul>
 *   <li>0 ln 0 = 0 (its limit): a term whose weight p (or 1 - p) is 0 contributes 0, whatever q.
 *       So KL(0, q) = -ln(1 - q), KL(1, q) = -ln q, and KL(p, p) = 0.</li>
 *   <li>A term with a positive weight and a zero denominator is +infinity: KL(p, 0) = +infinity
 *       for p &gt; 0 and KL(p, 1) = +infinity for p &lt; 1 (the two laws are mutually singular on
 *       that outcome).</li>
 *   <li>In C, an arm with KL(mu_a, mu*) = +infinity contributes (mu* - mu_a) / infinity = 0. This
 *       happens exactly when mu* = 1: the optimal arm never fails, so one failure identifies a
 *       suboptimal arm and it needs only O(1) pulls, not order ln n. Arms tied with mu* are not
 *       suboptimal and contribute nothing; if every arm is optimal, C = 0.</li>
 * </ul>
 *
 * <h2>References</h2>
 * <ul>
 *   <li>T. L. Lai and H. Robbins, "Asymptotically efficient adaptive allocation rules",
 *       <i>Advances in Applied Mathematics</i> 6(1), 1985, 4-22 (Theorem 2).</li>
 *   <li>T. Lattimore and C. Szepesv&aacute;ri, <i>Bandit Algorithms</i>, Cambridge University
 *       Press, 2020, chapter 16 "Asymptotic Lower Bounds".</li>
 * </ul>
 */
public final class LaiRobbins {

    private LaiRobbins() {
    }

    /**
     * The Kullback-Leibler divergence KL(Ber(p) || Ber(q)) in nats, with the conventions above.
     *
     * @param p the first success probability, in [0, 1]
     * @param q the second success probability, in [0, 1]
     * @return KL(p, q), in [0, +infinity]
     * @throws IllegalArgumentException if {@code p} or {@code q} is outside [0, 1] or NaN
     */
    public static double bernoulliKl(double p, double q) {
        checkProbability("p", p);
        checkProbability("q", q);
        return term(p, q) + term(1 - p, 1 - q);
    }

    /** x ln(x / y) with 0 ln(0 / y) = 0 and x ln(x / 0) = +infinity for x &gt; 0. */
    private static double term(double x, double y) {
        if (x == 0) {
            return 0.0;
        }
        if (y == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return x * Math.log(x / y);
    }

    /**
     * The Lai &amp; Robbins constant C(mu) of a Bernoulli bandit: the asymptotic regret of a
     * consistent policy is at least (C + o(1)) ln n.
     *
     * @param means the K &gt;= 1 success probabilities, each in [0, 1]
     * @return C(mu), finite and &gt;= 0
     * @throws IllegalArgumentException if {@code means} is empty or a mean is outside [0, 1] or NaN
     * @throws NullPointerException if {@code means} is null
     */
    public static double bernoulliConstant(double... means) {
        if (means.length < 1) {
            throw new IllegalArgumentException("means is empty: a bandit needs at least 1 arm");
        }
        for (int i = 0; i < means.length; i++) {
            if (!(means[i] >= 0 && means[i] <= 1)) {
                throw new IllegalArgumentException("means[" + i + "] is not in [0, 1]: " + means[i]);
            }
        }
        double best = BanditMath.max(means);
        double c = 0;
        for (double mu : means) {
            if (mu < best) {
                // an infinite KL (best = 1) adds gap / inf = 0, the documented convention
                c += (best - mu) / bernoulliKl(mu, best);
            }
        }
        return c;
    }

    private static void checkProbability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " is not in [0, 1]: " + value);
        }
    }
}
