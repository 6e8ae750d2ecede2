package kelvin.experiments.scorecard;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Everything this package computes for a suite: per agent, the aggregate statistics with their
 * intervals and the performance profile with its bands; per pair of agents, the probability of
 * improvement with its interval; the average ranks with Holm-corrected pairwise tests.
 *
 * <p>Random draws, in this order of jobs, each named by a label:
 * <ol>
 *   <li>for each agent A in suite order: {@code aggregate A} (one bootstrap pass for all the
 *       statistics, {@link StratifiedBootstrap#intervals}), then {@code profile A}
 *       ({@link PerformanceProfile#of});</li>
 *   <li>for each pair (A, B), A before B in suite order: {@code improvement A B}
 *       ({@link ProbabilityOfImprovement#of(ScoreTable, ScoreTable, StratifiedBootstrap,
 *       UniformRandomProvider)}). P(B &gt; A) is read off the same resamples: 1 - P(A &gt; B), with the
 *       bounds swapped and subtracted from 1.</li>
 * </ol>
 * {@link #of} runs every job on one generator, in that order; {@link #withStreams} asks for a
 * generator per job label, so that with streams derived from (seed, label) an agent's intervals do not
 * depend on which other agents are in the suite, and the jobs could be run in any order. The
 * average ranks draw nothing.
 */
public final class Scorecard {
    private final SuiteScores suite;
    private final List<AggregateStatistic> statistics;
    private final StratifiedBootstrap bootstrap;
    private final Map<String, List<Estimate>> aggregates;
    private final Map<String, PerformanceProfile> profiles;
    private final Map<List<String>, Estimate> improvements;
    private final AverageRanks ranks;

    private Scorecard(SuiteScores suite, List<AggregateStatistic> statistics, StratifiedBootstrap bootstrap,
            Map<String, List<Estimate>> aggregates, Map<String, PerformanceProfile> profiles,
            Map<List<String>, Estimate> improvements, AverageRanks ranks) {
        this.suite = suite;
        this.statistics = statistics;
        this.bootstrap = bootstrap;
        this.aggregates = aggregates;
        this.profiles = profiles;
        this.improvements = improvements;
        this.ranks = ranks;
    }

    /**
     * The scorecard, every job drawing from one generator in the order of the class comment.
     *
     * @param suite the agents' scores
     * @param statistics the aggregate statistics, e.g. {@link AggregateStatistic#standard()}
     * @param taus the thresholds of the performance profiles
     * @param bootstrap resamples and level
     * @param rng the generator
     * @return the scorecard
     */
    public static Scorecard of(SuiteScores suite, List<AggregateStatistic> statistics, double[] taus,
            StratifiedBootstrap bootstrap, UniformRandomProvider rng) {
        return withStreams(suite, statistics, taus, bootstrap, label -> rng);
    }

    /**
     * The scorecard, each job drawing from the generator {@code streams} gives for its label
     * ({@code aggregate A}, {@code profile A}, {@code improvement A B}, agents' names as in the suite).
     *
     * @param suite the agents' scores
     * @param statistics the aggregate statistics, e.g. {@link AggregateStatistic#standard()}
     * @param taus the thresholds of the performance profiles
     * @param bootstrap resamples and level
     * @param streams the generator of each job, asked once per job in the order of the class comment
     * @return the scorecard
     */
    public static Scorecard withStreams(SuiteScores suite, List<AggregateStatistic> statistics, double[] taus,
            StratifiedBootstrap bootstrap, Function<String, UniformRandomProvider> streams) {
        List<AggregateStatistic> stats = List.copyOf(statistics);
        Map<String, List<Estimate>> aggregates = new HashMap<>();
        Map<String, PerformanceProfile> profiles = new HashMap<>();
        for (String agent : suite.agents()) {
            ScoreTable table = suite.table(agent);
            aggregates.put(agent, bootstrap.intervals(table, stats, streams.apply("aggregate " + agent)));
            profiles.put(agent, PerformanceProfile.of(table, taus, bootstrap, streams.apply("profile " + agent)));
        }
        Map<List<String>, Estimate> improvements = new LinkedHashMap<>();
        List<String> agents = suite.agents();
        for (int a = 0; a < agents.size(); a++) {
            for (int b = a + 1; b < agents.size(); b++) {
                String x = agents.get(a);
                String y = agents.get(b);
                Estimate p = ProbabilityOfImprovement.of(suite.table(x), suite.table(y), bootstrap,
                        streams.apply("improvement " + x + " " + y));
                improvements.put(List.of(x, y), p);
                improvements.put(List.of(y, x), new Estimate(1 - p.value(), 1 - p.high(), 1 - p.low()));
            }
        }
        return new Scorecard(suite, stats, bootstrap, aggregates, profiles, improvements, AverageRanks.of(suite));
    }

    /**
     * The scores it was computed from.
     *
     * @return the suite
     */
    public SuiteScores suite() {
        return suite;
    }

    /**
     * The aggregate statistics, in the order given.
     *
     * @return an unmodifiable list
     */
    public List<AggregateStatistic> statistics() {
        return statistics;
    }

    /**
     * The bootstrap behind the intervals.
     *
     * @return resamples and level
     */
    public StratifiedBootstrap bootstrap() {
        return bootstrap;
    }

    /**
     * One agent's aggregate statistic.
     *
     * @param agent the agent
     * @param statistic one of {@link #statistics()}
     * @return the statistic with its interval
     * @throws IllegalArgumentException if the agent or the statistic is not in the scorecard
     */
    public Estimate aggregate(String agent, AggregateStatistic statistic) {
        int s = statistics.indexOf(statistic);
        if (s < 0) {
            throw new IllegalArgumentException("scorecard: statistic " + statistic + " was not computed; there are "
                    + statistics);
        }
        suite.table(agent);
        return aggregates.get(agent).get(s);
    }

    /**
     * One agent's performance profile.
     *
     * @param agent the agent
     * @return the profile with its bands
     * @throws IllegalArgumentException if the agent is not in the suite
     */
    public PerformanceProfile profile(String agent) {
        suite.table(agent);
        return profiles.get(agent);
    }

    /**
     * P(X &gt; Y) with its interval.
     *
     * @param x agent X
     * @param y agent Y, another agent
     * @return the probability of improvement of X over Y
     * @throws IllegalArgumentException if an agent is not in the suite, or X is Y
     */
    public Estimate improvement(String x, String y) {
        suite.table(x);
        suite.table(y);
        if (x.equals(y)) {
            throw new IllegalArgumentException("scorecard: the probability of improvement needs two agents, got \""
                    + x + "\" twice");
        }
        return improvements.get(List.of(x, y));
    }

    /**
     * The average ranks and the pairwise tests.
     *
     * @return the ranks
     */
    public AverageRanks ranks() {
        return ranks;
    }
}
