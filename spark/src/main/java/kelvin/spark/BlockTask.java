package kelvin.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import kelvin.experiments.config.Limits;
import kelvin.experiments.config.Registry;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.ResultWriter;
import kelvin.experiments.run.Block;
import kelvin.experiments.run.ProgressListener;
import kelvin.experiments.run.Runner;
import kelvin.experiments.run.Simulation;
import kelvin.experiments.shard.ShardFolder;
import kelvin.experiments.shard.ShardPlan;
import org.apache.spark.TaskContext;

/**
 * The executor's side of a Spark run: simulates the blocks of one partition with Kelvin's own
 * runner (every stream is seeded from the seed, cell and run, so a block's result does not depend
 * on the machine or the attempt) and returns each block's file content as a shard folder would
 * hold it. Only the resolved config.yaml text travels; each executor reads it once.
 */
final class BlockTask implements Serializable {
    /**
     * Test-only: a system property naming a block as {@code CELL/BLOCK}, whose task throws on its
     * first attempt, to show that a retried task gives the same bytes.
     */
    static final String FAIL_ONCE = "kelvin.spark.failOnce";
    /** How often the {@link #FAIL_ONCE} hook has thrown in this JVM. */
    static final AtomicInteger INJECTED_FAILURES = new AtomicInteger();

    private static final long serialVersionUID = 1L;
    private static final Map<String, Experiment> EXPERIMENTS = new ConcurrentHashMap<>();

    private final String configYaml;
    private final String failOnce;

    /** One block's result: its index in the plan, its compute time and its file's bytes. */
    record Result(int index, long nanos, byte[] file) implements Serializable {
    }

    BlockTask(String configYaml, String failOnce) {
        this.configYaml = configYaml;
        this.failOnce = failOnce;
    }

    Iterator<Result> run(Iterator<Integer> indices) throws IOException, InterruptedException {
        Experiment e = experiment();
        List<Block> plan = ShardPlan.of(e, 1).blocks();
        List<Block> mine = new ArrayList<>();
        indices.forEachRemaining(i -> mine.add(plan.get(i)));
        TaskContext context = TaskContext.get();
        for (Block b : mine) {
            if ((b.cell() + "/" + b.index()).equals(failOnce) && context != null && context.attemptNumber() == 0) {
                INJECTED_FAILURES.incrementAndGet();
                throw new IllegalStateException("injected failure of cell " + b.cell() + " block " + b.index()
                        + " (" + FAIL_ONCE + ")");
            }
        }
        ShardFolder encoder = new ShardFolder(Path.of("."), configYaml, Simulation.runColumns(e));
        List<Result> results = new ArrayList<>();
        new Runner(e, 1, ProgressListener.NONE).runBlocks(mine, (b, m, rows, nanos) ->
                results.add(new Result(plan.indexOf(b), nanos,
                        encoder.encode(ShardFolder.Span.of(b), m, List.of(rows), nanos))));
        return results.iterator();
    }

    private Experiment experiment() {
        return EXPERIMENTS.computeIfAbsent(ResultWriter.configHash(configYaml), hash -> {
            try {
                Path file = Files.createTempFile("kelvin-config", ".yaml");
                try {
                    Files.writeString(file, configYaml, StandardCharsets.UTF_8);
                    return Experiment.load(file, List.of(), Registry.builtIns(), Limits.Budget.UNLIMITED);
                } finally {
                    Files.deleteIfExists(file);
                }
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        });
    }
}
