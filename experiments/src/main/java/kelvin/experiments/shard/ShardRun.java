package kelvin.experiments.shard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import kelvin.experiments.SessionOptions;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.FolderLock;
import kelvin.experiments.results.ResultWriter;
import kelvin.experiments.run.Block;
import kelvin.experiments.run.Runner;
import kelvin.experiments.run.Simulation;

/**
 * Runs one shard of an experiment into a {@link ShardFolder}: the blocks {@link ShardPlan} gives
 * shard {@code I} of {@code N}, each written as it finishes, then shard.json. A rerun of the same
 * shard into the same folder (after a kill, or with {@code --resume}) keeps the blocks whose files
 * are whole and computes the rest, so its files end the same as an uninterrupted run's.
 */
public final class ShardRun {
    private final Experiment experiment;
    private final int shard;
    private final int shards;

    private ShardRun(Experiment experiment, int shard, int shards) {
        this.experiment = experiment;
        this.shard = shard;
        this.shards = shards;
    }

    /**
     * Shard {@code shard} of {@code shards} of an experiment.
     *
     * @param experiment a validated experiment
     * @param shard I, from 0 to {@code shards - 1}
     * @param shards N, at least 1
     * @return the shard, ready to run
     * @throws IllegalArgumentException if {@code shard} is out of range
     */
    public static ShardRun of(Experiment experiment, int shard, int shards) {
        if (shards < 1 || shard < 0 || shard >= shards) {
            throw new IllegalArgumentException("shard " + shard + "/" + shards + " is out of range");
        }
        return new ShardRun(experiment, shard, shards);
    }

    /** What a finished shard holds. */
    public record Summary(int blocks, int restored, long runs, double computeSeconds) {
    }

    /**
     * Runs the shard's unfinished blocks into {@code options.out()}.
     *
     * @param options threads, progress, notices, the folder and {@code --force}
     * @return how many blocks it holds and how many were kept from an earlier run
     * @throws IOException when the folder cannot be written
     * @throws InterruptedException when interrupted; the finished blocks stay on disk
     * @throws kelvin.experiments.config.ConfigException (exit 2) when the folder may not be used
     */
    public Summary run(SessionOptions options) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path dir = options.out();
        String configYaml = ResultWriter.configYaml(experiment);
        ShardFolder folder = new ShardFolder(dir, configYaml, Simulation.runColumns(experiment));
        List<Block> mine = ShardPlan.of(experiment, shards).shard(shard);
        Files.createDirectories(dir);
        try (FolderLock lock = FolderLock.acquire(dir)) {
            folder.checkPlace(configYaml, shard, shards, options.force());
            folder.begin(configYaml, options.force());
            AtomicLong nanos = new AtomicLong();
            Set<Block> done = new HashSet<>();
            for (Block b : folder.finished(mine, options.notices())) {
                done.add(b);
                nanos.addAndGet(folder.nanos(b));
            }
            if (!done.isEmpty()) {
                options.notices().accept(String.format("resuming: %d of %d blocks of shard %d/%d already finished",
                        done.size(), mine.size(), shard, shards));
            }
            List<Block> todo = new ArrayList<>(mine);
            todo.removeIf(done::contains);
            new Runner(experiment, options.threads(), options.progress()).runBlocks(todo, (b, m, rows, spent) -> {
                folder.write(b, m, rows, spent);
                nanos.addAndGet(spent);
            });
            double compute = nanos.get() / 1e9;
            folder.finish(experiment, shard, shards, mine, compute, (System.nanoTime() - start) / 1e9);
            long runs = mine.stream().mapToLong(Block::runs).sum();
            return new Summary(mine.size(), done.size(), runs, compute);
        }
    }
}
