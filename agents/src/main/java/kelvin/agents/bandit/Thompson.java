package kelvin.agents.bandit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import kelvin.agents.policy.Argmax;
import kelvin.api.Component;
import kelvin.api.Environment;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Thompson sampling ({@code thompson}): draw one sample per arm from its posterior and play the
 * largest (probability matching).
 *
 * <h2>Models</h2>
 * With N_a the pulls of arm a and S_a the sum of its rewards:
 * <ul>
 *   <li>{@link #bernoulli()}: rewards 0 or 1, prior Beta(1, 1) (uniform) on each mean; posterior
 *       Beta(alpha_a, beta_a) with alpha_a = 1 + S_a (successes) and beta_a = 1 + N_a - S_a
 *       (failures). A reward other than 0 or 1 is an {@link IllegalArgumentException}.</li>
 *   <li>{@link #gaussian(double)}: rewards N(mu_a, sigma^2) with known noise sd sigma, prior
 *       N(0, 1) on each mean; posterior N(m_a, 1 / tau_a) with precision
 *       tau_a = 1 + N_a / sigma^2 and mean m_a = (S_a / sigma^2) / tau_a. (The prior matches the
 *       10-armed testbed, whose means are drawn N(0, 1).)</li>
 * </ul>
 *
 * <h2>Rule and random numbers</h2>
 * Each step draws theta_a from every arm's posterior, for a = 0, 1, ..., K-1 in order, and plays
 * argmax_a theta_a (ties, of probability 0, broken by {@code rng.nextInt(ties)}). Gaussian:
 * theta_a = m_a + s_a z_a with the posterior sd s_a = 1 / sqrt(tau_a) and z_a a standard normal from a
 * {@link ZigguratSampler.NormalizedGaussian} (McFarland 2016) over the agent's stream. Bernoulli:
 * theta_a = X / (X + Y) with X ~ Gamma(alpha_a, 1) drawn first, then Y ~ Gamma(beta_a, 1), which is
 * Beta(alpha_a, beta_a)-distributed; both shapes are at least 1, and the Gamma variates come from
 * Marsaglia &amp; Tsang's method, draw for draw the one of Commons RNG's
 * {@code AhrensDieterMarsagliaTsangGammaSampler} (see {@code MarsagliaTsang}), with the shape
 * passed per draw so nothing is allocated per step.
 *
 * <h2>Distribution (Monte Carlo)</h2>
 * Thompson sampling's action distribution, P(arm a has the largest posterior sample), has no closed
 * form. {@link Learner#distribution(double[])} and {@link Learner#entropy()} report an estimate:
 * the share of M independent joint posterior draws (M = {@link #MONTE_CARLO_DRAWS} = 1000 unless
 * set by {@link #withMonteCarloDraws(int)}) in which each arm has the largest sample (an arm tied
 * with others for the largest gets 1/ties of that draw), and the plug-in entropy
 * -sum_a s_a ln s_a of those shares (so the standard error of a share s is
 * sqrt(s (1 - s) / M) &lt;= 0.016 at M = 1000). One estimate costs M K posterior draws, as much
 * as M steps of acting: record the entropy at few checkpoints, or lower M. The draws come from a
 * separate generator the learner owns, seeded once in {@link #start(int, UniformRandomProvider)}
 * by one {@code nextLong()} of the agent's stream; so how often (or whether) the distribution is
 * asked for never changes the actions. The estimate is computed on the first request of a step and
 * cached until the next {@link Learner#update(int, double)}, so entropy and distribution agree
 * within a step. There is no temperature (NaN).
 *
 * <h2>References</h2>
 * <ul>
 *   <li>W. R. Thompson, "On the likelihood that one unknown probability exceeds another in view of
 *       the evidence of two samples", <i>Biometrika</i> 25(3/4), 1933, 285-294.</li>
 *   <li>S. Agrawal and N. Goyal, "Analysis of Thompson sampling for the multi-armed bandit
 *       problem", <i>Proceedings of the 25th Annual Conference on Learning Theory (COLT)</i>, JMLR
 *       W&amp;CP 23, 2012, 39.1-39.26 (Beta(1, 1) priors for Bernoulli rewards).</li>
 *   <li>D. J. Russo, B. Van Roy, A. Kazerouni, I. Osband and Z. Wen, "A tutorial on Thompson
 *       sampling", <i>Foundations and Trends in Machine Learning</i> 11(1), 2018, 1-96 (sections
 *       3 and 4: Beta-Bernoulli and conjugate Gaussian updates).</li>
 *   <li>G. Marsaglia and W. W. Tsang, "A simple method for generating gamma variables", <i>ACM
 *       Transactions on Mathematical Software</i> 26(3), 2000, 363-372.</li>
 * </ul>
 */
public final class Thompson implements BanditAgent {

    /** The default number of joint posterior draws behind a reported action distribution. */
    public static final int MONTE_CARLO_DRAWS = BanditSupport.MONTE_CARLO_DRAWS;

    /** The reward model and its conjugate prior. */
    public enum Model {
        /** Rewards 0 or 1; Beta(1, 1) priors. */
        BERNOULLI,
        /** Gaussian rewards with known noise sd; N(0, 1) priors. */
        GAUSSIAN
    }

    private static final Thompson BERNOULLI = new Thompson(Model.BERNOULLI, Double.NaN, MONTE_CARLO_DRAWS);

    private final Model model;
    /**
     * The smallest known noise sd a config may give: the posterior mean divides reward sums (at most
     * about 1e60 over 10^8 steps of rewards of 1e50) by sigma^2 (at least 1e-100), which must stay
     * finite.
     */
    static final double MIN_NOISE = 1e-50;
    private static final ValueType.Num NOISE = ValueType.Num.closed(MIN_NOISE, ValueType.Num.MAX_MAGNITUDE);

    /** The known noise sd sigma (Gaussian), or NaN (Bernoulli). */
    private final double noiseSd;
    private final int monteCarloDraws;

    private Thompson(Model model, double noiseSd, int monteCarloDraws) {
        this.model = model;
        this.noiseSd = noiseSd;
        this.monteCarloDraws = monteCarloDraws;
    }

    /**
     * Thompson sampling for Bernoulli rewards with Beta(1, 1) priors.
     *
     * @return the agent
     */
    public static Thompson bernoulli() {
        return BERNOULLI;
    }

    /**
     * Thompson sampling for Gaussian rewards with known noise standard deviation and N(0, 1)
     * priors on the means.
     *
     * @param noiseSd the reward noise standard deviation sigma, finite and &gt; 0
     * @return the agent
     * @throws IllegalArgumentException if {@code noiseSd} is not finite and &gt; 0
     */
    public static Thompson gaussian(double noiseSd) {
        return new Thompson(Model.GAUSSIAN, BanditSupport.positiveFinite("noiseSd", noiseSd), MONTE_CARLO_DRAWS);
    }

    /**
     * The same agent with M Monte Carlo draws behind each reported action distribution (the
     * actions do not depend on M).
     *
     * @param draws M, at least 1 (default {@link #MONTE_CARLO_DRAWS})
     * @return the agent
     * @throws IllegalArgumentException if {@code draws < 1}
     */
    public Thompson withMonteCarloDraws(int draws) {
        return new Thompson(model, noiseSd, BanditSupport.checkDraws(draws));
    }

    /**
     * {@inheritDoc} Here M K: M draws of each of the K arms.
     */
    @Override
    public long distributionCost(int arms) {
        return (long) monteCarloDraws * arms;
    }

    /**
     * M, the number of joint posterior draws behind a reported action distribution.
     *
     * @return M, at least 1
     */
    public int monteCarloDraws() {
        return monteCarloDraws;
    }

    /**
     * The reward model, which fixes the prior and the posterior update.
     *
     * @return {@link Model#BERNOULLI} or {@link Model#GAUSSIAN}
     */
    public Model model() {
        return model;
    }

    /**
     * The known reward noise standard deviation sigma of the Gaussian model.
     *
     * @return sigma, finite and &gt; 0, or NaN for the Bernoulli model
     */
    public double noiseSd() {
        return noiseSd;
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
        return new Learner(arms, model, noiseSd, monteCarloDraws, rng, BanditSupport.monteCarloGenerator(rng));
    }

    @Override
    public String toString() {
        String draws = monteCarloDraws == MONTE_CARLO_DRAWS ? "" : ", monte-carlo-draws=" + monteCarloDraws;
        return model == Model.BERNOULLI ? "thompson(bernoulli, prior=Beta(1,1)" + draws + ")"
            : "thompson(gaussian, prior=N(0,1), noise-sd=" + noiseSd + draws + ")";
    }

    /** One run's Thompson learner: counts, reward sums, posterior parameters and buffers. */
    public static final class Learner implements BanditLearner {
        private final int k;
        private final int draws;
        private final boolean bernoulli;
        /** sigma^2 (Gaussian), NaN otherwise. */
        private final double noiseVariance;
        private final UniformRandomProvider rng;
        private final NormalizedGaussianSampler gaussian;
        private final UniformRandomProvider mcRng;
        private final NormalizedGaussianSampler mcGaussian;
        private final long[] n;
        private final double[] sum;
        /** Bernoulli: Marsaglia-Tsang's d and c of Gamma(alpha_a) (dA, cA) and of Gamma(beta_a) (dB, cB). */
        private final double[] dA;
        private final double[] cA;
        private final double[] dB;
        private final double[] cB;
        /** Gaussian: the posterior mean m_a and sd 1 / sqrt(tau_a). */
        private final double[] mean;
        private final double[] sd;
        private final double[] theta;
        private final double[] shares;
        private boolean estimated;

        Learner(int k, Model model, double noiseSd, int draws, UniformRandomProvider rng,
                UniformRandomProvider mcRng) {
            this.k = k;
            this.draws = draws;
            this.bernoulli = model == Model.BERNOULLI;
            this.noiseVariance = noiseSd * noiseSd;
            this.rng = rng;
            this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
            this.mcRng = mcRng;
            this.mcGaussian = ZigguratSampler.NormalizedGaussian.of(mcRng);
            this.n = new long[k];
            this.sum = new double[k];
            this.dA = bernoulli ? new double[k] : null;
            this.cA = bernoulli ? new double[k] : null;
            this.dB = bernoulli ? new double[k] : null;
            this.cB = bernoulli ? new double[k] : null;
            this.mean = bernoulli ? null : new double[k];
            this.sd = bernoulli ? null : new double[k];
            this.theta = new double[k];
            this.shares = new double[k];
            for (int a = 0; a < k; a++) {
                refresh(a);
            }
        }

        /** Recomputes the sampling parameters of arm a from N_a and S_a. */
        private void refresh(int a) {
            if (bernoulli) {
                dA[a] = MarsagliaTsang.d(1 + sum[a]);
                cA[a] = MarsagliaTsang.c(dA[a]);
                dB[a] = MarsagliaTsang.d(1 + (n[a] - sum[a]));
                cB[a] = MarsagliaTsang.c(dB[a]);
            } else {
                double tau = 1 + n[a] / noiseVariance;
                mean[a] = (sum[a] / noiseVariance) / tau;
                sd[a] = 1 / Math.sqrt(tau);
            }
        }

        /** theta_a for a = 0 .. K-1, in order, from the given streams. */
        private void drawPosterior(NormalizedGaussianSampler g, UniformRandomProvider u, double[] out) {
            if (bernoulli) {
                for (int a = 0; a < k; a++) {
                    double x = MarsagliaTsang.sample(dA[a], cA[a], g, u);
                    double y = MarsagliaTsang.sample(dB[a], cB[a], g, u);
                    out[a] = x / (x + y);
                }
            } else {
                for (int a = 0; a < k; a++) {
                    out[a] = mean[a] + sd[a] * g.sample();
                }
            }
        }

        @Override
        public int select() {
            drawPosterior(gaussian, rng, theta);
            return Argmax.select(theta, k, rng);
        }

        /**
         * {@inheritDoc}
         *
         * @throws IllegalArgumentException if the reward is not 0 or 1 (Bernoulli model) or not
         *     finite (Gaussian model)
         */
        @Override
        public void update(int arm, double reward) {
            if (bernoulli) {
                if (!(reward == 0 || reward == 1)) {
                    throw new IllegalArgumentException(
                        "reward is not 0 or 1 (Bernoulli Thompson sampling): " + reward);
                }
            } else {
                BanditSupport.finiteReward(reward);
            }
            n[arm]++;
            sum[arm] += reward;
            refresh(arm);
            estimated = false;
        }

        /** The Monte Carlo estimate of P(A_t = a), computed once per step. */
        private double[] shares() {
            if (!estimated) {
                Arrays.fill(shares, 0.0);
                for (int m = 0; m < draws; m++) {
                    drawPosterior(mcGaussian, mcRng, theta);
                    BanditSupport.creditWinner(theta, k, shares);
                }
                for (int a = 0; a < k; a++) {
                    shares[a] /= draws;
                }
                estimated = true;
            }
            return shares;
        }

        /** {@inheritDoc} A Monte Carlo estimate (see the class documentation). */
        @Override
        public double entropy() {
            return BanditSupport.entropy(shares(), k);
        }

        /** NaN: Thompson sampling has no temperature. */
        @Override
        public double temperature() {
            return Double.NaN;
        }

        /** {@inheritDoc} A Monte Carlo estimate (see the class documentation). */
        @Override
        public void distribution(double[] out) {
            BanditSupport.checkOut(out, k);
            System.arraycopy(shares(), 0, out, 0, k);
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
         * The sum of the rewards of {@code arm}, S(arm).
         *
         * @param arm the arm, in [0, K)
         * @return S(arm), 0 before the arm's first pull; for Bernoulli rewards its number of successes
         */
        public double rewardSum(int arm) {
            return sum[arm];
        }

        /**
         * The posterior Beta's first shape, alpha(arm) = 1 + S(arm).
         *
         * @param arm the arm, in [0, K)
         * @return 1 + the arm's successes, at least 1
         * @throws IllegalStateException for the Gaussian model
         */
        public double posteriorAlpha(int arm) {
            requireBernoulli();
            return 1 + sum[arm];
        }

        /**
         * The posterior Beta's second shape, beta(arm) = 1 + N(arm) - S(arm).
         *
         * @param arm the arm, in [0, K)
         * @return 1 + the arm's failures, at least 1
         * @throws IllegalStateException for the Gaussian model
         */
        public double posteriorBeta(int arm) {
            requireBernoulli();
            return 1 + (n[arm] - sum[arm]);
        }

        /**
         * The posterior precision tau(arm) = 1 + N(arm) / sigma^2 of the arm's mean.
         *
         * @param arm the arm, in [0, K)
         * @return tau(arm), at least 1 (the prior's precision before the first pull)
         * @throws IllegalStateException for the Bernoulli model
         */
        public double posteriorPrecision(int arm) {
            if (bernoulli) {
                throw new IllegalStateException("the Bernoulli model has a Beta posterior: ask for alpha and beta");
            }
            return 1 + n[arm] / noiseVariance;
        }

        /**
         * The mean of the arm's posterior.
         *
         * @param arm the arm, in [0, K)
         * @return alpha / (alpha + beta), in (0, 1) (Bernoulli), or m = (S / sigma^2) / tau (Gaussian);
         *     the prior mean 1/2 or 0 before the arm's first pull
         */
        public double posteriorMean(int arm) {
            if (bernoulli) {
                double alpha = posteriorAlpha(arm);
                return alpha / (alpha + posteriorBeta(arm));
            }
            return (sum[arm] / noiseVariance) / posteriorPrecision(arm);
        }

        private void requireBernoulli() {
            if (!bernoulli) {
                throw new IllegalStateException("the Gaussian model has a normal posterior: ask for its precision");
            }
        }
    }


    /** The {@code thompson} agent of configs. */
    public static final class Declaration extends Component<BanditAgent> {
        /** Declares the keys. */
        public Declaration() {
            super(Kind.BANDIT_AGENT, "thompson",
                    "sample each arm's posterior, play the argmax: Beta(1,1) priors on Bernoulli arms, N(0, 1) "
                            + "priors with known noise on Gaussian arms (Thompson 1933)",
                    "Thompson (1933), On the likelihood that one unknown probability exceeds another, Biometrika 25",
                    List.of(
                    Key.optional("prior", new ValueType.Choice(List.of("auto", "beta", "gaussian")), "auto",
                            "auto: beta on bernoulli-bandit, gaussian otherwise"),
                    Key.optional("noise", NOISE,
                            "known reward noise sd for the gaussian prior; "
                            + "default: the environment's noise"),
                    Key.optional("estimate-draws", new ValueType.Int(10, 1_000_000), 100L,
                            "posterior draws behind the reported action distribution (entropy metric)")));
        }

        @Override
        public BanditAgent create(Settings v) {
            Environment env = v.context().environment();
            boolean binary = env != null && env.binaryRewards();
            String prior = v.str("prior");
            if ("auto".equals(prior)) {
                prior = binary ? "beta" : "gaussian";
            }
            if ("beta".equals(prior) && env != null && !binary) {
                throw v.error("prior", "a beta prior needs rewards 0 or 1 (bernoulli-bandit); use prior: gaussian");
            }
            double envNoise = env == null || Double.isNaN(env.rewardNoise()) ? 1.0 : env.rewardNoise();
            if ("gaussian".equals(prior) && !v.has("noise") && !(envNoise >= MIN_NOISE)) {
                throw v.error("noise", "the environment's reward noise is " + envNoise + ", and the gaussian prior "
                        + "divides by its square; give thompson a known noise (noise: 1.0, say), "
                        + NOISE.describe());
            }
            Thompson t = "beta".equals(prior) ? bernoulli() : gaussian(v.num("noise", envNoise));
            return t.withMonteCarloDraws(v.intValue("estimate-draws"));
        }
    }
}
