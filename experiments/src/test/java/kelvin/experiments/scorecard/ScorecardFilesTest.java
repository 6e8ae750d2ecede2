package kelvin.experiments.scorecard;

import static kelvin.experiments.scorecard.StratifiedBootstrapTest.rng;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kelvin.experiments.results.ResultData.BadResultsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scorecard's CSV files: contents checked by hand on a small suite, read back exactly, stable bytes. */
class ScorecardFilesTest {
    private static final long SEED = 0x5c0eL;
    /** t(0.975) with 1 and 2 degrees of freedom. */
    private static final double T1 = 12.706204736174698;
    private static final double T2 = 4.302652729749464;

    /**
     * Two agents on two environments: "fixed" scores 0.2, 0.4, 0.3 and 0.9, 0.8; "cosine" 0.6, 0.5, 0.7
     * and 0.4, 0.9. Profiles at tau = 0 and 0.5.
     */
    static Scorecard card() {
        Map<String, ScoreTable> tables = new LinkedHashMap<>();
        List<String> envs = List.of("bandit", "cliff");
        tables.put("fixed", ScoreTable.of(envs, new double[][] {{0.2, 0.4, 0.3}, {0.9, 0.8}}));
        tables.put("cosine", ScoreTable.of(envs, new double[][] {{0.6, 0.5, 0.7}, {0.4, 0.9}}));
        return Scorecard.of(SuiteScores.of(tables), AggregateStatistic.standard(), new double[] {0, 0.5},
                StratifiedBootstrap.of(200, 0.95), rng(SEED));
    }

    /** The fields of each row after the header; no field of these files holds a comma or a quote. */
    private static List<String[]> rows(Path file) throws IOException {
        return Files.readAllLines(file).stream().skip(1).map(line -> line.replace("\"", "").split(",", -1)).toList();
    }

    private static double num(String text) {
        return Double.parseDouble(text);
    }

    @Test
    void scorecardCsvHasEachMeanWithItsStudentInterval(@TempDir Path dir) throws IOException {
        ScorecardFiles.write(dir, card());
        List<String> lines = Files.readAllLines(dir.resolve("scorecard.csv"));
        assertEquals("agent,environment,runs,mean,ci95_low,ci95_high", lines.get(0));
        List<String[]> rows = rows(dir.resolve("scorecard.csv"));
        assertEquals(4, rows.size());
        // fixed on bandit: mean 0.3, sd 0.1, half-width t(2) 0.1 / sqrt(3)
        String[] r = rows.get(0);
        assertEquals(List.of("fixed", "bandit", "3"), List.of(r[0], r[1], r[2]));
        double half = T2 * 0.1 / Math.sqrt(3);
        assertEquals(0.3, num(r[3]), 1e-12);
        assertEquals(0.3 - half, num(r[4]), 1e-9);
        assertEquals(0.3 + half, num(r[5]), 1e-9);
        // cosine on cliff: mean 0.65, sd sqrt(0.125), half-width t(1) sqrt(0.125 / 2)
        r = rows.get(3);
        assertEquals(List.of("cosine", "cliff", "2"), List.of(r[0], r[1], r[2]));
        assertEquals(0.65, num(r[3]), 1e-12);
        assertEquals(0.65 + T1 * Math.sqrt(0.125 / 2), num(r[5]), 1e-9);
    }

    @Test
    void aggregateCsvHasTheStatisticsRanksAndPairs(@TempDir Path dir) throws IOException {
        Scorecard card = card();
        ScorecardFiles.write(dir, card);
        assertEquals("agent,statistic,versus,estimate,low,high",
                Files.readAllLines(dir.resolve("aggregate.csv")).get(0));
        List<String[]> rows = rows(dir.resolve("aggregate.csv"));
        Map<String, Double> estimates = new LinkedHashMap<>();
        for (String[] r : rows) {
            estimates.put(r[0] + " " + r[1] + " " + r[2], num(r[3]));
        }
        // fixed: environment means 0.3 and 0.85; pooled sorted 0.2 0.3 0.4 0.8 0.9, IQM trims one at each end;
        // gap = mean of 0.8 0.6 0.7 0.1 0.2
        assertEquals(0.575, estimates.get("fixed median "), 1e-12);
        assertEquals(0.5, estimates.get("fixed iqm "), 1e-12);
        assertEquals(0.575, estimates.get("fixed mean "), 1e-12);
        assertEquals(0.48, estimates.get("fixed optimality-gap "), 1e-12);
        assertEquals(0.6, estimates.get("cosine iqm "), 1e-12);
        assertEquals(0.38, estimates.get("cosine optimality-gap "), 1e-12);
        // each wins one environment
        assertEquals(1.5, estimates.get("fixed average-rank "), 1e-12);
        assertEquals(1.5, estimates.get("cosine average-rank "), 1e-12);
        // bandit: fixed never beats cosine; cliff: 0.9 > 0.4, 0.9 = 0.9 (half), 0.8 > 0.4, 0.8 < 0.9
        assertEquals((0 + 2.5 / 4) / 2, estimates.get("fixed probability-of-improvement cosine"), 1e-12);
        assertEquals(1 - 0.3125, estimates.get("cosine probability-of-improvement fixed"), 1e-12);
        assertEquals(card.ranks().comparisons().get(0).adjustedP(), estimates.get("fixed rank-test-holm-p cosine"));
        assertFalse(estimates.containsKey("cosine rank-test-holm-p fixed"), "one test per pair");
        assertEquals(2 * (4 + 1 + 1) + 1, rows.size());
        for (String[] r : rows) {
            boolean interval = !r[1].equals("average-rank") && !r[1].equals("rank-test-holm-p");
            assertEquals(interval, !r[4].isEmpty() && !r[5].isEmpty(), String.join(",", r));
            if (interval) {
                assertTrue(num(r[4]) <= num(r[3]) && num(r[3]) <= num(r[5]), String.join(",", r));
            }
        }
    }

