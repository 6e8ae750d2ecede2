package kelvin.agents.bandit;

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
 * The UCB1 agent ({@code ucb1}): optimism in the face of uncertainty.
 *
 * <h2>Rule</h2>
 * Each arm is pulled once first, in index order 0, 1, ..., K-1. Then, with n the number of pulls so
 * far (all arms), N_a the pulls of arm a and Q_a the sample average of its rewards,
 * <pre>
 *   A_t = argmax_a  Q_a + c sqrt(ln n / N_a)
 * </pre>
 * with ties broken uniformly at random. c = sqrt(2) is Auer et al.'s UCB1 (their bound
 * x_j + sqrt(2 ln n / n_j)); Sutton &amp; Barto's Figure 2.4 uses c = 2; c = 0 is greedy after the
 * initial round. Q_a += (R - Q_a) / N_a after each reward.
 *
 * <h2>Random numbers</h2>
 * None during the initial round; afterwards {@code rng.nextInt(ties)} only when several arms share
 * the largest index, nothing otherwise.
 *
 * <h2>Distribution</h2>
 * Exact: during the initial round the point mass on the arm to be pulled (the lowest-numbered arm
 * not yet pulled); afterwards the point mass on the maximal index, or the uniform distribution over
 * the tied maxima. So the entropy is 0, or ln(ties). It has no temperature (NaN).
 *
 * <h2>Reference</h2>
 * P. Auer, N. Cesa-Bianchi and P. Fischer, "Finite-time analysis of the multiarmed bandit
 * problem", <i>Machine Learning</i> 47(2-3), 2002, 235-256 (Figure 1, UCB1); R. S. Sutton and A.
 * G. Barto, <i>Reinforcement Learning: An Introduction</i>, 2nd ed., MIT Press, 2018, section 2.7,
 * eq. 2.10 and Figure 2.4.
 */
public final class Ucb1 implements BanditAgent {

    /** Auer et al.'s exploration constant, sqrt(2). */
    public static final double DEFAULT_C = Math.sqrt(2);

    private final double c;

    private Ucb1(double c) {
        this.c = c;
    }

    /**
     * UCB1 with exploration constant c.
     *
     * @param c the exploration constant, finite and &gt;= 0 (sqrt(2) in Auer et al.; 2 in Sutton
     *     &amp; Barto's Figure 2.4)
     * @return the agent
     * @throws IllegalArgumentException if {@code c} is negative, infinite or NaN
     */
    public static Ucb1 of(double c) {
        return new Ucb1(BanditSupport.nonNegativeFinite("c", c));
    }

    /**
     * UCB1 with Auer et al.'s c = sqrt(2).
     *
     * @return the agent
     */
    public static Ucb1 of() {
        return of(DEFAULT_C);
    }

    /**
     * The exploration constant c of the index Q_a + c sqrt(ln n / N_a).
     *
     * @return c, finite and &gt;= 0
     */
    public double c() {
        return c;
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
        return new Learner(arms, c, Objects.requireNonNull(rng, "rng"));
    }

    @Override
    public String toString() {
        return "ucb1(c=" + c + ")";
    }

    /** One run's UCB1 learner: sample averages, counts and the index buffer. */
    public static final class Learner implements BanditLearner {
        private final int k;
        private final double c;
        private final UniformRandomProvider rng;
        private final double[] q;
        private final long[] n;
        private final double[] index;
        private long pulls;
        /** The lowest arm not yet pulled, or k once every arm has been pulled. */
        private int firstUntried;

        Learner(int k, double c, UniformRandomProvider rng) {
            this.k = k;
            this.c = c;
            this.rng = rng;
            this.q = new double[k];
            this.n = new long[k];
            this.index = new double[k];
        }

        @Override
        public int select() {
            if (firstUntried < k) {
                return firstUntried;
            }
            fillIndices();
            return Argmax.select(index, k, rng);
        }

        /** index_a = Q_a + c sqrt(ln n / N_a); every N_a &gt;= 1 here. */
        private void fillIndices() {
            double logN = Math.log(pulls);
            for (int a = 0; a < k; a++) {
                index[a] = q[a] + c * Math.sqrt(logN / n[a]);
            }
        }

        /**
         * {@inheritDoc}
         *
         * @throws IllegalArgumentException if {@code reward} is not finite
         */
        @Override
        public void update(int arm, double reward) {
            BanditSupport.finiteReward(reward);
            long pullsOfArm = ++n[arm];
            q[arm] += (reward - q[arm]) / pullsOfArm;
            pulls++;
            while (firstUntried < k && n[firstUntried] > 0) {
                firstUntried++;
            }
        }

        @Override
        public double entropy() {
            if (firstUntried < k) {
                return 0.0;
            }
            fillIndices();
            return Math.log(Argmax.count(index, k, Argmax.max(index, k)));
        }

        /** NaN: UCB1 has no temperature. */
        @Override
        public double temperature() {
            return Double.NaN;
        }

        @Override
        public void distribution(double[] out) {
            BanditSupport.checkOut(out, k);
            if (firstUntried < k) {
                BanditSupport.pointMass(out, k, firstUntried);
                return;
            }
            fillIndices();
            BanditSupport.uniformOverMaxima(index, k, out);
        }

        /**
         * The sample average Q(arm) of the arm's rewards.
         *
         * @param arm the arm, in [0, K)
         * @return Q(arm), or 0 before the arm's first pull
         */
        public double value(int arm) {
            return q[arm];
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
         * The number of pulls so far over all arms, n.
         *
         * @return n, equal to the step index t (0 before the first update)
         */
        public long step() {
            return pulls;
        }

        /**
         * The upper confidence bound Q(arm) + c sqrt(ln n / N(arm)) of the current step.
         *
         * @param arm the arm, in [0, K)
         * @return the bound, or +infinity for an arm not yet pulled
         */
        public double bound(int arm) {
            if (n[arm] == 0) {
                return Double.POSITIVE_INFINITY;
            }
            return q[arm] + c * Math.sqrt(Math.log(pulls) / n[arm]);
        }
    }


    /** The {@code ucb1} agent of configs. */
    public static final class Declaration extends Component<BanditAgent> {
        /** Declares the keys. */
        public Declaration() {
            super(Kind.BANDIT_AGENT, "ucb1",
                    "each arm once (in index order), then argmax Q_a + c sqrt(ln n / N_a), ties uniform "
                            + "(Auer, Cesa-Bianchi & Fischer 2002)",
                    "Auer, Cesa-Bianchi & Fischer (2002), Finite-time analysis of the multiarmed bandit problem, "
                            + "Machine Learning 47",
                    List.of(
                    Key.optional("c", ValueType.Num.scale(), DEFAULT_C,
                            "exploration weight; sqrt(2) in the paper")));
        }

        @Override
        public BanditAgent create(Settings v) {
            return of(v.num("c"));
        }
    }
}
