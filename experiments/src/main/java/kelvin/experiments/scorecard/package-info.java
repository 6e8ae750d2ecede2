/**
 * Aggregate statistics of normalised scores across a suite of environments, after Agarwal,
 * Schwarzer, Castro, Courville &amp; Bellemare, "Deep Reinforcement Learning at the Edge of the
 * Statistical Precipice", NeurIPS 2021 (<a href="https://arxiv.org/abs/2108.13264">arXiv:2108.13264</a>),
 * and its library rliable (<a href="https://github.com/google-research/rliable">google-research/rliable</a>).
 *
 * <p>The input is one {@link kelvin.experiments.scorecard.ScoreTable} per agent, scores[env][run],
 * gathered in a {@link kelvin.experiments.scorecard.SuiteScores}. On it:
 * <ul>
 *   <li>{@link kelvin.experiments.scorecard.AggregateStatistic}: mean, median, interquartile mean
 *       (IQM) and optimality gap, with rliable's definitions;</li>
 *   <li>{@link kelvin.experiments.scorecard.StratifiedBootstrap}: percentile intervals from
 *       resampling runs within each environment;</li>
 *   <li>{@link kelvin.experiments.scorecard.PerformanceProfile} on a
 *       {@link kelvin.experiments.scorecard.TauGrid}: the share of runs scoring above each threshold,
 *       with bands;</li>
 *   <li>{@link kelvin.experiments.scorecard.ProbabilityOfImprovement}: P(X &gt; Y) averaged over
 *       environments;</li>
 *   <li>{@link kelvin.experiments.scorecard.AverageRanks}: the mean rank over environments, with
 *       pairwise {@link kelvin.experiments.scorecard.WilcoxonSignedRank} tests and Holm's correction;</li>
 *   <li>{@link kelvin.experiments.scorecard.Scorecard}: all of it for a suite, in one documented order
 *       of random draws.</li>
 * </ul>
 * Every random draw comes from the {@code UniformRandomProvider} passed in, in the order each method
 * states, and nothing here runs on more than one thread: the same generator state gives the same
 * numbers, to the bit.
 */
package kelvin.experiments.scorecard;