    @Test
    void profilesCsvHasTheShareAboveEachThreshold(@TempDir Path dir) throws IOException {
        ScorecardFiles.write(dir, card());
        assertEquals("agent,tau,fraction,low,high", Files.readAllLines(dir.resolve("profiles.csv")).get(0));
        List<String[]> rows = rows(dir.resolve("profiles.csv"));
        assertEquals(4, rows.size());
        assertArrayEquals(new String[] {"fixed", "0.0", "1.0", "1.0", "1.0"}, rows.get(0));
        assertEquals(List.of("fixed", "0.5", "0.4"), List.of(rows.get(1)).subList(0, 3));
        assertEquals(List.of("cosine", "0.5", "0.6"), List.of(rows.get(3)).subList(0, 3));
    }

    @Test
    void theFilesReadBackToTheSameRowsAndRewriteToTheSameBytes(@TempDir Path dir) throws IOException {
        Scorecard card = card();
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        ScorecardFiles.write(first, card);
        ScorecardData read = ScorecardFiles.read(first);
        assertEquals(ScorecardData.of(card), read);
        assertEquals(List.of("fixed", "cosine"), read.agents());
        assertEquals(List.of("bandit", "cliff"), read.environments());
        assertEquals(List.of("median", "iqm", "mean", "optimality-gap"), read.statistics());
        assertEquals(List.of("scorecard.csv", "aggregate.csv", "profiles.csv"), ScorecardFiles.write(second, read));
        for (String name : List.of("scorecard.csv", "aggregate.csv", "profiles.csv")) {
            assertArrayEquals(Files.readAllBytes(first.resolve(name)), Files.readAllBytes(second.resolve(name)), name);
        }
        ScorecardFiles.write(second, card());
        assertArrayEquals(Files.readAllBytes(first.resolve("aggregate.csv")),
                Files.readAllBytes(second.resolve("aggregate.csv")), "same seed, same bytes");
    }

    @Test
    void oneRunLeavesTheIntervalEmptyAndReadsBackAsNaN(@TempDir Path dir) throws IOException {
        Map<String, ScoreTable> tables = new LinkedHashMap<>();
        tables.put("solo", ScoreTable.of(List.of("bandit"), new double[][] {{0.25}}));
        Scorecard card = Scorecard.of(SuiteScores.of(tables), AggregateStatistic.standard(), new double[] {0.5},
                StratifiedBootstrap.of(10, 0.95), rng(SEED));
        ScorecardFiles.write(dir, card);
        assertEquals("solo,bandit,1,0.25,,", Files.readAllLines(dir.resolve("scorecard.csv")).get(1));
        ScorecardData.EnvironmentScore s = ScorecardFiles.read(dir).score("solo", "bandit");
        assertTrue(Double.isNaN(s.low()) && Double.isNaN(s.high()));
    }

    @Test
    void badFilesAreNamedWithTheirLine(@TempDir Path dir) throws IOException {
        ScorecardFiles.write(dir, card());
        Path aggregate = dir.resolve("aggregate.csv");
        List<String> lines = Files.readAllLines(aggregate);
        lines.set(2, lines.get(2).replaceFirst(",0\\.5,", ",half,"));
        Files.write(aggregate, lines, StandardCharsets.UTF_8);
        BadResultsException e = assertThrows(BadResultsException.class, () -> ScorecardFiles.read(dir));
        assertTrue(e.getMessage().endsWith("aggregate.csv:3: estimate 'half' is not a number"), e.getMessage());

        Files.writeString(aggregate, "agent,statistic,estimate\n");
        e = assertThrows(BadResultsException.class, () -> ScorecardFiles.read(dir));
        assertTrue(e.getMessage().contains("aggregate.csv:1: columns are [agent, statistic, estimate], expected"),
                e.getMessage());

        Files.delete(dir.resolve("profiles.csv"));
        Files.writeString(aggregate, "agent,statistic,versus,estimate,low,high\n");
        e = assertThrows(BadResultsException.class, () -> ScorecardFiles.read(dir));
        assertTrue(e.getMessage().contains("profiles.csv: is missing"), e.getMessage());
        assertTrue(ScorecardFiles.present(dir));
        assertFalse(ScorecardFiles.present(dir.resolve("elsewhere")));
    }
}
