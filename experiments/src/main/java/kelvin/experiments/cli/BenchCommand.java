package kelvin.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import kelvin.experiments.config.ExperimentLoader;
import kelvin.experiments.config.YamlTrees;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.ResultWriter;
import kelvin.experiments.run.ProgressListener;
import kelvin.experiments.run.Runner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kelvin bench}: times named workloads through the same runner as {@code kelvin run} and
 * prints agent-steps per second per thread, with the machine and JVM it ran on. Each workload is run
 * once untimed (JIT warm-up), then {@code --repeat} times; the median is reported.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time named workloads (agent-steps per second per thread) on this machine.")
public final class BenchCommand implements Callable<Integer> {

    /** Workload name to config; each is what the issue or the peer it is compared with runs. */
    static final Map<String, String> WORKLOADS = new LinkedHashMap<>();

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
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(arity = "0..*", paramLabel = "WORKLOAD",
            description = "Workloads to run (default: all): ${COMPLETION-CANDIDATES}",
            completionCandidates = Names.class)
    List<String> names = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: 1, then all cores).")
    Integer threads;

    @Option(names = "--repeat", paramLabel = "N", description = "Timed repetitions; the median is reported (default 3).")
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
            out.printf(Locale.ROOT, "%-18s %7s %14s %16s %16s%n", "workload", "threads", "agent-steps",
                    "median seconds", "steps/s/thread");
        }
        for (String name : chosen) {
            String yaml = WORKLOADS.get(name);
            if (runs != null) {
                yaml = yaml.replaceFirst("runs: \\d+", "runs: " + runs);
            }
            Experiment e = ExperimentLoader.bind(YamlTrees.parse(name, yaml));
            double steps = (double) e.runs() * e.horizon() * e.cells().size();
            for (int n : threadCounts) {
                new Runner(e, n, ProgressListener.NONE).run(); // warm-up
                double[] seconds = new double[repeat];
                for (int i = 0; i < repeat; i++) {
                    long start = System.nanoTime();
                    new Runner(e, n, ProgressListener.NONE).run();
                    seconds[i] = (System.nanoTime() - start) / 1e9;
                }
                Arrays.sort(seconds);
                double median = seconds[repeat / 2];
                double perThread = steps / median / n;
                if (json) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("workload", name);
                    row.put("threads", n);
                    row.put("agent_steps", (long) steps);
                    row.put("seconds", seconds);
                    row.put("median_seconds", median);
                    row.put("agent_steps_per_second_per_thread", Math.round(perThread));
                    row.put("machine", cpu());
                    row.put("cores", cores);
                    row.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
                    out.println(ResultWriter.JSON.writer().without(
                            com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(row));
                } else {
                    out.printf(Locale.ROOT, "%-18s %7d %14.3g %16.3f %16s%n", name, n, steps, median,
                            String.format(Locale.ROOT, "%.2fM", perThread / 1e6));
                }
                out.flush();
            }
        }
        return 0;
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
