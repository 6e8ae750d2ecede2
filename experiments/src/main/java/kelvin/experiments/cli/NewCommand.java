package kelvin.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;
import kelvin.experiments.ExperimentException;
import kelvin.experiments.scaffold.Scaffold;
import kelvin.experiments.scaffold.ScaffoldException;
import kelvin.experiments.scaffold.ScaffoldKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kelvin new KIND NAME [--dir DIR]}: writes a ready-to-edit plug-in (its class with the
 * declaration and the contract of every method), configs comparing it with the built-ins that fit,
 * and a README with the commands that check and run it. It never overwrites a file.
 */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Write a ready-to-edit plug-in in the folder DIR/NAME: its Java class (named after NAME, "
                + "my-cooling gives MyCooling.java) with a working body and a TODO where your rule goes, configs "
                + "comparing it with the built-ins that fit, and a README with the commands that check and run it. "
                + "Never overwrites a file: exit 2 and nothing written when one exists.")
public final class NewCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", completionCandidates = Kinds.class,
            description = "What to write: ${COMPLETION-CANDIDATES}.")
    String kind;

    @Parameters(index = "1", paramLabel = "NAME",
            description = "The component's config name: lower-case words joined by hyphens, e.g. my-cooling; not a "
                    + "built-in's name.")
    String name;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where the folder NAME goes (default: the current "
            + "folder); created when missing.")
    Path dir = Path.of("");

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Scaffold scaffold = Scaffold.of(ScaffoldKind.of(kind), name, dir);
            for (Path p : scaffold.write()) {
                out.println("wrote " + p);
            }
            out.println("next: write your rule where " + scaffold.source() + " says TODO, then check and run it:");
            out.println("  " + scaffold.validateCommand());
            for (String run : scaffold.runCommands()) {
                out.println("  " + run);
            }
            out.flush();
            return 0;
        } catch (ScaffoldException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        } catch (IOException e) {
            String why = e instanceof AccessDeniedException ? "permission denied: " + e.getMessage()
                    : e instanceof FileAlreadyExistsException ? e.getMessage() + " is in the way"
                    : ExperimentException.describe(e);
            err.println("error: cannot write the files of " + name + " (" + why + "); nothing was left behind");
            err.flush();
            return 1;
        }
    }

    /** The kinds, for the help text and shell completion. */
    static final class Kinds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ScaffoldKind.words().iterator();
        }
    }
}
