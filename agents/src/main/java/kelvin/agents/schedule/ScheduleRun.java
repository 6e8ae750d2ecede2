package kelvin.agents.schedule;

/**
 * One run's view of a {@link Schedule}. Owned by one thread.
 *
 * <p>Protocol, per index t = 0, 1, 2, ...: any number of calls to {@link #temperature(long)} with
 * the current t (they must return the same value, so a policy may ask once to act and again to
 * report), then one {@link #observe(double, double)} with the feedback of that step, which moves a
 * stateful schedule to t + 1. Pure schedules ignore the feedback.
 *
 * <p>The stateful runs of this package ({@link SimulatedAnnealing}, {@link EntropyTarget}) also
 * answer a later t with the value they would reach if no feedback changed their course (so a
 * fresh run previews like {@link Schedule#temperature(long)}), and reject an earlier t with an
 * {@link IllegalArgumentException}: their past is not kept.
 */
@FunctionalInterface
public interface ScheduleRun {

    /**
     * The value at index t for this run.
     *
     * @param t the index, at least 0
     * @return the value, in [0, +infinity]
     * @throws IllegalArgumentException if {@code t} is negative
     */
    double temperature(long t);

    /**
     * Feedback after the action at the current index: the reward received and the entropy (nats)
     * of the distribution that chose the action, or NaN when the entropy was not computed (it is
     * computed only if {@link #needsEntropy()} says so). A no-op for pure schedules.
     *
     * @param reward the reward of the step
     * @param entropy the policy's entropy at the step, or NaN
     */
    default void observe(double reward, double entropy) {
        // pure schedules have no state
    }

    /**
     * Whether {@link #observe(double, double)} needs the entropy (an entropy-targeting schedule
     * does); if not, callers pass NaN and save the work of computing it.
     *
     * @return false unless the schedule adapts to entropy
     */
    default boolean needsEntropy() {
        return false;
    }
}
