package kelvin.env.bandit;

import java.util.Arrays;
import java.util.List;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A non-stationary K-armed bandit whose arm means follow independent Gaussian random walks
 * ({@code drifting-bandit}).
 *
 * <h2>Description</h2>
 * Sutton &amp; Barto (2018), Exercise 2.5: "all the q*(a) start out equal and then take independent
 * random walks (say by adding a normally distributed increment with mean 0 and standard deviation
 * 0.01 to all the q*(a) on each step)". Arm {@code a} pays a reward drawn from N(mu_a(t), noise^2)
 * and then every mean moves:
 * <pre>
 *   r_t         = mu_{a_t}(t) + noise * z_t
 *   mu_i(t + 1) = mu_i(t) + drift * z_{t,i}        for every arm i = 0 .. K-1, whatever a_t
 * </pre>
 * with z_t and z_{t,0} .. z_{t,K-1} independent standard normals. The initial means mu_i(0) are
 * given ({@link #of(int, double[], double, double)}), all zero as in the exercise
 * ({@link #fromZero(int, double, double)}), or drawn per run from N(meanOfMeans, sdOfMeans^2)
 * ({@link #drawn(int, double, double, double, double)}).
 *
 * <h2>Actions</h2>
 * An integer {@code a} in [0, K): the arm to pull.
 *
 * <h2>State</h2>
 * {@link BanditRun#mean(int)}, {@link BanditRun#bestMean()} and {@link BanditRun#isOptimal(int)}
 * describe the <em>current</em> step t, before the pull: mu_i(t), mu*(t) = max_i mu_i(t) and
 * whether mu_a(t) = mu*(t). So the pseudo-regret of the regret metric, sum_t (mu*(t) - mu_{a_t}(t)), uses
 * the best mean of the step at which each arm was pulled. mu*(t) is recomputed once per step, after
 * the drift, so reading it is O(1).
 *
 * <h2>Rewards</h2>
 * r_t = mu_{a_t}(t) + noise * z_t, then the means drift (the reward uses the means of step t).
 *
 * <h2>Random numbers</h2>
 * {@link #start(UniformRandomProvider)} wraps the run's stream in a
 * {@link ZigguratSampler.NormalizedGaussian} (McFarland 2016). With drawn means it first draws K
 * standard normals g_0 .. g_{K-1} and sets mu_i(0) = meanOfMeans + sdOfMeans * g_i (exactly as
 * {@link GaussianBandit}); given means draw nothing. Then every {@link BanditRun#pull(int)} draws,
 * in this order and <em>whatever the arm</em>: z_t (the reward noise), then z_{t,0}, ...,
 * z_{t,K-1} (the drift of arms 0 .. K-1): K + 1 standard normals per step. So under common random
 * numbers every agent meeting run r sees the same mean trajectories mu_i(0), mu_i(1), ... and the
 * same noise, whatever it pulls. With drift 0 (or noise 0) the normals are still drawn, so the
 * stream stays aligned.
 *
 * <h2>Termination</h2>
 * None: a bandit has no episodes; the experiment's horizon stops the run.
 *
 * <h2>Parameters</h2>
 * <ul>
 *   <li>{@code arms} K &gt;= 1;</li>
 *   <li>initial means: K finite values, or {@code meanOfMeans} (finite) and {@code sdOfMeans}
 *       (finite, &gt;= 0) to draw them per run;</li>
 *   <li>{@code drift}: the standard deviation of each mean's per-step increment, finite and
 *       &gt;= 0 (default 0.01 in configs, as in the exercise); 0 gives a stationary bandit;</li>
 *   <li>{@code noise}: the reward standard deviation, finite and &gt;= 0 (default 1).</li>
 * </ul>
 *
 * <h2>References</h2>
 * <ul>
 *   <li>R. S. Sutton and A. G. Barto, <i>Reinforcement Learning: An Introduction</i>, 2nd ed.,
 *       MIT Press, 2018, section 2.5 "Tracking a Nonstationary Problem", Exercise 2.5.</li>
 *   <li>C. D. McFarland, "A modified ziggurat algorithm for generating exponentially and normally
 *       distributed pseudorandom numbers", <i>Journal of Statistical Computation and
 *       Simulation</i> 86(7), 2016, 1281-1294.</li>
 * </ul>
 *
 * <h2>Version history</h2>
 * First version.
 *
 * <p>Instances are immutable and may be shared by threads; every run owns its {@link BanditRun},
 * which holds a private copy of the means it moves.
 */
public final class DriftingBandit implements BanditEnv {

    private final int arms;
    /** The fixed initial means, or null when they are drawn per run. Never exposed or mutated. */
    private final double[] initialMeans;
    private final double meanOfMeans;
    private final double sdOfMeans;
    private final double drift;
    private final double noise;

    private DriftingBandit(int arms, double[] initialMeans, double meanOfMeans, double sdOfMeans, double drift,
                           double noise) {
        this.arms = arms;
        this.initialMeans = initialMeans;
        this.meanOfMeans = meanOfMeans;
        this.sdOfMeans = sdOfMeans;
        this.drift = drift;
        this.noise = noise;
    }

    /**
     * A drifting bandit with given initial means.
     *
     * @param arms number of arms K, at least 1
     * @param initialMeans the K means at step 0, all finite (copied)
     * @param drift the standard deviation of every mean's per-step increment, finite and &gt;= 0
     * @param noise the reward standard deviation, finite and &gt;= 0
     * @return the bandit
     * @throws IllegalArgumentException if {@code arms < 1}, {@code initialMeans.length != arms}, a
     *     mean is not finite, or {@code drift} or {@code noise} is negative, infinite or NaN
     * @throws NullPointerException if {@code initialMeans} is null
     */
    public static DriftingBandit of(int arms, double[] initialMeans, double drift, double noise) {
        checkArms(arms);
        if (initialMeans.length != arms) {
            throw new IllegalArgumentException(
                "initialMeans has " + initialMeans.length + " entries but arms is " + arms);
        }
        for (int i = 0; i < arms; i++) {
            if (!Double.isFinite(initialMeans[i])) {
                throw new IllegalArgumentException("initialMeans[" + i + "] is not finite: " + initialMeans[i]);
            }
        }
        checkNonNegativeFinite("drift", drift);
        checkNonNegativeFinite("noise", noise);
        return new DriftingBandit(arms, initialMeans.clone(), Double.NaN, Double.NaN, drift, noise);
    }

    /**
     * Sutton &amp; Barto's Exercise 2.5 setting: all K means start at 0.
     * {@code fromZero(10, 0.01, 1)} is the exercise's bandit.
     *
     * @param arms number of arms K, at least 1
     * @param drift the standard deviation of every mean's per-step increment, finite and &gt;= 0
     * @param noise the reward standard deviation, finite and &gt;= 0
     * @return the bandit
     * @throws IllegalArgumentException if {@code arms < 1}, or {@code drift} or {@code noise} is
     *     negative, infinite or NaN
     */
    public static DriftingBandit fromZero(int arms, double drift, double noise) {
        checkArms(arms);
        return of(arms, new double[arms], drift, noise);
    }

    /**
     * A drifting bandit whose K initial means are drawn per run from N(meanOfMeans, sdOfMeans^2),
     * as {@link GaussianBandit#drawn(int, double, double, double)} draws its means.
     *
     * @param arms number of arms K, at least 1
     * @param meanOfMeans the mean of the initial-mean distribution, finite
     * @param sdOfMeans the standard deviation of the initial-mean distribution, finite and &gt;= 0
     * @param drift the standard deviation of every mean's per-step increment, finite and &gt;= 0
     * @param noise the reward standard deviation, finite and &gt;= 0
     * @return the bandit
     * @throws IllegalArgumentException if {@code arms < 1}, {@code meanOfMeans} is not finite, or
     *     {@code sdOfMeans}, {@code drift} or {@code noise} is negative, infinite or NaN
     */
    public static DriftingBandit drawn(int arms, double meanOfMeans, double sdOfMeans, double drift, double noise) {
        checkArms(arms);
        if (!Double.isFinite(meanOfMeans)) {
            throw new IllegalArgumentException("meanOfMeans is not finite: " + meanOfMeans);
        }
        checkNonNegativeFinite("sdOfMeans", sdOfMeans);
        checkNonNegativeFinite("drift", drift);
        checkNonNegativeFinite("noise", noise);
        return new DriftingBandit(arms, null, meanOfMeans, sdOfMeans, drift, noise);
    }

    private static void checkArms(int arms) {
        if (arms < 1) {
            throw new IllegalArgumentException("arms is not at least 1: " + arms);
        }
    }

    private static void checkNonNegativeFinite(String name, double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " is not finite and >= 0: " + value);
        }
    }

    @Override
    public int arms() {
        return arms;
    }

    /**
     * The standard deviation of the Gaussian increment every arm mean takes after each pull.
     *
     * @return drift, finite and &gt;= 0 (0: the means never move)
     */
    public double drift() {
        return drift;
    }

    /**
     * The standard deviation of the Gaussian reward noise around the pulled arm's current mean.
     *
     * @return noise, finite and &gt;= 0
     */
    public double noise() {
        return noise;
    }

    /**
     * Whether the initial means mu_i(0) are drawn afresh for every run from
     * N(meanOfMeans, sdOfMeans^2) rather than fixed.
     *
     * @return true for initial means drawn per run, false for fixed ones ({@link #initialMeans()}
     *     then gives them)
     */
    public boolean meansDrawn() {
        return initialMeans == null;
    }

    /**
     * A copy of the fixed initial means.
     *
     * @return the K means at step 0
     * @throws IllegalStateException if the initial means are drawn per run
     */
    public double[] initialMeans() {
        if (initialMeans == null) {
            throw new IllegalStateException("the initial means are drawn per run");
        }
        return initialMeans.clone();
    }

    /**
     * The mean of the normal distribution the initial means are drawn from per run.
     *
     * @return meanOfMeans, or NaN when the initial means are fixed
     */
    public double meanOfMeans() {
        return meanOfMeans;
    }

    /**
     * The standard deviation of the normal distribution the initial means are drawn from per run.
     *
     * @return sdOfMeans, &gt;= 0, or NaN when the initial means are fixed
     */
    public double sdOfMeans() {
        return sdOfMeans;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Draws the K initial means first (if they are drawn per run), then K + 1 standard normals
     * per pull: the reward noise, then the drift of arms 0 .. K-1.
     */
    @Override
    public BanditRun start(UniformRandomProvider rng) {
        NormalizedGaussianSampler gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] mu = new double[arms]; // the run's own copy: it drifts
        if (initialMeans == null) {
            for (int i = 0; i < arms; i++) {
                mu[i] = meanOfMeans + sdOfMeans * gaussian.sample();
            }
        } else {
            System.arraycopy(initialMeans, 0, mu, 0, arms);
        }
        return new Run(mu, drift, noise, gaussian);
    }

    @Override
    public String toString() {
        String means = initialMeans == null
            ? "means~N(" + meanOfMeans + ", " + sdOfMeans + "^2)"
            : "means=" + Arrays.toString(initialMeans);
        return "drifting-bandit(arms=" + arms + ", " + means + ", drift=" + drift + ", noise=" + noise + ")";
    }

    /** One run: the run's drifting means, their current maximum and the run's normal sampler. */
    private static final class Run extends MeansRun {
        private final double drift;
        private final double noise;
        private final NormalizedGaussianSampler gaussian;
        /** The uniform policy's expected regret over the steps pulled so far, along this run's drift. */
        private double uniformRegret;

        Run(double[] mu, double drift, double noise, NormalizedGaussianSampler gaussian) {
            super(mu);
            this.drift = drift;
            this.noise = noise;
            this.gaussian = gaussian;
        }

        @Override
        public double pull(int arm) {
            double m = mu[arm]; // index check before the draws: a bad arm consumes nothing
            double reward = m + noise * gaussian.sample();
            double[] means = mu;
            double top = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int i = 0; i < means.length; i++) {
                sum += means[i];
                double moved = means[i] + drift * gaussian.sample();
                means[i] = moved;
                if (moved > top) {
                    top = moved;
                }
            }
            uniformRegret += bestMean() - sum / means.length;
            setBest(top);
            return reward;
        }

        /** {@inheritDoc} Here: the sum kept pull by pull, so {@code steps} must be the pulls so far. */
        @Override
        public double uniformRegret(long steps) {
            return uniformRegret;
        }
    }


    /** {@inheritDoc} The reward noise around the current means. */
    @Override
    public double rewardNoise() {
        return noise;
    }

    /** The {@code drifting-bandit} of configs. */
    public static final class Declaration extends Component<BanditEnv> {
        /** Declares the keys: arms, means, drift, noise. */
        public Declaration() {
            super(Kind.ENVIRONMENT, "drifting-bandit",
                    "non-stationary: every step, after the reward, each mean takes a Gaussian random-walk step of sd "
                            + "drift (Sutton & Barto Exercise 2.5); regret is measured against the current best arm",
                    "Sutton & Barto (2018), Reinforcement Learning: An Introduction, 2nd ed., Exercise 2.5", List.of(
                    Key.optional("arms", new ValueType.Int(1, 100_000), 10L, "number of arms K"),
                    Key.optional("means", ArmMeans.TYPE, ArmMeans.normal(0.0),
                            "initial means: a list, or {distribution: normal, mean, sd} drawn per run; default all 0"),
                    Key.optional("drift", ValueType.Num.scale(), 0.01, "sd of each mean's step per time step"),
                    Key.optional("noise", ValueType.Num.scale(), 1.0, "reward noise standard deviation")));
        }

        @Override
        public BanditEnv create(Settings s) {
            double[] listed = ArmMeans.listed(s);
            if (listed != null) {
                return of(listed.length, listed, s.num("drift"), s.num("noise"));
            }
            Settings drawn = s.group("means");
            return DriftingBandit.drawn(s.intValue("arms"), drawn.num("mean"), drawn.num("sd"), s.num("drift"),
                    s.num("noise"));
        }
    }
}
