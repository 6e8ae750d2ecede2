/**
 * Bandit agents: immutable {@link kelvin.agents.bandit.BanditAgent} descriptions and per-run
 * {@link kelvin.agents.bandit.BanditLearner}s.
 */
package kelvin.agents.bandit;
