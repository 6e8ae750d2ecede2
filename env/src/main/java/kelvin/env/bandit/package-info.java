/**
 * Multi-armed bandits: immutable environment descriptions ({@link kelvin.env.bandit.BanditEnv}),
 * shared by threads, and per-run instances ({@link kelvin.env.bandit.BanditRun}) that own the run's
 * environment stream. Every bandit draws its random numbers in an order that does not depend on the
 * arms pulled, so agents compared on run r meet the same means and noise (common random numbers).
 * Stationary: {@link kelvin.env.bandit.GaussianBandit}, {@link kelvin.env.bandit.BernoulliBandit};
 * non-stationary: {@link kelvin.env.bandit.DriftingBandit}. {@link kelvin.env.bandit.LaiRobbins}
 * gives the asymptotic regret lower bound of Bernoulli bandits.
 */
package kelvin.env.bandit;
