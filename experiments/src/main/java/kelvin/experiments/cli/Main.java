package kelvin.experiments.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code kelvin} command line: turns the outcome into the process's exit status, nothing else. */
public final class Main {

    private Main() {
    }

    /**
     * Runs {@code kelvin} with the process's standard output and error, and exits with the command's
     * code: 0 success, 1 failure while running, 2 bad usage or invalid config.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(execute(args, writer(FileDescriptor.out), writer(FileDescriptor.err)));
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
        return KelvinCommand.commandLine(out, err, args).execute(args);
    }

    private static PrintWriter writer(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
    }
}
