package kelvin.experiments.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import kelvin.experiments.run.ProgressListener;
import kelvin.experiments.run.Runner;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressState;

/**
 * A progress bar on the command's error writer (me.tongfei:progressbar redraws it on its own
 * thread) that appears only once a run has lasted a second, so quick runs stay quiet. Updated from
 * worker threads. The text comes from {@link Line}, timed from the start of the run by one clock:
 * the library's own timing starts when the bar appears and counts whole seconds only.
 */
final class ProgressDisplay implements ProgressListener, AutoCloseable {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final int WIDTH = 100;

    private final PrintWriter err;
    private final Line line;
    private final int redrawMillis;
    private ProgressBar bar;
    private Consumer consumer;
    private long done;
    private boolean closed;

    ProgressDisplay(PrintWriter err, String task) {
        this(err, task, System::nanoTime, System.console() != null ? 200 : 2000);
    }

    /**
     * @param err where the bar is drawn
     * @param task the name at the start of the line
     * @param nanoTime the clock, in nanoseconds
     * @param redrawMillis how often the bar is redrawn, also when no run has finished
     */
    ProgressDisplay(PrintWriter err, String task, LongSupplier nanoTime, int redrawMillis) {
        this.err = err;
        this.line = new Line(task, nanoTime);
        this.redrawMillis = redrawMillis;
    }

    @Override
    public synchronized void runsDone(long done, long total) {
        // Worker threads count and report separately, so a lower count can arrive after a higher one.
        if (closed || done <= this.done) {
            return;
        }
        this.done = done;
        line.runsDone(done, total);
        if (bar == null) {
            if (line.elapsedNanos() < SHOW_AFTER_NANOS || done >= total) {
                return;
            }
            consumer = new Consumer(err, WIDTH);
            bar = new ProgressBarBuilder()
                    .setInitialMax(total)
                    .startsFrom(done, Duration.ZERO)
                    .setRenderer(line)
                    .setUpdateIntervalMillis(redrawMillis)
                    .continuousUpdate()
                    .setConsumer(consumer)
                    .build();
        }
        bar.stepTo(done);
        if (done >= total) {
            // Writing the results can take a while longer; the bar stops with the runs.
            close();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (bar != null) {
            bar.close();
            // The library skips ending the line when the bar closes before its first redraw.
            consumer.close();
        }
    }

    /**
     * One line of progress: {@code name  42% [======      ]  840/2000  64 runs/s  0:13 elapsed  0:18 left}.
     * The rate counts the runs this process has done since it started, so a resumed run's reused
     * runs do not inflate it; {@code ?} stands for a rate not known yet.
     */
    static final class Line implements ProgressBarRenderer {
        private static final int MIN_BAR = 10;
        private static final int MAX_BAR = 40;
        /** Room kept for the rate and times, so the bar does not change length when they do. */
        private static final int TIMES = 42;

        private final String task;
        private final LongSupplier nanoTime;
        private final long start;
        private long reused = -1;
        private long finished = -1;

        Line(String task, LongSupplier nanoTime) {
            this.task = task;
            this.nanoTime = nanoTime;
            this.start = nanoTime.getAsLong();
        }

        /** Told the number of runs finished so far, in increasing order; the times stop at the last run. */
        synchronized void runsDone(long done, long total) {
            if (reused < 0) {
                // The first report covers one block of this process's runs, plus every run a resume reuses.
                reused = Math.max(0, done - Runner.BLOCK);
            }
            if (done >= total && finished < 0) {
                finished = elapsedNanos();
            }
        }

        synchronized long elapsedNanos() {
            return finished >= 0 ? finished : nanoTime.getAsLong() - start;
        }

        @Override
        public String render(ProgressState progress, int maxLength) {
            return text(progress.getCurrent(), progress.getMax(), maxLength);
        }

        /** The whole line, at most {@code width} characters, shortening the name when it must. */
        String text(long done, long total, int width) {
            String percent = String.format(Locale.ROOT, "%3d%%", total > 0 ? 100 * done / total : 0);
            String count = String.valueOf(total);
            String times = times(done, total);
            String after = "] " + " ".repeat(Math.max(0, count.length() - String.valueOf(done).length())) + done
                    + "/" + count + "  " + times;
            int fixed = 1 + percent.length() + 2 + after.length() + Math.max(0, TIMES - times.length());
            String name = task.length() + fixed + MIN_BAR <= width ? task
                    : task.substring(0, Math.max(0, width - fixed - MIN_BAR - 3)) + "...";
            int bar = Math.max(MIN_BAR, Math.min(MAX_BAR, width - fixed - name.length()));
            int filled = total > 0 ? (int) Math.min(bar, bar * done / total) : 0;
            return name + " " + percent + " [" + "=".repeat(filled) + " ".repeat(bar - filled) + after;
        }

        /** Runs per second, time elapsed and time left: {@code 64 runs/s  0:13 elapsed  0:18 left}. */
        synchronized String times(long done, long total) {
            long nanos = elapsedNanos();
            String elapsed = clock(nanos / 1_000_000_000L) + " elapsed";
            long ran = done - Math.max(0, reused);
            if (reused < 0 || ran <= 0 || nanos <= 0) {
                return "? runs/s  " + elapsed + "  ? left";
            }
            double perSecond = ran / (nanos / 1e9);
            long left = (long) Math.ceil((total - done) / perSecond);
            return new BigDecimal(perSecond).round(new MathContext(3)).toPlainString() + " runs/s  " + elapsed
                    + "  " + clock(left) + " left";
        }

        /** M:SS, or H:MM:SS from an hour on. */
        private static String clock(long seconds) {
            return seconds < 3600 ? String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60)
                    : String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        }
    }

    /** Redraws one line in place with a carriage return. */
    private static final class Consumer implements ProgressBarConsumer {
        private final PrintWriter err;
        private final int width;
        private int last;
        private boolean ended;

        Consumer(PrintWriter err, int width) {
            this.err = err;
            this.width = width;
        }

        @Override
        public int getMaxRenderedLength() {
            return width;
        }

        @Override
        public synchronized void accept(String rendered) {
            // A line shorter than the one before it overwrites that line's tail with blanks.
            err.print('\r');
            err.print(rendered);
            err.print(" ".repeat(Math.max(0, last - rendered.length())));
            last = rendered.length();
            err.flush();
        }

        @Override
        public synchronized void clear() {
            err.print('\r');
            err.print(" ".repeat(width));
            err.print('\r');
            err.flush();
        }

        @Override
        public synchronized void close() {
            if (!ended) {
                ended = true;
                err.println();
                err.flush();
            }
        }
    }
}
