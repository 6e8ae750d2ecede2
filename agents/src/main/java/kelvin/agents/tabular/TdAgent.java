package kelvin.agents.tabular;

import java.util.Objects;
import kelvin.agents.policy.Boltzmann;
import kelvin.agents.policy.EpsilonGreedy;
import kelvin.agents.policy.Metropolis;
import kelvin.agents.policy.Policy;
import kelvin.agents.schedule.Schedule;
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
 *          max_b Q(s', b)                     q-learning
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
 * ({@link Schedule.Per}: steps or episodes), by default the schedule's own {@link Schedule#per()}.
 *
 * <p>References: C. J. C. H. Watkins, <i>Learning from Delayed Rewards</i>, PhD thesis, Cambridge,
 * 1989; G. A. Rummery and M. Niranjan, "On-line Q-learning using connectionist systems", Technical
 * Report CUED/F-INFENG/TR 166, Cambridge University, 1994; H. van Seijen, H. van Hasselt,
 * S. Whiteson and M. Wiering, "A theoretical and empirical analysis of Expected Sarsa", IEEE ADPRL
 * 2009, 177-184; R. S. Sutton and A. G. Barto, <i>Reinforcement Learning: An Introduction</i>, 2nd
 * ed., MIT Press, 2018, sections 6.4-6.6.
 */
public final class TdAgent {

    private final TdTarget target;
    private final double alpha;
    private final double gamma;
    private final double initial;
    private final Policy policy;
    private final Schedule.Per per;

    private TdAgent(TdTarget target, double alpha, double gamma, double initial, Policy policy, Schedule.Per per) {
        this.target = target;
        this.alpha = alpha;
        this.gamma = gamma;
        this.initial = initial;
        this.policy = policy;
        this.per = per;
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
        return new TdAgent(target, alpha, gamma, initial, policy, per);
    }

    /** Q-learning: {@code of(Q_LEARNING, alpha, gamma, initial, policy)}. */
    public static TdAgent qLearning(double alpha, double gamma, double initial, Policy policy) {
        return of(TdTarget.Q_LEARNING, alpha, gamma, initial, policy);
    }

    /** SARSA: {@code of(SARSA, alpha, gamma, initial, policy)}. */
    public static TdAgent sarsa(double alpha, double gamma, double initial, Policy policy) {
        return of(TdTarget.SARSA, alpha, gamma, initial, policy);
    }

    /** Expected SARSA: {@code of(EXPECTED_SARSA, alpha, gamma, initial, policy)}. */
    public static TdAgent expectedSarsa(double alpha, double gamma, double initial, Policy policy) {
        return of(TdTarget.EXPECTED_SARSA, alpha, gamma, initial, policy);
    }

    /**
     * What the index of a policy's schedule counts: the {@link Schedule#per()} of the temperature
     * schedule of {@link Boltzmann} and {@link Metropolis} and of the epsilon schedule of
     * {@link EpsilonGreedy}; steps for any other policy (greedy has no schedule). Pass the value
     * explicitly to {@link #of(TdTarget, double, double, double, Policy, Schedule.Per)} for a policy
     * type this method does not know.
     *
     * @param policy the policy
     * @return steps or episodes
     */
    public static Schedule.Per perOf(Policy policy) {
        if (policy instanceof Boltzmann b) {
            return b.temperature().per();
        }
        if (policy instanceof Metropolis m) {
            return m.temperature().per();
        }
        if (policy instanceof EpsilonGreedy e) {
            return e.epsilon().per();
        }
        return Schedule.Per.STEP;
    }

    /** The bootstrap target. */
    public TdTarget target() {
        return target;
    }

    /** The step size alpha. */
    public double alpha() {
        return alpha;
    }

    /** The discount gamma. */
    public double gamma() {
        return gamma;
    }

    /** Q_0. */
    public double initial() {
        return initial;
    }

    /** The behaviour policy. */
    public Policy policy() {
        return policy;
    }

    /** What the policy's schedule index counts. */
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
        return new TdLearner(this, states, actions, policy.start(actions, rng));
    }

    @Override
    public String toString() {
        return target.key() + "(alpha=" + alpha + ", gamma=" + gamma + ", initial=" + initial + ", policy=" + policy
            + (per == Schedule.Per.EPISODE ? ", per=episode" : "") + ")";
    }
}
