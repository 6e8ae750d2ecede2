package kelvin.env.bandit;

import java.util.Arrays;
import java.util.List;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A stationary K-armed bandit with Gaussian rewards ({@code gaussian-bandit}).
 *
 * <h2>Description</h2>
 * Arm {@code a} pays a reward drawn from N(mu_a, noise^2). The arm means are either given
 * ({@link #of(int, double[], double)}) or drawn afresh for every run from
 * N(meanOfMeans, sdOfMeans^2) ({@link #drawn(int, double, double, double)}). The 10-armed testbed
 * of Sutton &amp; Barto (2018, section 2.3) is {@code drawn(10, 0, 1, 1)}, also available as
 * {@link #testbed(int)}.
 *
 * <h2>Actions</h2>
 * An integer {@code a} in [0, K): the arm to pull.
 *
 * <h2>Rewards</h2>
 * r_t = mu_{a_t} + noise * z_t with z_t a standard normal.
 *
 * <h2>Random numbers</h2>
 * {@link #start(UniformRandomProvider)} wraps the run's stream in a
 * {@link ZigguratSampler.NormalizedGaussian} (McFarland 2016). With drawn means it first draws K
 * standard normals g_0 .. g_{K-1} and sets mu_i = meanOfMeans + sdOfMeans * g_i; given means draw
 * nothing. Then every {@link BanditRun#pull(int)} draws exactly one standard normal z_t,
 * <em>whatever the arm</em>. The noise sequence z_0, z_1, ... of a run therefore does not depend on
 * the agent, which is what common random numbers need: two agents meeting run r see the same means
 * and the same noise (the numpy peer's order, NOTES.md rules 1 and 6).
 *
 * <h2>Parameters</h2>
 * <ul>
 *   <li>{@code arms} K &gt;= 1;</li>
 *   <li>{@code means}: K finite values, or {@code meanOfMeans} (finite) and {@code sdOfMeans}
 *       (finite, &gt;= 0) to draw them per run (testbed: 0 and 1);</li>
 *   <li>{@code noise}: the reward standard deviation, finite and &gt;= 0 (default 1 in configs).
 *       With noise 0 the rewards are the means, and one normal is still drawn per pull so the
 *       stream stays aligned.</li>
 * </ul>
 *
 * <h2>References</h2>
 * <ul>
 *   <li>R. S. Sutton and A. G. Barto, <i>Reinforcement Learning: An Introduction</i>, 2nd ed.,
 *       MIT Press, 2018, section 2.3 "The 10-armed Testbed".</li>
 *   <li>C. D. McFarland, "A modified ziggurat algorithm for generating exponentially and normally
 *       distributed pseudorandom numbers", <i>Journal of Statistical Computation and
 *       Simulation</i> 86(7), 2016, 1281-1294.</li>
 * </ul>
 *
 * <p>Instances are immutable and may be shared by threads; every run owns its {@link BanditRun}.
 */
public final class GaussianBandit implements BanditEnv {

    private final int arms;
    /** The fixed means, or null when they are drawn per run. Never exposed: callers get copies. */
    private final double[] means;
    private final double meanOfMeans;
    private final double sdOfMeans;
    private final double noise;

    private GaussianBandit(int arms, double[] means, double meanOfMeans, double sdOfMeans, double noise) {
        this.arms = arms;
        this.means = means;
        this.meanOfMeans = meanOfMeans;
        this.sdOfMeans = sdOfMeans;
        this.noise = noise;
    }

    /**
     * A bandit with fixed arm means.
     *
     * @param arms number of arms K, at least 1
     * @param means the K arm means, all finite (copied)
     * @param noise the reward standard deviation, finite and &gt;= 0
     * @return the bandit
     * @throws IllegalArgumentException if {@code arms < 1}, {@code means.length != arms}, a mean is
     *     not finite, or {@code noise} is negative, infinite or NaN
     * @throws NullPointerException if {@code means} is null
     */
    public static GaussianBandit of(int arms, double[] means, double noise) {
        checkArms(arms);
        if (means.length != arms) {
            throw new IllegalArgumentException(
                "means has " + means.length + " entries but arms is " + arms);
        }
        for (int i = 0; i < arms; i++) {
            if (!Double.isFinite(means[i])) {
                throw new IllegalArgumentException("means[" + i + "] is not finite: " + means[i]);
            }
        }
        checkNoise(noise);
        return new GaussianBandit(arms, means.clone(), Double.NaN, Double.NaN, noise);
    }

    /**
     * A bandit whose K arm means are drawn per run from N(meanOfMeans, sdOfMeans^2).
     *
     * @param arms number of arms K, at least 1
     * @param meanOfMeans the mean of the arm-mean distribution, finite
     * @param sdOfMeans the standard deviation of the arm-mean distribution, finite and &gt;= 0
     * @param noise the reward standard deviation, finite and &gt;= 0
     * @return the bandit
     * @throws IllegalArgumentException if {@code arms < 1}, {@code meanOfMeans} is not finite, or
     *     {@code sdOfMeans} or {@code noise} is negative, infinite or NaN
     */
    public static GaussianBandit drawn(int arms, double meanOfMeans, double sdOfMeans, double noise) {
        checkArms(arms);
        if (!Double.isFinite(meanOfMeans)) {
            throw new IllegalArgumentException("meanOfMeans is not finite: " + meanOfMeans);
        }
        if (!(sdOfMeans >= 0 && sdOfMeans < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("sdOfMeans is not finite and >= 0: " + sdOfMeans);
        }
        checkNoise(noise);
        return new GaussianBandit(arms, null, meanOfMeans, sdOfMeans, noise);
    }

    /**
     * The testbed of Sutton &amp; Barto (2018, section 2.3): {@code drawn(arms, 0, 1, 1)}.
     *
     * @param arms number of arms K (the book uses 10), at least 1
     * @return the bandit
     * @throws IllegalArgumentException if {@code arms < 1}
     */
    public static GaussianBandit testbed(int arms) {
        return drawn(arms, 0, 1, 1);
    }

    private static void checkArms(int arms) {
        if (arms < 1) {
            throw new IllegalArgumentException("arms is not at least 1: " + arms);
        }
    }

    private static void checkNoise(double noise) {
        if (!(noise >= 0 && noise < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("noise is not finite and >= 0: " + noise);
        }
    }

    @Override
    public int arms() {
        return arms;
    }

    /**
     * The standard deviation of the Gaussian reward noise around an arm's mean.
     *
     * @return noise, finite and &gt;= 0 (0: every reward is the arm's mean)
     */
    public double noise() {
        return noise;
    }

    /**
     * Whether the arm means are drawn afresh for every run from N(meanOfMeans, sdOfMeans^2), as on
     * the testbed, rather than fixed.
     *
     * @return true for means drawn per run, false for fixed means ({@link #means()} then gives them)
     */
    public boolean meansDrawn() {
        return means == null;
    }

    /**
     * A copy of the fixed means.
     *
     * @return the K means
     * @throws IllegalStateException if the means are drawn per run
     */
    public double[] means() {
        if (means == null) {
            throw new IllegalStateException("the means are drawn per run");
        }
        return means.clone();
    }

    /**
     * The mean of the normal distribution the arm means are drawn from per run.
     *
     * @return meanOfMeans, or NaN when the means are fixed
     */
    public double meanOfMeans() {
        return meanOfMeans;
    }

    /**
     * The standard deviation of the normal distribution the arm means are drawn from per run.
     *
     * @return sdOfMeans, &gt;= 0, or NaN when the means are fixed
     */
    public double sdOfMeans() {
        return sdOfMeans;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Draws the K means first (if they are drawn per run), then one standard normal per pull.
     */
    @Override
    public BanditRun start(UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] mu;
        if (means == null) {
            mu = new double[arms];
            for (int i = 0; i < arms; i++) {
                mu[i] = meanOfMeans + sdOfMeans * gaussian.sample();
            }
        } else {
            mu = means; // read-only in Run, so sharing the immutable array is safe
        }
        return new Run(mu, noise, gaussian);
    }

    @Override
    public String toString() {
        return means == null
            ? "gaussian-bandit(arms=" + arms + ", means~N(" + meanOfMeans + ", " + sdOfMeans + "^2), noise="
                + noise + ")"
            : "gaussian-bandit(arms=" + arms + ", means=" + Arrays.toString(means) + ", noise="
                + noise + ")";
    }

    /** One run: fixed means, the run's noise sampler. */
    private static final class Run extends MeansRun {
        private final double noise;
        /** The concrete (final) sampler class, so the call in pull() is direct. */
        private final ZigguratSampler.NormalizedGaussian gaussian;

        Run(double[] mu, double noise, ZigguratSampler.NormalizedGaussian gaussian) {
            super(mu);
            this.noise = noise;
            this.gaussian = gaussian;
        }

        @Override
        public double pull(int arm) {
            double m = mu[arm]; // index check before the draw: a bad arm consumes no noise
            return m + noise * gaussian.sample();
        }

        @Override
        public GaussianArms stationaryGaussian() {
            return new GaussianArms(mu, noise, gaussian);
        }
    }


    /** {@inheritDoc} The reward noise. */
    @Override
    public double rewardNoise() {
        return noise;
    }

    /** The {@code gaussian-bandit} of configs. */
    public static final class Declaration extends Component<BanditEnv> {
        /** Declares the keys: arms, means, noise. */
        public Declaration() {
            super(Kind.ENVIRONMENT, "gaussian-bandit",
                    "K arms with Gaussian rewards N(mu_a, noise^2); means listed or drawn per run",
                    "Sutton & Barto (2018), Reinforcement Learning: An Introduction, 2nd ed., section 2.3", List.of(
                    Key.optional("arms", new ValueType.Int(1, 100_000), 10L, "number of arms K"),
                    Key.optional("means", ArmMeans.TYPE, ArmMeans.normal(1.0),
                            "arm means: a list, or {distribution: normal, mean, sd} drawn per run"),
                    Key.optional("noise", ValueType.Num.scale(), 1.0, "reward noise standard deviation")));
        }

        @Override
        public BanditEnv create(Settings s) {
            double[] listed = ArmMeans.listed(s);
            if (listed != null) {
                return of(listed.length, listed, s.num("noise"));
            }
            Settings drawn = s.group("means");
            return GaussianBandit.drawn(s.intValue("arms"), drawn.num("mean"), drawn.num("sd"), s.num("noise"));
        }
    }
}
