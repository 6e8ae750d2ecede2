package kelvin.env.bandit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import kelvin.api.Component;
import kelvin.api.Guide;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A stationary K-armed bandit with Bernoulli rewards ({@code bernoulli-bandit}).
 *
 * <h2>Description</h2>
 * Arm {@code a} pays 1 with probability mu_a and 0 otherwise. The means are fixed for every run.
 *
 * <h2>Actions</h2>
 * An integer {@code a} in [0, K): the arm to pull.
 *
 * <h2>Rewards</h2>
 * r_t = 1 if u_t &lt; mu_{a_t}, else 0, where u_t = {@code rng.nextDouble()} is uniform on [0, 1).
 * So an arm with mean 0 never pays and an arm with mean 1 always pays.
 *
 * <h2>Random numbers</h2>
 * Every {@link BanditRun#pull(int)} draws exactly one uniform u_t, <em>whatever the arm</em>, so
 * under common random numbers every agent meeting run r sees the same u_0, u_1, ... (and two agents
 * pulling the same arm at step t get the same reward).
 *
 * <h2>Parameters</h2>
 * <ul>
 *   <li>{@code means}: K &gt;= 1 success probabilities, each in [0, 1].</li>
 * </ul>
 *
 * <h2>References</h2>
 * <ul>
 *   <li>W. R. Thompson, "On the likelihood that one unknown probability exceeds another in view of
 *       the evidence of two samples", <i>Biometrika</i> 25(3/4), 1933, 285-294.</li>
 *   <li>T. Lattimore and C. Szepesv&aacute;ri, <i>Bandit Algorithms</i>, Cambridge University
 *       Press, 2020, chapter 4 "Stochastic Bandits".</li>
 * </ul>
 *
 * <p>Instances are immutable and may be shared by threads; every run owns its {@link BanditRun}.
 */
public final class BernoulliBandit implements BanditEnv {

    private final double[] means;

    private BernoulliBandit(double[] means) {
        this.means = means;
    }

    /**
     * A Bernoulli bandit with the given success probabilities.
     *
     * @param means the K arm means (copied), each in [0, 1]
     * @return the bandit
     * @throws IllegalArgumentException if {@code means} is empty or a mean is outside [0, 1] or NaN
     * @throws NullPointerException if {@code means} is null
     */
    public static BernoulliBandit of(double... means) {
        if (means.length < 1) {
            throw new IllegalArgumentException("means is empty: a bandit needs at least 1 arm");
        }
        for (int i = 0; i < means.length; i++) {
            if (!(means[i] >= 0 && means[i] <= 1)) {
                throw new IllegalArgumentException("means[" + i + "] is not in [0, 1]: " + means[i]);
            }
        }
        return new BernoulliBandit(means.clone());
    }

    @Override
    public int arms() {
        return means.length;
    }

    /**
     * The success probabilities of the arms, fixed for every run.
     *
     * @return a copy of the K means mu_0 .. mu_{K-1}, each in [0, 1]
     */
    public double[] means() {
        return means.clone();
    }

    /**
     * The Lai &amp; Robbins asymptotic regret constant of these means,
     * C = sum over suboptimal arms a of (mu* - mu_a) / KL(mu_a, mu*): no consistent agent has an
     * expected regret below (C + o(1)) ln n. See {@link LaiRobbins#bernoulliConstant(double...)} for
     * the conventions at means 0 and 1.
     *
     * @return C, finite and &gt;= 0
     */
    public double laiRobbinsConstant() {
        return LaiRobbins.bernoulliConstant(means);
    }

    /** {@inheritDoc} Draws nothing here; one uniform per pull. */
    @Override
    public BanditRun start(UniformRandomProvider rng) {
        return new Run(means, rng);
    }

    @Override
    public String toString() {
        return "bernoulli-bandit(means=" + Arrays.toString(means) + ")";
    }

    /** One run: the shared (read-only) means and the run's stream. */
    private static final class Run extends MeansRun {
        private final UniformRandomProvider rng;

        Run(double[] mu, UniformRandomProvider rng) {
            super(mu);
            this.rng = rng;
        }

        @Override
        public double pull(int arm) {
            double m = mu[arm]; // index check before the draw: a bad arm consumes no uniform
            return rng.nextDouble() < m ? 1.0 : 0.0;
        }
    }


    /** {@inheritDoc} Always: every reward is 0 or 1. */
    @Override
    public boolean binaryRewards() {
        return true;
    }

    /**
     * {@inheritDoc} The Lai &amp; Robbins (1985) asymptotic lower bound C ln t on the regret of any
     * consistent algorithm, drawn dashed on the regret chart: no algorithm's curve can stay below
     * it as t grows.
     */
    @Override
    public List<Guide> guides() {
        double c = laiRobbinsConstant();
        return List.of(new Guide("regret", null, String.format(Locale.ROOT, "Lai & Robbins C ln t (C = %.2f)", c),
                t -> c * Math.log(t), false));
    }

    /** The {@code bernoulli-bandit} of configs. */
    public static final class Declaration extends Component<BanditEnv> {
        /** Declares the key: means. */
        public Declaration() {
            super(Kind.ENVIRONMENT, "bernoulli-bandit", "K arms paying 1 with probability mu_a, else 0",
                    "Lai & Robbins (1985), Asymptotically efficient adaptive allocation rules, Adv. Appl. Math. 6",
                    List.of(Key.required("means", new ValueType.NumList(ValueType.Num.closed(0, 1), 1),
                            "success probability of each arm")));
        }

        @Override
        public BanditEnv create(Settings s) {
            return of(s.nums("means"));
        }
    }
}
