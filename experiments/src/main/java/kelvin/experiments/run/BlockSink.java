package kelvin.experiments.run;

import java.io.IOException;

/** Receives each simulated block, from the worker thread that ran it, in any order. */
@FunctionalInterface
public interface BlockSink {
    /**
     * One finished block.
     *
     * @param block which runs of which cell
     * @param moments the block's aggregates
     * @param rows the block's per-run values, in run order
     * @param nanos the compute time it took
     * @throws IOException when the block cannot be kept
     */
    void accept(Block block, Moments moments, RunRows rows, long nanos) throws IOException;
}
