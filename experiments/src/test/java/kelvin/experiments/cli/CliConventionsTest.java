package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/**
 * The command line keeps picocli's conventions: every {@code -V, --version} a help page lists works,
 * a missing subcommand is bad usage, the completion script knows every command, and a shorthand
 * option's bad value is reported under the option's name.
 */
class CliConventionsTest {
    private static final String QUICKSTART = CliTest.QUICKSTART;

    @TempDir
    Path tmp;

    /** The names of {@link KelvinCommand#SUBCOMMANDS}, in order. */
    private static List<String> subcommands() {
        List<String> names = new ArrayList<>();
        for (Class<?> c : KelvinCommand.SUBCOMMANDS) {
            names.add(c.getAnnotation(Command.class).name());
        }
        return names;
    }

    @Test
    void everySubcommandListingVersionPrintsKelvinsVersion() {
        Cli root = Cli.run("--version");
        assertEquals(0, root.exit(), root.err());
        assertTrue(root.out().startsWith("kelvin "), root.out());
        List<String> listing = new ArrayList<>();
        for (String name : subcommands()) {
            Cli help = Cli.run(name, "--help");
            assertEquals(0, help.exit(), name + ": " + help.err());
            if (!help.out().contains("-V, --version")) {
                continue;
            }
            listing.add(name);
            Cli v = Cli.run(name, "--version");
            assertEquals(0, v.exit(), name + ": " + v.err());
            assertEquals(root.out(), v.out(), "kelvin " + name + " --version");
            assertEquals("", v.err(), name);
        }
        // only picocli's help command has no --version: it lists -h alone
        List<String> expected = new ArrayList<>(subcommands());
        expected.remove("help");
        assertEquals(expected, listing);
    }

    @Test
    void noSubcommandIsBadUsageAndHelpIsNot() {
        Cli bare = Cli.run();
        assertEquals(2, bare.exit());
        assertEquals("", bare.out());
        assertTrue(bare.err().startsWith("Missing required subcommand\nUsage: kelvin "), bare.err());
        assertTrue(bare.err().contains("Exit codes:"), bare.err());
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"help"})) {
            Cli h = Cli.run(args);
            assertEquals(0, h.exit(), String.join(" ", args) + ": " + h.err());
            assertTrue(h.out().startsWith("Usage: kelvin "), h.out());
            assertEquals("", h.err());
        }
    }

    @Test
    void completionScriptCompletesEverySubcommandAndItsOptions() throws IOException, InterruptedException {
        Cli r = Cli.run("generate-completion");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("complete -F _complete_kelvin"), r.out());
        for (String name : subcommands()) {
            assertTrue(r.out().contains("(" + name + ")"), name + " is not in the completion script");
        }
        Path script = tmp.resolve("kelvin-completion.bash");
        Files.writeString(script, r.out());
        assertEquals(subcommands(), complete(script, "./kelvin", ""));
        assertEquals(List.of("--runs"), complete(script, "./kelvin", "run", "--ru"));
        assertEquals(List.of("--markdown"), complete(script, "kelvin", "list", "--mark"));
    }

    /** What bash completes for the last of {@code words} once {@code script} is sourced. */
    private static List<String> complete(Path script, String... words) throws IOException, InterruptedException {
        String call = "source \"$0\" 2>/dev/null; COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); COMP_LINE=\"$*\"; "
                + "_complete_kelvin; printf '%s\\n' \"${COMPREPLY[@]}\"";
        List<String> command = new ArrayList<>(List.of("bash", "-c", call, script.toString()));
        command.addAll(List.of(words));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException noBash) {
            Assumptions.abort("bash is not installed");
            return List.of();
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "bash did not finish");
        assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return out.lines().filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void readmeShowsEveryCommandAndHowToLoadCompletion() throws IOException {
        String readme = Files.readString(Paths.get("..", "README.md"));
        String section = readme.substring(readme.indexOf("## Command line"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        for (String name : subcommands()) {
            if (!name.equals("help")) {
                assertTrue(section.contains("| `kelvin " + name), name + " is not in the README's command table");
            }
        }
        assertTrue(section.contains("source <(./kelvin generate-completion)"), section);
    }

    @Test
    void aShorthandOptionsBadValueNamesTheOption() {
        assertOneLine(Cli.run("run", QUICKSTART, "--runs", "0"),
                "error: --runs: 0 is out of range; expected a whole number from 1 to 10000000");
        assertOneLine(Cli.run("run", QUICKSTART, "--seed", "-1"),
                "error: --seed: -1 is out of range; expected a whole number >= 0");
        // the shorthand wins over a --set of the same key, so the value at fault is the option's
        assertOneLine(Cli.run("run", QUICKSTART, "--set", "runs=5", "--runs", "0"),
                "error: --runs: 0 is out of range; expected a whole number from 1 to 10000000");
        // a --set keeps its own name, whatever shorthands are given
        assertOneLine(Cli.run("run", QUICKSTART, "--set", "runs=0", "--seed", "3"),
                "error: --set runs:1:1: runs: 0 is out of range; expected a whole number from 1 to 10000000");
        assertOneLine(Cli.run("run", QUICKSTART, "--runs", "5", "--set", "seed=-1"),
                "error: --set seed:1:1: seed: -1 is out of range; expected a whole number >= 0");
    }

    private static void assertOneLine(Cli r, String expected) {
        assertEquals(2, r.exit(), r.err());
        assertEquals(expected + "\n", r.err());
        assertEquals("", r.out());
    }
}
