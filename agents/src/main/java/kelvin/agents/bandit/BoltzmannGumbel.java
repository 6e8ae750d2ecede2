package kelvin.agents.bandit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import kelvin.agents.policy.Argmax;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Boltzmann-Gumbel exploration ({@code boltzmann-gumbel}): Boltzmann exploration "done right", with
 * a separate, shrinking learning rate per arm.
 *
 * <h2>Rule</h2>
 * Each arm is pulled once first, in index order 0, 1, ..., K-1. Then, with mu_a the sample average
 * of arm a's rewards and N_a its pulls,
 * <pre>
 *   A_t = argmax_a  mu_a + beta_a Z_a,     beta_a = c / sqrt(N_a),     Z_a ~ Gumbel(0, 1)
 * </pre>
 * with Z_0 .. Z_{K-1} drawn fresh and independently at every step, and ties broken uniformly at
 * random. By the Gumbel-max trick, if every arm had the same N, this is exactly Boltzmann
 * exploration softmax(mu / T) at temperature T = c / sqrt(N); with unequal counts, rarely pulled
 * arms get more noise. c = 0 is greedy after the initial round. (beta_a is precomputed on update.)
 *
 * <h2>Random numbers</h2>
 * None during the initial round. Afterwards K uniforms per step, U_a = {@code rng.nextDouble()}
 * for a = 0 .. K-1 in order, each turned into Z_a = -ln(-ln U_a); U_a = 0 (probability 2^-53),
 * where Z would be -infinity, is replaced by 2^-54, the middle of its grid cell [0, 2^-53), so Z is
 * always finite (between -ln(54 ln 2) = -3.62 and -ln(-ln(1 - 2^-53)) = 36.7; the standard Gumbel
 * puts mass exp(-e^3.6) &lt; 1e-15 below -3.6). Then {@code rng.nextInt(ties)} only on ties.
 *
 * <h2>Distribution (Monte Carlo)</h2>
 * During the initial round the distribution is the point mass on the arm to be pulled. Afterwards
 * P(A_t = a) has no closed form when the counts differ: {@link Learner#distribution(double[])} and
 * {@link Learner#entropy()} report the share of M independent perturbation draws (Z_0 .. Z_{K-1};
 * M = {@link #MONTE_CARLO_DRAWS} = 1000 unless set by {@link #withMonteCarloDraws(int)}; one
 * estimate costs as much as M steps of acting) in which each arm wins (an arm tied for the
 * maximum gets 1/ties of that draw), and the plug-in entropy of those shares. (With equal counts
 * N the exact answer is softmax(mu / (c / sqrt(N))), the Gumbel-max trick; the estimate does not
 * special-case it.) The draws come from a separate generator the learner owns, seeded once in
 * {@link #start(int, UniformRandomProvider)} by one {@code nextLong()} of the agent's stream, so
 * asking for the distribution never changes the actions. The estimate is cached until the next
 * {@link Learner#update(int, double)}. There is no single temperature (NaN): each arm has its own
 * beta_a.
 *
 * <h2>Reference</h2>
 * N. Cesa-Bianchi, C. Gentile, G. Lugosi and G. Neu, "Boltzmann exploration done right",
 * <i>Advances in Neural Information Processing Systems 30</i> (NIPS 2017), 2017, 6284-6293
 * (section 4, Boltzmann-Gumbel exploration, beta_{t,i} = sqrt(C^2 / N_{t,i})); E. J. Gumbel,
 * <i>Statistical Theory of Extreme Values and Some Practical Applications</i>, National Bureau of
 * Standards Applied Mathematics Series 33, 1954 (the Gumbel-max trick).
 */
public final class BoltzmannGumbel implements BanditAgent {

    /** The default number of perturbation draws behind a reported action distribution. */
    public static final int MONTE_CARLO_DRAWS = BanditSupport.MONTE_CARLO_DRAWS;

    /** U = 0 is replaced by this value, the middle of the cell [0, 2^-53) of {@code nextDouble()}. */
    private static final double SMALLEST_U = 0x1.0p-54;

    private final double c;
    private final int monteCarloDraws;

    private BoltzmannGumbel(double c, int monteCarloDraws) {
        this.c = c;
        this.monteCarloDraws = monteCarloDraws;
    }

    /**
     * Boltzmann-Gumbel exploration with scale c.
     *
     * @param c the exploration scale C of beta_a = C / sqrt(N_a), finite and &gt;= 0
     * @return the agent
     * @throws IllegalArgumentException if {@code c} is negative, infinite or NaN
     */
    public static BoltzmannGumbel of(double c) {
        return new BoltzmannGumbel(BanditSupport.nonNegativeFinite("c", c), MONTE_CARLO_DRAWS);
    }

    /**
     * The same agent with M Monte Carlo draws behind each reported action distribution (the
     * actions do not depend on M).
     *
     * @param draws M, at least 1 (default {@link #MONTE_CARLO_DRAWS})
     * @return the agent
     * @throws IllegalArgumentException if {@code draws < 1}
     */
    public BoltzmannGumbel withMonteCarloDraws(int draws) {
        return new BoltzmannGumbel(c, BanditSupport.checkDraws(draws));
    }

    /**
     * {@inheritDoc} Here M K: M draws of each of the K arms.
     */
    @Override
    public long distributionCost(int arms) {
        return (long) monteCarloDraws * arms;
    }

    /**
     * M, the number of Monte Carlo draws behind a reported action distribution.
     *
     * @return M, at least 1
     */
    public int monteCarloDraws() {
        return monteCarloDraws;
    }

    /**
     * The exploration scale c of beta_a = c / sqrt(N_a).
     *
     * @return c, finite and &gt;= 0
     */
    public double c() {
        return c;
    }

    /**
     * A standard Gumbel variate Z = -ln(-ln U) from one {@code rng.nextDouble()}, with U = 0 read
     * as 2^-54 so Z is finite.
     *
     * @param rng the generator
     * @return Z
     */
    static double gumbel(UniformRandomProvider rng) {
        double u = rng.nextDouble();
        if (u == 0) {
            u = SMALLEST_U;
        }
        return -Math.log(-Math.log(u));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Takes one {@code nextLong()} from {@code rng} to seed the learner's private Monte Carlo
     * generator, before any action is drawn.
     *
     * @throws IllegalArgumentException if {@code arms < 1}
     * @throws NullPointerException if {@code rng} is null
     */
    @Override
    public Learner start(int arms, UniformRandomProvider rng) {
        BanditSupport.checkArms(arms);
        Objects.requireNonNull(rng, "rng");
        return new Learner(arms, c, monteCarloDraws, rng, BanditSupport.monteCarloGenerator(rng));
    }

    @Override
    public String toString() {
        return "boltzmann-gumbel(c=" + c
            + (monteCarloDraws == MONTE_CARLO_DRAWS ? "" : ", monte-carlo-draws=" + monteCarloDraws) + ")";
    }

    /** One run's learner: sample averages, counts, per-arm scales and buffers. */
    public static final class Learner implements BanditLearner {
        private final int k;
        private final double c;
        private final int draws;
        private final UniformRandomProvider rng;
        private final UniformRandomProvider mcRng;
        private final double[] mu;
        private final long[] n;
        /** beta_a = c / sqrt(N_a), for pulled arms. */
        private final double[] beta;
        private final double[] score;
        private final double[] shares;
        private boolean estimated;
        /** The lowest arm not yet pulled, or k once every arm has been pulled. */
        private int firstUntried;

        Learner(int k, double c, int draws, UniformRandomProvider rng, UniformRandomProvider mcRng) {
            this.k = k;
            this.draws = draws;
            this.c = c;
            this.rng = rng;
            this.mcRng = mcRng;
            this.mu = new double[k];
            this.n = new long[k];
            this.beta = new double[k];
            this.score = new double[k];
            this.shares = new double[k];
        }

        /** score_a = mu_a + beta_a Z_a for a = 0 .. K-1, Z_a from {@code u}. */
        private void perturb(UniformRandomProvider u) {
            for (int a = 0; a < k; a++) {
                score[a] = mu[a] + beta[a] * gumbel(u);
            }
        }

        @Override
        public int select() {
            if (firstUntried < k) {
                return firstUntried;
            }
            perturb(rng);
            return Argmax.select(score, k, rng);
        }

        /**
         * {@inheritDoc}
         *
         * @throws IllegalArgumentException if {@code reward} is not finite
         */
        @Override
        public void update(int arm, double reward) {
            BanditSupport.finiteReward(reward);
            long pulls = ++n[arm];
            mu[arm] += (reward - mu[arm]) / pulls;
            beta[arm] = c / Math.sqrt(pulls);
            while (firstUntried < k && n[firstUntried] > 0) {
                firstUntried++;
            }
            estimated = false;
        }

        /** The Monte Carlo estimate of P(A_t = a) after the initial round, computed once per step. */
        private double[] shares() {
            if (!estimated) {
                Arrays.fill(shares, 0.0);
                for (int m = 0; m < draws; m++) {
                    perturb(mcRng);
                    BanditSupport.creditWinner(score, k, shares);
                }
                for (int a = 0; a < k; a++) {
                    shares[a] /= draws;
                }
                estimated = true;
            }
            return shares;
        }

        /** {@inheritDoc} 0 during the initial round; then a Monte Carlo estimate. */
        @Override
        public double entropy() {
            if (firstUntried < k) {
                return 0.0;
            }
            return BanditSupport.entropy(shares(), k);
        }

        /** NaN: every arm has its own beta_a, there is no single temperature. */
        @Override
        public double temperature() {
            return Double.NaN;
        }

        /** {@inheritDoc} The point mass during the initial round; then a Monte Carlo estimate. */
        @Override
        public void distribution(double[] out) {
            BanditSupport.checkOut(out, k);
            if (firstUntried < k) {
                BanditSupport.pointMass(out, k, firstUntried);
                return;
            }
            System.arraycopy(shares(), 0, out, 0, k);
        }

        /**
         * The sample average mu(arm) of the arm's rewards.
         *
         * @param arm the arm, in [0, K)
         * @return mu(arm), or 0 before the arm's first pull
         */
        public double value(int arm) {
            return mu[arm];
        }

        /**
         * How many times {@code arm} has been pulled, N(arm).
         *
         * @param arm the arm, in [0, K)
         * @return N(arm), at least 0
         */
        public long pulls(int arm) {
            return n[arm];
        }

        /**
         * The perturbation scale beta(arm) = c / sqrt(N(arm)) of the arm's Gumbel noise.
         *
         * @param arm the arm, in [0, K)
         * @return beta(arm), or +infinity before the arm's first pull
         */
        public double scale(int arm) {
            return n[arm] == 0 ? Double.POSITIVE_INFINITY : beta[arm];
        }
    }


    /** The {@code boltzmann-gumbel} agent of configs. */
    public static final class Declaration extends Component<BanditAgent> {
        /** Declares the keys. */
        public Declaration() {
            super(Kind.BANDIT_AGENT, "boltzmann-gumbel",
                    "each arm once, then argmax mu_a + c Z_a / sqrt(N_a), Z_a ~ Gumbel(0, 1) fresh each step "
                            + "(Cesa-Bianchi, Gentile, Lugosi & Neu 2017)",
                    "Cesa-Bianchi, Gentile, Lugosi & Neu (2017), Boltzmann exploration done right, NeurIPS", List.of(
                    Key.optional("c", ValueType.Num.scale(), 1.0, "scale of the Gumbel perturbations"),
                    Key.optional("estimate-draws", new ValueType.Int(10, 1_000_000), 100L,
                            "perturbation draws behind the reported action distribution (entropy metric)")));
        }

        @Override
        public BanditAgent create(Settings v) {
            return of(v.num("c")).withMonteCarloDraws(v.intValue("estimate-draws"));
        }
    }
}
