package kelvin.agents.bandit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import kelvin.agents.policy.Policy;
import kelvin.agents.policy.PolicyRun;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The action-value bandit agent ({@code action-value}): estimates Q(a) and acts with a
 * {@link Policy} (Boltzmann, epsilon-greedy, greedy, ...).
 *
 * <p>Estimates start at Q_0(a) = {@code initial} (an optimistic value above the rewards encourages
 * early exploration). After the reward R of arm a, with N(a) counting the pulls of a including this
 * one:
 * <pre>
 *   sample average:  N(a) += 1;  Q(a) += (R - Q(a)) / N(a)       (so Q(a) = R after the first pull)
 *   constant step:   Q(a) += alpha (R - Q(a))
 * </pre>
 * The sample-average update is written exactly as the numpy peer's rule 7, so the golden traces are
 * reproduced to the last bit.
 *
 * <p>Time: the learner counts its steps t = 0, 1, 2, ...; {@code select()} calls
 * {@code policy.select(Q, t, changed)} with the arm updated since the previous select (the hint of
 * {@link PolicyRun#select(double[], long, int)}: a Boltzmann policy then recomputes one weight, and
 * chooses the same action as {@code policy.select(Q, t)}), {@code update} updates Q, forwards
 * (reward, entropy) to the policy's schedule (the entropy of the distribution that chose the
 * action when the schedule asks for it, NaN otherwise) and then advances t; a policy that follows
 * value changes ({@link PolicyRun#perState()}, VDBE) is told Q(arm)'s change, as a change in state
 * 0, before that feedback. {@code entropy()},
 * {@code temperature()} and {@code distribution(out)} describe the policy at the current Q and t.
 *
 * <p>Reference: R. S. Sutton and A. G. Barto, <i>Reinforcement Learning: An Introduction</i>, 2nd
 * ed., MIT Press, 2018, section 2.4 (incremental sample average, eq. 2.3), section 2.5
 * (constant step size, eq. 2.5) and section 2.6 (optimistic initial values).
 */
public final class ActionValueAgent implements BanditAgent {

    private final double initial;
    /** The constant step size, or NaN for sample averages. */
    private final double alpha;
    private final Policy policy;

    private ActionValueAgent(double initial, double alpha, Policy policy) {
        this.initial = initial;
        this.alpha = alpha;
        this.policy = policy;
    }

    /**
     * An action-value agent.
     *
     * @param initial Q_0 for every arm, finite
     * @param alpha the constant step size in (0, 1], or NaN for sample averages
     * @param policy the action-selection policy
     * @return the agent
     * @throws IllegalArgumentException if {@code initial} is not finite or {@code alpha} is neither
     *     NaN nor in (0, 1]
     * @throws NullPointerException if {@code policy} is null
     */
    public static ActionValueAgent of(double initial, double alpha, Policy policy) {
        if (!Double.isFinite(initial)) {
            throw new IllegalArgumentException("initial is not finite: " + initial);
        }
        if (!Double.isNaN(alpha) && !(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha is not in (0, 1] (or NaN for sample averages): " + alpha);
        }
        return new ActionValueAgent(initial, alpha, Objects.requireNonNull(policy, "policy"));
    }

    /**
     * A sample-average agent: {@code of(initial, NaN, policy)}.
     *
     * @param initial Q_0 for every arm, finite
     * @param policy the action-selection policy
     * @return the agent
     * @throws IllegalArgumentException if {@code initial} is not finite
     * @throws NullPointerException if {@code policy} is null
     */
    public static ActionValueAgent sampleAverage(double initial, Policy policy) {
        return of(initial, Double.NaN, policy);
    }

    /**
     * The value every estimate starts from.
     *
     * @return Q_0, the same for every arm, finite
     */
    public double initial() {
        return initial;
    }

    /**
     * The step size of the constant-step update Q(a) += alpha (R - Q(a)).
     *
     * @return alpha in (0, 1], or NaN for sample averages
     */
    public double alpha() {
        return alpha;
    }

    /**
     * Whether Q is the sample average of the rewards (otherwise a constant-step average).
     *
     * @return true when {@link #alpha()} is NaN
     */
    public boolean isSampleAverage() {
        return Double.isNaN(alpha);
    }

    /**
     * The action-selection policy.
     *
     * @return the policy each learner starts its {@link PolicyRun} from, not null
     */
    public Policy policy() {
        return policy;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code arms < 1}
     * @throws NullPointerException if {@code rng} is null
     */
    @Override
    public Learner start(int arms, UniformRandomProvider rng) {
        PolicyRun run = policy.start(arms, rng); // checks arms and rng
        return new Learner(arms, initial, alpha, run);
    }

    /**
     * {@inheritDoc} Here: the fused loop of a plain Boltzmann policy at a fixed temperature.
     */
    @Override
    public GaussianRunner gaussianRunner(int arms) {
        return FusedBoltzmann.of(this, arms);
    }

    @Override
    public String toString() {
        return "action-value(initial=" + initial + (isSampleAverage() ? ", sample-average" : ", alpha=" + alpha)
            + ", policy=" + policy + ")";
    }

    /** One run's action-value learner: Q, N, the step counter and the policy's per-run state. */
    public static final class Learner implements BanditLearner {
        private final double[] q;
        private final long[] n;
        private final double alpha;
        private final boolean sampleAverage;
        private final PolicyRun policy;
        /** Whether the policy's schedule wants the entropy (fixed for a run). */
        private final boolean needsEntropy;
        /** Whether the policy follows value changes (VDBE): a bandit is its one state, 0. */
        private final boolean perState;
        private long t;
        /**
         * Which entry of Q changed since the last select: the policy's hint
         * ({@link PolicyRun#select(double[], long, int)}).
         */
        private int changed = PolicyRun.UNKNOWN;

        Learner(int arms, double initial, double alpha, PolicyRun policy) {
            this.q = new double[arms];
            Arrays.fill(q, initial);
            this.n = new long[arms];
            this.alpha = alpha;
            this.sampleAverage = Double.isNaN(alpha);
            this.policy = policy;
            this.needsEntropy = policy.needsEntropy();
            this.perState = policy.perState();
        }

        @Override
        public int select() {
            int a = policy.select(q, t, changed);
            changed = PolicyRun.UNCHANGED;
            return a;
        }

        @Override
        public void update(int arm, double reward) {
            // the entropy of the distribution that chose the arm needs Q before it changes
            double h = needsEntropy ? policy.entropy(q, t) : Double.NaN;
            long pulls = ++n[arm]; // checks arm before anything changes
            changed = changed == PolicyRun.UNCHANGED || changed == arm ? arm : PolicyRun.UNKNOWN;
            double old = q[arm];
            if (sampleAverage) {
                q[arm] += (reward - q[arm]) / pulls;
            } else {
                q[arm] += alpha * (reward - q[arm]);
            }
            if (perState) {
                policy.valueChanged(0, q[arm] - old);
            }
            policy.observe(reward, h);
            t++;
        }

        @Override
        public double entropy() {
            return policy.entropy(q, t);
        }

        @Override
        public double temperature() {
            return policy.temperature(t);
        }

        @Override
        public void distribution(double[] out) {
            policy.distribution(q, t, out);
        }

        /**
         * The current estimate Q(arm).
         *
         * @param arm the arm, in [0, K)
         * @return Q(arm); Q_0 before the arm's first update
         */
        public double value(int arm) {
            return q[arm];
        }

        /**
         * How many times {@code arm} has been updated, N(arm).
         *
         * @param arm the arm, in [0, K)
         * @return N(arm), at least 0
         */
        public long pulls(int arm) {
            return n[arm];
        }

        /**
         * The current step index t.
         *
         * @return t, the number of updates so far (0 before the first)
         */
        public long step() {
            return t;
        }
    }


    /** The {@code action-value} agent of configs. */
    public static final class Declaration extends Component<BanditAgent> {
        /** Declares the keys. */
        public Declaration() {
            super(Kind.BANDIT_AGENT, "action-value",
                    "Q_0 = initial; sample average Q += (R - Q)/N, or constant step Q += alpha (R - Q)",
                    "Sutton & Barto (2018), Reinforcement Learning: An Introduction, 2nd ed., sections 2.4-2.6",
                    List.of(
                    Key.required("policy", new ValueType.Nested(Kind.POLICY), "how actions are chosen from Q"),
                    Key.optional("initial", ValueType.Num.magnitude(), 0.0,
                            "initial action value (optimistic when high)"),
                    Key.optional("alpha", new ValueType.Num(0, true, 1, false, false),
                            "constant step size in (0, 1]; absent = sample average")));
        }

        @Override
        public BanditAgent create(Settings v) {
            return of(v.num("initial"), v.num("alpha", Double.NaN), v.get("policy", Policy.class));
        }
    }
}
