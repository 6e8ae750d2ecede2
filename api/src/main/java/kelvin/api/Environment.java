package kelvin.api;

import java.util.List;

/**
 * What every environment tells the components that run on it and the reports drawn from it,
 * without anyone testing for its class. Bandits ({@code kelvin.env.bandit.BanditEnv}) and tabular
 * tasks ({@code kelvin.env.mdp.TabularTask}) extend it; an environment component creates one of
 * those two.
 */
public interface Environment {

    /**
     * The number of actions (arms of a bandit).
     *
     * @return K, at least 1
     */
    int actions();

    /**
     * Whether every reward is 0 or 1 (Bernoulli arms): Thompson sampling's Beta prior and Exp3's
     * default reward range rely on it.
     *
     * @return false unless the rewards are binary
     */
    default boolean binaryRewards() {
        return false;
    }

    /**
     * The standard deviation of Gaussian reward noise around each arm's mean, for agents that model
     * it (Thompson sampling's Gaussian prior).
     *
     * @return the noise sd, or NaN when the rewards are not mean plus Gaussian noise
     */
    default double rewardNoise() {
        return Double.NaN;
    }

    /**
     * The discount of the environment's values (V*, regret, greedy-value), the default of a
     * learner's own discount.
     *
     * @return gamma in [0, 1], or NaN for environments without values (bandits)
     */
    default double discount() {
        return Double.NaN;
    }

    /**
     * Reference curves drawn beside the measured ones (a lower bound, a known rate).
     *
     * @return the guides, none by default
     */
    default List<Guide> guides() {
        return List.of();
    }
}
