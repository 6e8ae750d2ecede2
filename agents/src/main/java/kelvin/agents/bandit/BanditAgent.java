package kelvin.agents.bandit;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * An immutable, thread-safe description of a bandit agent (its parameters). Each run calls
 * {@link #start(int, UniformRandomProvider)} to get the mutable learner that run owns.
 */
public interface BanditAgent {

    /**
     * Creates a fresh learner for one run.
     *
     * @param arms number of arms K, at least 1
     * @param rng the run's agent stream (all of the agent's randomness comes from it)
     * @return a learner owned by one run
     */
    BanditLearner start(int arms, UniformRandomProvider rng);

    /**
     * A loop over whole runs on stationary Gaussian arms that gives exactly the numbers of
     * {@link #start} driven step by step, faster: Kelvin takes it for the runs it can, and the
     * step-by-step learner otherwise.
     *
     * @param arms the number of arms K
     * @return the runner, or null when the agent has none for this configuration (the default)
     */
    default GaussianRunner gaussianRunner(int arms) {
        return null;
    }

    /**
     * The work of one reported action distribution (and so of one entropy reading), in draws or
     * arithmetic operations, for the budget Kelvin checks before a run: K for an agent that computes
     * its distribution in closed form (the default), more for one that estimates it by sampling.
     *
     * @param arms the number of arms K
     * @return the operations behind one reported distribution, at least {@code arms}
     */
    default long distributionCost(int arms) {
        return arms;
    }
}
