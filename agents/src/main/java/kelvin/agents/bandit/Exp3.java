package kelvin.agents.bandit;

import java.util.List;
import java.util.Objects;
import kelvin.agents.softmax.Softmax;
import kelvin.api.Component;
import kelvin.api.Environment;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Exp3, exponential weights for exploration and exploitation ({@code exp3}), for adversarial
 * (nonstochastic) bandits.
 *
 * <h2>Rule</h2>
 * Log-weights start at ln w_i = 0. At each step, with K arms and mixing rate gamma in (0, 1],
 * <pre>
 *   p_i = (1 - gamma) exp(ln w_i) / sum_j exp(ln w_j) + gamma / K
 * </pre>
 * the arm A is drawn from p, and after its reward r, rescaled to x = (r - rewardMin) /
 * (rewardMax - rewardMin) in [0, 1],
 * <pre>
 *   x_hat = x / p_A,        ln w_A += gamma x_hat / K          (other weights unchanged)
 * </pre>
 * where p is the distribution that chose A (Auer et al. 2002, Figure 1, with
 * w_i(t+1) = w_i(t) exp(gamma x_hat_i(t) / K)). The weights are kept as logarithms and turned into
 * probabilities by {@link Softmax} (temperature 1, the maximum subtracted), so nothing overflows:
 * since p_A &gt;= gamma / K, each step adds at most 1 to one log-weight.
 *
 * <h2>Rewards</h2>
 * Rewards are expected in [rewardMin, rewardMax] (default [0, 1], e.g. Bernoulli rewards); a reward
 * outside the range is clipped to it before rescaling, and NaN is an {@link IllegalArgumentException}.
 * Exp3's guarantee assumes x in [0, 1]. Gaussian rewards are unbounded, so on a Gaussian bandit any
 * range is occasionally exceeded: clipping keeps the run going at the price of a small bias, which a
 * range covering the bulk of the rewards (e.g. the means plus or minus four noise sd) keeps
 * negligible.
 *
 * <h2>Random numbers</h2>
 * Exactly one u = {@code rng.nextDouble()} per step, inverted on the cumulative sums of p: the
 * result is the first i with u &lt; p_0 + ... + p_i, or K - 1 if round-off leaves u past the last
 * sum (every p_i &gt;= gamma / K &gt; 0, so any arm is a valid fallback).
 *
 * <h2>Distribution</h2>
 * Exact: p above; entropy -sum p_i ln p_i. Exp3 has no temperature in Kelvin's sense (its policy is
 * a mixture with the uniform distribution), so {@link Learner#temperature()} is NaN.
 *
 * <h2>Reference</h2>
 * P. Auer, N. Cesa-Bianchi, Y. Freund and R. E. Schapire, "The nonstochastic multiarmed bandit
 * problem", <i>SIAM Journal on Computing</i> 32(1), 2002, 48-77 (section 3, Figure 1, Exp3;
 * Corollary 3.2 for the default gamma).
 */
public final class Exp3 implements BanditAgent {

    private final double gamma;
    private final double rewardMin;
    private final double rewardMax;

    private Exp3(double gamma, double rewardMin, double rewardMax) {
        this.gamma = gamma;
        this.rewardMin = rewardMin;
        this.rewardMax = rewardMax;
    }

    /**
     * Exp3 for rewards in [rewardMin, rewardMax].
     *
     * @param gamma the mixing rate, in (0, 1]
     * @param rewardMin the smallest possible reward, finite
     * @param rewardMax the largest possible reward, finite, with rewardMax - rewardMin finite and &gt; 0
     * @return the agent
     * @throws IllegalArgumentException if {@code gamma} is outside (0, 1] or NaN, a bound is not
     *     finite, or the range is empty or its width overflows
     */
    public static Exp3 of(double gamma, double rewardMin, double rewardMax) {
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma is not in (0, 1]: " + gamma);
        }
        if (!Double.isFinite(rewardMin)) {
            throw new IllegalArgumentException("rewardMin is not finite: " + rewardMin);
        }
        if (!Double.isFinite(rewardMax)) {
            throw new IllegalArgumentException("rewardMax is not finite: " + rewardMax);
        }
        double width = rewardMax - rewardMin;
        if (!(width > 0 && width < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("rewardMax - rewardMin is not finite and > 0: " + rewardMax
                + " - " + rewardMin + " = " + width);
        }
        return new Exp3(gamma, rewardMin, rewardMax);
    }

    /**
     * Exp3 for rewards in [0, 1].
     *
     * @param gamma the mixing rate, in (0, 1]
     * @return the agent
     * @throws IllegalArgumentException if {@code gamma} is outside (0, 1] or NaN
     */
    public static Exp3 of(double gamma) {
        return of(gamma, 0, 1);
    }

