package kelvin.experiments.shard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import kelvin.experiments.SessionOptions;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.FolderLock;
import kelvin.experiments.results.ResultWriter;
import kelvin.experiments.run.Block;
import kelvin.experiments.run.Moments;
import kelvin.experiments.run.RunRows;
import kelvin.experiments.run.Runner;
import kelvin.experiments.run.Simulation;

/**
 * Runs one shard of an experiment into a {@link ShardFolder}: the blocks {@link ShardPlan} gives
 * shard {@code I} of {@code N}, merged into the folder's spans in block order as the runner merges
 * them, each span written once its last block is merged, then shard.json. A rerun of the same shard
 * into the same folder (after a kill, or with {@code --resume}) keeps the spans whose files are
 * whole and computes the rest, so its files end the same as an uninterrupted run's.
 */
public final class ShardRun {
    /** How often a cell's prefix in progress is saved, so a killed shard loses at most this much of it. */
    static final Duration CHECKPOINT = Duration.ofSeconds(60);

    private final Experiment experiment;
    private final int shard;
    private final int shards;
    private final long checkpointNanos;

    private ShardRun(Experiment experiment, int shard, int shards, Duration checkpoint) {
        this.experiment = experiment;
        this.shard = shard;
        this.shards = shards;
        this.checkpointNanos = checkpoint.toNanos();
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
        return new ShardRun(experiment, shard, shards, CHECKPOINT);
    }

    /**
     * The same shard saving a prefix in progress every {@code every} instead of every
     * {@link #CHECKPOINT}.
     *
     * @param every the interval; zero saves after every block
     * @return the shard
     */
    ShardRun checkpointEvery(Duration every) {
        return new ShardRun(experiment, shard, shards, every);
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
            List<ShardFolder.Span> spans = ShardFolder.layout(mine);
            Set<ShardFolder.Span> done = new HashSet<>();
            for (ShardFolder.Span s : folder.finished(spans, options.notices())) {
                done.add(s);
                nanos.addAndGet(folder.nanos(s));
            }
            int restored = done.stream().mapToInt(ShardFolder.Span::blocks).sum();
            List<Block> todo = new ArrayList<>();
            Map<Block, SpanMerge> merges = new HashMap<>();
            int k = 0;
            for (ShardFolder.Span s : spans) {
                SpanMerge merge = done.contains(s) ? null : new SpanMerge(folder, s, checkpointNanos);
                if (merge != null) {
                    ShardFolder.Stored saved = folder.checkpoint(s, options.notices())
                            .orElse(null);
                    if (saved != null) {
                        merge.resumeFrom(saved);
                        nanos.addAndGet(saved.nanos());
                        restored += saved.span().blocks();
                    }
                }
                for (; k < mine.size() && s.contains(mine.get(k)); k++) {
                    if (merge != null && mine.get(k).index() >= merge.next) {
                        todo.add(mine.get(k));
                        merges.put(mine.get(k), merge);
                    }
                }
            }
            if (restored > 0) {
                options.notices().accept(String.format("resuming: %d of %d blocks of shard %d/%d already finished",
                        restored, mine.size(), shard, shards));
            }
            new Runner(experiment, options.threads(), options.progress()).runBlocks(todo, (b, m, rows, spent) -> {
                merges.get(b).offer(b, m, rows, spent);
                nanos.addAndGet(spent);
            });
            // a stop that came as the last block finished finds no worker left to wait for: honour it
            // here rather than let the interrupt break the write of shard.json
            if (Thread.interrupted()) {
                throw new InterruptedException("stopped after the last block");
            }
            double compute = nanos.get() / 1e9;
            folder.finish(experiment, shard, shards, mine, spans, compute, (System.nanoTime() - start) / 1e9);
            long runs = mine.stream().mapToLong(Block::runs).sum();
            return new Summary(mine.size(), restored, runs, compute);
        }
    }

    /**
     * Merges a span's blocks in block order into empty aggregates, as the runner merges a cell's,
     * holding early arrivals until their turn, and writes the span's file once its last block is in.
     * A cell's prefix in progress is saved as the span of the blocks merged so far every
     * checkpoint interval, so a killed shard's rerun starts from there.
     */
    private static final class SpanMerge {
        /** A block that finished before its turn to be merged. */
        private record Finished(Block block, Moments moments, RunRows rows) {
        }

        private final ShardFolder folder;
        private final ShardFolder.Span span;
        private final long checkpointNanos;
        private final Map<Integer, Finished> waiting = new HashMap<>();
        private final List<RunRows> rows = new ArrayList<>();
        private Moments total;
        private long nanos;
        private int next;
        private int mergedTo;
        private long lastSave = System.nanoTime();
        private ShardFolder.Span saved;

        SpanMerge(ShardFolder folder, ShardFolder.Span span, long checkpointNanos) {
            this.folder = folder;
            this.span = span;
            this.checkpointNanos = checkpointNanos;
            this.next = span.first();
            this.mergedTo = span.from();
        }

        /** Starts from a saved prefix of the span (its blocks merged already). */
        void resumeFrom(ShardFolder.Stored prefix) {
            total = new Moments(prefix.moments().slots(), prefix.moments().tallies());
            total.merge(prefix.moments());
            rows.add(prefix.rows());
            nanos = prefix.nanos();
            next = prefix.span().last() + 1;
            mergedTo = prefix.span().to();
            saved = prefix.span();
        }

        synchronized void offer(Block b, Moments moments, RunRows blockRows, long spent) throws IOException {
            waiting.put(b.index(), new Finished(b, moments, blockRows));
            nanos += spent;
            Finished f;
            while ((f = waiting.remove(next)) != null) {
                if (total == null) {
                    total = new Moments(f.moments().slots(), f.moments().tallies());
                }
                total.merge(f.moments());
                rows.add(f.rows());
                mergedTo = f.block().to();
                next++;
            }
            if (next > span.last()) {
                folder.write(span, total, rows, nanos);
                rows.clear();
                if (saved != null) {
                    folder.delete(saved);
                }
            } else if (next - 1 > span.first() && System.nanoTime() - lastSave >= checkpointNanos) {
                ShardFolder.Span partial = new ShardFolder.Span(span.cell(), span.first(), next - 1, span.from(),
                        mergedTo);
                folder.write(partial, total, rows, nanos);
                if (saved != null && !saved.equals(partial)) {
                    folder.delete(saved);
                }
                saved = partial;
                lastSave = System.nanoTime();
            }
        }
    }
}
