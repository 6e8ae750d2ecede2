package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config's {@code plot} section and {@code kelvin plot}'s --smooth, --from and --ylim: what the
 * curve charts show and what their captions say about it. Cliff walking's first episodes return
 * about -1700 against about -20 later, the case the default range is made for.
 */
class PlotSectionTest {

    private static final String CLIFF = """
            name: cliff
            seed: 7
            runs: 20
            episodes: 100
            env: {type: gridworld, map: cliff-walking}
            agents:
              sarsa: {type: sarsa, alpha: 0.5, policy: {type: epsilon-greedy, epsilon: 0.1}}
              q: {type: q-learning, alpha: 0.5, policy: {type: epsilon-greedy, epsilon: 0.1}}
            metrics: [return, regret, temperature]
            record: {points: 100}
            """;

    @TempDir
    Path tmp;

    private Path run(String name, String config) throws IOException {
        Path file = tmp.resolve(name + ".yaml");
        Files.writeString(file, config);
        Path out = tmp.resolve(name);
        Cli r = Cli.run("run", file.toString(), "--out", out.toString(), "--quiet", "--threads", "1");
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    private static String report(Path out) throws IOException {
        return Files.readString(out.resolve("report.html"));
    }

    @Test
    void returnLeavesOutTheFirstEpisodesByDefaultAndSaysSo() throws IOException {
        String report = report(run("plain", CLIFF));
        assertTrue(report.contains("The y axis shows "), "the return chart zooms past the first episodes");
        assertTrue(report.contains("the range of the later 90% of the episodes; "), "and says which range it shows");
        assertTrue(report.matches("(?s).*\\d+ means? below it, at episodes? 1( to \\d+)? \\(down to -\\d+.*"),
                "and what it cuts off");
        assertEquals(1, count(report, "The y axis shows "), "regret is not trimmed, only return");
    }

    @Test
    void thePlotSectionSmoothsStartsLaterAndFixesTheRange() throws IOException {
        Path out = run("styled", CLIFF + "plot: {smooth: 5, from: 3, ylim: {return: [-100, -10]}}\n");
        String report = report(out);
        assertTrue(report.contains("moving average of 5 episodes"), "the title and caption name the window");
        assertTrue(report.contains("The chart starts at episode 3 (plot.from or kelvin plot --from)."));
        assertTrue(report.contains("The y axis is fixed to -100 to -10 (plot.ylim or kelvin plot --ylim)"));
        String config = Files.readString(out.resolve("config.yaml"));
        assertTrue(config.contains("plot:") && config.contains("smooth: 5"), "config.yaml keeps the section:\n"
                + config);

        // kelvin plot overrides the section: another window, and back to the default range
        Cli r = Cli.run("plot", out.toString(), "--smooth", "2", "--ylim", "return=auto", "--quiet");
        assertEquals(0, r.exit(), r.err());
        String redrawn = report(out);
        assertTrue(redrawn.contains("moving average of 2 episodes"));
        assertFalse(redrawn.contains("is fixed to"), "auto gives the default range back");
        assertTrue(redrawn.contains("The chart starts at episode 3"), "what is not overridden stays");
    }

    @Test
    void aConfigWithoutThePlotSectionWritesNoneIntoConfigYaml() throws IOException {
        String config = Files.readString(run("none", CLIFF).resolve("config.yaml"));
        assertFalse(config.contains("plot"), config);
    }

    @Test
    void theYlimOptionWithoutAMetricFixesEveryChartDrawn() throws IOException {
        Path out = run("all", CLIFF);
        Cli r = Cli.run("plot", out.toString(), "--metrics", "return,regret", "--ylim=-50,0", "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertEquals(2, count(report(out), "The y axis is fixed to -50 to 0"));
    }

    @Test
    void badPlotSectionsAreRefusedAtValidationWithTheKeyPath() throws IOException {
        refused("plot: {ylim: {return: [1, 2, 3]}}", "plot.ylim.return", "expected [low, high], got a list of 3 numbers");
        refused("plot: {ylim: {return: [0, 0]}}", "plot.ylim.return", "low 0 is not below high 0");
        refused("plot: {ylim: {coverage: [0, 1]}}", "plot.ylim.coverage", "coverage is not recorded");
        refused("plot: {ylim: {temperature: [0, 1]}}", "plot.ylim.temperature", "log y axis, which needs low > 0");
        refused("plot: {from: 101}", "plot.from", "past the horizon (100)");
        refused("plot: {smooth: 0}", "plot.smooth", "");
        refused("plot: {smoth: 3}", "plot", "smooth");
    }

    private void refused(String section, String path, String words) throws IOException {
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, CLIFF + section + "\n");
        Cli r = Cli.run("validate", file.toString());
        assertEquals(2, r.exit(), section + ": " + r.out() + r.err());
        String said = r.out() + r.err();
        assertTrue(said.contains(path) && said.contains(words), section + " -> " + said);
        assertEquals(1, said.strip().lines().count(), "one line: " + said);
    }

    @Test
    void badPlotOptionsAreOneLineNamingTheOption() throws IOException {
        Path out = run("opts", CLIFF);
        option(out, "error: --smooth: 0 is out of range", "--smooth", "0");
        option(out, "error: --from: 101 is out of range; give an episode from 1 to 100", "--from", "101");
        option(out, "error: --ylim length=1,2: 'length' is not recorded", "--ylim", "length=1,2");
        option(out, "error: --ylim return=1: expected [METRIC=]LOW,HIGH", "--ylim", "return=1");
        option(out, "error: --ylim return=2,1: LOW must be below HIGH", "--ylim", "return=2,1");
        option(out, "error: --ylim temperature=0,1: the temperature chart has a log y axis", "--ylim",
                "temperature=0,1");
    }

    private static void option(Path out, String expected, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "plot";
        all[1] = out.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        Cli r = Cli.run(all);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    }

    @Test
    void aRunSaysThatItIsDrawingTheChartsAfterTheProgressBar() throws IOException {
        Path file = tmp.resolve("talk.yaml");
        Files.writeString(file, CLIFF);
        Cli drawn = Cli.run("run", file.toString(), "--out", tmp.resolve("talk").toString(), "--threads", "1");
        assertEquals(0, drawn.exit(), drawn.err());
        assertTrue(drawn.err().contains("drawing the charts and report.html..."), drawn.err());
        Cli bare = Cli.run("run", file.toString(), "--out", tmp.resolve("bare").toString(), "--threads", "1",
                "--no-plots");
        assertFalse(bare.err().contains("drawing"), bare.err());
        Cli quiet = Cli.run("run", file.toString(), "--out", tmp.resolve("quiet").toString(), "--threads", "1",
                "--quiet");
        assertEquals("", quiet.err());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
