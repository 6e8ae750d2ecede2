package kelvin.agents.bandit;

import java.util.List;
import java.util.Objects;
import kelvin.agents.softmax.Softmax;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The gradient bandit algorithm ({@code gradient-bandit}): stochastic gradient ascent on numerical
 * preferences H, acting with a softmax over them.
 *
 * <h2>Rule</h2>
 * Preferences start at H_0(a) = 0; the policy is pi_t = softmax(H_t) at temperature 1 (eq. 2.11,
 * computed by {@link Softmax}). After the reward R_t of the action A_t (Sutton &amp; Barto 2018,
 * eq. 2.12):
 * <pre>
 *   H_{t+1}(A_t) = H_t(A_t) + alpha (R_t - Rbar_t) (1 - pi_t(A_t))
 *   H_{t+1}(b)   = H_t(b)   - alpha (R_t - Rbar_t) pi_t(b)        for every b != A_t
 * </pre>
 * where pi_t is the distribution that chose A_t. The baseline: Rbar_t is the mean of
 * the rewards before step t, R_0 .. R_{t-1}; at the first step there is none and Rbar_0 = R_0, the
 * first reward itself, so the first update is zero (the book: "the average of the rewards up to but
 * not including time t (with Rbar_1 = R_1)"). Without a baseline Rbar_t = 0 always.
 *
 * <h2>Random numbers</h2>
 * Exactly one u = {@code rng.nextDouble()} per step, turned into an action by
 * {@link Softmax#sample(double[], int, double, double, double[])} (inversion of the cumulative
 * weights), as the {@code boltzmann} policy does.
 *
 * <h2>Distribution</h2>
 * Exact: softmax(H); the temperature is 1.
 *
 * <h2>Reference</h2>
 * R. S. Sutton and A. G. Barto, <i>Reinforcement Learning: An Introduction</i>, 2nd ed., MIT
 * Press, 2018, section 2.8 "Gradient Bandit Algorithms", eqs. 2.11-2.12 and Figure 2.5; R. J.
 * Williams, "Simple statistical gradient-following algorithms for connectionist reinforcement
 * learning", <i>Machine Learning</i> 8(3-4), 1992, 229-256 (REINFORCE with a reinforcement
 * baseline).
 */
public final class GradientBandit implements BanditAgent {

    private final double alpha;
    private final boolean baseline;

    private GradientBandit(double alpha, boolean baseline) {
        this.alpha = alpha;
        this.baseline = baseline;
    }

    /**
     * A gradient bandit.
     *
     * @param alpha the step size, finite and &gt; 0 (Figure 2.5: 0.1 and 0.4)
     * @param baseline whether to subtract the average reward Rbar_t (true) or 0 (false)
     * @return the agent
     * @throws IllegalArgumentException if {@code alpha} is not finite and &gt; 0
     */
    public static GradientBandit of(double alpha, boolean baseline) {
        return new GradientBandit(BanditSupport.positiveFinite("alpha", alpha), baseline);
    }

    /**
     * The step size alpha of the preference update (eq. 2.12).
     *
     * @return alpha, finite and &gt; 0
     */
    public double alpha() {
        return alpha;
    }

    /**
     * Whether the average-reward baseline is subtracted.
     *
     * @return true when the update uses R_t - Rbar_t, false when it uses R_t
     */
    public boolean baseline() {
        return baseline;
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
        return new Learner(arms, alpha, baseline, Objects.requireNonNull(rng, "rng"));
    }

    @Override
    public String toString() {
        return "gradient-bandit(alpha=" + alpha + ", baseline=" + baseline + ")";
    }

    /** One run's learner: preferences, the reward average and buffers. */
    public static final class Learner implements BanditLearner {
        private final int k;
        private final double alpha;
        private final boolean useBaseline;
        private final UniformRandomProvider rng;
        private final double[] h;
        private final double[] pi;
        private final double[] scratch;
        /** The mean of the rewards so far (0 before the first). */
        private double averageReward;
        private long t;

        Learner(int k, double alpha, boolean useBaseline, UniformRandomProvider rng) {
            this.k = k;
            this.alpha = alpha;
            this.useBaseline = useBaseline;
            this.rng = rng;
            this.h = new double[k];
            this.pi = new double[k];
            this.scratch = new double[k];
        }

        @Override
        public int select() {
            return Softmax.sample(h, k, 1.0, rng.nextDouble(), scratch);
        }

        /**
         * {@inheritDoc} pi is recomputed from H, which has not changed since {@link #select()},
         * so it is the distribution that chose the arm.
         *
         * @throws IllegalArgumentException if {@code reward} is not finite
         */
        @Override
        public void update(int arm, double reward) {
            BanditSupport.finiteReward(reward);
            Softmax.probabilities(h, k, 1.0, pi);
            double rbar = !useBaseline ? 0.0 : t == 0 ? reward : averageReward;
            double step = alpha * (reward - rbar);
            for (int b = 0; b < k; b++) {
                if (b == arm) {
                    h[b] += step * (1 - pi[b]);
                } else {
                    h[b] -= step * pi[b];
                }
            }
            t++;
            averageReward += (reward - averageReward) / t;
        }

        @Override
        public double entropy() {
            return Softmax.entropy(h, k, 1.0);
        }

        /** {@inheritDoc} Always 1: pi = softmax(H / 1). */
        @Override
        public double temperature() {
            return 1.0;
        }

        @Override
        public void distribution(double[] out) {
            BanditSupport.checkOut(out, k);
            Softmax.probabilities(h, k, 1.0, out);
        }

        /**
         * The preference H(arm).
         *
         * @param arm the arm, in [0, K)
         * @return H(arm), 0 at the start of the run
         */
        public double preference(int arm) {
            return h[arm];
        }

        /**
         * The baseline Rbar_t the next update will use.
         *
         * @return 0 without a baseline; with one, the mean of the rewards so far, or NaN before the
         *     first reward (the first reward is its own baseline)
         */
        public double baselineValue() {
            if (!useBaseline) {
                return 0.0;
            }
            return t == 0 ? Double.NaN : averageReward;
        }

        /**
         * The step index t.
         *
         * @return t, the number of updates so far (0 before the first)
         */
        public long step() {
            return t;
        }
    }


    /** The {@code gradient-bandit} agent of configs. */
    public static final class Declaration extends Component<BanditAgent> {
        /** Declares the keys. */
        public Declaration() {
            super(Kind.BANDIT_AGENT, "gradient-bandit",
                    "pi = softmax(H); H_A += alpha (R - Rbar)(1 - pi_A), H_b -= alpha (R - Rbar) pi_b (Sutton & Barto "
                            + "eq. 2.12); Rbar = mean of earlier rewards, the first reward at step 1",
                    "Sutton & Barto (2018), Reinforcement Learning: An Introduction, 2nd ed., section 2.8, eq. 2.12",
                    List.of(
                    Key.required("alpha", new ValueType.Num(0, true, ValueType.Num.MAX_MAGNITUDE, false, false),
                            "step size"),
                    Key.optional("baseline", new ValueType.Bool(), true, "use the average-reward baseline")));
        }

        @Override
        public BanditAgent create(Settings v) {
            return of(v.num("alpha"), v.bool("baseline"));
        }
    }
}
