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

    public static void main(String[] args) {
        System.exit(execute(args, writer(FileDescriptor.out), writer(FileDescriptor.err)));
    }

    /** Runs the command line with the given output writers and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return KelvinCommand.commandLine(out, err, args).execute(args);
    }

    private static PrintWriter writer(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
    }
}
