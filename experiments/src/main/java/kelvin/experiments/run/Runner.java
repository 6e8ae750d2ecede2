package kelvin.experiments.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import kelvin.experiments.ExperimentException;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;

/**
 * Runs every cell of an experiment on a pool of threads and returns one {@link Moments} per cell;
 * the per-run values go to a {@link RunStore} as they are made.
 *
 * <p>Work is cut into blocks of {@link #BLOCK} consecutive runs of one cell, a partition that does
 * not depend on the thread count. Each block is simulated in run order into its own
 * {@link Moments} and {@link RunRows}; blocks of a cell are merged, and their rows stored, strictly
 * in block order, whichever thread finishes first. With every random stream a function of (seed,
 * cell, run), the resulting bytes are the same for any number of threads.
 */
public final class Runner {
    /** Runs per block: small enough to balance threads, large enough that merging costs nothing. */
    public static final int BLOCK = 64;

    /** How long a stopped runner waits for its workers to finish the cell they may be saving. */
    private static final long STOP_GRACE_NANOS = 1_000_000_000L;

    private final Experiment experiment;
    private final int threads;
    private final ProgressListener progress;

    /**
     * A runner for one experiment; nothing runs until {@link #run} is called.
     *
     * @param experiment the experiment whose cells to run
     * @param threads worker threads, at least 1; results are identical for any count
     * @param progress told as runs finish, from worker threads
     * @throws IllegalArgumentException if {@code threads < 1}
     * @throws NullPointerException if {@code experiment} or {@code progress} is null
     */
    public Runner(Experiment experiment, int threads, ProgressListener progress) {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(progress, "progress");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.experiment = experiment;
        this.threads = threads;
        this.progress = progress;
    }

    /**
     * Per-cell results, in cell order, with the compute seconds each cell took.
     *
     * @param cells each cell's aggregates
     * @param cellSeconds each cell's compute time in seconds, summed over the threads that ran it
     */
    public record Result(List<Moments> cells, double[] cellSeconds) {
    }

    /**
     * Runs every cell, keeping no per-run values.
     *
     * @return every cell's aggregates and compute seconds, in cell order
     * @throws InterruptedException when interrupted
     */
    public Result run() throws InterruptedException {
        return run(Map.of(), RunStore.DISCARD);
    }

