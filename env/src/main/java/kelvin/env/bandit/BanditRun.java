package kelvin.env.bandit;

/**
 * One run's bandit: arm means fixed for the run (or drifting, for non-stationary bandits) and the
 * run's noise stream. Owned by one thread; never shared.
 *
 * <p>The step protocol is: read {@link #mean(int)}, {@link #bestMean()} and
 * {@link #isOptimal(int)} for the chosen arm (they describe the current step), then call
 * {@link #pull(int)}, which returns the reward and moves the bandit to the next step.
 */
public interface BanditRun {

    /** Number of arms K. */
    int arms();

    /** Expected reward of {@code arm} at the current step. */
    double mean(int arm);

    /** The largest expected reward at the current step (mu*). */
    double bestMean();

    /** Whether {@code arm} has the largest expected reward at the current step (ties all count). */
    boolean isOptimal(int arm);

    /**
     * Pulls {@code arm}: returns its reward for the current step and advances to the next step.
     *
     * @param arm an arm index in [0, K)
     * @return the sampled reward
     */
    double pull(int arm);
}
