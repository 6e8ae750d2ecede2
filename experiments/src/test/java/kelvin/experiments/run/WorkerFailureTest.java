package kelvin.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import kelvin.env.bandit.GaussianBandit;
import kelvin.experiments.ExperimentException;
import kelvin.experiments.ExperimentSession;
import kelvin.experiments.SessionOptions;
import kelvin.experiments.cli.Cli;
import kelvin.experiments.config.Registry;
import kelvin.experiments.model.BanditCell;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.plugin.Plugins;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure in any worker stops the whole run with that failure's own message, located in the
 * experiment, and no result file is written from the incomplete aggregates; the cells finished
 * before it stay in {@code cells/}.
 */
class WorkerFailureTest {
    /** Written from the aggregates of every cell: none may exist after a failed run. */
    private static final List<String> RESULT_FILES = List.of("curves.csv", "summary.csv", "runs.csv", "states.csv",
            "manifest.json", "report.html");

    @TempDir
    Path tmp;

    private static Path plugin() throws URISyntaxException {
        return plugin("throwing-schedule");
    }

    private static Path plugin(String name) throws URISyntaxException {
        return Path.of(WorkerFailureTest.class.getResource("/plugins/" + name).toURI());
    }

    private Path config(String env, String horizon, String agents) throws IOException {
        return Files.writeString(tmp.resolve("failing.yaml"), "name: failing\nseed: 3\nruns: 300\n" + horizon
                + "\nenv: " + env + "\nagents:\n" + agents);
    }

    private Experiment load(String yaml) throws IOException {
        return Experiment.load(Files.writeString(tmp.resolve("direct.yaml"), yaml), List.of(), Registry.builtIns());
    }

    private static void assertNoResultFiles(Path dir) {
        for (String f : RESULT_FILES) {
            assertFalse(Files.exists(dir.resolve(f)), f + " must not be written from incomplete aggregates");
        }
    }

