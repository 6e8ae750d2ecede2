package kelvin.experiments.cli;

import java.io.PrintWriter;
import kelvin.experiments.run.ProgressListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on the command's error writer (me.tongfei:progressbar) that appears only once a
 * run has lasted a second, so quick runs stay quiet. Updated from worker threads.
 */
final class ProgressDisplay implements ProgressListener, AutoCloseable {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;

    private final PrintWriter err;
    private final String task;
    private final long start = System.nanoTime();
    private ProgressBar bar;
    private boolean closed;

    ProgressDisplay(PrintWriter err, String task) {
        this.err = err;
        this.task = task;
    }

    @Override
    public synchronized void runsDone(long done, long total) {
        if (closed) {
            return;
        }
        if (bar == null) {
            if (System.nanoTime() - start < SHOW_AFTER_NANOS || done >= total) {
                return;
            }
            bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(total)
                    .setUnit(" runs", 1)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(System.console() != null ? 200 : 2000)
                    .setConsumer(new Consumer(err))
                    .showSpeed()
                    .build();
        }
        bar.stepTo(done);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (bar != null) {
            bar.close();
        }
    }

    /** Redraws one line in place with a carriage return. */
    private static final class Consumer implements ProgressBarConsumer {
        private final PrintWriter err;

        Consumer(PrintWriter err) {
            this.err = err;
        }

        @Override
        public int getMaxRenderedLength() {
            return 100;
        }

        @Override
        public void accept(String rendered) {
            err.print('\r');
            err.print(rendered);
            err.flush();
        }

        @Override
        public void clear() {
            err.print('\r');
            err.print(" ".repeat(getMaxRenderedLength()));
            err.print('\r');
            err.flush();
        }

        @Override
        public void close() {
            err.println();
            err.flush();
        }
    }
}
