package kelvin.agents.policy;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * An action-selection rule over action values Q (DESIGN.md, "Policies"): an immutable,
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
}
