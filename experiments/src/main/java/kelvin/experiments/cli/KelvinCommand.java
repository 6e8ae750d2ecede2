package kelvin.experiments.cli;

import java.io.PrintWriter;
import java.util.List;
import kelvin.experiments.ExperimentException;
import kelvin.experiments.Version;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.plugin.PluginException;
import kelvin.experiments.results.ResultData;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command: lists the subcommands; with none, prints usage. The subcommands are declared in
 * {@link #SUBCOMMANDS}; a command line for one named subcommand registers only that one, because
 * building picocli's model of every command (annotations read by reflection) is a noticeable part of
 * a short run's start-up.
 */
@Command(name = "kelvin",
        mixinStandardHelpOptions = true,
        versionProvider = KelvinCommand.VersionProvider.class,
        description = "Kelvin: a reinforcement-learning exploration sandbox (Boltzmann exploration, "
                + "temperature schedules, bandits).",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  failure while running", "  2  bad usage or invalid config"})
public final class KelvinCommand implements Runnable {

    /** Every subcommand, in the order the usage lists them (the built-in help command last). */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            RunCommand.class,
            ValidateCommand.class,
            ListCommand.class,
            SoftmaxCommand.class,
            ScheduleCommand.class,
            SchemaCommand.class,
            SolveCommand.class,
            BenchCommand.class,
            PlotCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

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
     * A command line for {@code args}: when the first argument names a subcommand (other than
     * {@code help}) only that subcommand is registered, which parses and runs exactly as with all
     * of them; otherwise (root options, usage, {@code help}, a mistyped name) every one is.
     *
     * @param out where results and help go
     * @param err where errors and progress go
     * @param args the arguments the command line will be executed with
     * @return the command line, ready to execute
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        if (args.length > 0 && !args[0].equals("help")) {
            for (Class<?> c : SUBCOMMANDS) {
                if (c.getAnnotation(Command.class).name().equals(args[0])) {
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
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(KelvinCommand::handle);
        return cl;
    }

    /** Our own exceptions become one line and an exit code; anything else is a bug worth a trace. */
    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        boolean debug = parseResult.hasMatchedOption("--debug")
                || (parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--debug"));
        if (debug) {
            e.printStackTrace(err);
        }
        if (e instanceof ConfigException || e instanceof ResultData.BadResultsException
                || e instanceof PluginException) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        }
        if (e instanceof ExperimentException) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        }
        if (!debug) {
            err.println("error: " + e + " (run again with --debug for the stack trace)");
        }
        err.flush();
        return 1;
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
