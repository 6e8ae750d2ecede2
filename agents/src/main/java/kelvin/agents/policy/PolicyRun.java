package kelvin.agents.policy;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * One run's policy. Owned by one thread; allocates nothing per call.
 *
 * <p>Every method reads the first K entries of {@code q} (the action values, finite) and the time
 * index t (0 on the first action). {@link #entropy}, {@link #temperature} and
 * {@link #distribution} describe the distribution {@link #select} uses at the same q and t, and
 * draw no random numbers. After each step the owner calls {@link #observe(double, double)}, which
 * forwards the feedback to the schedule's per-run state.
 */
public interface PolicyRun {

    /** Hint of {@link #select(double[], long, int)}: q is as at this run's previous select. */
    int UNCHANGED = -1;
    /** Hint of {@link #select(double[], long, int)}: nothing is known about q. */
    int UNKNOWN = -2;

    /**
     * Chooses an action.
     *
     * @param q the action values (length at least K), finite
     * @param t the time index, at least 0
     * @return the action in [0, K)
     */
    int select(double[] q, long t);

    /**
     * Chooses an action exactly as {@link #select(double[], long)} does (same action, same random
     * numbers), with a hint for policies that keep work between steps: the first K entries of
     * {@code q} equal those of this run's previous select call except, possibly, {@code q[changed]}
     * ({@link #UNCHANGED}: all equal; {@link #UNKNOWN}: no hint). An action-value learner, which
     * changes one value per step, passes the arm it updated. A wrong hint may give a wrong action.
     * The default ignores the hint.
     *
     * @param q the action values (length at least K), finite
     * @param t the time index, at least 0
     * @param changed the only entry that may have changed, {@link #UNCHANGED} or {@link #UNKNOWN}
     * @return the action in [0, K)
     */
    default int select(double[] q, long t, int changed) {
        return select(q, t);
    }

    /**
     * Entropy in nats of the action distribution at (q, t).
     *
     * @param q the action values
     * @param t the time index
     * @return the entropy, in [0, ln K]
     */
    double entropy(double[] q, long t);

    /**
     * The temperature at t, or NaN if the policy has none (greedy, epsilon-greedy).
     *
     * @param t the time index
     * @return the temperature or NaN
     */
    double temperature(long t);

    /**
     * Writes the exact action probabilities at (q, t) into {@code out}.
     *
     * @param q the action values
     * @param t the time index
     * @param out receives K probabilities (length at least K)
     */
    void distribution(double[] q, long t, double[] out);

    /**
     * Feedback after the step: forwarded to the schedule's per-run state.
     *
     * @param reward the reward received
     * @param entropy the entropy of the distribution that chose the action, or NaN if not computed
     */
    void observe(double reward, double entropy);

    /**
     * Whether {@link #observe(double, double)} needs a real entropy (its schedule adapts to it);
     * otherwise callers may pass NaN.
     *
     * @return false unless the schedule asks for the entropy
     */
    default boolean needsEntropy() {
        return false;
    }

    /**
     * Whether the policy keeps a value per environment state (VDBE's exploration rate): a tabular
     * learner then calls {@link #inState(int)} before every call about a state and
     * {@link #valueChanged(int, double)} after every update. Fixed for a run, so a learner asks once.
     *
     * @return false unless the policy depends on the state beyond Q(s, .)
     */
    default boolean perState() {
        return false;
    }

    /**
     * Names the environment state that the following {@code select}, {@code entropy},
     * {@code temperature} and {@code distribution} calls are about, until the next call of this
     * method. Before the first call it is state 0 (a bandit's only state). The default ignores it.
     *
     * @param s the state, in [0, S) of {@link Policy#start(int, int, UniformRandomProvider)}
     */
    default void inState(int s) {
    }

    /**
     * Feedback after an update of Q(s, a): the change Q_new(s, a) - Q_old(s, a). The default
     * ignores it.
     *
     * @param s the state whose action value changed, in [0, S)
     * @param change the new value minus the old, finite
     */
    default void valueChanged(int s, double change) {
    }
}
