package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kelvin new}: every kind's scaffold passes the check its README gives and runs as written
 * through the commands it prints; a name that is malformed, a built-in's or a type the template
 * uses, an unknown kind and any file in the way are refused with one line, exit 2 and nothing
 * written.
 */
class NewCommandTest {

    @TempDir
    Path tmp;

    /** The commands {@code kelvin new} printed after "next:", without their indent. */
    private static List<String> nextCommands(Cli made) {
        return made.out().lines().filter(l -> l.startsWith("  ./kelvin ")).map(String::strip).toList();
    }

    /** A printed command as the argument list of the in-process command line, plus extra arguments. */
    private static String[] args(String command, String... extra) {
        assertFalse(command.contains("'"), "the temporary folder needs no quoting: " + command);
        List<String> words = new ArrayList<>(List.of(command.split(" ")));
        assertEquals("./kelvin", words.remove(0), command);
        words.addAll(List.of(extra));
        return words.toArray(new String[0]);
    }

    private static List<String> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /** Exit 2, nothing on stdout, one line on stderr that says {@code expected}. */
    private static void assertRefused(Cli r, String expected) {
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("", r.out());
        String err = r.err();
        assertTrue(err.startsWith("error: ") && err.endsWith("\n") && err.indexOf('\n') == err.length() - 1,
                "one line: " + err);
        assertTrue(err.contains(expected), err);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "schedule, my-cooling, MyCooling, 'testbed.yaml four-rooms.yaml', summary.csv, '\nmy-cooling,'",
        "policy, my-policy, MyPolicy, testbed.yaml, summary.csv, '\nmy-policy,regret,'",
        "bandit-agent, my-ucb, MyUcb, testbed.yaml, summary.csv, '\nmy-ucb,regret,'",
        "tabular-agent, my-learner, MyLearner, cliff-walking.yaml, summary.csv, '\nmy-learner,return,'",
        "environment, my-arms, MyArms, agents.yaml, config.yaml, 'type: my-arms'",
        "metric, arms-tried, ArmsTried, testbed.yaml, summary.csv, ',arms-tried,'"})
    void everyKindsScaffoldPassesItsCheckAndRunsAsWritten(String kind, String name, String className,
            String configs, String resultFile, String resultText) throws IOException {
        Path dir = tmp.resolve("course/week-1");
        Cli made = Cli.run("new", kind, name, "--dir", dir.toString());
        assertEquals(0, made.exit(), made.err());
        assertEquals("", made.err());

        Path folder = dir.resolve(name);
        int configCount = configs.split(" ").length;
        List<String> expected = new ArrayList<>(List.of(className + ".java", "README.md"));
        expected.addAll(List.of(configs.split(" ")));
        assertEquals(expected.stream().sorted().toList(), filesUnder(folder));
        for (String f : expected) {
            assertTrue(made.out().contains("wrote " + folder.resolve(f) + "\n"), made.out());
            assertFalse(Files.readString(folder.resolve(f)).contains("{{"), f + " keeps a placeholder");
        }
        String source = Files.readString(folder.resolve(className + ".java"));
        assertTrue(source.contains("public final class " + className + " implements "), source);
        assertTrue(source.contains("public static final class Declaration extends Component<"), source);
        assertTrue(source.contains("\"" + name + "\"") && source.contains("// TODO"), source);
        assertTrue(source.contains("Contract:"), "each method states its contract");

        // what it printed is what the README says, and it works as written
        List<String> commands = nextCommands(made);
        String readme = Files.readString(folder.resolve("README.md"));
        assertEquals(1 + configCount, commands.size(), made.out());
        for (String c : commands) {
            assertTrue(readme.contains("\n" + c + "\n"), c + " is not in the README:\n" + readme);
        }
        assertTrue(commands.get(0).startsWith("./kelvin validate "), commands.get(0));
        Cli check = Cli.run(args(commands.get(0)));
        assertEquals(0, check.exit(), check.err());
        assertEquals(configCount, check.out().lines().filter(l -> l.startsWith("ok: ")).count(), check.out());

        boolean plots = kind.equals("metric");
        for (int i = 1; i < commands.size(); i++) {
            Path out = tmp.resolve("results-" + i);
            List<String> extra = new ArrayList<>(List.of("--runs", "3", "--out", out.toString(), "--quiet"));
            if (!plots) {
                extra.add("--no-plots");
            }
            Cli run = Cli.run(args(commands.get(i), extra.toArray(new String[0])));
            assertEquals(0, run.exit(), commands.get(i) + ": " + run.err());
            List<String> files = new ArrayList<>(List.of("manifest.json", "config.yaml", "summary.csv", "curves.csv",
                    "runs.csv"));
            if (plots) {
                files.add("report.html");
            }
            for (String f : files) {
                assertTrue(Files.isRegularFile(out.resolve(f)), f + " after " + commands.get(i));
            }
            assertTrue(Files.readString(out.resolve(resultFile)).contains(resultText),
                    resultFile + " lacks " + resultText.strip() + " after " + commands.get(i));
        }
        if (plots) {
            assertTrue(Files.size(tmp.resolve("results-1/plots/" + name + ".png")) > 0, "the metric's own chart");
        }
    }

    @Test
    void aSecondNewOfTheSameNameIsRefusedAndTheEditedFilesStay() throws IOException {
        assertEquals(0, Cli.run("new", "schedule", "my-cooling", "--dir", tmp.toString()).exit());
        Path source = tmp.resolve("my-cooling/MyCooling.java");
        Files.writeString(source, "// the student's work\n");
        List<String> before = filesUnder(tmp);

        Cli again = Cli.run("new", "schedule", "my-cooling", "--dir", tmp.toString());
        assertRefused(again, source + ", " + tmp.resolve("my-cooling/testbed.yaml") + ", "
                + tmp.resolve("my-cooling/four-rooms.yaml") + " and " + tmp.resolve("my-cooling/README.md")
                + " exist; kelvin new never overwrites a file");
        assertEquals("// the student's work\n", Files.readString(source));
        assertEquals(before, filesUnder(tmp));
    }

    @Test
    void oneFileInTheWayStopsEveryFileFromBeingWritten() throws IOException {
        Path readme = tmp.resolve("my-ucb/README.md");
        Files.createDirectories(readme.getParent());
        Files.writeString(readme, "notes\n");

        assertRefused(Cli.run("new", "bandit-agent", "my-ucb", "--dir", tmp.toString()),
                readme + " exists; kelvin new never overwrites a file: move it away, or choose another NAME or --dir");
        assertEquals(List.of("README.md"), filesUnder(readme.getParent()));
        assertEquals("notes\n", Files.readString(readme));
    }

    @Test
    void aDanglingLinkCountsAsAFileInTheWay() throws IOException {
        Path link = tmp.resolve("my-policy/testbed.yaml");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, tmp.resolve("nowhere.yaml"));

        assertRefused(Cli.run("new", "policy", "my-policy", "--dir", tmp.toString()), link + " exists");
        assertFalse(Files.exists(tmp.resolve("nowhere.yaml")), "nothing written through the link");
        assertEquals(List.of("testbed.yaml"), filesUnder(link.getParent()));
    }

    @Test
    void aFailedWriteRemovesWhatItWrote() throws IOException {
        Path folder = tmp.resolve("my-cooling");
        Files.createDirectories(folder);
        // the temporary name of the README, taken by a folder: the third file cannot be created
        Path blocker = folder.resolve(".README.md." + ProcessHandle.current().pid() + ".tmp");
        Files.createDirectory(blocker);

        Cli r = Cli.run("new", "schedule", "my-cooling", "--dir", tmp.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: cannot write the files of my-cooling (")
                && r.err().endsWith("nothing was left behind\n"), r.err());
        assertEquals(List.of(blocker.getFileName().toString()), filesUnder(folder));
    }

    @Test
    void aMissingFolderIsCreatedAndADirThatIsAFileIsRefused() throws IOException {
        Path file = tmp.resolve("notes.txt");
        Files.writeString(file, "x");
        assertRefused(Cli.run("new", "metric", "arms-tried", "--dir", file.toString()),
                file + " is a file, not a folder");
        assertEquals(List.of("notes.txt"), filesUnder(tmp));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MyCooling", "my_cooling", "my cooling", "2-fast", "my--cooling", "my-cooling-",
        "my.cooling", "caf\u00e9"})
    void aNameThatIsNotAComponentNameIsRefused(String name) throws IOException {
        assertRefused(Cli.run("new", "schedule", name, "--dir", tmp.toString()), "NAME '" + name + "' is not a "
                + "component name: write lower-case words of letters a-z and digits joined by single hyphens, "
                + "starting with a letter, e.g. my-cooling");
        assertEquals(List.of(), filesUnder(tmp));
    }

    @Test
    void aNameLongerThan64CharactersIsRefused() throws IOException {
        String name = "a".repeat(65);
        assertRefused(Cli.run("new", "metric", name, "--dir", tmp.toString()), "has 65 characters; at most 64");
        assertEquals(0, Cli.run("new", "metric", "a".repeat(64), "--dir", tmp.toString()).exit());
    }

    @ParameterizedTest
    @CsvSource({
        "schedule, exponential, the built-in temperature schedule exponential (kelvin.agents.schedule.Exponential)",
        "policy, boltzmann, the built-in policy boltzmann (kelvin.agents.policy.Boltzmann)",
        "bandit-agent, thompson, the built-in bandit agent thompson (kelvin.agents.bandit.Thompson)",
        // bandit and tabular agents share one namespace under agents:
        "tabular-agent, ucb1, the built-in bandit agent ucb1 (kelvin.agents.bandit.Ucb1)",
        "bandit-agent, sarsa, the built-in tabular agent sarsa",
        "environment, gridworld, the built-in bandit environment gridworld",
        "metric, regret, the built-in metric regret"})
    void aBuiltInsNameIsRefusedSayingWhichBuiltIn(String kind, String name, String which) throws IOException {
        assertRefused(Cli.run("new", kind, name, "--dir", tmp.toString()), "NAME '" + name + "' is taken by " + which);
        assertEquals(List.of(), filesUnder(tmp));
    }

    @Test
    void aBuiltInsNameInAnotherKindIsFree() {
        Cli r = Cli.run("new", "metric", "exponential", "--dir", tmp.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(0, Cli.run("validate", tmp.resolve("exponential/testbed.yaml").toString(), "--plugin",
                tmp.resolve("exponential/Exponential.java").toString()).exit());
    }

    @ParameterizedTest
    @CsvSource({
        "schedule, schedule, Schedule",
        "schedule, per, Per",
        "metric, string, String",
        "metric, episode-recorder, EpisodeRecorder",
        "tabular-agent, learner, Learner",
        "environment, run, Run",
        "policy, declaration, Declaration"})
    void aNameWhoseClassWouldHideATypeOfTheTemplateIsRefused(String kind, String name, String className)
            throws IOException {
        assertRefused(Cli.run("new", kind, name, "--dir", tmp.toString()), "NAME '" + name + "' would name the class "
                + className + ", which the " + kind + " template already uses for another type; choose another NAME");
        assertEquals(List.of(), filesUnder(tmp));
    }

    @Test
    void anUnknownKindListsTheAllowedOnes() throws IOException {
        Cli r = Cli.run("new", "agent", "my-agent", "--dir", tmp.toString());
        assertEquals(2, r.exit());
        assertEquals("error: KIND 'agent' is not one kelvin new knows; allowed: schedule, policy, bandit-agent, "
                + "tabular-agent, environment, metric\n", r.err());
        assertEquals(List.of(), filesUnder(tmp));
        Cli help = Cli.run("new", "--help");
        for (String kind : List.of("schedule", "policy", "bandit-agent", "tabular-agent", "environment", "metric")) {
            assertTrue(help.out().contains(kind), kind + " is not in the help:\n" + help.out());
        }
    }
}
