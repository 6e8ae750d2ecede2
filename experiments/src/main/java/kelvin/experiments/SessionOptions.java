package kelvin.experiments;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import kelvin.experiments.run.ProgressListener;

/**
 * How an {@link ExperimentSession} runs: threads, progress, and whether (and where) it writes a
 * results folder. None of it changes a number.
 *
 * @param threads worker threads, at least 1; results are identical for any count
 * @param progress told as runs finish, from worker threads
 * @param notices told one-line notes for the user (e.g. how many cells a resume reuses)
 * @param out the results folder to write, or null to keep everything in memory
 * @param resume reuse the finished cells of {@code out} whose config still matches
 * @param force replace the results in {@code out} even if they are another config's (Kelvin's files of the
 *              old run are deleted before anything new is written)
 * @param plots draw the charts and report.html into {@code out}
 */
public record SessionOptions(int threads, ProgressListener progress, Consumer<String> notices, Path out,
                             boolean resume, boolean force, boolean plots) {

    /**
     * Checks the options.
     *
     * @param threads worker threads, at least 1; results are identical for any count
     * @param progress told as runs finish, from worker threads
     * @param notices told one-line notes for the user (e.g. how many cells a resume reuses)
     * @param out the results folder to write, or null to keep everything in memory
     * @param resume reuse the finished cells of {@code out} whose config still matches
     * @param force replace the results in {@code out} even if they are another config's (Kelvin's files of
     *              the old run are deleted before anything new is written)
     * @param plots draw the charts and report.html into {@code out}
     * @throws IllegalArgumentException if {@code threads < 1}
     * @throws NullPointerException if {@code progress} or {@code notices} is null
     */
    public SessionOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(notices, "notices");
    }

    /**
     * In memory, on every core, silently: what a program calling Kelvin usually wants.
     *
     * @return options with no results folder, no progress and notes dropped
     */
    public static SessionOptions inMemory() {
        return new SessionOptions(Runtime.getRuntime().availableProcessors(), ProgressListener.NONE, note -> { },
                null, false, false, false);
    }

    /**
     * The same options with another thread count.
     *
     * @param n worker threads, at least 1
     * @return a copy with {@code n} threads
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public SessionOptions withThreads(int n) {
        return new SessionOptions(n, progress, notices, out, resume, force, plots);
    }

    /**
     * The same options writing a results folder.
     *
     * @param dir the folder; its files go directly into it
     * @param drawPlots whether to draw the charts and report.html
     * @return a copy writing to {@code dir}
     * @throws NullPointerException if {@code dir} is null
     */
    public SessionOptions writingTo(Path dir, boolean drawPlots) {
        return new SessionOptions(threads, progress, notices, Objects.requireNonNull(dir, "dir"), resume, force,
                drawPlots);
    }

    /**
     * The same options, reusing finished cells of the folder and/or overwriting another config's.
     *
     * @param resumeCells reuse finished cells whose config still matches
     * @param overwrite write even over another config's results
     * @return a copy with these folder rules
     */
    public SessionOptions withFolderPolicy(boolean resumeCells, boolean overwrite) {
        return new SessionOptions(threads, progress, notices, out, resumeCells, overwrite, plots);
    }

    /**
     * The same options, reporting progress and notes.
     *
     * @param listener told as runs finish
     * @param notes told one-line notes
     * @return a copy that tells {@code listener} and {@code notes}
     * @throws NullPointerException if either is null
     */
    public SessionOptions reportingTo(ProgressListener listener, Consumer<String> notes) {
        return new SessionOptions(threads, listener, notes, out, resume, force, plots);
    }
}
