package kelvin.env.bandit;

/**
 * One run's bandit: arm means fixed for the run (or drifting, for non-stationary bandits) and the
 * run's noise stream. Owned by one thread; never shared.
 *
 * <p>The step protocol (Gymnasium's {@code step(action)}, whose observation a bandit does not have
 * and which never terminates) is: read {@link #mean(int)}, {@link #bestMean()} and
 * {@link #isOptimal(int)} for the chosen arm (they describe the current step), then call
 * {@link #pull(int)}, which returns the reward and moves the bandit to the next step.
 */
public interface BanditRun {

    /**
     * The number of arms.
     *
     * @return K
     */
    int arms();

    /**
     * The expected reward of an arm at the current step.
     *
     * @param arm an arm in [0, K)
     * @return mu of the arm
     */
    double mean(int arm);

    /**
     * The largest expected reward at the current step.
     *
     * @return mu*
     */
    double bestMean();

    /**
     * Whether an arm has the largest expected reward at the current step (ties all count).
     *
     * @param arm an arm in [0, K)
     * @return true for an optimal arm
     */
    boolean isOptimal(int arm);

    /**
     * Pulls {@code arm}: returns its reward for the current step and advances to the next step.
     *
     * @param arm an arm index in [0, K)
     * @return the sampled reward, finite
     */
    double pull(int arm);

    /**
     * This run as stationary Gaussian arms, for loops that draw the rewards themselves: the reward
     * of every pull is {@code means[a] + noise * normals.sample()}, one sample per pull whatever the
     * arm, and the means never move. A loop that uses it draws the rewards instead of calling
     * {@link #pull(int)} and then must not call {@code pull} on this run.
     *
     * @return the arms, or null when the rewards are not of that form (the default)
     */
    default GaussianArms stationaryGaussian() {
        return null;
    }

    /**
     * The expected regret of the uniform random policy over this run's first {@code steps} steps:
     * the sum over those steps of mu* - the mean of the arm means, the floor a normalised score
     * 1 - regret / uniform regret measures against. The default is {@code steps} times the current
     * gap, exact for means that never move; a bandit whose means move keeps its own sum (and then
     * must be asked after exactly {@code steps} pulls).
     *
     * @param steps the number of steps taken so far, at least 0
     * @return the uniform policy's expected regret, at least 0
     */
    default double uniformRegret(long steps) {
        double sum = 0;
        int k = arms();
        for (int a = 0; a < k; a++) {
            sum += mean(a);
        }
        return Math.max(0.0, steps * (bestMean() - sum / k));
    }
}
