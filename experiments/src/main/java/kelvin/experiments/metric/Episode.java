package kelvin.experiments.metric;

import kelvin.agents.tabular.TabularLearner;
import kelvin.env.mdp.TabularModel;

/**
 * One finished episode of a run on a tabular MDP as metrics see it, after the learner's
 * {@code endEpisode}.
 */
public interface Episode {

    /**
     * The episode.
     *
     * @return its index, 0 for the first of the run
     */
    int index();

    /**
     * The number of episodes of a run (the horizon).
     *
     * @return the episodes per run
     */
    int episodes();

    /**
     * Whether this episode is the run's last checkpoint.
     *
     * @return true at the last recorded episode
     */
    boolean lastCheckpoint();

    /**
     * The undiscounted sum of the episode's rewards.
     *
     * @return the episode's return, gamma ignored
     */
    double undiscountedReturn();

    /**
     * The episode's steps.
     *
     * @return its length, at most max-steps
     */
    int length();

    /**
     * The cumulative regret: the sum over episodes 0 to this of V*(start) - the episode's discounted
     * return, V* over an episode of at most max-steps steps.
     *
     * @return the regret so far
     */
    double regret();

    /**
     * The share of the reachable states visited at least once so far in the run.
     *
     * @return the coverage, in (0, 1]
     */
    double coverage();

    /**
     * The first successful episode of the run so far.
     *
     * @return its 1-based number, or 0 when none has succeeded yet
     */
    int firstSuccess();

    /**
     * The mean temperature over the episode's steps, computed for recorded episodes when a metric
     * asks for it ({@link Metric#needsStepTemperatures()}).
     *
     * @return the mean temperature, or NaN off recorded episodes, when no metric asks for it, or when
     *     the agent has no temperature
     */
    double meanTemperature();

    /**
     * The mean entropy of the episode's choices, tracked for recorded episodes when a metric asks
     * for it ({@link Metric#needsEpisodeEntropy()}).
     *
     * @return the mean entropy in nats, or NaN off recorded episodes or when the learner does not track
     *     entropy
     */
    double entropy();

    /**
     * The run's learner, after the episode.
     *
     * @return the learner the run trains, holding what it learned up to this episode
     */
    TabularLearner learner();

    /**
     * The run's model.
     *
     * @return the MDP of this run
     */
    TabularModel model();

    /**
     * The discount of the environment's values.
     *
     * @return gamma
     */
    double gamma();

    /**
     * The step limit of an episode.
     *
     * @return max-steps
     */
    int maxSteps();

    /**
     * V*(start) of this run's model over an episode of at most max-steps steps, the value regret
     * measures against.
     *
     * @return the best expected discounted return from the start
     */
    double optimalValue();

    /**
     * The environment's score floor for this run's model ({@link kelvin.env.mdp.TabularEnv#scoreFloor}):
     * the value from the start that a normalised score counts as 0. Computed on first use.
     *
     * @return by default the uniform random policy's value from the start
     */
    double scoreFloor();
}