    private static long cells(Path dir) throws IOException {
        if (!Files.isDirectory(dir.resolve("cells"))) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir.resolve("cells"))) {
            return files.filter(p -> p.toString().endsWith(".cell")).count();
        }
    }

    @Test
    void aThrowingProgressListenerFailsTheRunWithItsMessageAndWritesNoResults() throws Exception {
        Experiment e = Experiment.load(Path.of("examples/quickstart.yaml"), List.of("runs=200", "steps=200"),
                Registry.builtIns());
        AtomicInteger calls = new AtomicInteger();
        ProgressListener broken = (done, total) -> {
            if (calls.incrementAndGet() >= 2) {
                throw new IllegalStateException("the display is gone");
            }
        };
        Path dir = tmp.resolve("out");
        ExperimentException failure = assertThrows(ExperimentException.class, () -> ExperimentSession.of(e)
                .run(SessionOptions.inMemory().withThreads(3).reportingTo(broken, n -> { }).writingTo(dir, true)));
        assertEquals("the progress listener failed: the display is gone", failure.getMessage());
        assertNoResultFiles(dir);
        assertTrue(cells(dir) < e.cells().size(), "the run stopped before every cell finished");

        ExperimentException inMemory = assertThrows(ExperimentException.class, () -> ExperimentSession.of(e)
                .run(SessionOptions.inMemory().withThreads(1).reportingTo(broken, n -> { })));
        assertEquals("the progress listener failed: the display is gone", inMemory.getMessage());
    }

    @Test
    void aRunnerWithoutAProgressListenerIsRefusedAtOnce() {
        Experiment e = Experiment.load(Path.of("examples/quickstart.yaml"), List.of("runs=2", "steps=10"),
                Registry.builtIns());
        assertThrows(NullPointerException.class, () -> new Runner(e, 1, null));
    }

    @Test
    void aBanditRunThatThrowsStopsEveryWorkerAndSaysWhere() throws Exception {
        Path file = config("{type: gaussian-bandit, arms: 5}", "steps: 400",
                "  fine: {type: action-value, policy: {type: boltzmann, temperature: 0.2}}\n"
                + "  bad: {type: action-value, policy: {type: boltzmann, temperature: {schedule: throwing-schedule, "
                + "after: 250}}}\n");
        Path out = tmp.resolve("bandit");
        Cli r = Cli.run("run", file.toString(), "--plugin", plugin().toString(), "--out", out.toString(), "--quiet",
                "--threads", "1");
        assertEquals(1, r.exit(), r.err());
        String line = r.err().strip();
        assertEquals("error: run 1 of variant bad, step 251: the schedule's table has no entry for t = 250 "
                + "(run again with --debug for the stack trace)", line);
        assertFalse(line.contains("\n"), "one line: " + line);
        assertNoResultFiles(out);
        assertEquals(1, cells(out), "the variant that finished first is kept");

        Experiment e = Experiment.load(file, List.of(), Registry.builtIns().with(Plugins.load(List.of(plugin()))));
        RunFailure failure = assertThrows(RunFailure.class,
                () -> ExperimentSession.of(e).run(SessionOptions.inMemory().withThreads(4)));
        assertTrue(failure.getMessage().matches("run \\d+ of variant bad, step 251: .*t = 250"), failure.getMessage());
        assertTrue(failure.getCause() instanceof IllegalStateException, "the cause keeps its stack trace");
    }

    @Test
    void aGridworldRunThatThrowsSaysTheEpisodeAndStep() throws Exception {
        Path file = config("{type: gridworld, map: cliff-walking}", "episodes: 5",
                "  bad: {type: q-learning, policy: {type: boltzmann, temperature: {schedule: throwing-schedule, "
                + "after: 30}}}\n");
        Path out = tmp.resolve("grid");
        Cli r = Cli.run("run", file.toString(), "--plugin", plugin().toString(), "--out", out.toString(), "--quiet",
                "--runs", "3");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().strip().matches("error: run \\d of variant bad, episode \\d+, step \\d+: the schedule's table "
                + "has no entry for t = 30 \\(run again with --debug for the stack trace\\)"), r.err());
        assertNoResultFiles(out);
    }

    @Test
    void debugShowsTheStackTraceOfTheCause() throws Exception {
        Path file = config("{type: gaussian-bandit, arms: 5}", "steps: 400",
                "  bad: {type: action-value, policy: {type: boltzmann, temperature: {schedule: throwing-schedule, "
                + "after: 5}}}\n");
        Cli r = Cli.run("run", file.toString(), "--plugin", plugin().toString(), "--out", tmp.resolve("d").toString(),
                "--quiet", "--debug");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("ThrowingSchedule.temperature("), r.err());
    }

    @Test
    void runningOutOfMemorySaysSoAndHowToGiveMore() throws Exception {
        Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() < (8L << 30) * 2 - (1L << 30),
                "the heap could hold the 16 GiB the plug-in asks for");
        Path file = config("{type: gaussian-bandit, arms: 5}", "steps: 400",
                "  hungry: {type: action-value, policy: {type: boltzmann, temperature: {schedule: hungry-schedule, "
                + "after: 100}}}\n");
        Path out = tmp.resolve("oom");
        Cli r = Cli.run("run", file.toString(), "--plugin", plugin("hungry-schedule").toString(), "--out",
                out.toString(), "--quiet", "--threads", "2");
        assertEquals(1, r.exit(), r.err());
        String line = r.err().strip();
        assertTrue(line.startsWith("error: out of memory (Java heap space) with a maximum heap of "), line);
        assertTrue(line.contains("JAVA_OPTS=-Xmx"), line);
        assertFalse(line.contains("\n"), "one line: " + line);
        assertNoResultFiles(out);
    }

    /**
     * The fused loop does not track its step; its failure is located by replaying the run step by
     * step, which must name the step the step-by-step loop fails at. Validation refuses noise that
     * can overflow, so the bandit is swapped in through the library API, where a caller could build
     * it: rewards of noise 1e308 overflow the action values and the softmax meets an infinite logit.
     */
    @Test
    void aFailureInTheFusedLoopIsLocatedAtTheStepOfTheStepByStepLoop() throws Exception {
        Experiment valid = load("name: overflow\nseed: 1\nruns: 3\nsteps: 500\n"
                + "env: {type: gaussian-bandit, arms: 3, means: [1, 0, 2], noise: 1}\n"
                + "agents:\n  fixed: {type: action-value, policy: {type: boltzmann, temperature: 0.2}}\n");
        BanditCell c = (BanditCell) valid.cells().get(0);
        GaussianBandit loud = GaussianBandit.of(3, new double[] {1, 0, 2}, 1e308);
        Cell cell = new BanditCell(c.index(), c.label(), c.agentName(), c.params(), c.agent(), loud, c.temperature(),
                c.resolved());
        Experiment e = new Experiment(valid.name(), valid.seed(), valid.runs(), valid.horizon(), valid.episodic(), loud,
                List.of(cell), valid.sweepKeys(), valid.metrics(), valid.checkpoints(), valid.spacing(), valid.plot(),
                valid.resolved());
        String[] messages = new String[2];
        for (int k = 0; k < 2; k++) {
            BanditSimulation s = new BanditSimulation(e, k == 0);
            RunFailure f = assertThrows(RunFailure.class, () -> s.runBlock(cell, 0, 3,
                    new Moments(s.slots(), s.tallies()), new RunRows(Simulation.runColumns(e), 3)));
            messages[k] = f.getMessage();
        }
        assertTrue(messages[1].matches("run 1 of variant fixed, step \\d+: logit \\d is not finite: -?Infinity"),
                messages[1]);
        assertEquals(messages[1], messages[0], "fused and step by step fail at the same step");
    }
}
