package kelvin.spark;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import kelvin.experiments.ExperimentException;
import kelvin.experiments.config.ConfigException;

/**
 * {@code spark-submit --class kelvin.spark.SparkMain kelvin-spark.jar run CONFIG --out DIR
 * [--blocks-per-partition N] [--no-plots]}: runs an experiment's blocks as Spark tasks and writes
 * the results folder {@code kelvin run} writes, with the same bytes. Exit 0 on success, 1 on a
 * failure while running, 2 on bad usage or an invalid config (one line, no stack trace).
 */
public final class SparkMain {
    private static final String USAGE = "usage: spark-submit --class " + SparkMain.class.getName()
            + " kelvin-spark.jar run CONFIG --out DIR [--blocks-per-partition N] [--no-plots]";

    private SparkMain() {
    }

    /**
     * Runs the command with the process's standard output and error, and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(execute(args, writer(FileDescriptor.out), writer(FileDescriptor.err)));
    }

    /**
     * Runs the command line with the given writers, as {@link #main} does without exiting; the
     * Spark master comes from spark-submit (or {@code spark.master}).
     *
     * @param args the command line
     * @param out where the summary goes
     * @param err where errors and notes go
     * @return the exit code
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        SparkRun.Options options;
        try {
            options = parse(List.of(args));
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            err.flush();
            return 2;
        }
        try {
            return SparkRun.run(options, out, err);
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        } catch (ExperimentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        } catch (IOException e) {
            err.println("error: could not write results to " + options.out() + ": " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    static SparkRun.Options parse(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("run")) {
            throw new IllegalArgumentException("the only command is run");
        }
        Path config = null;
        Path outDir = null;
        int perPartition = 1;
        boolean plots = true;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--out" -> outDir = Path.of(value(args, ++i, a));
                case "--no-plots" -> plots = false;
                case "--blocks-per-partition" -> {
                    String v = value(args, ++i, a);
                    try {
                        perPartition = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        perPartition = 0;
                    }
                    if (perPartition < 1) {
                        throw new IllegalArgumentException("--blocks-per-partition: '" + v
                                + "' is not a whole number of at least 1");
                    }
                }
                default -> {
                    if (a.startsWith("-") || config != null) {
                        throw new IllegalArgumentException("unknown option or extra argument '" + a + "'");
                    }
                    config = Path.of(a);
                }
            }
        }
        if (config == null) {
            throw new IllegalArgumentException("missing CONFIG");
        }
        if (outDir == null) {
            throw new IllegalArgumentException("missing --out DIR");
        }
        return new SparkRun.Options(config, outDir, perPartition, plots);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static PrintWriter writer(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
    }
}
