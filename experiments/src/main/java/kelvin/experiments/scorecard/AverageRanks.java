package kelvin.experiments.scorecard;

import java.util.ArrayList;
import java.util.List;
import kelvin.experiments.compare.Holm;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * The average rank of each agent over the environments of a suite, with pairwise tests across
 * environments under Holm's correction (Demšar 2006, "Statistical comparisons of classifiers over
 * multiple data sets", JMLR 7, 1-30). The unit is an environment: each agent's score on environment e
 * is its mean over runs, m_{a,e}.
 * <ul>
 *   <li>Rank: on each environment the agents are ranked by m_{a,e}, 1 for the highest, tied agents
 *       sharing the mean of their ranks (Commons Math's {@link NaturalRanking},
 *       {@link TiesStrategy#AVERAGE}); an agent's average rank is the mean of its E ranks.</li>
 *   <li>Tests: for every pair (a, b), a before b in suite order, Wilcoxon's signed-rank test of
 *       m_{a,e} against m_{b,e} over the E environments ({@link WilcoxonSignedRank}); the K (K - 1) / 2
 *       p values are adjusted together by Holm's step-down procedure ({@link Holm}).</li>
 * </ul>
 * Why this test: the environments are the paired replicates (both agents meet the same environment),
 * normalised scores of different environments are not normal and not on a common variance, so a
 * paired t test is out; the signed-rank test uses the sizes of the differences, not only their signs
 * (more power than the sign test), and is the one Demšar recommends for two methods over many data
 * sets. Each pair is tested on its own two columns, unlike post-hoc tests on the mean ranks of a
 * Friedman test, whose verdict on a and b changes with the other agents in the suite (Benavoli,
 * Corani &amp; Mangili 2016, "Should we really use post-hoc tests based on mean-ranks?", JMLR 17(5),
 * 1-10). Few environments limit what can be shown: with E = 5 the smallest two-sided p is 2 / 32 =
 * 0.0625, so no pair can be declared different at 0.05.
 */
public final class AverageRanks {
    private final List<String> agents;
    private final double[][] ranks;
    private final double[] averages;
    private final List<Comparison> comparisons;

    /**
     * One pairwise test.
     *
     * @param first agent a, earlier in the suite
     * @param second agent b
     * @param test the signed-rank test of a's environment means against b's (W+ counts environments
     *     where a scores more)
     * @param adjustedP the p value after Holm's correction over all pairs
     */
    public record Comparison(String first, String second, WilcoxonSignedRank test, double adjustedP) {
    }

    private AverageRanks(List<String> agents, double[][] ranks, double[] averages, List<Comparison> comparisons) {
        this.agents = agents;
        this.ranks = ranks;
        this.averages = averages;
        this.comparisons = comparisons;
    }

    /**
     * Ranks and tests of a suite.
     *
     * @param suite the agents' scores
     * @return the ranks and the pairwise tests
     */
    public static AverageRanks of(SuiteScores suite) {
        List<String> agents = suite.agents();
        List<ScoreTable> tables = suite.tables();
        int k = agents.size();
        int envs = suite.environments().size();
        double[][] means = new double[k][];
        for (int a = 0; a < k; a++) {
            means[a] = tables.get(a).environmentMeans();
        }
        NaturalRanking ranking = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
        double[][] ranks = new double[envs][];
        double[] averages = new double[k];
        double[] negated = new double[k];
        for (int e = 0; e < envs; e++) {
            for (int a = 0; a < k; a++) {
                negated[a] = -means[a][e];
            }
            ranks[e] = ranking.rank(negated);
            for (int a = 0; a < k; a++) {
                averages[a] += ranks[e][a];
            }
        }
        for (int a = 0; a < k; a++) {
            averages[a] /= envs;
        }
        List<WilcoxonSignedRank> tests = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                tests.add(WilcoxonSignedRank.of(means[a], means[b]));
            }
        }
        double[] adjusted = Holm.adjust(tests.stream().mapToDouble(WilcoxonSignedRank::p).toArray());
        List<Comparison> comparisons = new ArrayList<>();
        int i = 0;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                comparisons.add(new Comparison(agents.get(a), agents.get(b), tests.get(i), adjusted[i]));
                i++;
            }
        }
        return new AverageRanks(agents, ranks, averages, List.copyOf(comparisons));
    }

    /**
     * The agents, in suite order.
     *
     * @return an unmodifiable list
     */
    public List<String> agents() {
        return agents;
    }

    /**
     * Each agent's mean rank over the environments, 1 the best possible.
     *
     * @return one per agent, in suite order
     */
    public double[] averageRanks() {
        return averages.clone();
    }

    /**
     * The rank of an agent on one environment.
     *
     * @param env the 0-based environment
     * @param agent the 0-based agent, in suite order
     * @return 1 for the highest environment mean; ties share their mean rank
     */
    public double rank(int env, int agent) {
        return ranks[env][agent];
    }

    /**
     * The pairwise tests, (0, 1), (0, 2), ..., (1, 2), ... in suite order.
     *
     * @return an unmodifiable list
     */
    public List<Comparison> comparisons() {
        return comparisons;
    }
}
