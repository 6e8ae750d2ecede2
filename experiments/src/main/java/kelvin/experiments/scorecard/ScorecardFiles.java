package kelvin.experiments.scorecard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import kelvin.experiments.results.AtomicFiles;
import kelvin.experiments.results.ResultData;
import kelvin.experiments.results.ResultData.BadResultsException;
import kelvin.experiments.results.Tables;

/**
 * The scorecard's tidy tables in a results folder, written and read back:
 * <ul>
 *   <li>{@value #SCORES}: {@code agent, environment, runs, mean, ci95_low, ci95_high}, each agent's mean
 *       normalised score on each environment with the 95% Student t interval of the mean over its runs
 *       (the interval of summary.csv; empty with one run);</li>
 *   <li>{@value #AGGREGATE}: {@code agent, statistic, versus, estimate, low, high}, one row per agent and
 *       statistic: {@code median}, {@code iqm}, {@code mean}, {@code optimality-gap}
 *       ({@link AggregateStatistic}) with their stratified bootstrap intervals; {@code average-rank}
 *       (mean rank over environments, 1 the best; no interval); then the pairwise rows, whose
 *       {@code versus} names the other agent Y: {@code probability-of-improvement}, P(agent &gt; Y) with
 *       its bootstrap interval, for every other agent, and {@code rank-test-holm-p}, the Holm-adjusted p
 *       value of the signed-rank test of agent against Y over the environment means (no interval), for
 *       every later agent. {@code versus} is empty on the other rows, as are undefined bounds;</li>
 *   <li>{@value #PROFILES}: {@code agent, tau, fraction, low, high}, each agent's performance profile,
 *       the share of its runs scoring above tau with its bootstrap band.</li>
 * </ul>
 * Rows are in suite order, agent by agent. Numbers are written as in curves.csv ({@link Tables#number}),
 * so they read back to the same doubles and the same scorecard always gives the same bytes; each file is
 * replaced atomically.
 */
public final class ScorecardFiles {
    /** The per-environment table. */
    public static final String SCORES = "scorecard.csv";
    /** The aggregate statistics. */
    public static final String AGGREGATE = "aggregate.csv";
    /** The performance profiles. */
    public static final String PROFILES = "profiles.csv";

    static final List<String> SCORE_COLUMNS = List.of("agent", "environment", "runs", "mean", "ci95_low",
            "ci95_high");
    static final List<String> AGGREGATE_COLUMNS = List.of("agent", "statistic", "versus", "estimate", "low",
            "high");
    static final List<String> PROFILE_COLUMNS = List.of("agent", "tau", "fraction", "low", "high");

    private ScorecardFiles() {
    }

    /**
     * Writes the three tables of a scorecard into a folder.
     *
     * @param dir the results folder
     * @param card the scorecard
     * @return the files written, relative to {@code dir}
     * @throws IOException when a file cannot be written; it is then unchanged
     */
    public static List<String> write(Path dir, Scorecard card) throws IOException {
        return write(dir, ScorecardData.of(card));
    }

    /**
     * Writes the three tables into a folder.
     *
     * @param dir the results folder
     * @param data the rows
     * @return the files written, relative to {@code dir}
     * @throws IOException when a file cannot be written; it is then unchanged
     */
    public static List<String> write(Path dir, ScorecardData data) throws IOException {
        AtomicFiles.write(dir.resolve(SCORES), scores(data));
        AtomicFiles.write(dir.resolve(AGGREGATE), aggregates(data));
        AtomicFiles.write(dir.resolve(PROFILES), profiles(data));
        return List.of(SCORES, AGGREGATE, PROFILES);
    }

    /**
     * The text of {@value #SCORES}.
     *
     * @param data the rows
     * @return the CSV text
     */
    public static String scores(ScorecardData data) {
        return Tables.write(SCORE_COLUMNS, data.scores().stream().map(s -> new String[] {s.agent(), s.environment(),
            Integer.toString(s.runs()), Tables.number(s.mean()), Tables.number(s.low()), Tables.number(s.high())})
                .toList());
    }

