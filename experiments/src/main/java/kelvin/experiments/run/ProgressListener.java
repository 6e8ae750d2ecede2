package kelvin.experiments.run;

/** Told how many runs have finished, from any worker thread. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> { };

    void runsDone(long done, long total);
}
