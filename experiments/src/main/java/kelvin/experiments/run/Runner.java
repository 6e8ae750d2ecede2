package kelvin.experiments.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;

/**
 * Runs every cell of an experiment on a pool of threads and returns one {@link Moments} per cell.
 *
 * <p>Work is cut into blocks of {@link #BLOCK} consecutive runs of one cell, a partition that does
 * not depend on the thread count. Each block is simulated in run order into its own
 * {@link Moments}; blocks of a cell are merged strictly in block order, whichever thread finishes
 * first. With every random stream a function of (seed, cell, run), the resulting bytes are the same
 * for any number of threads.
 */
public final class Runner {
    /** Runs per block: small enough to balance threads, large enough that merging costs nothing. */
    public static final int BLOCK = 64;

    private final Experiment experiment;
    private final int threads;
    private final ProgressListener progress;

    public Runner(Experiment experiment, int threads, ProgressListener progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.experiment = experiment;
        this.threads = threads;
        this.progress = progress;
    }

    /** Per-cell results, in cell order, with the compute seconds each cell took. */
    public record Result(List<Moments> cells, double[] cellSeconds) {
    }

    /** Told, from a worker thread, when a cell's last block has been merged. */
    @FunctionalInterface
    public interface CellListener {
        CellListener NONE = (index, moments, seconds) -> { };

        void cellDone(int index, Moments moments, double seconds) throws java.io.IOException;
    }

    /** Runs every cell. */
    public Result run() throws InterruptedException {
        return run(java.util.Map.of(), CellListener.NONE);
    }

    /**
     * Runs the cells not in {@code done} (finished cells restored from disk, with their seconds)
     * and tells {@code listener} about each cell it finishes.
     */
    public Result run(java.util.Map<Integer, Result> done, CellListener listener) throws InterruptedException {
        List<Cell> cells = experiment.cells();
        int runs = experiment.runs();
        int blocksPerCell = (runs + BLOCK - 1) / BLOCK;
        Simulation simulation = Simulation.of(experiment);
        List<OrderedMerge> merges = new ArrayList<>();
        int[] todo = cells.stream().mapToInt(Cell::index).filter(i -> !done.containsKey(i)).toArray();
        for (int c = 0; c < cells.size(); c++) {
            merges.add(new OrderedMerge(new Moments(simulation.slots(), simulation.tallies(), Simulation.runColumns(experiment)), blocksPerCell));
        }
        int tasks = todo.length * blocksPerCell;
        long[] nanos = new long[cells.size()];
        AtomicInteger nextTask = new AtomicInteger();
        AtomicLong runsDone = new AtomicLong((long) runs * (cells.size() - todo.length));
        long totalRuns = (long) runs * cells.size();
        AtomicReference<Throwable> failure = new AtomicReference<>();

        Runnable worker = () -> {
            int task;
            while (failure.get() == null && (task = nextTask.getAndIncrement()) < tasks) {
                int c = todo[task / blocksPerCell];
                int block = task % blocksPerCell;
                int from = block * BLOCK;
                int to = Math.min(runs, from + BLOCK);
                Moments moments = new Moments(simulation.slots(), simulation.tallies(), Simulation.runColumns(experiment));
                long start = System.nanoTime();
                try {
                    simulation.runBlock(cells.get(c), from, to, moments);
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                    return;
                }
                long spent = System.nanoTime() - start;
                synchronized (nanos) {
                    nanos[c] += spent;
                }
                try {
                    if (merges.get(c).offer(block, moments)) {
                        double seconds;
                        synchronized (nanos) {
                            seconds = nanos[c] / 1e9;
                        }
                        listener.cellDone(c, merges.get(c).total(), seconds);
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                    return;
                }
                progress.runsDone(runsDone.addAndGet(to - from), totalRuns);
            }
        };
        int n = Math.min(threads, Math.max(1, tasks));
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
            failure.compareAndSet(null, e);
            for (Thread t : pool) {
                t.interrupt();
            }
            throw e;
        }
        Throwable f = failure.get();
        if (f instanceof java.io.IOException) {
            throw new kelvin.experiments.ExperimentException("could not save a finished cell: " + f.getMessage(), f);
        }
        if (f instanceof RuntimeException) {
            throw (RuntimeException) f;
        }
        if (f instanceof Error) {
            throw (Error) f;
        }
        List<Moments> result = new ArrayList<>();
        double[] seconds = new double[cells.size()];
        for (int c = 0; c < cells.size(); c++) {
            Result restored = done.get(c);
            result.add(restored != null ? restored.cells().get(0) : merges.get(c).total());
            seconds[c] = restored != null ? restored.cellSeconds()[0] : nanos[c] / 1e9;
        }
        return new Result(result, seconds);
    }

    /** Merges a cell's blocks in block order, holding early arrivals until their turn. */
    private static final class OrderedMerge {
        private final Moments total;
        private final int blocks;
        private final Map<Integer, Moments> waiting = new HashMap<>();
        private int next;

        OrderedMerge(Moments total, int blocks) {
            this.total = total;
            this.blocks = blocks;
        }

        /** Adds a block; true when this completed the cell. */
        synchronized boolean offer(int block, Moments moments) {
            waiting.put(block, moments);
            Moments m;
            boolean merged = false;
            while ((m = waiting.remove(next)) != null) {
                total.merge(m);
                next++;
                merged = true;
            }
            return merged && next == blocks;
        }

        synchronized Moments total() {
            if (!waiting.isEmpty()) {
                throw new IllegalStateException("blocks missing before " + waiting.keySet());
            }
            return total;
        }
    }
}
