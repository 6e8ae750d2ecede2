/**
 * Tabular TD control learners ({@code q-learning}, {@code sarsa}, {@code expected-sarsa}) over a
 * flat Q table, acting with any {@link kelvin.agents.policy.Policy}: immutable
 * {@link kelvin.agents.tabular.TdAgent} descriptions and allocation-free per-run
 * {@link kelvin.agents.tabular.TdLearner}s with a runner protocol shared by all three targets.
 * Learners bootstrap on truncation and not on termination.
 */
package kelvin.agents.tabular;
