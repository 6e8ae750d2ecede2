/**
 * Action-selection policies over action values: immutable {@link kelvin.agents.policy.Policy}
 * descriptions and allocation-free per-run {@link kelvin.agents.policy.PolicyRun}s that draw all
 * their randomness from the run's agent stream.
 */
package kelvin.agents.policy;
