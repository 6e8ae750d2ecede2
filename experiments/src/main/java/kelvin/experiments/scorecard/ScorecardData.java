package kelvin.experiments.scorecard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import kelvin.experiments.results.Interval;
import org.apache.commons.math3.stat.StatUtils;

/**
 * What the scorecard's files hold and its charts draw, as plain rows: one list per file
 * ({@code scorecard.csv}, {@code aggregate.csv}, {@code profiles.csv}, see {@link ScorecardFiles}).
 * Built from a {@link Scorecard} after a run, or read back from the files by {@code kelvin plot},
 * which has no runs to resample; both give equal values, to the bit.
 *
 * <p>Agents and environments are in the order they first appear in {@link #scores()}, which is the
 * suite's order.
 *
 * @param scores one row per agent and environment
 * @param aggregates one row per agent and statistic (and other agent, for pairwise statistics)
 * @param profiles one row per agent and threshold
 */
public record ScorecardData(List<EnvironmentScore> scores, List<AggregateRow> aggregates,
        List<ProfilePoint> profiles) {

    /** {@link AggregateRow#statistic()} of P(agent &gt; versus), {@link ProbabilityOfImprovement}. */
    public static final String PROBABILITY_OF_IMPROVEMENT = "probability-of-improvement";
    /** {@link AggregateRow#statistic()} of an agent's mean rank over environments, {@link AverageRanks}. */
    public static final String AVERAGE_RANK = "average-rank";
    /**
     * {@link AggregateRow#statistic()} of the Holm-adjusted p value of the signed-rank test of agent
     * against versus over the environment means, {@link AverageRanks#comparisons()}.
     */
    public static final String RANK_TEST = "rank-test-holm-p";

    /**
     * An agent's mean normalised score on one environment, with the 95% Student t interval of the
     * mean over its runs ({@link Interval#of}, as summary.csv's).
     *
     * @param agent the agent
     * @param environment the environment
     * @param runs the runs behind the mean
     * @param mean the mean score over the runs
     * @param low the interval's low end, NaN with one run
     * @param high the interval's high end, NaN with one run
     */
    public record EnvironmentScore(String agent, String environment, int runs, double mean, double low,
            double high) {
    }

    /**
     * One statistic of an agent, or of an agent against another: an estimate with its interval.
     *
     * @param agent the agent the statistic is of (X in P(X &gt; Y))
     * @param statistic an {@link AggregateStatistic#name()}, {@link #PROBABILITY_OF_IMPROVEMENT},
     *     {@link #AVERAGE_RANK} or {@link #RANK_TEST}
     * @param versus the other agent (Y) of a pairwise statistic, empty otherwise
     * @param estimate the statistic's value
     * @param low the interval's low end, NaN for a statistic without one (rank, p value)
     * @param high the interval's high end, NaN for a statistic without one
     */
    public record AggregateRow(String agent, String statistic, String versus, double estimate, double low,
            double high) {
    }

    /**
     * One point of an agent's performance profile, with its band.
     *
     * @param agent the agent
     * @param tau the threshold
     * @param fraction the share of the agent's runs scoring above tau
     * @param low the band's low end
     * @param high the band's high end
     */
    public record ProfilePoint(String agent, double tau, double fraction, double low, double high) {
    }

    /**
     * The rows, copied.
     *
     * @param scores one row per agent and environment
     * @param aggregates one row per agent and statistic
     * @param profiles one row per agent and threshold
     */
    public ScorecardData {
        scores = List.copyOf(scores);
        aggregates = List.copyOf(aggregates);
        profiles = List.copyOf(profiles);
    }

    /**
     * The rows of a scorecard: per agent in suite order its environments, its aggregate statistics
     * in the scorecard's order, its average rank, P(agent &gt; other) for every other agent in suite
     * order, and the rank test against every later agent; profiles agent by agent.
     *
     * @param card the scorecard
     * @return its rows
     */
    public static ScorecardData of(Scorecard card) {
        SuiteScores suite = card.suite();
        List<String> agents = suite.agents();
        List<String> envs = suite.environments();
        List<EnvironmentScore> scores = new ArrayList<>();
        List<AggregateRow> aggregates = new ArrayList<>();
        List<ProfilePoint> profiles = new ArrayList<>();
        double[] ranks = card.ranks().averageRanks();
        for (int a = 0; a < agents.size(); a++) {
            String agent = agents.get(a);
            ScoreTable table = suite.table(agent);
            double[] means = table.environmentMeans();
            for (int e = 0; e < envs.size(); e++) {
                double[] runs = table.scores(e);
                Interval iv = Interval.of(runs.length, means[e], StatUtils.variance(runs));
                scores.add(new EnvironmentScore(agent, envs.get(e), runs.length, iv.mean(), iv.low(), iv.high()));
            }
            for (AggregateStatistic s : card.statistics()) {
                aggregates.add(row(agent, statisticName(s), "", card.aggregate(agent, s)));
            }
            aggregates.add(new AggregateRow(agent, AVERAGE_RANK, "", ranks[a], Double.NaN, Double.NaN));
            for (String other : agents) {
                if (!other.equals(agent)) {
                    aggregates.add(row(agent, PROBABILITY_OF_IMPROVEMENT, other, card.improvement(agent, other)));
                }
            }
            for (AverageRanks.Comparison c : card.ranks().comparisons()) {
                if (c.first().equals(agent)) {
                    aggregates.add(new AggregateRow(agent, RANK_TEST, c.second(), c.adjustedP(), Double.NaN,
                            Double.NaN));
                }
            }
            PerformanceProfile p = card.profile(agent);
            double[] taus = p.taus();
            for (int i = 0; i < taus.length; i++) {
                Estimate f = p.at(i);
                profiles.add(new ProfilePoint(agent, taus[i], f.value(), f.low(), f.high()));
            }
        }
        return new ScorecardData(scores, aggregates, profiles);
    }

    /**
     * How a statistic is named in aggregate.csv: its {@link AggregateStatistic#name()}, with gamma
     * for an optimality gap at another gamma than 1, so that two gaps never share a name.
     *
     * @param s the statistic
     * @return e.g. {@code iqm}, {@code optimality-gap}, {@code optimality-gap(gamma=0.5)}
     */
    static String statisticName(AggregateStatistic s) {
        return AggregateStatistic.standard().contains(s) ? s.name() : s.toString();
    }

    private static AggregateRow row(String agent, String statistic, String versus, Estimate e) {
        return new AggregateRow(agent, statistic, versus, e.value(), e.low(), e.high());
    }

    /**
     * The agents, in the order of {@link #scores()}.
     *
     * @return their names
     */
    public List<String> agents() {
        Set<String> agents = new LinkedHashSet<>();
        scores.forEach(s -> agents.add(s.agent()));
        return List.copyOf(agents);
    }

    /**
     * The environments, in the order of {@link #scores()}.
     *
     * @return their names
     */
    public List<String> environments() {
        Set<String> envs = new LinkedHashSet<>();
        scores.forEach(s -> envs.add(s.environment()));
        return List.copyOf(envs);
    }

    /**
     * The agents' own statistics with an interval (not pairwise, not ranks), in order of first
     * appearance in {@link #aggregates()}.
     *
     * @return names such as {@code median}, {@code iqm}, {@code mean}, {@code optimality-gap}
     */
    public List<String> statistics() {
        Set<String> names = new LinkedHashSet<>();
        for (AggregateRow r : aggregates) {
            if (r.versus().isEmpty() && !r.statistic().equals(AVERAGE_RANK)) {
                names.add(r.statistic());
            }
        }
        return List.copyOf(names);
    }

    /**
     * An agent's score on an environment.
     *
     * @param agent the agent
     * @param environment the environment
     * @return its row, or null when there is none (the agent did not run there)
     */
    public EnvironmentScore score(String agent, String environment) {
        for (EnvironmentScore s : scores) {
            if (s.agent().equals(agent) && s.environment().equals(environment)) {
                return s;
            }
        }
        return null;
    }

    /**
     * A statistic of an agent, or of an agent against another.
     *
     * @param agent the agent
     * @param statistic the statistic's name
     * @param versus the other agent, empty for an agent's own statistic
     * @return the estimate with its interval (NaN bounds for none), or null when there is no such row
     */
    public Estimate aggregate(String agent, String statistic, String versus) {
        for (AggregateRow r : aggregates) {
            if (r.agent().equals(agent) && r.statistic().equals(statistic) && r.versus().equals(versus)) {
                return new Estimate(r.estimate(), r.low(), r.high());
            }
        }
        return null;
    }

    /**
     * An agent's performance profile.
     *
     * @param agent the agent
     * @return its points in file order, empty for an unknown agent
     */
    public List<ProfilePoint> profile(String agent) {
        return profiles.stream().filter(p -> Objects.equals(p.agent(), agent)).toList();
    }
}
