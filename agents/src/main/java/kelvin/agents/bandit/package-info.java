/**
 * Bandit agents: immutable {@link kelvin.agents.bandit.BanditAgent} descriptions and per-run
 * {@link kelvin.agents.bandit.BanditLearner}s. The main subject is
 * {@link kelvin.agents.bandit.ActionValueAgent} with a policy; the reference agents
 * make comparisons meaningful: {@link kelvin.agents.bandit.Ucb1},
 * {@link kelvin.agents.bandit.Thompson}, {@link kelvin.agents.bandit.BoltzmannGumbel},
 * {@link kelvin.agents.bandit.Exp3} and {@link kelvin.agents.bandit.GradientBandit}. Every learner
 * reports its action distribution: exactly where a closed form exists, otherwise (Thompson,
 * Boltzmann-Gumbel) as a documented Monte Carlo estimate drawn from a private generator.
 */
package kelvin.agents.bandit;