    /**
     * Runs the cells not in {@code done} (finished cells restored from disk: aggregates and seconds)
     * and hands every block's rows and every finished cell to {@code store}.
     *
     * <p>It returns only when every cell is complete. The first failure of any worker (a run that
     * throws, a cell that cannot be saved, the progress listener) stops all of them at the next run
     * or checkpoint and is thrown here once they have left; so is an interruption, after a grace of
     * a second for a cell being saved. Either way the cells finished before it are in
     * {@code store} and nothing incomplete is returned.
     *
     * @param done restored cells by cell index, each as a one-cell result
     * @param store where per-run values and finished cells go
     * @return every cell's aggregates, restored or computed
     * @throws InterruptedException when interrupted
     * @throws ExperimentException when {@code store} cannot save a finished cell, the progress
     *     listener fails, or a run fails ({@link RunFailure}, {@link ContractViolation})
     */
    public Result run(Map<Integer, Result> done, RunStore store) throws InterruptedException {
        List<Cell> cells = experiment.cells();
        int runs = experiment.runs();
        int blocksPerCell = Block.perCell(runs);
        Simulation simulation = Simulation.of(experiment);
        List<OrderedMerge> merges = new ArrayList<>();
        List<Block> tasks = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            merges.add(new OrderedMerge(c, new Moments(simulation.slots(), simulation.tallies()), blocksPerCell,
                    store));
            if (!done.containsKey(c)) {
                for (int b = 0; b < blocksPerCell; b++) {
                    tasks.add(Block.of(c, b, runs));
                }
            }
        }
        long[] nanos = new long[cells.size()];
        execute(simulation, tasks, (block, moments, rows, spent) -> {
            int c = block.cell();
            synchronized (nanos) {
                nanos[c] += spent;
            }
            merges.get(c).offer(block.index(), moments, rows, () -> {
                synchronized (nanos) {
                    return nanos[c] / 1e9;
                }
            });
        }, (long) runs * done.size(), (long) runs * cells.size());
        List<Moments> result = new ArrayList<>();
        double[] seconds = new double[cells.size()];
        for (int c = 0; c < cells.size(); c++) {
            Result restored = done.get(c);
            result.add(restored != null ? restored.cells().get(0) : merges.get(c).total());
            seconds[c] = restored != null ? restored.cellSeconds()[0] : nanos[c] / 1e9;
        }
        return new Result(result, seconds);
    }

    /**
     * Runs the given blocks, each on its own, and hands each to {@code sink} as it finishes, in any
     * order (a shard of a distributed run: the merge of blocks is left to {@code kelvin merge}).
     * Failures and interruption behave as in {@link #run(Map, RunStore)}: blocks handed over before
     * them are kept by the sink, the others are not handed over.
     *
     * @param blocks the blocks to run, of this experiment's cells
     * @param sink told every finished block
     * @throws InterruptedException when interrupted
     * @throws ExperimentException when {@code sink} cannot keep a block, the progress listener fails
     *     or a run fails
     */
    public void runBlocks(List<Block> blocks, BlockSink sink) throws InterruptedException {
        long total = blocks.stream().mapToLong(Block::runs).sum();
        execute(Simulation.of(experiment), blocks, sink, 0, total);
    }

    /**
     * Simulates {@code tasks} on the pool, each block in run order into its own aggregates and rows,
     * handing each to {@code sink}; returns when all are done, or throws the first failure once the
     * workers have left.
     */
    private void execute(Simulation simulation, List<Block> tasks, BlockSink sink, long runsBefore, long totalRuns)
            throws InterruptedException {
        int columns = Simulation.runColumns(experiment);
        List<Cell> cells = experiment.cells();
        AtomicInteger nextTask = new AtomicInteger();
        AtomicLong runsDone = new AtomicLong(runsBefore);
        Failure failure = new Failure(simulation);

        Runnable worker = () -> {
            int task;
            while (!failure.happened() && (task = nextTask.getAndIncrement()) < tasks.size()) {
                Block block = tasks.get(task);
                Moments moments = new Moments(simulation.slots(), simulation.tallies());
                RunRows rows = new RunRows(columns, block.runs());
                long start = System.nanoTime();
                try {
                    simulation.runBlock(cells.get(block.cell()), block.from(), block.to(), moments, rows);
                } catch (RunStopped stopped) {
                    return;
                } catch (RuntimeException | Error e) {
                    failure.set(e);
                    return;
                }
                try {
                    sink.accept(block, moments, rows, System.nanoTime() - start);
                } catch (IOException e) {
                    failure.set(new ExperimentException("could not save finished runs: " + e.getMessage(), e));
                    return;
                } catch (RuntimeException | Error e) {
                    failure.set(e);
                    return;
                }
                try {
                    progress.runsDone(runsDone.addAndGet(block.runs()), totalRuns);
                } catch (RuntimeException | Error e) {
                    failure.set(new ExperimentException("the progress listener failed: "
                            + ExperimentException.describe(e), e));
                    return;
                }
            }
        };
        int n = Math.min(threads, Math.max(1, tasks.size()));
        List<Thread> pool = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(worker, "kelvin-worker-" + i);
            t.setDaemon(true);
            pool.add(t);
            t.start();
        }
        try {
            for (Thread t : pool) {
                t.join();
            }
        } catch (InterruptedException e) {
            failure.set(e);
            awaitStop(pool);
            throw e;
        }
        failure.rethrow();
    }

    /**
     * Waits a little for stopped workers to leave, so that a cell a worker is saving is saved whole
     * before the caller goes on (or the process exits); workers that still compute are daemons.
     */
    private static void awaitStop(List<Thread> pool) {
        long deadline = System.nanoTime() + STOP_GRACE_NANOS;
        try {
            for (Thread t : pool) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    t.join(Math.max(1, left / 1_000_000));
                }
            }
        } catch (InterruptedException again) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The first failure of any worker (or the caller's interruption); the first one stops the
     * simulation on every thread, and later ones, mostly consequences, are dropped.
     */
    private static final class Failure {
        private final AtomicReference<Throwable> first = new AtomicReference<>();
        private final Simulation simulation;

        Failure(Simulation simulation) {
            this.simulation = simulation;
        }

        boolean happened() {
            return first.get() != null;
        }

        void set(Throwable failure) {
            if (first.compareAndSet(null, failure)) {
                simulation.stop();
            }
        }

        void rethrow() {
            Throwable f = first.get();
            if (f instanceof RuntimeException r) {
                throw r;
            }
            if (f instanceof Error e) {
                throw e;
            }
        }
    }

    /** The compute seconds of a cell so far. */
    @FunctionalInterface
    private interface Seconds {
        double get();
    }

    /**
     * Merges a cell's blocks in block order, holding early arrivals until their turn, stores their
     * rows in the same order and tells the store when the cell is complete.
     */
    private static final class OrderedMerge {
        private final int cell;
        private final Moments total;
        private final int blocks;
        private final RunStore store;
        private final Map<Integer, Moments> waiting = new HashMap<>();
        private final Map<Integer, RunRows> waitingRows = new HashMap<>();
        private int next;

        OrderedMerge(int cell, Moments total, int blocks, RunStore store) {
            this.cell = cell;
            this.total = total;
            this.blocks = blocks;
            this.store = store;
        }

        synchronized void offer(int block, Moments moments, RunRows rows, Seconds seconds) throws IOException {
            waiting.put(block, moments);
            waitingRows.put(block, rows);
            Moments m;
            boolean merged = false;
            while ((m = waiting.remove(next)) != null) {
                store.append(cell, waitingRows.remove(next));
                total.merge(m);
                next++;
                merged = true;
            }
            if (merged && next == blocks) {
                store.finish(cell, total, seconds.get());
            }
        }

        synchronized Moments total() {
            if (next != blocks) {
                throw new IllegalStateException("cell " + cell + " has " + next + " of its " + blocks
                        + " blocks merged; its aggregates are incomplete");
            }
            return total;
        }
    }
}
