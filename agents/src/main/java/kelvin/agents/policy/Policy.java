package kelvin.agents.policy;

import kelvin.agents.schedule.Schedule;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * An action-selection rule over action values Q (the README's config reference lists them): an immutable,
 * thread-safe description. Each run calls {@link #start(int, UniformRandomProvider)} for the
 * mutable {@link PolicyRun} that run owns.
 */
public interface Policy {

    /**
     * Creates the per-run policy (with its schedule's per-run state and preallocated buffers).
     *
     * @param arms number of actions K, at least 1
     * @param rng the run's agent stream; all of the policy's randomness comes from it
     * @return the run's policy
     * @throws IllegalArgumentException if {@code arms < 1}
     * @throws NullPointerException if {@code rng} is null
     */
    PolicyRun start(int arms, UniformRandomProvider rng);

    /**
     * Creates the per-run policy for a learner with S states, for policies that keep a value per
     * state ({@link PolicyRun#perState()}). The default ignores S: {@code start(arms, rng)}.
     *
     * @param arms number of actions K, at least 1
     * @param states number of states S, at least 1
     * @param rng the run's agent stream
     * @return the run's policy
     * @throws IllegalArgumentException if {@code arms < 1} or {@code states < 1}
     * @throws NullPointerException if {@code rng} is null
     */
    default PolicyRun start(int arms, int states, UniformRandomProvider rng) {
        if (states < 1) {
            throw new IllegalArgumentException("states is not at least 1: " + states);
        }
        return start(arms, rng);
    }

    /**
     * What the index t of the policy's schedule counts, so a tabular learner passes steps or
     * episodes: the {@link Schedule#per()} of its temperature or epsilon schedule.
     *
     * @return {@link Schedule.Per#STEP} unless the policy's schedule counts episodes
     */
    default Schedule.Per per() {
        return Schedule.Per.STEP;
    }
}
