package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suite through the command line: files, bytes for any thread count and after a resume, plain-run equality. */
class SuiteCliTest {

    static final String SUITE = """
            name: tiny
            seed: 11
            runs: 6
            envs:
              arms: {env: {type: gaussian-bandit, arms: 5}, steps: 200}
              coins: {env: {type: bernoulli-bandit, means: [0.2, 0.5, 0.6]}, steps: 300}
              grid: {env: {type: gridworld, rows: ["S..", "..G"], gamma: 0.9}, episodes: 30}
            agents:
              fixed:
                policy: {type: boltzmann, temperature: 0.2}
                bandit: {type: action-value}
                tabular: {type: q-learning, alpha: 0.5}
              cooled:
                bandit: {type: action-value, policy: {type: boltzmann, temperature: {schedule: exponential, \
            initial: 1, decay: 0.99, min: 0.01}}}
                tabular: {type: q-learning, alpha: 0.5, policy: {type: epsilon-greedy, epsilon: 0.1}}
              ucb: {type: ucb1, c: 1}
            record: {points: 20}
            """;

    @TempDir
    Path tmp;

    private Path config() throws IOException {
        return Files.writeString(tmp.resolve("tiny.yaml"), SUITE);
    }

    /** Every file of a folder but the timing-dependent manifest.json, by relative path. */
    static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                if (name.endsWith(".csv") || name.equals("suite.json")) {
                    out.put(name, Files.readString(p));
                }
            }
        }
        return out;
    }

    @Test
    void aSuiteRunsEveryEnvironmentAndPrintsTheScorecard() throws IOException {
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", config().toString(), "--out", out.toString(), "--quiet", "--no-plots");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("  grid                 2 variants x 6 runs x 30 episodes; skipped: ucb (ucb1 is "
                + "a bandit agent)"), r.out());
        assertTrue(r.out().contains("note: ucb is left out of the aggregate statistics: it has no score on grid."),
                r.out());
        for (String env : List.of("arms", "coins", "grid")) {
            assertTrue(Files.exists(out.resolve("envs").resolve(env).resolve("curves.csv")), env);
        }
        assertTrue(Files.readString(out.resolve("suite.json")).contains("\"aggregated\" : [ \"fixed\", \"cooled\" ]"),
                Files.readString(out.resolve("suite.json")));
    }

    @Test
    void theBytesAreTheSameForAnyThreadCountAndAfterAResume() throws IOException {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        assertEquals(0, Cli.run("run", config().toString(), "--out", one.toString(), "--quiet", "--no-plots",
                "--threads", "1").exit());
        assertEquals(0, Cli.run("run", config().toString(), "--out", two.toString(), "--quiet", "--no-plots",
                "--threads", "2").exit());
        assertEquals(files(one), files(two));
        // a resume after one environment's cells are lost recomputes them to the same bytes
        try (Stream<Path> cells = Files.list(two.resolve("envs").resolve("coins").resolve("cells"))) {
            Files.delete(cells.sorted().findFirst().orElseThrow());
        }
        Cli again = Cli.run("run", config().toString(), "--out", two.toString(), "--quiet", "--no-plots", "--resume");
        assertEquals(0, again.exit(), again.err());
        assertEquals(files(one), files(two));
    }

    @Test
    void eachEnvironmentGivesThePlainRunsBytes() throws IOException {
        Path suite = tmp.resolve("suite");
        assertEquals(0, Cli.run("run", config().toString(), "--out", suite.toString(), "--quiet", "--no-plots").exit());
        Path plain = Files.writeString(tmp.resolve("plain.yaml"), """
                name: tiny-coins
                seed: 11
                runs: 6
                steps: 300
                env: {type: bernoulli-bandit, means: [0.2, 0.5, 0.6]}
                metrics: [regret, reward, average-reward, optimal-action, entropy, temperature, score]
                agents:
                  fixed: {policy: {type: boltzmann, temperature: 0.2}, type: action-value}
                  cooled: {type: action-value, policy: {type: boltzmann, temperature: {schedule: exponential, \
                initial: 1, decay: 0.99, min: 0.01}}}
                  ucb: {type: ucb1, c: 1}
                record: {points: 20}
                """);
        Path out = tmp.resolve("plain");
        Cli r = Cli.run("run", plain.toString(), "--out", out.toString(), "--quiet", "--no-plots");
        assertEquals(0, r.exit(), r.err());
        for (String f : List.of("curves.csv", "summary.csv", "runs.csv")) {
            assertEquals(Files.readString(out.resolve(f)), Files.readString(suite.resolve("envs/coins").resolve(f)), f);
        }
    }

    @Test
    void validateDescribesEachEnvironment() throws IOException {
        Cli r = Cli.run("validate", config().toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("(suite tiny: 3 environments)") && r.out().contains("  arms: 3 variants x 6 runs "
                + "x 200 steps"), r.out());
    }

    @Test
    void plotRedrawsEveryEnvironmentAndTheSuiteFromTheFiles() throws IOException {
        Path out = tmp.resolve("drawn");
        Cli r = Cli.run("run", config().toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.exit(), r.err());
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("<a href=\"envs/grid/report.html\">") && report.contains("ucb (ucb1 is a bandit "
                + "agent)") && report.contains("Aggregate statistics of the normalised score"), report);
        byte[] heatmap = Files.readAllBytes(out.resolve("plots/scorecard.png"));
        Files.delete(out.resolve("plots/scorecard.png"));
        Files.delete(out.resolve("envs/grid/report.html"));
        Cli plot = Cli.run("plot", out.toString());
        assertEquals(0, plot.exit(), plot.err());
        assertTrue(plot.out().startsWith("drawn: redrew "), plot.out());
        assertTrue(Files.exists(out.resolve("envs/grid/report.html")));
        assertArrayEquals(heatmap, Files.readAllBytes(out.resolve("plots/scorecard.png")));
    }

    @Test
    void aSuiteAndAnExperimentDoNotShareAFolder() throws IOException {
        Path out = tmp.resolve("shared");
        assertEquals(0, Cli.run("run", config().toString(), "--out", out.toString(), "--quiet", "--no-plots").exit());
        Path plain = Files.writeString(tmp.resolve("plain.yaml"), "name: p\nruns: 2\nsteps: 10\n"
                + "env: {type: gaussian-bandit, arms: 3}\nagents:\n  g: {type: action-value, policy: {type: greedy}}\n");
        Cli r = Cli.run("run", plain.toString(), "--out", out.toString(), "--quiet", "--no-plots");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("holds the results of a suite, not of one experiment"), r.err());
        Cli compare = Cli.run("compare", out.toString(), out.toString());
        assertEquals(2, compare.exit());
        assertTrue(compare.err().contains("holds a suite; give one environment's folder"), compare.err());
    }

    @Test
    void bootstrapSetsTheResamplesWithinItsRange() throws IOException {
        Path out = tmp.resolve("boot");
        Cli r = Cli.run("run", config().toString(), "--out", out.toString(), "--quiet", "--no-plots", "--bootstrap",
                "500");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("95% stratified bootstrap intervals, 500 resamples"), r.out());
        assertTrue(Files.readString(out.resolve("suite.json")).contains("\"bootstrap_resamples\" : 500"));
        Cli low = Cli.run("run", config().toString(), "--out", tmp.resolve("low").toString(), "--bootstrap", "10");
        assertEquals(2, low.exit());
        assertEquals("error: --bootstrap: 10 is out of range; expected a whole number from 100 to 1000000",
                low.err().lines().findFirst().orElse(""));
        assertTrue(Files.notExists(tmp.resolve("low")), "nothing written");
    }
}
