package kelvin.experiments.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import kelvin.experiments.config.ExperimentLoader;
import kelvin.experiments.config.Registry;
import kelvin.experiments.config.YamlTrees;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.TabularCell;
import kelvin.experiments.results.Mappers;
import kelvin.experiments.run.Moments;
import kelvin.experiments.run.ProgressListener;
import kelvin.experiments.run.Runner;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kelvin bench}: times named workloads through the same runner as {@code kelvin run} and
 * prints agent-steps per second per thread, with the machine and JVM it ran on. Each workload is run
 * once untimed per thread count (JIT warm-up), then {@code --repeat} times, the thread counts taking
 * turns; the median is reported. Agent-steps are
 * runs x steps x cells for bandits and the environment steps really taken for MDPs (episodes vary
 * in length). Scaling workloads ({@link #SCALING}) also print the speed-up of N threads over 1.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time named workloads (agent-steps per second per thread) on this machine.")
public final class BenchCommand implements Callable<Integer> {

    /** Workload name to config; each is what the issue or the peer it is compared with runs. */
    static final Map<String, String> WORKLOADS = new LinkedHashMap<>();

    /**
     * Workloads that compare thread counts: run with 1 thread and with N (--threads when above 1,
     * else 2), and print N threads' speed-up over 1 (issue 8: at least 1.8x with 2 threads).
     */
    static final Set<String> SCALING = Set.of("many-cells");

    static {
        String testbed = "runs: 2000\nsteps: 10000\nenv: {type: gaussian-bandit, arms: 10}\n"
                + "metrics: [regret, reward, optimal-action]\nrecord: {points: 1000}\n";
        WORKLOADS.put("testbed-fixed", "name: testbed-fixed\n" + testbed
                + "agents:\n  b: {type: action-value, policy: {type: boltzmann, temperature: 0.2}}\n");
        WORKLOADS.put("testbed-annealed", "name: testbed-annealed\n" + testbed
                + "agents:\n  b: {type: action-value, policy: {type: boltzmann, temperature: "
                + "{schedule: exponential, initial: 1.0, decay: 0.9995, min: 0.01}}}\n");
        WORKLOADS.put("testbed-epsilon", "name: testbed-epsilon\n" + testbed
                + "agents:\n  e: {type: action-value, policy: {type: epsilon-greedy, epsilon: 0.1}}\n");
        // The BURLAP peer's setup (../shared/peers/burlap/NOTES.md): open 10x10, reward 1 at the goal,
        // Q-learning alpha 0.1, gamma 0.95, Q0 0, Boltzmann T = 0.5, 2000 episodes per run.
        gridworld("gridworld-q", "q-learning", "policy: {type: boltzmann, temperature: 0.5}");
        // The same set-up with the temperature methods of issue 24 in place of the fixed-T policy, so their
        // steps per second compare with gridworld-q's.
        gridworld("gridworld-visit-exp", "q-learning", "policy: {type: boltzmann, temperature: {schedule: "
                + "exponential, initial: 1.0, decay: 0.99, min: 0.005, per: state-visit}}");
        gridworld("gridworld-glie", "sarsa", "policy: {type: boltzmann, temperature: {schedule: glie-boltzmann, "
                + "c: 0.5}}");
        gridworld("gridworld-soft-q", "soft-q-learning", "tau: 0.01, policy: {type: boltzmann, temperature: 0.5}");
        gridworld("gridworld-mellowmax", "q-learning", "policy: {type: mellowmax, omega: 2}");
        gridworld("gridworld-vdbe", "q-learning", "policy: {type: vdbe-softmax, temperature: 0.5, sigma: 0.01}");
        // A sweep of 16 cells (16 fixed temperatures on the testbed), for the thread speed-up.
        WORKLOADS.put("many-cells", "name: many-cells\nruns: 500\nsteps: 2000\n"
                + "env: {type: gaussian-bandit, arms: 10}\n"
                + "agents:\n  b: {type: action-value, policy: {type: boltzmann, "
                + "temperature: {schedule: fixed, value: 0.2}}}\n"
                + "sweep:\n  policy.temperature.value: [0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.14, 0.2, 0.3, "
                + "0.4, 0.5, 0.7, 1.0, 1.4, 2.0, 3.0]\n"
                + "metrics: [regret, reward, optimal-action]\nrecord: {points: 100}\n");
    }

    /** A gridworld-q workload with another agent type and keys (alpha, gamma and initial as there). */
    private static void gridworld(String name, String type, String keys) {
        WORKLOADS.put(name, "name: " + name + "\nruns: 30\nepisodes: 2000\n"
                + "env: {type: gridworld, map: open-10x10, gamma: 0.95}\n"
                + "agents:\n  q: {type: " + type + ", alpha: 0.1, gamma: 0.95, initial: 0, " + keys + "}\n"
                + "metrics: [length]\nrecord: {points: 2000}\n");
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(arity = "0..*", paramLabel = "WORKLOAD",
            description = "Workloads to run (default: all): ${COMPLETION-CANDIDATES}",
            completionCandidates = Names.class)
    List<String> names = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: 1, then all cores).")
    Integer threads;

    @Option(names = "--repeat", paramLabel = "N",
            description = "Timed repetitions; the median is reported (default 3).")
    int repeat = 3;

    @Option(names = "--runs", paramLabel = "N", description = "Override the runs of every workload.")
    Integer runs;

    @Option(names = "--json", description = "One JSON object per workload and thread count.")
    boolean json;

    /** Completion candidates for the help text. */
    static final class Names extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Names() {
            super(WORKLOADS.keySet());
        }
    }

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        PrintWriter out = cl.getOut();
        List<String> chosen = names.isEmpty() ? new ArrayList<>(WORKLOADS.keySet()) : names;
        for (String name : chosen) {
            if (!WORKLOADS.containsKey(name)) {
                throw new CommandLine.ParameterException(cl, "unknown workload '" + name + "'; known: "
                        + String.join(", ", WORKLOADS.keySet()));
            }
        }
        if (repeat < 1) {
            throw new CommandLine.ParameterException(cl, "--repeat must be at least 1");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int[] threadCounts = threads != null ? new int[] {threads} : cores > 1 ? new int[] {1, cores} : new int[] {1};
        if (!json) {
            out.println("machine: " + cpu() + ", " + cores + " cores; " + System.getProperty("java.vm.name") + " "
                    + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MiB");
            out.printf(Locale.ROOT, "%-18s %7s %14s %16s %16s %16s%n", "workload", "threads", "agent-steps",
                    "median seconds", "steps/s/thread", "steps/s total");
        }
        for (String name : chosen) {
            String yaml = WORKLOADS.get(name);
            if (runs != null) {
                yaml = yaml.replaceFirst("runs: \\d+", "runs: " + runs);
            }
            Experiment e = ExperimentLoader.bind(YamlTrees.parse(name, yaml), Registry.builtIns());
            int[] counts = SCALING.contains(name)
                    ? new int[] {1, threads != null && threads > 1 ? threads : 2} : threadCounts;
            // Every thread count is warmed up, then timed in turns (1, N, 1, N, ...), so a change in
            // the machine's load during the workload reaches all counts alike instead of biasing one.
            for (int n : counts) {
                new Runner(e, n, ProgressListener.NONE).run();
            }
            double[][] seconds = new double[counts.length][repeat];
            long steps = 0;
            for (int i = 0; i < repeat; i++) {
                for (int j = 0; j < counts.length; j++) {
                    long start = System.nanoTime();
                    Runner.Result result = new Runner(e, counts[j], ProgressListener.NONE).run();
                    seconds[j][i] = (System.nanoTime() - start) / 1e9;
                    steps = agentSteps(e, result);
                }
            }
            for (int j = 0; j < counts.length; j++) {
                int n = counts[j];
                double median = new Median().evaluate(seconds[j]);
                double total = steps / median;
                double perThread = total / n;
                // The speed-up of each turn over the 1-thread time just before it, then their median.
                double speedup = Double.NaN;
                if (SCALING.contains(name) && n > 1) {
                    double[] ratios = new double[repeat];
                    for (int i = 0; i < repeat; i++) {
                        ratios[i] = seconds[0][i] / seconds[j][i];
                    }
                    speedup = new Median().evaluate(ratios);
                }
                if (json) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("workload", name);
                    row.put("threads", n);
                    row.put("agent_steps", steps);
                    row.put("seconds", seconds[j]);
                    row.put("median_seconds", median);
                    row.put("agent_steps_per_second_per_thread", Math.round(perThread));
                    row.put("agent_steps_per_second", Math.round(total));
                    if (!Double.isNaN(speedup)) {
                        row.put("speedup_over_1_thread", speedup);
                    }
                    row.put("machine", cpu());
                    row.put("cores", cores);
                    row.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
                    out.println(Mappers.JSON.writer().without(
                            SerializationFeature.INDENT_OUTPUT).writeValueAsString(row));
                } else {
                    out.printf(Locale.ROOT, "%-18s %7d %14.3g %16.3f %16s %16s%n", name, n, (double) steps, median,
                            String.format(Locale.ROOT, "%.2fM", perThread / 1e6),
                            String.format(Locale.ROOT, "%.2fM", total / 1e6));
                    if (!Double.isNaN(speedup)) {
                        out.printf(Locale.ROOT, "%-18s %7d speed-up over 1 thread: %.2fx%n", name, n, speedup);
                    }
                }
                out.flush();
            }
        }
        return 0;
    }

    /**
     * Agent-steps a run of {@code e} took: runs x steps x cells for a bandit; for an MDP the
     * environment steps really taken, which are the state visits the cells tally (one per reset and
     * one per step) less one reset per episode.
     */
    static long agentSteps(Experiment e, Runner.Result result) {
        if (!e.episodic()) {
            return (long) e.runs() * e.horizon() * e.cells().size();
        }
        long steps = 0;
        for (int c = 0; c < e.cells().size(); c++) {
            Moments m = result.cells().get(c);
            int states = ((TabularCell) e.cells().get(c)).environment().mdp().states();
            for (int s = 0; s < states; s++) {
                steps += m.tally(s);
            }
            steps -= (long) e.runs() * e.horizon();
        }
        return steps;
    }

    /** The CPU model from /proc/cpuinfo where there is one. */
    static String cpu() {
        Path info = Paths.get("/proc/cpuinfo");
        try {
            if (Files.isReadable(info)) {
                for (String line : Files.readAllLines(info)) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            }
        } catch (IOException e) {
            // fall through to the generic description
        }
        return System.getProperty("os.arch");
    }
}
