package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import kelvin.experiments.compare.SampleSize;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kelvin power} on real pilot folders: a paired pilot (the quick start's variants share the
 * arms run by run) and an unpaired one (an environment sweep, whose variants met different
 * bandits), its numbers recomputed from runs.csv by hand, the JSON keys, and every input that admits
 * no answer.
 */
class PowerCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Two arm counts, so variants of different counts are not paired; two Boltzmann agents at the same
     * fixed temperature, whose temperature is the same in every run.
     */
    private static final String SWEEP = """
            name: power-sweep
            seed: 3
            runs: 12
            steps: 200
            env: {type: gaussian-bandit, arms: 5}
            agents:
              eps:
                type: action-value
                policy: {type: epsilon-greedy, epsilon: 0.1}
              hot:
                type: action-value
                policy: {type: boltzmann, temperature: 0.2}
              warm:
                type: action-value
                policy: {type: boltzmann, temperature: 0.2}
            sweep:
              env.arms: [5, 10]
            metrics: [regret, optimal-action, temperature]
            """;

    @TempDir
    static Path tmp;

    private static Path quick;
    private static Path sweep;

    @BeforeAll
    static void runThePilots() throws IOException {
        quick = run(CliTest.QUICKSTART, "quick", "--runs", "20");
        Path config = tmp.resolve("power-sweep.yaml");
        Files.writeString(config, SWEEP);
        sweep = run(config.toString(), "sweep");
    }

    private static Path run(String config, String name, String... more) {
        return CompareCommandTest.runInto(tmp, config, name, more);
    }

    @Test
    void aPairedPilotPlansFromTheSdOfThePerRunDifferences() throws IOException {
        JsonNode o = json("power", quick.toString(), "eps-0.1", "annealed", "--json");
        assertEquals("paired", o.get("test").asText());
        assertEquals("regret", o.get("metric").asText());
        double[] a = CompareCommandTest.finals(quick, "eps-0.1", "regret");
        double[] b = CompareCommandTest.finals(quick, "annealed", "regret");
        SummaryStatistics d = new SummaryStatistics();
        for (int i = 0; i < a.length; i++) {
            d.addValue(b[i] - a[i]);
        }
        assertEquals(20, o.get("n_a").asLong());
        assertEquals(d.getMean(), o.get("observed_difference").asDouble(), 1e-9);
        assertEquals(d.getStandardDeviation(), o.get("s").asDouble(), 1e-9);
        assertEquals("observed", o.get("difference_from").asText());
        SampleSize plan = SampleSize.paired(d.getStandardDeviation(), d.getMean(), 0.05);
        long n = plan.runsNeeded(0.8);
        assertEquals(n, o.get("runs_needed").asLong());
        assertEquals(n - 1, o.get("df").asDouble(), 0);
        // the pilot's power: its own 20 paired runs in the same formula
        assertEquals(plan.power(20), o.get("pilot_power").asDouble(), 1e-12);
        assertEquals(plan.power(n), o.get("power_at_runs_needed").asDouble(), 1e-12);
        assertTrue(plan.power(n) >= 0.8 && (n == 2 || plan.power(n - 1) < 0.8));

        Cli text = Cli.run("power", quick.toString(), "eps-0.1", "annealed");
        assertEquals(0, text.exit(), text.err());
        assertEquals("", text.err());
        assertTrue(text.out().contains("\npilot: paired t test on the per-run values of runs.csv (same seed (2026), "
                + "runs (20), environment, horizon and seeding scheme"), text.out());
        assertTrue(text.out().contains("\nruns needed per variant: " + n + " for 80% power to detect D with a "
                + "two-sided paired t test at alpha = 0.05\n"), text.out());
        assertTrue(text.out().contains(", the pilot's observed |B - A| (--difference sets"), text.out());
        assertTrue(text.out().contains("\nthe pilot's 20 paired runs have "), text.out());
        assertTrue(text.out().contains("\nmetric: regret by default (--metric chooses one of regret, reward, "
                + "optimal-action, entropy, temperature)\n"), text.out());
    }

    @Test
    void aGivenDifferenceLevelAndPowerAreUsedAndTheSignOfDDoesNotMatter() throws IOException {
        String[] args = {"power", quick.toString(), "eps-0.1", "annealed", "--difference", "25", "--power", "0.9",
            "--alpha", "0.01", "--json"};
        JsonNode o = json(args);
        assertEquals("given", o.get("difference_from").asText());
        assertEquals(25, o.get("difference").asDouble(), 0);
        assertEquals(0.9, o.get("power").asDouble(), 0);
        assertEquals(0.01, o.get("alpha").asDouble(), 0);
        SampleSize plan = SampleSize.paired(o.get("s").asDouble(), 25, 0.01);
        assertEquals(plan.runsNeeded(0.9), o.get("runs_needed").asLong());
        args[5] = "-25";
        JsonNode negative = json(args);
        assertEquals(o.get("runs_needed"), negative.get("runs_needed"));
        assertEquals(o.get("pilot_power"), negative.get("pilot_power"));
    }

    @Test
    void variantsOfDifferentEnvironmentsPlanWithBothSdsAndWelchsDegrees() throws IOException {
        JsonNode o = json("power", sweep.toString(), "eps[arms=5]", "eps[arms=10]", "--json");
        assertEquals("welch", o.get("test").asText());
        assertEquals("the swept environment keys differ (A {arms=5}, B {arms=10})", o.get("paired_reason").asText());
        SummaryStatistics a = stats(CompareCommandTest.finals(sweep, "eps[arms=5]", "regret"));
        SummaryStatistics b = stats(CompareCommandTest.finals(sweep, "eps[arms=10]", "regret"));
        assertEquals(a.getStandardDeviation(), o.get("sd_a").asDouble(), 1e-9);
        assertEquals(b.getStandardDeviation(), o.get("sd_b").asDouble(), 1e-9);
        SampleSize plan = SampleSize.welch(a.getStandardDeviation(), b.getStandardDeviation(),
                b.getMean() - a.getMean(), 0.05);
        long n = plan.runsNeeded(0.8);
        assertEquals(n, o.get("runs_needed").asLong());
        assertEquals(plan.degrees(n), o.get("df").asDouble(), 1e-9);
        assertEquals(plan.power(12), o.get("pilot_power").asDouble(), 1e-12);

        // the same agent pair within one arm count met the same arms run by run
        JsonNode paired = json("power", sweep.toString(), "eps[arms=5]", "hot[arms=5]", "--json");
        assertEquals("paired", paired.get("test").asText());
        Cli text = Cli.run("power", sweep.toString(), "eps[arms=5]", "eps[arms=10]");
        assertTrue(text.out().contains("\npilot: Welch's t test on the per-run values of runs.csv (not paired: the "
                + "swept environment keys differ (A {arms=5}, B {arms=10}))\n"), text.out());
        assertTrue(text.out().contains("\nthe pilot's 12 runs per variant have "), text.out());
    }

    @Test
    void aPercentMetricPrintsInPercentAndTakesDAsAShare() throws IOException {
        Cli r = Cli.run("power", quick.toString(), "eps-0.1", "annealed", "--metric", "optimal-action",
                "--difference", "0.05");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\nD = 5% (--difference)\n"), r.out());
        assertTrue(r.out().startsWith("B - A (B minus A) of optimal-action (higher better) at t = 1000 in " + quick),
                r.out());
    }

    @Test
    void jsonKeysAreTheDocumentedOnes() throws IOException {
        JsonNode o = json("power", quick.toString(), "eps-0.1", "annealed", "--json");
        List<String> expected = List.of("pilot", "variant_a", "variant_b", "metric", "t", "better", "test",
                "paired_reason", "pilot_runs", "n_a", "n_b", "mean_a", "mean_b", "observed_difference", "sd_a", "sd_b",
                "s", "difference", "difference_from", "alpha", "power", "runs_needed", "df", "power_at_runs_needed",
                "normal_approximation", "pilot_power");
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
            keys.add(it.next());
        }
        assertEquals(expected, keys);
        String readme = Files.readString(Path.of("..", "README.md"));
        String power = readme.substring(readme.indexOf("| `kelvin power"));
        power = power.substring(0, power.indexOf('\n'));
        for (String k : expected) {
            assertTrue(power.contains("`" + k + "`"), k + " is not documented in the README's kelvin power row");
        }
    }

    @Test
    void badOptionsFoldersVariantsAndMetricsAreOneLine() throws IOException {
        String q = quick.toString();
        String missing = tmp.resolve("nowhere").toString();
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        assertOneLine(Cli.run("power", missing, "a", "b"), "error: " + missing + ": no such folder; give a folder "
                + "written by kelvin run");
        assertOneLine(Cli.run("power", plain.toString(), "a", "b"), "error: " + plain + ": is not a Kelvin results "
                + "folder: it has no config.yaml (kelvin run writes one into every results folder)");
        assertOneLine(Cli.run("power", q, "eps-0.1", "nope"), "error: " + q + ": has no variant 'nope'; its "
                + "variants: eps-0.1, boltzmann-0.2, annealed");
        assertOneLine(Cli.run("power", q, "annealed", "annealed"), "error: " + q + ": A and B are both 'annealed'; "
                + "name two different variants (its variants: eps-0.1, boltzmann-0.2, annealed)");
        assertOneLine(Cli.run("power", q, "eps-0.1", "annealed", "--metric", "coverage"), "error: --metric: "
                + "'coverage' is not recorded in " + q + "; recorded there: regret, reward, optimal-action, "
                + "entropy, temperature");
        assertOneLine(Cli.run("power", q, "eps-0.1", "annealed", "--difference", "0"), "error: --difference: 0: no "
                + "number of runs tells apart variants that do not differ; give the smallest difference worth "
                + "detecting, in the metric's units");
        assertOneLine(Cli.run("power", q, "eps-0.1", "annealed", "--difference", "Infinity"), "error: --difference: "
                + "inf is not a finite number");
        Cli tiny = Cli.run("power", q, "eps-0.1", "annealed", "--difference", "1e-9");
        assertEquals(2, tiny.exit(), tiny.out() + tiny.err());
        assertTrue(tiny.err().matches("error: --difference: D = 1e-9 is so small against the spread per run s = "
                + "[0-9.]+ that more than 10\\^12 runs per variant would be needed; give a larger difference\n"),
                tiny.err());
        assertOneLine(Cli.run("power", q, "eps-0.1", "annealed", "--power", "0.3"), "error: --power: 0.3 is not in "
                + "[0.5, 1); give the chance of detecting the difference, such as 0.8 or 0.9");
        assertOneLine(Cli.run("power", q, "eps-0.1", "annealed", "--power", "1"), "error: --power: 1 is not in "
                + "[0.5, 1); give the chance of detecting the difference, such as 0.8 or 0.9");
        assertOneLine(Cli.run("power", q, "eps-0.1", "annealed", "--alpha", "0"), "error: --alpha: 0 is not a "
                + "level; give the two-sided false-positive rate, a number between 0 and 1 such as 0.05");
    }

    @Test
    void pilotsThatAdmitNoAnswerAreOneLine() throws IOException {
        String s = sweep.toString();
        assertOneLine(Cli.run("power", s, "hot[arms=5]", "warm[arms=5]", "--metric", "temperature"), "error: " + s
                + ": temperature of hot[arms=5] and warm[arms=5]: A and B are identical run by run (B_r - A_r = 0 "
                + "in each of the 12 paired runs); no number of runs tells them apart");
        assertOneLine(Cli.run("power", s, "hot[arms=5]", "hot[arms=10]", "--metric", "temperature"), "error: " + s
                + ": temperature of hot[arms=5] and hot[arms=10]: every run of A and of B gives 0.2 (no spread); no "
                + "number of runs tells them apart");
        String q = quick.toString();
        assertOneLine(Cli.run("power", q, "boltzmann-0.2", "annealed", "--metric", "temperature"), "error: " + q
                + ": temperature of boltzmann-0.2 and annealed: every paired difference B_r - A_r is -0.19 (no "
                + "spread), so any n >= 2 tells them apart");
        assertOneLine(Cli.run("power", q, "eps-0.1", "annealed", "--metric", "temperature"), "error: " + q
                + ": temperature of eps-0.1 and annealed: 0 of the 20 paired runs have a value of both; an sd needs "
                + "at least 2 (a variant has no value of a metric it does not record, such as the temperature of "
                + "epsilon-greedy)");
        Path one = run(CliTest.QUICKSTART, "one-run", "--runs", "1", "--set", "steps=50");
        assertOneLine(Cli.run("power", one.toString(), "eps-0.1", "annealed"), "error: " + one + ": the pilot has 1 "
                + "run per variant; an sd needs at least 2, so run a pilot with more (kelvin run CONFIG --runs 20)");

        Path edited = copy(quick, "edited");
        rewriteRegret(edited, (variant, run) -> variant.equals("annealed") && run == 3 ? "Infinity" : null);
        assertOneLine(Cli.run("power", edited.toString(), "eps-0.1", "annealed"), "error: "
                + edited.resolve("runs.csv") + ": run 3 of annealed has regret = inf; a sample size needs finite "
                + "values");
        // B - A exactly 0 with spread: A's regrets are 1 ... 20, B's the same numbers in reverse
        Path balanced = copy(quick, "balanced");
        rewriteRegret(balanced, (variant, run) -> variant.equals("eps-0.1") ? Integer.toString(run)
                : variant.equals("annealed") ? Integer.toString(21 - run) : null);
        assertOneLine(Cli.run("power", balanced.toString(), "eps-0.1", "annealed"), "error: --difference: the "
                + "pilot's B - A of regret of eps-0.1 and annealed is exactly 0, so it names no difference to detect; "
                + "give the smallest one worth detecting with --difference D, in the metric's units");
        assertEquals("given", json("power", balanced.toString(), "eps-0.1", "annealed", "--difference", "3",
                "--json").get("difference_from").asText());
    }

    @Test
    void helpFormatsCleanly() {
        Cli r = Cli.run("power", "--help");
        assertEquals(0, r.exit());
        assertEquals("", r.err());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.startsWith("Usage: kelvin power [-hV] "), r.out());
        assertTrue(help.contains("(default: 0.8)") && help.contains("(default: 0.05)"), r.out());
        assertTrue(help.contains("Exit codes: 0 planned 2 bad usage"), r.out());
    }

    /** Runs a command that must succeed and prints one JSON object. */
    private static JsonNode json(String... args) throws IOException {
        Cli r = Cli.run(args);
        assertEquals(0, r.exit(), r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        return JSON.readTree(r.out());
    }

    private static void assertOneLine(Cli r, String expected) {
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("", r.out());
        assertEquals(expected + "\n", r.err());
    }

    private static SummaryStatistics stats(double[] values) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            s.addValue(v);
        }
        return s;
    }

    private static Path copy(Path from, String name) throws IOException {
        Path to = Files.createDirectories(tmp.resolve(name));
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    /** A new regret for a variant's run, or null to keep it. */
    @FunctionalInterface
    private interface Regret {
        String of(String variant, int run);
    }

    private static void rewriteRegret(Path dir, Regret regret) throws IOException {
        Path file = dir.resolve("runs.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        int column = List.of(lines.get(0).split(",")).indexOf("regret");
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            String value = regret.of(f[0], Integer.parseInt(f[1]));
            if (value != null) {
                f[column] = value;
                lines.set(i, String.join(",", f));
            }
        }
        Files.write(file, lines);
    }
}