    /**
     * Auer et al.'s tuning for a known horizon (Corollary 3.2 with g = horizon):
     * gamma = min(1, sqrt(K ln K / ((e - 1) horizon))). With one arm the formula gives 0, which is
     * not a valid gamma; any gamma plays the only arm, so this returns 1.
     *
     * @param arms the number of arms K, at least 1
     * @param horizon the number of steps, at least 1
     * @return gamma, in (0, 1]
     * @throws IllegalArgumentException if {@code arms < 1} or {@code horizon < 1}
     */
    public static double defaultGamma(int arms, long horizon) {
        BanditSupport.checkArms(arms);
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon is not at least 1: " + horizon);
        }
        if (arms == 1) {
            return 1.0;
        }
        return Math.min(1.0, Math.sqrt(arms * Math.log(arms) / ((Math.E - 1) * horizon)));
    }

    /**
     * The mixing rate gamma: the share of the uniform distribution in p.
     *
     * @return gamma, in (0, 1]
     */
    public double gamma() {
        return gamma;
    }

    /**
     * The smallest reward of the range; it is rescaled to x = 0 and smaller rewards are clipped to it.
     *
     * @return rewardMin, finite
     */
    public double rewardMin() {
        return rewardMin;
    }

    /**
     * The largest reward of the range; it is rescaled to x = 1 and larger rewards are clipped to it.
     *
     * @return rewardMax, finite and &gt; {@link #rewardMin()}
     */
    public double rewardMax() {
        return rewardMax;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code arms < 1}
     * @throws NullPointerException if {@code rng} is null
     */
    @Override
    public Learner start(int arms, UniformRandomProvider rng) {
        BanditSupport.checkArms(arms);
        return new Learner(arms, gamma, rewardMin, rewardMax, Objects.requireNonNull(rng, "rng"));
    }

    @Override
    public String toString() {
        return "exp3(gamma=" + gamma + ", reward-range=[" + rewardMin + ", " + rewardMax + "])";
    }

    /** One run's Exp3 learner: log-weights and the probability buffer. */
    public static final class Learner implements BanditLearner {
        private final int k;
        private final double gamma;
        private final double rewardMin;
        private final double rewardMax;
        private final double width;
        private final UniformRandomProvider rng;
        private final double[] logW;
        private final double[] p;

        Learner(int k, double gamma, double rewardMin, double rewardMax, UniformRandomProvider rng) {
            this.k = k;
            this.gamma = gamma;
            this.rewardMin = rewardMin;
            this.rewardMax = rewardMax;
            this.width = rewardMax - rewardMin;
            this.rng = rng;
            this.logW = new double[k];
            this.p = new double[k];
        }

        /** p_i = (1 - gamma) softmax(ln w)_i + gamma / K into out. */
        private void probabilities(double[] out) {
            Softmax.probabilities(logW, k, 1.0, out);
            double floor = gamma / k;
            double keep = 1 - gamma;
            for (int i = 0; i < k; i++) {
                out[i] = keep * out[i] + floor;
            }
        }

        @Override
        public int select() {
            probabilities(p);
            double u = rng.nextDouble();
            double cumulative = 0;
            for (int i = 0; i < k; i++) {
                cumulative += p[i];
                if (u < cumulative) {
                    return i;
                }
            }
            return k - 1;
        }

        /**
         * {@inheritDoc} The probability p_arm is the one of the distribution that chose the arm
         * (the log-weights have not changed since {@link #select()}).
         *
         * @throws IllegalArgumentException if {@code reward} is NaN
         */
        @Override
        public void update(int arm, double reward) {
            if (Double.isNaN(reward)) {
                throw new IllegalArgumentException("reward is NaN");
            }
            double clipped = Math.max(rewardMin, Math.min(rewardMax, reward));
            double x = (clipped - rewardMin) / width;
            probabilities(p);
            double xHat = x / p[arm];
            logW[arm] += gamma * xHat / k;
        }

        @Override
        public double entropy() {
            probabilities(p);
            return BanditSupport.entropy(p, k);
        }

        /** NaN: Exp3 mixes exponential weights with the uniform distribution; it has no temperature. */
        @Override
        public double temperature() {
            return Double.NaN;
        }

        @Override
        public void distribution(double[] out) {
            BanditSupport.checkOut(out, k);
            probabilities(out);
        }

        /**
         * The log-weight ln w(arm).
         *
         * @param arm the arm, in [0, K)
         * @return ln w(arm), at least 0 (0 at the start of the run)
         */
        public double logWeight(int arm) {
            return logW[arm];
        }
    }


    /** The {@code exp3} agent of configs. */
    public static final class Declaration extends Component<BanditAgent> {
        /** Declares the keys. */
        public Declaration() {
            super(Kind.BANDIT_AGENT, "exp3",
                    "p = (1 - gamma) softmax(log w) + gamma / K; log w_A += gamma (x / p_A) / K with the reward "
                            + "rescaled to x in [0, 1] (Auer, Cesa-Bianchi, Freund & Schapire 2002)",
                    "Auer, Cesa-Bianchi, Freund & Schapire (2002), The nonstochastic multiarmed bandit problem, "
                            + "SIAM J. Comput. 32",
                    List.of(
                    Key.optional("gamma", new ValueType.Num(0, true, 1, false, false),
                            "exploration share; default min(1, sqrt(K ln K / ((e - 1) steps)))"),
                    Key.optional("reward-range", new ValueType.NumList(ValueType.Num.magnitude(), 2),
                            "[min, max] of the rewards, rescaled to [0, 1] (values outside are clipped); "
                                    + "default [0, 1] on bernoulli-bandit, required on Gaussian bandits")));
        }

        @Override
        public BanditAgent create(Settings v) {
            Environment env = v.context().environment();
            int arms = v.context().knowsActions() ? v.context().actions() : 2;
            double gamma = v.has("gamma") ? v.num("gamma") : defaultGamma(arms, Math.max(1, v.context().horizon()));
            double[] range = v.has("reward-range") ? v.nums("reward-range") : null;
            if (range == null) {
                if (env != null && !env.binaryRewards()) {
                    throw v.error("exp3 needs rewards in a known range and Gaussian rewards are unbounded: "
                            + "add reward-range: [min, max] (e.g. the means plus or minus 4 noise sd)");
                }
                range = new double[] {0, 1};
            }
            if (range.length != 2 || !(range[1] > range[0])) {
                throw v.error("reward-range", "expected [min, max] with max > min, got " + Key.show(range));
            }
            return of(gamma, range[0], range[1]);
        }
    }
}
