package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import kelvin.experiments.compare.Holm;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kelvin compare} on real results folders: the grading example shipped under
 * examples/grading (a student's UCB1 plug-in against the built-in, a correct one and one with ln n
 * replaced by n), the numbers against Commons Math's own t tests, and every kind of bad usage.
 */
class CompareCommandTest {

    private static final String GRADING = "examples/grading";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static Path reference;
    private static Path student;
    private static Path wrong;
    private static Path quickA;
    private static Path quickB;

    @BeforeAll
    static void runTheFolders() {
        reference = run(GRADING + "/reference.yaml", "reference");
        student = run(GRADING + "/student.yaml", "student", "--plugin", GRADING + "/student");
        wrong = run(GRADING + "/student.yaml", "wrong", "--plugin", GRADING + "/wrong");
        quickA = run(CliTest.QUICKSTART, "quick-a", "--runs", "40");
        quickB = run(CliTest.QUICKSTART, "quick-b", "--runs", "40", "--seed", "5");
    }

    private static Path run(String config, String name, String... more) {
        return runInto(tmp, config, name, more);
    }

    /**
     * Runs a config quietly and without charts, failing the test unless it succeeds.
     *
     * @param dir where the results folder goes
     * @param config the config's path
     * @param name the results folder's name in dir
     * @param more further options of kelvin run
     * @return the results folder
     */
    static Path runInto(Path dir, String config, String name, String... more) {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("run", config, "--out", out.toString(), "--quiet", "--no-plots"));
        args.addAll(List.of(more));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    private static List<JsonNode> json(Cli r) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    @Test
    void theStudentsUcb1IsEquivalentToTheBuiltIn() {
        Cli r = Cli.run("compare", reference.toString(), student.toString(), "--equivalent", "--margin", "4se");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("B - A (B minus A): A = " + reference), r.out());
        assertTrue(r.out().contains("t = 1000: paired t test on the per-run values of runs.csv (same seed (7), runs "
                + "(300), environment, horizon and seeding scheme"), r.out());
        assertTrue(r.out().matches("(?s).*\nucb1 +regret \\(lower better\\) +1000 +paired +300 .* equivalent\n.*"),
                r.out());
        assertTrue(r.out().endsWith("equivalent: all 2 comparisons\n"), r.out());
    }

    @Test
    void lnNReplacedByNIsNotEquivalentAndTheLineSaysByHowMuch() throws IOException {
        Cli r = Cli.run("compare", reference.toString(), wrong.toString(), "--equivalent", "--margin", "4se");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*\nnot equivalent: regret of ucb1 at t = 1000: B - A = \\+[0-9.]+, beyond "
                + "the margin ±[0-9.]+ by [0-9.]+ \\(lower is better: B is worse\\); its 90% interval \\[[0-9.]+, "
                + "[0-9.]+\\] lies beyond the margin\n.*"), r.out());
        assertTrue(r.out().endsWith("not equivalent: 2 of 2 comparisons failed\n"), r.out());
        Cli j = Cli.run("compare", reference.toString(), wrong.toString(), "--equivalent", "--margin", "4se", "--json",
                "--metric", "regret");
        assertEquals(1, j.exit());
        JsonNode regret = json(j).get(0);
        assertEquals("not equivalent", regret.get("verdict").asText());
        // the margin is 4 standard errors of a difference with the reference's spread, from its own summary
        JsonNode refRow = summaryRow(reference, "ucb1", "regret");
        assertEquals(4 * Math.sqrt(2) * refRow.get("stderr").asDouble(), regret.get("margin").asDouble(), 1e-9);
        assertTrue(regret.get("difference").asDouble() > 10 * regret.get("margin").asDouble(), regret.toString());
    }

    @Test
    void pairedPValueAndIntervalAgreeWithCommonsMath() throws IOException {
        Cli r = Cli.run("compare", quickA + ":eps-0.1", quickA + ":annealed", "--metric", "regret", "--json");
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> rows = json(r);
        assertEquals(1, rows.size());
        JsonNode row = rows.get(0);
        assertEquals("paired", row.get("test").asText());
        double[] a = finals(quickA, "eps-0.1", "regret");
        double[] b = finals(quickA, "annealed", "regret");
        assertEquals(new TTest().pairedTTest(b, a), row.get("p").asDouble(), 1e-12);
        double mean = 0;
        for (int i = 0; i < a.length; i++) {
            mean += (b[i] - a[i]) / a.length;
        }
        assertEquals(mean, row.get("difference").asDouble(), 1e-9);
        assertTrue(row.get("ci95_low").asDouble() < mean && mean < row.get("ci95_high").asDouble());
        // one comparison: Holm changes nothing
        assertEquals(row.get("p").asDouble(), row.get("p_holm").asDouble(), 0);
    }

    @Test
    void differentSeedsGiveWelchAndEarlierCheckpointsUseCurves() throws IOException {
        Cli r = Cli.run("compare", quickA.toString(), quickB.toString(), "--metric", "regret", "--at", "498",
                "--json");
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> rows = json(r);
        assertEquals(6, rows.size(), r.out());
        TTest t = new TTest();
        double[] p = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            p[i] = row.get("p").asDouble();
            String variant = row.get("variant_a").asText();
            if (row.get("t").asLong() == 1000) {
                assertEquals("welch", row.get("test").asText());
                assertEquals("the seeds differ (A 2026, B 5)", row.get("paired_reason").asText());
                assertEquals(t.tTest(finals(quickA, variant, "regret"), finals(quickB, variant, "regret")), p[i],
                        1e-12);
            } else {
                assertEquals(498, row.get("t").asLong());
                assertEquals("welch-curves", row.get("test").asText());
                assertEquals(t.tTest(curve(quickA, variant, "regret", 498), curve(quickB, variant, "regret", 498)),
                        p[i], 1e-9);
            }
        }
        double[] holm = Holm.adjust(p);
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(holm[i], rows.get(i).get("p_holm").asDouble(), 1e-15);
        }
        Cli text = Cli.run("compare", quickA.toString(), quickB.toString(), "--metric", "regret", "--at", "498");
        assertTrue(text.out().contains("t = 498: Welch's t test on curves.csv's mean, stderr and n (runs.csv keeps "
                + "per-run values only at the last checkpoint)"), text.out());
        assertTrue(text.out().contains("Holm's correction over 6 comparisons (variant pairs x metrics x "
                + "checkpoints)"), text.out());
    }

    @Test
    void jsonKeysAreTheDocumentedOnes() throws IOException {
        Cli diff = Cli.run("compare", quickA.toString(), quickB.toString(), "--metric", "regret", "--json");
        List<String> common = List.of("variant_a", "variant_b", "metric", "t", "better", "test", "paired_reason",
                "n_a", "n_b", "mean_a", "mean_b", "difference", "stderr", "df", "ci95_low", "ci95_high", "p");
        List<String> expected = new ArrayList<>(common);
        expected.addAll(List.of("p_holm", "verdict"));
        assertEquals(expected, keys(json(diff).get(0)));
        Cli eq = Cli.run("compare", reference.toString(), student.toString(), "--equivalent", "--margin", "4se",
                "--json");
        expected = new ArrayList<>(common);
        expected.addAll(List.of("margin", "margin_given", "ci90_low", "ci90_high", "p_tost", "runs_needed", "verdict",
                "reason"));
        assertEquals(expected, keys(json(eq).get(0)));
        String readme = Files.readString(Path.of("..", "README.md"));
        for (String k : expected) {
            assertTrue(readme.contains("`" + k + "`"), k + " is not documented in the README");
        }
        assertTrue(readme.contains("`p_holm`"));
    }

    @Test
    void badUsageIsOneLineAndExitTwo() throws IOException {
        Path incomplete = tmp.resolve("incomplete");
        Files.createDirectories(incomplete);
        try (Stream<Path> files = Files.list(quickA)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, incomplete.resolve(f.getFileName()));
            }
        }
        Files.delete(incomplete.resolve("manifest.json"));
        String a = quickA.toString();
        String b = quickB.toString();
        String missing = tmp.resolve("nowhere").toString();
        assertOneLine(Cli.run("compare", missing, b), "error: " + missing + ": no such folder; give a folder written "
                + "by kelvin run");
        assertOneLine(Cli.run("compare", a, incomplete.toString()), "error: " + incomplete.resolve("manifest.json")
                + ": missing or unreadable; kelvin run writes it last, so the run that wrote this folder did not "
                + "finish (kelvin run CONFIG --resume --out " + incomplete + " completes it)");
        assertOneLine(Cli.run("compare", "", b), "error: a results folder's name is empty; give a folder written by "
                + "kelvin run");
        assertOneLine(Cli.run("compare", a + ":nope", b), "error: " + a + ":nope: has no variant 'nope'; its "
                + "variants: eps-0.1, boltzmann-0.2, annealed");
        assertOneLine(Cli.run("compare", a, b, "--metric", "coverage"), "error: --metric: 'coverage' is not "
                + "recorded in " + a + "; recorded there: regret, reward, optimal-action, entropy, temperature");
        assertOneLine(Cli.run("compare", a, b, "--equivalent", "--margin", "4sd"), "error: --margin: '4sd' is not a "
                + "margin; give a number > 0 in the metric's units (e.g. 5) or in standard errors (e.g. 4se)");
        assertOneLine(Cli.run("compare", a, b, "--margin", "4se"), "error: --margin: is for --equivalent; a "
                + "difference report has no margin");
        assertOneLine(Cli.run("compare", a, b, "--equivalent"), "error: --equivalent: needs --margin X (metric "
                + "units) or --margin Nse (standard errors), e.g. --margin 4se");
        assertOneLine(Cli.run("compare", a, b, "--at", "500"), "error: --at: 500 is not a checkpoint of " + a
                + " (nearest: 498, 503; curves.csv lists them)");
        assertOneLine(Cli.run("compare", a, b, "--pair", "eps-0.1"), "error: --pair: 'eps-0.1' is not "
                + "A_VARIANT=B_VARIANT");
        assertOneLine(Cli.run("compare", a, b, "--pair", "eps-0.1=ucb1"), "error: " + b + ": has no variant 'ucb1'; "
                + "its variants: eps-0.1, boltzmann-0.2, annealed");
        assertOneLine(Cli.run("compare", reference.toString(), b), "error: --pair: A and B have no variant label in "
                + "common (A: ucb1; B: eps-0.1, boltzmann-0.2, annealed); say which to compare with --pair "
                + "A_VARIANT=B_VARIANT or DIR:VARIANT");
        assertOneLine(Cli.run("compare", a, b, "--metric", "temperature", "--pair", "eps-0.1=eps-0.1"), "error: "
                + "--metric: no run has a value of temperature of eps-0.1 at t = 1000 in either folder");
    }

    @Test
    void aVariantOnOneSideMeetsTheOnlyVariantOfTheOther() throws IOException {
        Cli r = Cli.run("compare", quickA + ":annealed", reference.toString(), "--metric", "regret", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode row = json(r).get(0);
        assertEquals("annealed", row.get("variant_a").asText());
        assertEquals("ucb1", row.get("variant_b").asText());
        assertEquals("welch", row.get("test").asText());
    }

    @Test
    void variantsOfDifferentSweptEnvironmentsAreNotPaired() throws IOException {
        Path deepSea = run("examples/deep-sea.yaml", "deep-sea", "--runs", "4", "--set", "episodes=40", "--set",
                "sweep.env.size=[4,5]");
        Cli r = Cli.run("compare", deepSea.toString(), deepSea.toString(), "--metric", "first-success", "--json",
                "--pair", "boltzmann[size=4]=boltzmann[size=5]", "--pair", "boltzmann[size=4]=epsilon-greedy[size=4]");
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> rows = json(r);
        assertEquals("welch", rows.get(0).get("test").asText());
        assertEquals("the swept environment keys differ (A {size=4}, B {size=5})",
                rows.get(0).get("paired_reason").asText());
        assertEquals("epsilon-greedy[size=4]", rows.get(1).get("variant_b").asText());
        assertEquals("paired", rows.get(1).get("test").asText());
    }

    @Test
    void aMetricWithValuesOnOneSideOnlyFailsAnEquivalenceTest() throws IOException {
        String[] args = {"compare", quickA + ":eps-0.1", quickA + ":boltzmann-0.2", "--metric", "temperature",
            "--equivalent", "--margin", "1"};
        Cli r = Cli.run(args);
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().endsWith("not equivalent: temperature of eps-0.1 / boltzmann-0.2 at t = 1000: B has values, "
                + "A has none\nnot equivalent: 1 of 1 comparison failed\n"), r.out());
        List<String> json = new ArrayList<>(List.of(args));
        json.add("--json");
        Cli j = Cli.run(json.toArray(String[]::new));
        assertEquals(1, j.exit());
        assertEquals("not equivalent", json(j).get(0).get("verdict").asText());
    }

    @Test
    void aFolderWrittenWithPlugInsComparesWithoutThem() {
        Path plugins = run("examples/plugins/plugins-testbed.yaml", "plugins", "--plugin", "examples/plugins", "--runs",
                "10", "--set", "steps=100");
        Cli r = Cli.run("compare", plugins.toString(), plugins + ":fixed-0.2", "--pair", "decaying-epsilon=fixed-0.2",
                "--metric", "regret,top-two-share");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("error: --pair: give either --pair or DIR:VARIANT, not both\n", r.err());
        r = Cli.run("compare", plugins + ":decaying-epsilon", plugins + ":fixed-0.2", "--metric",
                "regret,top-two-share");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("direction unknown: top-two-share (no loaded component declares it; --plugin "
                + "PATH loads a plug-in metric), so its verdicts say higher or lower"), r.out());
        Cli loaded = Cli.run("compare", plugins + ":decaying-epsilon", plugins + ":fixed-0.2", "--metric",
                "top-two-share", "--plugin", "examples/plugins", "--json");
        assertEquals(0, loaded.exit(), loaded.err());
        assertTrue(loaded.out().contains("\"better\":\"higher\""), loaded.out());
    }

    @Test
    void helpFormatsCleanly() {
        Cli r = Cli.run("compare", "--help");
        assertEquals(0, r.exit());
        assertEquals("", r.err());
        assertTrue(r.out().replaceAll("\\s+", " ").contains("its 95% interval"), r.out());
    }

    private static void assertOneLine(Cli r, String expected) {
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("", r.out());
        assertEquals(expected + "\n", r.err());
    }

    private static List<String> keys(JsonNode o) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
            keys.add(it.next());
        }
        return keys;
    }

    /**
     * A column of runs.csv for one variant, in run order.
     *
     * @param dir a results folder
     * @param variant a variant's label
     * @param metric a recorded metric
     * @return its final value in each run
     * @throws IOException when runs.csv cannot be read
     */
    static double[] finals(Path dir, String variant, String metric) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("runs.csv"));
        int column = List.of(lines.get(0).split(",")).indexOf(metric);
        return lines.stream().skip(1).map(l -> l.split(",", -1)).filter(f -> f[0].equals(variant))
                .mapToDouble(f -> Double.parseDouble(f[column])).toArray();
    }

    /** A row of curves.csv as Commons Math's summary. */
    private static StatisticalSummaryValues curve(Path dir, String variant, String metric, long t) throws IOException {
        for (String line : Files.readAllLines(dir.resolve("curves.csv"))) {
            String[] f = line.split(",");
            if (f[0].equals(variant) && f[1].equals(metric) && f[2].equals(Long.toString(t))) {
                double stderr = Double.parseDouble(f[4]);
                long n = Long.parseLong(f[7]);
                return new StatisticalSummaryValues(Double.parseDouble(f[3]), stderr * stderr * n, n, 0, 0, 0);
            }
        }
        throw new AssertionError("no row " + variant + " " + metric + " " + t);
    }

    private static JsonNode summaryRow(Path dir, String variant, String metric) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("summary.csv"));
        String[] header = lines.get(0).split(",");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f[0].equals(variant) && f[1].equals(metric)) {
                ObjectNode o = JSON.createObjectNode();
                for (int i = 0; i < header.length; i++) {
                    o.put(header[i], f[i]);
                }
                return o;
            }
        }
        throw new AssertionError("no row " + variant + " " + metric);
    }
}
