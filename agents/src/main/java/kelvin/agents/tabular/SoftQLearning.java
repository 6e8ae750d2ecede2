package kelvin.agents.tabular;

import java.util.List;
import kelvin.agents.policy.Policy;
import kelvin.agents.softmax.Softmax;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;

/**
 * Soft Q-learning ({@code soft-q-learning}): tabular TD control towards the entropy-regularised
 * (soft) optimal action values Q_T of {@code kelvin solve --temperature}. It is q-learning with
 * {@code backup: soft} ({@link Backup#SOFT}) under its own name: {@link #of} builds that
 * {@link TdAgent}, so the update is written once, in {@link TdLearner}.
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
 * <p>The start matters more than for q-learning. Where no reward is near, Q_T is the uniform
 * policy's soft value gamma tau ln A / (1 - gamma), not 0; from 0 every visit raises a value by its
 * entropy bonus, so the actions taken before look best and a near-greedy agent circles where it
 * has been (four rooms at tau = 0.002 from {@code initial: 0}: no goal reached after the first
 * episode, in any run). Starting at that soft value is neutral in a continuing task and optimistic
 * in short episodes (README, "Temperatures per state").
 *
 * <p>References: R. Fox, A. Pakman and N. Tishby, "Taming the noise in reinforcement learning via
 * soft updates", <i>Proceedings of the 32nd Conference on Uncertainty in Artificial Intelligence</i>
 * (UAI 2016), 202-211, arXiv:1512.08562 (G-learning); T. Haarnoja, H. Tang, P. Abbeel and S. Levine,
 * "Reinforcement learning with deep energy-based policies", <i>ICML 2017</i>, PMLR 70, 1352-1361
 * (the name soft Q-learning).
 */
public final class SoftQLearning {

    private SoftQLearning() {
    }

    /**
     * Soft Q-learning: q-learning with the soft backup at tau.
     *
     * @param alpha the step size, in (0, 1]
     * @param gamma the discount, in [0, 1]
     * @param initial Q_0 for every (s, a), finite
     * @param tau the temperature of the backup, finite and &gt; 0
     * @param policy the behaviour policy
     * @return the agent
     * @throws IllegalArgumentException on a parameter out of range
     * @throws NullPointerException if {@code policy} is null
     */
    public static TdAgent of(double alpha, double gamma, double initial, double tau, Policy policy) {
        return TdAgent.qLearning(alpha, gamma, initial, policy).withBackup(Backup.SOFT, tau);
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
                    Key.required("tau", Backup.TAU, "temperature of the soft backup, in reward units; at most 1e50 "
                            + "like the rewards, since each step adds up to tau ln A to the values"),
                    Key.optional("alpha", new ValueType.Num(0, true, 1, false, false), 0.1, "step size"),
                    Key.optional("gamma", ValueType.Num.closed(0, 1), "discount; default: the environment's gamma"),
                    Key.optional("initial", ValueType.Num.magnitude(), 0.0, "initial Q value")));
        }

        @Override
        public TabularAgent create(Settings v) {
            return of(v.num("alpha"), TdAgent.gamma(v), v.num("initial"), v.num("tau"), v.get("policy",
                    Policy.class));
        }
    }
}
