package kelvin.agents.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kelvin.agents.policy.Policy;
import kelvin.agents.schedule.Schedule;
import kelvin.api.Component;
import kelvin.api.Environment;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A one-step tabular TD control agent ({@code q-learning}, {@code sarsa}, {@code expected-sarsa}):
 * an immutable description shared by threads; each run calls
 * {@link #start(int, int, UniformRandomProvider)} for its {@link TdLearner}.
 *
 * <h2>Update</h2>
 * Q is a table of S x A values, all starting at {@code initial}. After a step (s, a, r, s'):
 * <pre>
 *   Q(s, a) = Q(s, a) + alpha * (r + gamma * next - Q(s, a))
 *
 *   next = 0                                  if s' was entered by termination
 *          max_b Q(s', b)                     q-learning ({@link Backup}: or mellowmax, soft)
 *          Q(s', a'), a' ~ pi(. | s')          sarsa (a' is then the action taken in s')
 *          sum_b pi(b | s') Q(s', b)           expected-sarsa
 * </pre>
 * written in exactly this floating-point form (BURLAP's {@code QLearning}, the peer's NOTES.md, uses
 * the same expression, with next = 0 at a terminal state). pi is the behaviour policy (Boltzmann,
 * epsilon-greedy, greedy, Metropolis, ...) at the index of the next step, evaluated on Q before the
 * update. Truncation (a step limit) is not termination: on the last step of a truncated episode the
 * runner passes {@code terminal = false}, the update bootstraps as usual, and the episode simply
 * stops.
 *
 * <h2>Parameters</h2>
 * {@code alpha} in (0, 1]; {@code gamma} in [0, 1]; {@code initial} finite (optimistic values
 * encourage exploration); the policy; and what the policy's schedule index counts
 * ({@link Schedule.Per}: steps, episodes or state visits), by default the schedule's own {@link Schedule#per()}.
 *
 * <p>References: C. J. C. H. Watkins, <i>Learning from Delayed Rewards</i>, PhD thesis, Cambridge,
 * 1989; G. A. Rummery and M. Niranjan, "On-line Q-learning using connectionist systems", Technical
 * Report CUED/F-INFENG/TR 166, Cambridge University, 1994; H. van Seijen, H. van Hasselt,
 * S. Whiteson and M. Wiering, "A theoretical and empirical analysis of Expected Sarsa", IEEE ADPRL
 * 2009, 177-184; R. S. Sutton and A. G. Barto, <i>Reinforcement Learning: An Introduction</i>, 2nd
 * ed., MIT Press, 2018, sections 6.4-6.6.
 */
public final class TdAgent implements TabularAgent {

    private final TdTarget target;
    private final double alpha;
    private final double gamma;
    private final double initial;
    private final Policy policy;
    private final Schedule.Per per;
    private final Backup backup;
    private final double backupParameter;

    private TdAgent(TdTarget target, double alpha, double gamma, double initial, Policy policy, Schedule.Per per,
        Backup backup, double backupParameter) {
        this.target = target;
        this.alpha = alpha;
        this.gamma = gamma;
        this.initial = initial;
        this.policy = policy;
        this.per = per;
        this.backup = backup;
        this.backupParameter = backupParameter;
    }

    /**
     * A TD agent whose schedule index counts what the policy's schedule says
     * ({@link #perOf(Policy)}).
     *
     * @param target the bootstrap target
     * @param alpha the step size, in (0, 1]
     * @param gamma the discount, in [0, 1]
     * @param initial Q_0 for every (s, a), finite
     * @param policy the behaviour policy
     * @return the agent
     * @throws IllegalArgumentException on a parameter out of range
     * @throws NullPointerException if {@code target} or {@code policy} is null
     */
    public static TdAgent of(TdTarget target, double alpha, double gamma, double initial, Policy policy) {
        return of(target, alpha, gamma, initial, policy, perOf(Objects.requireNonNull(policy, "policy")));
    }

    /**
     * A TD agent with an explicit meaning of the schedule index.
     *
     * @param target the bootstrap target
     * @param alpha the step size, in (0, 1]
     * @param gamma the discount, in [0, 1]
     * @param initial Q_0 for every (s, a), finite
     * @param policy the behaviour policy
     * @param per whether the policy's index t counts steps or episodes
     * @return the agent
     * @throws IllegalArgumentException on a parameter out of range
     * @throws NullPointerException if an object argument is null
     */
    public static TdAgent of(TdTarget target, double alpha, double gamma, double initial, Policy policy,
        Schedule.Per per) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(per, "per");
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha is not in (0, 1]: " + alpha);
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma is not in [0, 1]: " + gamma);
        }
        if (!Double.isFinite(initial)) {
            throw new IllegalArgumentException("initial is not finite: " + initial);
        }
        return new TdAgent(target, alpha, gamma, initial, policy, per, Backup.MAX, Double.NaN);
    }

    /**
     * This agent with q-learning's max replaced by another backup operator ({@link Backup}).
     *
     * @param backup the operator applied to Q(s', .)
     * @param parameter mellowmax's omega or soft's tau, finite and &gt; 0; ignored for max (pass NaN)
     * @return the agent with that backup
     * @throws IllegalArgumentException if the agent is not q-learning and the backup is not max, or
     *     the parameter is not finite and positive
     * @throws NullPointerException if {@code backup} is null
     */
    public TdAgent withBackup(Backup backup, double parameter) {
        Objects.requireNonNull(backup, "backup");
        if (backup == Backup.MAX) {
            return new TdAgent(target, alpha, gamma, initial, policy, per, Backup.MAX, Double.NaN);
        }
        if (target != TdTarget.Q_LEARNING) {
            throw new IllegalArgumentException("backup " + backup.key() + " needs q-learning, not " + target.key());
        }
        if (!(parameter > 0 && parameter < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(backup.parameterKey() + " is not finite and > 0: " + parameter);
        }
        return new TdAgent(target, alpha, gamma, initial, policy, per, backup, parameter);
    }

    /**
     * Q-learning, next = max_b Q(s', b): {@code of(Q_LEARNING, alpha, gamma, initial, policy)}.
     *
     * @param alpha the step size, in (0, 1]
     * @param gamma the discount, in [0, 1]
     * @param initial Q_0 for every (s, a), finite
     * @param policy the behaviour policy
     * @return the Q-learning agent
     * @throws IllegalArgumentException on a parameter out of range
     * @throws NullPointerException if {@code policy} is null
     */
    public static TdAgent qLearning(double alpha, double gamma, double initial, Policy policy) {
        return of(TdTarget.Q_LEARNING, alpha, gamma, initial, policy);
    }

    /**
     * SARSA, next = Q(s', a') with a' the next action taken:
     * {@code of(SARSA, alpha, gamma, initial, policy)}.
     *
     * @param alpha the step size, in (0, 1]
     * @param gamma the discount, in [0, 1]
     * @param initial Q_0 for every (s, a), finite
     * @param policy the behaviour policy, which also draws a'
     * @return the SARSA agent
     * @throws IllegalArgumentException on a parameter out of range
     * @throws NullPointerException if {@code policy} is null
     */
    public static TdAgent sarsa(double alpha, double gamma, double initial, Policy policy) {
        return of(TdTarget.SARSA, alpha, gamma, initial, policy);
    }

    /**
     * Expected SARSA, next = sum_b pi(b | s') Q(s', b):
     * {@code of(EXPECTED_SARSA, alpha, gamma, initial, policy)}.
     *
     * @param alpha the step size, in (0, 1]
     * @param gamma the discount, in [0, 1]
     * @param initial Q_0 for every (s, a), finite
     * @param policy the behaviour policy pi, whose distribution weighs the expectation
     * @return the expected-SARSA agent
     * @throws IllegalArgumentException on a parameter out of range
     * @throws NullPointerException if {@code policy} is null
     */
    public static TdAgent expectedSarsa(double alpha, double gamma, double initial, Policy policy) {
        return of(TdTarget.EXPECTED_SARSA, alpha, gamma, initial, policy);
    }

    /**
     * What the index of a policy's schedule counts: the policy's {@link Policy#per()}.
     *
     * @param policy the policy
     * @return steps or episodes
     */
    public static Schedule.Per perOf(Policy policy) {
        return policy.per();
    }

    /**
     * The bootstrap target: what stands for the value of s' in the update.
     *
     * @return q-learning, sarsa or expected-sarsa
     */
    public TdTarget target() {
        return target;
    }

    /**
     * The operator that summarises Q(s', .) in q-learning's target.
     *
     * @return max unless {@link #withBackup} chose another
     */
    public Backup backup() {
        return backup;
    }

    /**
     * The backup's parameter: mellowmax's omega or soft's tau.
     *
     * @return the parameter, or NaN for max
     */
    public double backupParameter() {
        return backupParameter;
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
     * @return Q_0, the same for every (s, a), finite
     */
    public double initial() {
        return initial;
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
     * What the policy's schedule index t counts.
     *
     * @return {@link Schedule.Per#STEP}, {@link Schedule.Per#EPISODE} or {@link Schedule.Per#STATE_VISIT}
     */
    public Schedule.Per per() {
        return per;
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
        if (states < 1) {
            throw new IllegalArgumentException("states is not at least 1: " + states);
        }
        if (actions < 1) {
            throw new IllegalArgumentException("actions is not at least 1: " + actions);
        }
        if ((long) states * actions > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("states * actions is too large: " + (long) states * actions);
        }
        Objects.requireNonNull(rng, "rng");
        return new TdLearner(this, states, actions, policy.start(actions, states, rng));
    }

    @Override
    public String toString() {
        return target.key() + "(alpha=" + alpha + ", gamma=" + gamma + ", initial=" + initial + ", policy=" + policy
            + (per != Schedule.Per.STEP ? ", per=" + per.key() : "")
            + (backup == Backup.MAX ? "" : ", backup=" + backup.key() + ", " + backup.parameterKey() + "="
                + backupParameter) + ")";
    }

    /** What the three TD agents of configs share: their keys and how they are built. */
    private abstract static class TdDeclaration extends Component<TabularAgent> {
        private final TdTarget target;

        TdDeclaration(TdTarget target, String summary, String source, List<Key> extra) {
            super(Kind.TABULAR_AGENT, target.key(), summary + "; no bootstrap after termination, bootstrap after "
                    + "truncation", source, keys(extra));
            this.target = target;
        }

        private static List<Key> keys(List<Key> extra) {
            List<Key> keys = new ArrayList<>(List.of(
                    Key.required("policy", new ValueType.Nested(Kind.POLICY), "how actions are chosen from Q(s, .)"),
                    Key.optional("alpha", new ValueType.Num(0, true, 1, false, false), 0.1, "step size"),
                    Key.optional("gamma", ValueType.Num.closed(0, 1), "discount; default: the environment's gamma"),
                    Key.optional("initial", ValueType.Num.magnitude(), 0.0, "initial Q value")));
            keys.addAll(extra);
            return List.copyOf(keys);
        }

        @Override
        public TabularAgent create(Settings v) {
            return of(target, v.num("alpha"), gamma(v), v.num("initial"), v.get("policy", Policy.class));
        }
    }

    /** A TD agent's discount: its {@code gamma} key, else the environment's, else 1. */
    static double gamma(Settings v) {
        Environment env = v.context().environment();
        return v.has("gamma") ? v.num("gamma") : env != null && !Double.isNaN(env.discount()) ? env.discount() : 1.0;
    }

    /** The {@code q-learning} agent of configs. */
    public static final class QLearningDeclaration extends TdDeclaration {
        /** Declares the keys: policy, alpha, gamma, initial, backup, omega, tau. */
        public QLearningDeclaration() {
            super(TdTarget.Q_LEARNING, "Q(s,a) += alpha (r + gamma op(Q(s',.)) - Q(s,a)), op = max (Watkins 1989), "
                    + "mellowmax log(mean_b exp(omega Q(s',b)))/omega (Asadi & Littman 2017) or soft tau ln sum_b "
                    + "exp(Q(s',b)/tau) (Fox et al. 2016)",
                    "Watkins (1989), Learning from Delayed Rewards, PhD thesis, Cambridge", List.of(
                    Key.optional("backup", new ValueType.Choice(List.of("max", "mellowmax", "soft")), "max",
                            "the operator op over Q(s', .): max, mellowmax (needs omega) or soft (needs tau)"),
                    Key.optional("omega", ValueType.Num.closed(1e-6, 1e6), "mellowmax's w (backup: mellowmax "
                            + "only)"),
                    Key.optional("tau", Backup.TAU, "temperature of the soft backup, in reward units, at most "
                            + "1e50 like the rewards (backup: soft only)")));
        }

        @Override
        public TabularAgent create(Settings v) {
            TdAgent agent = (TdAgent) super.create(v);
            Backup backup = Backup.of(v.str("backup"));
            for (Backup other : Backup.values()) {
                String key = other.parameterKey();
                if (key != null && other != backup && v.has(key)) {
                    throw v.error(key, key + " belongs to backup: " + other.key() + ", not backup: " + backup.key());
                }
            }
            String key = backup.parameterKey();
            if (key == null) {
                return agent;
            }
            if (!v.has(key)) {
                throw v.error("backup", "backup: " + backup.key() + " needs " + key);
            }
            return agent.withBackup(backup, v.num(key));
        }
    }

    /** The {@code sarsa} agent of configs. */
    public static final class SarsaDeclaration extends TdDeclaration {
        /** Declares the keys: policy, alpha, gamma, initial. */
        public SarsaDeclaration() {
            super(TdTarget.SARSA, "Q(s,a) += alpha (r + gamma Q(s',a') - Q(s,a)), a' the next action taken "
                    + "(Rummery & Niranjan 1994)", "Rummery & Niranjan (1994), On-line Q-learning using connectionist "
                    + "systems, CUED/F-INFENG/TR 166", List.of());
        }
    }

    /** The {@code expected-sarsa} agent of configs. */
    public static final class ExpectedSarsaDeclaration extends TdDeclaration {
        /** Declares the keys: policy, alpha, gamma, initial. */
        public ExpectedSarsaDeclaration() {
            super(TdTarget.EXPECTED_SARSA, "Q(s,a) += alpha (r + gamma sum_b pi(b|s') Q(s',b) - Q(s,a)) under the "
                    + "behaviour policy (van Seijen et al. 2009)", "van Seijen, van Hasselt, Whiteson & Wiering "
                    + "(2009), A theoretical and empirical analysis of Expected Sarsa, IEEE ADPRL", List.of());
        }
    }
}
