package kelvin.experiments.scorecard;

import static kelvin.experiments.scorecard.AggregateStatisticTest.table;
import static kelvin.experiments.scorecard.StratifiedBootstrapTest.rng;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class ScorecardTest {
    private static final long SEED = 0x5ca1eL;
    private static final double[] TAUS = TauGrid.linear(0, 1, 11);
    private static final StratifiedBootstrap BOOTSTRAP = StratifiedBootstrap.of(300, 0.95);

    private static Map<String, ScoreTable> tables() {
        Map<String, ScoreTable> tables = new LinkedHashMap<>();
        tables.put("fixed", table(new double[] {0.2, 0.4, 0.3}, new double[] {0.9, 0.8}));
        tables.put("cosine", table(new double[] {0.6, 0.5, 0.7}, new double[] {0.4, 0.9}));
        return tables;
    }

    @Test
    void oneGeneratorServesTheJobsInTheDocumentedOrder() {
        SuiteScores suite = SuiteScores.of(tables());
        Scorecard card = Scorecard.of(suite, AggregateStatistic.standard(), TAUS, BOOTSTRAP, rng(SEED));

        UniformRandomProvider twin = rng(SEED);
        List<Estimate> fixed = BOOTSTRAP.intervals(suite.table("fixed"), AggregateStatistic.standard(), twin);
        PerformanceProfile fixedProfile = PerformanceProfile.of(suite.table("fixed"), TAUS, BOOTSTRAP, twin);
        List<Estimate> cosine = BOOTSTRAP.intervals(suite.table("cosine"), AggregateStatistic.standard(), twin);
        PerformanceProfile cosineProfile = PerformanceProfile.of(suite.table("cosine"), TAUS, BOOTSTRAP, twin);
        Estimate improvement = ProbabilityOfImprovement.of(suite.table("fixed"), suite.table("cosine"), BOOTSTRAP,
                twin);

        assertEquals(fixed.get(1), card.aggregate("fixed", AggregateStatistic.IQM));
        assertEquals(cosine.get(3), card.aggregate("cosine", AggregateStatistic.OPTIMALITY_GAP));
        assertArrayEquals(fixedProfile.high(), card.profile("fixed").high());
        assertArrayEquals(cosineProfile.low(), card.profile("cosine").low());
        assertEquals(improvement, card.improvement("fixed", "cosine"));
        // the mirror is read off the same resamples
        assertEquals(new Estimate(1 - improvement.value(), 1 - improvement.high(), 1 - improvement.low()),
                card.improvement("cosine", "fixed"));
        assertArrayEquals(AverageRanks.of(suite).averageRanks(), card.ranks().averageRanks());
    }

    @Test
    void withStreamsAnAgentsNumbersDoNotDependOnTheOtherAgents() {
        List<String> asked = new ArrayList<>();
        Scorecard two = Scorecard.withStreams(SuiteScores.of(tables()), AggregateStatistic.standard(), TAUS, BOOTSTRAP,
                label -> {
                    asked.add(label);
                    return rng(SEED ^ label.hashCode());
                });
        assertEquals(List.of("aggregate fixed", "profile fixed", "aggregate cosine", "profile cosine",
                "improvement fixed cosine"), asked);

        Map<String, ScoreTable> more = new LinkedHashMap<>();
        more.put("exponential", table(new double[] {0.1, 0.1, 0.2}, new double[] {0.3, 0.3}));
        more.putAll(tables());
        Scorecard three = Scorecard.withStreams(SuiteScores.of(more), AggregateStatistic.standard(), TAUS, BOOTSTRAP,
                label -> rng(SEED ^ label.hashCode()));
        assertEquals(two.aggregate("cosine", AggregateStatistic.IQM), three.aggregate("cosine", AggregateStatistic.IQM));
        assertEquals(two.improvement("fixed", "cosine"), three.improvement("fixed", "cosine"));
    }

    @Test
    void refusesWhatWasNotComputed() {
        Scorecard card = Scorecard.of(SuiteScores.of(tables()), List.of(AggregateStatistic.IQM), TAUS, BOOTSTRAP,
                rng(SEED));
        assertThrows(IllegalArgumentException.class, () -> card.aggregate("fixed", AggregateStatistic.MEAN));
        assertThrows(IllegalArgumentException.class, () -> card.aggregate("linear", AggregateStatistic.IQM));
        assertEquals("scorecard: the probability of improvement needs two agents, got \"fixed\" twice",
                assertThrows(IllegalArgumentException.class, () -> card.improvement("fixed", "fixed")).getMessage());
    }
}
