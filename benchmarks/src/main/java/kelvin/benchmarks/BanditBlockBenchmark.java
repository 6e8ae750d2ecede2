package kelvin.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.run.BanditSimulation;
import kelvin.experiments.run.Moments;
import kelvin.experiments.run.RunRows;
import kelvin.experiments.run.Simulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Runs of the 10-armed testbed as {@code kelvin run} simulates them (streams, checkpoints every 10
 * steps, regret, reward and optimal-action aggregated), through {@link BanditSimulation} with the
 * fused loop and with the generic learner loop, which give the same bytes. One operation is one
 * block of {@value #RUNS} runs of {@value #STEPS} steps, reported per agent-step; each call starts
 * at the next runs, so no two calls repeat their streams.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BanditBlockBenchmark -prof gc}
 * (alloc.rate.norm is the per-run set-up amortised over its steps, near 0 B per step).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class BanditBlockBenchmark {

    static final int RUNS = 8;
    static final int STEPS = 10_000;

    @Param({"fused", "generic"})
    public String loop;

    @Param({"0.2"})
    public String temperature;

    private BanditSimulation simulation;
    private Experiment experiment;
    private Cell cell;
    private int next;

    @Setup
    public void setUp() throws IOException {
        Path config = Files.createTempFile("kelvin-bench", ".yaml");
        try {
            Files.writeString(config, "name: block-bench\nseed: 1\nruns: 1000000\nsteps: " + STEPS + "\n"
                    + "env: {type: gaussian-bandit, arms: 10}\n"
                    + "agents:\n  b: {type: action-value, policy: {type: boltzmann, temperature: " + temperature + "}}\n"
                    + "metrics: [regret, reward, optimal-action]\nrecord: {points: " + STEPS / 10 + "}\n");
            experiment = Experiment.load(config);
        } finally {
            Files.delete(config);
        }
        simulation = new BanditSimulation(experiment, loop.equals("fused"));
        cell = experiment.cells().get(0);
    }

    @Benchmark
    @OperationsPerInvocation(RUNS * STEPS)
    public Moments block() {
        Moments m = new Moments(simulation.slots(), simulation.tallies());
        int from = next;
        next = (next + RUNS) % (1_000_000 - RUNS);
        simulation.runBlock(cell, from, from + RUNS, m, new RunRows(Simulation.runColumns(experiment), RUNS));
        return m;
    }
}
