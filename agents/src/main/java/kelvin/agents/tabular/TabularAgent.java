package kelvin.agents.tabular;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * An immutable, thread-safe description of an agent that learns on tabular MDPs: what a tabular
 * agent component creates. Each run calls {@link #start(int, int, UniformRandomProvider)} for the
 * mutable learner that run owns.
 */
public interface TabularAgent {

    /**
     * Creates one run's learner.
     *
     * @param states S, at least 1
     * @param actions A, at least 1
     * @param rng the run's agent stream: all of the learner's randomness comes from it, which keeps
     *     results identical for any thread count and after a resume
     * @return a learner owned by one run
     */
    TabularLearner start(int states, int actions, UniformRandomProvider rng);
}
