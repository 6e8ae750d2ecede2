package kelvin.agents.tabular;

import java.util.List;
import java.util.Objects;
import kelvin.agents.policy.Policy;
import kelvin.agents.softmax.Softmax;
import kelvin.api.Component;
import kelvin.api.Environment;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Soft Q-learning ({@code soft-q-learning}): tabular TD control towards the entropy-regularised
 * (soft) optimal action values Q_T of {@code kelvin solve --temperature}. An immutable description
 * shared by threads; each run calls {@link #start(int, int, UniformRandomProvider)} for its
 * {@link TdLearner}. It is q-learning with {@code backup: soft} ({@link Backup#SOFT}) under its own
 * name: both build the same {@link TdAgent}, so the update is written once, in {@link TdLearner}.
 *
 * <h2>Update</h2>
 * Q is a table of S x A values, all starting at {@code initial}. After a step (s, a, r, s'):
 * <pre>
 *   Q(s, a) = Q(s, a) + alpha * (r + gamma * next - Q(s, a))
 *
 *   next = 0                                        if s' was entered by termination
 *          tau ln sum_b exp(Q(s', b) / tau)         otherwise ({@link Softmax#logSumExp})
 * </pre>
 * the soft maximum at the temperature tau of the backup, which tends to q-learning's max_b Q(s', b)
 * as tau -&gt; 0. The expected update is the soft Bellman operator, a gamma contraction, so with
 * step sizes satisfying the Robbins-Monro conditions and every (s, a) tried infinitely often Q
 * converges to the Q_T of soft value iteration at T = tau ({@code kelvin solve --temperature tau}),
 * whatever the behaviour policy (the update is off-policy like q-learning's). With a constant
 * alpha, Q keeps fluctuating around Q_T by an amount that shrinks with alpha. Truncation is not
 * termination: the last step of a truncated episode bootstraps as usual.
 *
 * <p>Fox, Pakman &amp; Tishby's G-learning with a prior policy rho backs up
 * tau ln sum_b rho(b | s') exp(G(s', b) / tau); with the uniform prior that is this target minus
 * tau ln A, so its G equals Q_T - gamma tau ln A / (1 - gamma): the same policy, values shifted by a
 * constant.
 *
 * <h2>Parameters</h2>
 * {@code alpha} in (0, 1]; {@code gamma} in [0, 1]; {@code initial} finite; {@code tau} finite and
 * &gt; 0, the temperature of the backup (in reward units); and the behaviour policy, which acts on Q
 * exactly as for the other TD agents (schedule index, feedback, entropies: {@link TdLearner}). The
 * behaviour policy need not be softmax(Q / tau): a Boltzmann policy at temperature tau follows the
 * soft-optimal policy itself, any other explores off-policy.
 *
 * <p>References: R. Fox, A. Pakman and N. Tishby, "Taming the noise in reinforcement learning via
 * soft updates", <i>Proceedings of the 32nd Conference on Uncertainty in Artificial Intelligence</i>
 * (UAI 2016), 202-211, arXiv:1512.08562 (G-learning); T. Haarnoja, H. Tang, P. Abbeel and S. Levine,
 * "Reinforcement learning with deep energy-based policies", <i>ICML 2017</i>, PMLR 70, 1352-1361
 * (the name soft Q-learning).
 */
public final class SoftQLearning implements TabularAgent {

    private final double alpha;
    private final double gamma;
    private final double initial;
    private final double tau;
    private final Policy policy;

    private SoftQLearning(double alpha, double gamma, double initial, double tau, Policy policy) {
        this.alpha = alpha;
        this.gamma = gamma;
        this.initial = initial;
        this.tau = tau;
        this.policy = policy;
    }

    /**
     * A soft Q-learning agent.
     *
     * @param alpha the step size, in (0, 1]
     * @param gamma the discount, in [0, 1]
     * @param initial Q_0 for every (s, a), finite
     * @param tau the temperature of the soft backup, finite and &gt; 0
     * @param policy the behaviour policy
     * @return the agent
     * @throws IllegalArgumentException on a parameter out of range
     * @throws NullPointerException if {@code policy} is null
     */
    public static SoftQLearning of(double alpha, double gamma, double initial, double tau, Policy policy) {
        Objects.requireNonNull(policy, "policy");
        if (!(tau > 0 && tau < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("tau is not finite and > 0: " + tau);
        }
        // alpha, gamma and initial are checked by the TD agent each run is built on
        TdAgent.qLearning(alpha, gamma, initial, policy).withBackup(Backup.SOFT, tau);
        return new SoftQLearning(alpha, gamma, initial, tau, policy);
    }

    /**
     * The step size alpha of the update.
     *
     * @return alpha, in (0, 1]
     */
    public double alpha() {
        return alpha;
    }

    /**
     * The discount gamma applied to the bootstrap term.
     *
     * @return gamma, in [0, 1]
     */
    public double gamma() {
        return gamma;
    }

    /**
     * The value every entry of a fresh Q table starts from.
     *
     * @return Q_0, finite
     */
    public double initial() {
        return initial;
    }

    /**
     * The temperature of the soft backup.
     *
     * @return tau, finite and &gt; 0
     */
    public double tau() {
        return tau;
    }

    /**
     * The behaviour policy, which chooses the actions from Q(s, .).
     *
     * @return the policy, not null
     */
    public Policy policy() {
        return policy;
    }

    /**
     * Creates one run's learner with a fresh Q table and the policy's per-run state.
     *
     * @param states S, at least 1
     * @param actions A, at least 1
     * @param rng the run's agent stream (all the policy's draws come from it)
     * @return the learner, owned by one run
     * @throws IllegalArgumentException if S or A is below 1 or S * A overflows an int
     * @throws NullPointerException if {@code rng} is null
     */
    @Override
    public TdLearner start(int states, int actions, UniformRandomProvider rng) {
        return TdAgent.qLearning(alpha, gamma, initial, policy).withBackup(Backup.SOFT, tau)
            .start(states, actions, rng);
    }

    @Override
    public String toString() {
        return "soft-q-learning(alpha=" + alpha + ", gamma=" + gamma + ", initial=" + initial + ", tau=" + tau
            + ", policy=" + policy + ")";
    }

    /** The {@code soft-q-learning} agent of configs. */
    public static final class Declaration extends Component<TabularAgent> {
        /** Declares the keys: policy, tau, alpha, gamma, initial. */
        public Declaration() {
            super(Kind.TABULAR_AGENT, "soft-q-learning", "Q(s,a) += alpha (r + gamma tau ln sum_b exp(Q(s',b)/tau) "
                    + "- Q(s,a)), the soft (entropy-regularised) backup; converges to `kelvin solve --temperature "
                    + "tau`'s Q_T (Fox, Pakman & Tishby 2016); the same agent as q-learning with backup: soft; no "
                    + "bootstrap after termination, bootstrap after truncation", "Fox, Pakman & Tishby (2016), Taming "
                    + "the noise in reinforcement learning via soft updates, UAI", List.of(
                    Key.required("policy", new ValueType.Nested(Kind.POLICY), "how actions are chosen from Q(s, .)"),
                    Key.required("tau", new ValueType.Num(0, true, ValueType.Num.MAX_MAGNITUDE, false, false),
                            "temperature of the soft backup, in reward units; at most 1e50 like the rewards, since "
                            + "each step adds up to tau ln A to the values"),
                    Key.optional("alpha", new ValueType.Num(0, true, 1, false, false), 0.1, "step size"),
                    Key.optional("gamma", ValueType.Num.closed(0, 1), "discount; default: the environment's gamma"),
                    Key.optional("initial", ValueType.Num.magnitude(), 0.0, "initial Q value")));
        }

        @Override
        public TabularAgent create(Settings v) {
            Environment env = v.context().environment();
            double gamma = v.has("gamma") ? v.num("gamma")
                    : env != null && !Double.isNaN(env.discount()) ? env.discount() : 1.0;
            return of(v.num("alpha"), gamma, v.num("initial"), v.num("tau"), v.get("policy", Policy.class));
        }
    }
}
