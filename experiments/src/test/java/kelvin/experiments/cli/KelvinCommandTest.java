package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The root registers one named subcommand alone, and every one for usage, help and typos. */
class KelvinCommandTest {
    private static final PrintWriter SINK = new PrintWriter(new StringWriter());

    @Test
    void aNamedSubcommandIsRegisteredAlone() {
        assertEquals(Set.of("run"), KelvinCommand.commandLine(SINK, SINK, new String[] {"run", "x.yaml"})
                .getSubcommands().keySet());
        assertEquals(Set.of("bench"), KelvinCommand.commandLine(SINK, SINK, new String[] {"bench"})
                .getSubcommands().keySet());
    }

    @Test
    void rootOptionsHelpAndTyposSeeEverySubcommand() {
        int all = KelvinCommand.SUBCOMMANDS.size();
        for (String[] args : List.of(new String[0], new String[] {"--version"}, new String[] {"help", "run"},
                new String[] {"rnu"})) {
            assertEquals(all, KelvinCommand.commandLine(SINK, SINK, args).getSubcommands().size(), String.join(" ", args));
        }
        Cli typo = Cli.run("rnu");
        assertEquals(2, typo.exit());
        assertTrue(typo.err().contains("validate") && typo.err().contains("bench"), typo.err());
        Cli help = Cli.run("help", "bench");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().contains("Usage: kelvin bench"), help.out());
    }
}
