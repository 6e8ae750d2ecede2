package kelvin.experiments.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** The {@code kelvin} command line: turns the outcome into the process's exit status, nothing else. */
public final class Main {

    /** How long a signalled command has to stop before the JVM halts. */
    private static final long GRACE_MILLIS = 2000;

    private Main() {
    }

    /**
     * Runs {@code kelvin} with the process's standard output and error, and exits with the command's
     * code: 0 success, 1 failure while running, 2 bad usage or invalid config.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(stoppableBySignal(() -> execute(args, writer(FileDescriptor.out), writer(FileDescriptor.err))));
    }

    /**
     * Runs the command so that SIGTERM or Ctrl-C stops it promptly and cleanly: a shutdown hook
     * interrupts the command's thread (a run then stops its workers, keeping the finished cells, and
     * says so) and gives the command {@link #GRACE_MILLIS} to return before the JVM halts. Files are
     * written to a temporary name and renamed, so one cut short is never seen half-written.
     */
    private static int stoppableBySignal(IntSupplier command) {
        Thread commandThread = Thread.currentThread();
        CountDownLatch returned = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            commandThread.interrupt();
            try {
                returned.await(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kelvin-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return command.getAsInt();
        } finally {
            returned.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: the JVM halts once it returns
            }
        }
    }

    /**
     * Runs the command line with the given output writers, as {@link #main} does without exiting.
     *
     * @param args the command line
     * @param out where results and help go
     * @param err where errors and progress go
     * @return the exit code: 0 success, 1 failure while running, 2 bad usage or invalid config
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return KelvinCommand.commandLine(out, err, args).execute(args);
        } catch (Error e) {
            // picocli hands exceptions to KelvinCommand's handler but lets errors through
            boolean debug = Arrays.asList(args).contains("--debug");
            if (debug) {
                e.printStackTrace(err);
            }
            err.println("error: " + KelvinCommand.unexpected(e, debug));
            err.flush();
            return 1;
        }
    }

    private static PrintWriter writer(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
    }
}
