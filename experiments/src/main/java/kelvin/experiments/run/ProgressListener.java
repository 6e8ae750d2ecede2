package kelvin.experiments.run;

/** Told how many runs have finished, from any worker thread. */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores progress. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * Told after a block of runs finishes.
     *
     * @param done runs finished so far, over all cells
     * @param total runs of the whole experiment
     */
    void runsDone(long done, long total);
}
