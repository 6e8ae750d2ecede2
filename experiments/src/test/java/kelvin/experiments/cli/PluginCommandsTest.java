package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plug-ins through the command line: the shipped examples appear in list, schema and validate and
 * run into charts and the report; each kind of bad plug-in stops with one line and the right exit
 * code, leaves no half-written file and keeps the variants that finished, so --resume after the fix
 * computes only the rest.
 */
class PluginCommandsTest {
    private static final String EXAMPLES = "examples/plugins";
    private static final String TESTBED = EXAMPLES + "/plugins-testbed.yaml";
    private static final String FIXED = "  fixed: {type: action-value, policy: {type: boltzmann, temperature: 0.2}}\n";

    @TempDir
    Path tmp;

    private static Path bad(String name) throws URISyntaxException {
        return Path.of(PluginCommandsTest.class.getResource("/plugins/" + name).toURI());
    }

    private Path config(String agents) throws IOException {
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, "name: bad\nseed: 1\nruns: 130\nsteps: 100\nenv: {type: gaussian-bandit, arms: 5}\n"
                + "agents:\n" + agents);
        return file;
    }

    /** One line on stderr, no stack trace. */
    private static void assertOneLine(Cli r, int exit, String expected) {
        assertEquals(exit, r.exit(), r.err());
        String err = r.err().strip();
        assertTrue(err.startsWith("error: ") && err.contains(expected), err);
        assertFalse(err.contains("\n"), "one line: " + err);
        assertFalse(err.contains("\tat ") || err.contains("Exception in thread"), err);
    }

    private static void assertNothingHalfWritten(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> partial = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tmp") || n.contains(".part")).toList();
            assertEquals(List.of(), partial);
        }
    }

    private static long finishedCells(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("cells"))) {
            return files.filter(p -> p.toString().endsWith(".cell")).count();
        }
    }

    @Test
    void theExamplePluginsAreListedInTheSchemaAndValidated() {
        Cli list = Cli.run("list", "--plugin", EXAMPLES);
        assertEquals(0, list.exit(), list.err());
        for (String name : List.of("sqrt-cooling", "decaying-epsilon", "visit-cooled-q", "top-two-share")) {
            assertTrue(list.out().contains(name), name + " in kelvin list");
        }
        assertTrue(Cli.run("schema", "--plugin", EXAMPLES).out().contains("\"sqrt-cooling\""));
        assertFalse(Cli.run("list").out().contains("sqrt-cooling"), "no plug-in without --plugin");
        assertEquals(0, Cli.run("validate", TESTBED, "--plugin", EXAMPLES).exit());
        Cli without = Cli.run("validate", TESTBED);
        assertEquals(2, without.exit());
        assertTrue(without.err().contains("top-two-share") && without.err().contains("is not allowed"), without.err());
    }

    @Test
    void aPluginNameWithATypoGetsADidYouMean() throws IOException {
        Path file = config("  s: {type: action-value, policy: {type: boltzmann, temperature: "
                + "{schedule: sqrt-colling, c: 1}}}\n");
        Cli r = Cli.run("validate", file.toString(), "--plugin", EXAMPLES);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("did you mean sqrt-cooling"), r.err());
    }

    @Test
    void theExampleRunsIntoChartsAndTheReportTheSameForAnyThreadCount() throws IOException {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        Cli a = Cli.run("run", TESTBED, "--plugin", EXAMPLES, "--runs", "70", "--threads", "1", "--out",
                one.toString(), "--quiet");
        assertEquals(0, a.exit(), a.err());
        Cli b = Cli.run("run", TESTBED, "--plugin", EXAMPLES, "--runs", "70", "--threads", "2", "--out",
                two.toString(), "--quiet", "--no-plots");
        assertEquals(0, b.exit(), b.err());
        for (String f : List.of("curves.csv", "summary.csv", "runs.csv")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f)), f);
        }
        assertTrue(Files.size(one.resolve("plots/top-two-share.png")) > 0);
        String report = Files.readString(one.resolve("report.html"));
        assertTrue(report.contains("top-two-share") && report.contains("decaying-epsilon")
                && report.contains("sqrt-cooling"), "the plug-ins are in the report");
    }

    @Test
    void aCompileErrorNamesFileLineAndColumn() throws Exception {
        Cli r = Cli.run("validate", TESTBED, "--plugin", bad("broken").toString());
        assertOneLine(r, 2, "Broken.java:16:16: incompatible types");
    }

    @Test
    void aDeclarationThatThrowsIsRefused() throws Exception {
        Cli r = Cli.run("list", "--plugin", bad("exploding").toString());
        assertOneLine(r, 2, "Exploding$Declaration");
        assertTrue(r.err().contains("the declaration refuses to be built"), r.err());
    }

    @Test
    void aNameCollisionNamesBothOrigins() throws Exception {
        // bad-schedule's source, renamed to a built-in's name
        Path collision = Files.createDirectories(tmp.resolve("collision"));
        Files.writeString(collision.resolve("Exponential.java"), Files.readString(bad("bad-schedule")
                .resolve("BadSchedule.java")).replace("BadSchedule", "Exponential").replace("\"bad-schedule\"",
                "\"exponential\""));
        Cli r = Cli.run("list", "--plugin", collision.toString());
        assertOneLine(r, 2, "'exponential'");
        assertTrue(r.err().contains("collision") && r.err().contains("kelvin.agents.schedule.Exponential"), r.err());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Cli none = Cli.run("list", "--plugin", EXAMPLES, "--plugin", empty.toString());
        assertOneLine(none, 2, "holds no Kelvin component");
    }

    @Test
    void aMissingPathIsRefused() {
        assertOneLine(Cli.run("list", "--plugin", "no/such/plugin.jar"), 2, "no such file or folder");
    }

    @Test
    void aScheduleReturningNaNStopsTheRunAndResumeAfterTheFixComputesOnlyTheRest() throws Exception {
        Path plugin = Files.createDirectories(tmp.resolve("plugin"));
        Path source = plugin.resolve("BadSchedule.java");
        Files.copy(bad("bad-schedule").resolve("BadSchedule.java"), source);
        Path file = config(FIXED + "  bad: {type: action-value, policy: {type: boltzmann, temperature: "
                + "{schedule: bad-schedule, after: 50, returns: nan}}}\n");
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", file.toString(), "--plugin", plugin.toString(), "--out", out.toString(), "--quiet",
                "--threads", "1");
        assertOneLine(r, 1, "plug-in schedule 'bad-schedule' returned the temperature NaN at t = 50");
        assertTrue(r.err().matches("(?s)error: run \\d+ of variant bad: .*"), r.err());
        assertNothingHalfWritten(out);
        assertEquals(1, finishedCells(out), "the built-in variant before it is kept");
        assertFalse(Files.exists(out.resolve("summary.csv")));

        Files.writeString(source, Files.readString(source).replace("t < after ? 1.0 : bad", "1.0"));
        Cli resumed = Cli.run("run", file.toString(), "--plugin", plugin.toString(), "--out", out.toString(),
                "--resume");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("1 of 2 variants already finished"), resumed.err());
        Path fresh = tmp.resolve("fresh");
        assertEquals(0, Cli.run("run", file.toString(), "--plugin", plugin.toString(), "--out", fresh.toString(),
                "--quiet", "--no-plots").exit());
        for (String f : List.of("curves.csv", "summary.csv", "runs.csv")) {
            assertArrayEquals(Files.readAllBytes(fresh.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
    }

    @Test
    void aNegativeTemperatureStopsTheRun() throws Exception {
        Path file = config(FIXED + "  bad: {type: action-value, policy: {type: boltzmann, temperature: "
                + "{schedule: bad-schedule, after: 50, returns: negative}}}\n");
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", file.toString(), "--plugin", bad("bad-schedule").toString(), "--out", out.toString(),
                "--quiet");
        assertOneLine(r, 1, "returned the temperature -1.0 at t = 50");
        assertNothingHalfWritten(out);
    }

    @Test
    void anAgentReturningActionKStopsTheRun() throws Exception {
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", config(FIXED + "  bad: {type: out-of-range}\n").toString(), "--plugin",
                bad("bad-agent").toString(), "--out", out.toString(), "--quiet", "--threads", "1");
        assertOneLine(r, 1, "plug-in agent 'out-of-range' returned the action 5");
        assertTrue(r.err().contains("actions are 0 to 4"), r.err());
        assertNothingHalfWritten(out);
        assertEquals(1, finishedCells(out));
    }

    @Test
    void aDistributionSummingToNineTenthsStopsTheRun() throws Exception {
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", config(FIXED + "  bad: {type: action-value, policy: {type: short-policy}}\n").toString(),
                "--plugin", bad("bad-policy").toString(), "--out", out.toString(), "--quiet", "--threads", "1");
        assertOneLine(r, 1, "plug-in policy 'short-policy': action probabilities sum to 0.900000000000");
        assertNothingHalfWritten(out);
        assertEquals(1, finishedCells(out));
    }

    @Test
    void debugAddsTheStackTrace() throws Exception {
        Cli r = Cli.run("run", config(FIXED + "  bad: {type: out-of-range}\n").toString(), "--plugin",
                bad("bad-agent").toString(), "--out", tmp.resolve("out").toString(), "--quiet", "--debug");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("\tat "), r.err());
    }
}