    /**
     * The text of {@value #AGGREGATE}.
     *
     * @param data the rows
     * @return the CSV text
     */
    public static String aggregates(ScorecardData data) {
        return Tables.write(AGGREGATE_COLUMNS, data.aggregates().stream().map(r -> new String[] {r.agent(),
            r.statistic(), r.versus(), Tables.number(r.estimate()), Tables.number(r.low()), Tables.number(r.high())})
                .toList());
    }

    /**
     * The text of {@value #PROFILES}.
     *
     * @param data the rows
     * @return the CSV text
     */
    public static String profiles(ScorecardData data) {
        return Tables.write(PROFILE_COLUMNS, data.profiles().stream().map(p -> new String[] {p.agent(),
            Tables.number(p.tau()), Tables.number(p.fraction()), Tables.number(p.low()), Tables.number(p.high())})
                .toList());
    }

    /**
     * Whether a folder holds a scorecard.
     *
     * @param dir a results folder
     * @return true when it has {@value #SCORES}
     */
    public static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(SCORES));
    }

    /**
     * Reads the three tables back, for charts drawn without the runs.
     *
     * @param dir the results folder
     * @return the rows, equal to those written
     * @throws BadResultsException naming the file and line when a file is missing, has other columns, or a
     *     field is not what its column holds
     */
    public static ScorecardData read(Path dir) {
        List<ScorecardData.EnvironmentScore> scores = read(dir.resolve(SCORES), SCORE_COLUMNS, (row, f) ->
            new ScorecardData.EnvironmentScore(f.name(row.get("agent"), "agent"),
                f.name(row.get("environment"), "environment"), f.runs(row.get("runs")),
                f.number(row.get("mean"), "mean"), f.number(row.get("ci95_low"), "ci95_low"),
                f.number(row.get("ci95_high"), "ci95_high")));
        List<ScorecardData.AggregateRow> aggregates = read(dir.resolve(AGGREGATE), AGGREGATE_COLUMNS, (row, f) ->
            new ScorecardData.AggregateRow(f.name(row.get("agent"), "agent"), f.name(row.get("statistic"),
                "statistic"), row.get("versus"), f.number(row.get("estimate"), "estimate"),
                f.number(row.get("low"), "low"), f.number(row.get("high"), "high")));
        List<ScorecardData.ProfilePoint> profiles = read(dir.resolve(PROFILES), PROFILE_COLUMNS, (row, f) ->
            new ScorecardData.ProfilePoint(f.name(row.get("agent"), "agent"), f.number(row.get("tau"), "tau"),
                f.number(row.get("fraction"), "fraction"), f.number(row.get("low"), "low"),
                f.number(row.get("high"), "high")));
        return new ScorecardData(scores, aggregates, profiles);
    }

    /** Where a field is, to name it in an error. */
    private record Field(Path file, long line) {
        String name(String text, String column) {
            if (text == null || text.isBlank()) {
                throw new BadResultsException(file, line, column + " is empty");
            }
            return text;
        }

        int runs(String text) {
            try {
                int n = Integer.parseInt(text);
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException ex) {
                // reported below, as for a count below 1
            }
            throw new BadResultsException(file, line, "runs '" + text + "' is not a count of at least 1");
        }

        double number(String text, String column) {
            return ResultData.parse(text, file, line, column);
        }
    }

    private static <T> List<T> read(Path file, List<String> expected,
            BiFunction<Map<String, String>, Field, T> parse) {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS);
        List<T> out = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            List<String> found = new ArrayList<>();
            ((CsvSchema) rows.getParserSchema()).forEach(col -> found.add(col.getName()));
            if (!found.equals(expected)) {
                throw new BadResultsException(file, 1, "columns are " + found + ", expected " + expected);
            }
            long line = 1; // the header; the rows hold no line breaks, so row k is on line k + 1
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                out.add(parse.apply(row, new Field(file, ++line)));
            }
        } catch (NoSuchFileException ex) {
            throw new BadResultsException(file, 0, "is missing (a suite's run writes it with its scorecard)");
        } catch (JsonProcessingException ex) {
            throw new BadResultsException(file, 0, "not a Kelvin scorecard table: " + ex.getOriginalMessage());
        } catch (IOException ex) {
            throw new BadResultsException(file, 0, "cannot be read: " + ex.getMessage());
        }
        return out;
    }
}
