package kelvin.experiments.cli;

import java.io.PrintWriter;
import java.nio.channels.ClosedByInterruptException;
import java.util.List;
import java.util.Locale;
import kelvin.experiments.ExperimentException;
import kelvin.experiments.Version;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.plugin.PluginException;
import kelvin.experiments.results.ResultData;
import kelvin.experiments.run.RunFailure;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command: lists the subcommands. It is neither {@code Runnable} nor {@code Callable}, so
 * picocli refuses a command line without a subcommand as bad usage ({@code Missing required
 * subcommand}, the usage on stderr, exit 2). The subcommands are declared in {@link #SUBCOMMANDS};
 * a command line for one named subcommand registers only that one, because building picocli's model
 * of every command (annotations read by reflection) is a noticeable part of a short run's start-up.
 * Every command that offers {@code --version} prints Kelvin's ({@link VersionProvider}).
 */
@Command(name = "kelvin",
        mixinStandardHelpOptions = true,
        versionProvider = KelvinCommand.VersionProvider.class,
        description = "Kelvin: a reinforcement-learning exploration sandbox (Boltzmann exploration, "
                + "temperature schedules, bandits).",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  failure while running", "  2  bad usage or invalid config"})
public final class KelvinCommand {

    /**
     * Every subcommand, in the order the usage lists them (picocli's built-in ones last: the bash/zsh
     * completion script and help).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            RunCommand.class,
            PlanCommand.class,
            MergeCommand.class,
            SlurmCommand.class,
            ValidateCommand.class,
            ListCommand.class,
            SoftmaxCommand.class,
            ScheduleCommand.class,
            SchemaCommand.class,
            SolveCommand.class,
            BenchCommand.class,
            PlotCommand.class,
            NewCommand.class,
            CompareCommand.class,
            PowerCommand.class,
            LabCommand.class,
            AutoComplete.GenerateCompletion.class,
            CommandLine.HelpCommand.class);

    /** Said after a failure whose stack trace may help. */
    private static final String DEBUG_HINT = " (run again with --debug for the stack trace)";

    /**
     * A configured command line with every subcommand, writing to {@code out} and {@code err}.
     *
     * @param out where results and help go
     * @param err where errors and progress go
     * @return the command line, ready to execute
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, SUBCOMMANDS);
    }

    /**
     * A command line for {@code args}: when the first argument names a subcommand only that
     * subcommand is registered, which parses and runs exactly as with all of them; otherwise (root
     * options, usage, a mistyped name) and for the commands that describe the others ({@code help},
     * {@code generate-completion}: picocli's help commands) every one is.
     *
     * @param out where results and help go
     * @param err where errors and progress go
     * @param args the arguments the command line will be executed with
     * @return the command line, ready to execute
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        if (args.length > 0) {
            for (Class<?> c : SUBCOMMANDS) {
                Command command = c.getAnnotation(Command.class);
                if (command.name().equals(args[0]) && !command.helpCommand()) {
                    return commandLine(out, err, List.of(c));
                }
            }
        }
        return commandLine(out, err);
    }

    private static CommandLine commandLine(PrintWriter out, PrintWriter err, List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new KelvinCommand());
        for (Class<?> c : subcommands) {
            cl.addSubcommand(c);
        }
        // a subcommand's -V, --version (mixinStandardHelpOptions) prints nothing without a provider
        VersionProvider version = new VersionProvider();
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(version);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(KelvinCommand::handle);
        return cl;
    }

    /**
     * Every failure becomes one line and an exit code: our own exceptions say what went wrong in the
     * user's terms (exit 2 for the config's or the command line's fault, 1 otherwise); anything
     * else is a bug, described in its own words and never by the name of its class, with
     * {@code --debug} for the stack trace.
     */
    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        CommandLine.ParseResult sub = parseResult.subcommand();
        boolean debug = parseResult.hasMatchedOption("--debug") || (sub != null && sub.hasMatchedOption("--debug"));
        if (debug) {
            e.printStackTrace(err);
        }
        int code = 1;
        if (e instanceof InterruptedException || interruptedWhileWriting(e)) {
            boolean run = sub != null && sub.commandSpec().name().equals("run");
            err.println("error: interrupted" + (run ? "; the variants that finished are saved in the results "
                    + "folder, and the same command with --resume computes only the rest" : ""));
        } else if (e instanceof ConfigException || e instanceof ResultData.BadResultsException
                || e instanceof PluginException) {
            err.println("error: " + e.getMessage());
            code = 2;
        } else if (e instanceof RunFailure) {
            err.println("error: " + e.getMessage() + (debug ? "" : DEBUG_HINT));
        } else if (e instanceof ExperimentException) {
            err.println("error: " + e.getMessage());
        } else {
            err.println("error: " + unexpected(e, debug));
        }
        err.flush();
        return code;
    }

    /**
     * Whether a failure is an interrupt (Ctrl-C) that reached the command inside a file operation,
     * which Java reports as {@link ClosedByInterruptException}: the same stop as an
     * {@link InterruptedException}, whatever wraps it.
     */
    private static boolean interruptedWhileWriting(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The line for a failure Kelvin did not expect: its own words, without class names.
     *
     * @param e the failure
     * @param debug whether its stack trace was printed
     * @return the text after {@code error: }
     */
    static String unexpected(Throwable e, boolean debug) {
        if (e instanceof OutOfMemoryError) {
            return outOfMemory(e);
        }
        return "unexpected failure: " + ExperimentException.describe(e) + (debug ? "" : DEBUG_HINT);
    }

    /** What ran out and how to give the JVM more. */
    private static String outOfMemory(Throwable e) {
        long max = Runtime.getRuntime().maxMemory();
        long gib = 1L << 30;
        long suggest = Math.max(1, (2 * max + gib - 1) / gib);
        String what = e.getMessage() == null ? "memory" : e.getMessage();
        return String.format(Locale.ROOT, "out of memory (%s) with a maximum heap of %d MB; give the JVM more, e.g. "
                + "JAVA_OPTS=-Xmx%dg ./kelvin ..., or make the experiment smaller", what, max >> 20, suggest);
    }

    /** Reads the version the build stamped into the jar. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"kelvin " + Version.get(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
