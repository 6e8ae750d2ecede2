/**
 * Multi-armed bandits: immutable environment descriptions ({@link kelvin.env.bandit.BanditEnv}),
 * shared by threads, and per-run instances ({@link kelvin.env.bandit.BanditRun}) that own the run's
 * environment stream. Every bandit draws its random numbers in an order that does not depend on the
 * arms pulled, so agents compared on run r meet the same means and noise (common random numbers).
 */
package kelvin.env.bandit;
