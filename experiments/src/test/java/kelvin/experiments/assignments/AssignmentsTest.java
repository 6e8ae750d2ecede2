package kelvin.experiments.assignments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kelvin.experiments.scaffold.Scaffold;
import kelvin.experiments.scaffold.ScaffoldKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The assignments of {@code assignments/}: each {@code grade.sh} gives the reference solution (kept
 * in this test's resources, away from the starter files) full marks, and the starter files as
 * {@code kelvin new} wrote them less than full marks, with the reason for each lost point; the
 * starter files are what {@code kelvin new} writes today. The graders run Kelvin from this test's
 * class path through {@code $KELVIN}.
 */
class AssignmentsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path ASSIGNMENTS = ROOT.resolve("assignments");
    private static final Path REFERENCES = Path.of("src/test/resources/assignments").toAbsolutePath();
    private static final Pattern CRITERION = Pattern.compile("\\[(\\d+)/(\\d+)] (.+)");
    private static final Pattern SCORE = Pattern.compile("score: (\\d+)/(\\d+)");

    @TempDir
    static Path tmp;

    private static Path launcher;

    /** What a grader printed. */
    private record Grade(int exit, List<String> lines, String err) {
        /** Earned and possible points of the score line, which must be the last line. */
        int[] score() {
            Matcher m = SCORE.matcher(lines.get(lines.size() - 1));
            assertTrue(m.matches(), "the last line is the score: " + lines);
            return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        }
    }

    @BeforeAll
    static void kelvinFromTheTestClassPath() throws IOException, InterruptedException {
        boolean bash;
        try {
            bash = new ProcessBuilder("bash", "-c", "true").start().waitFor() == 0;
        } catch (IOException e) {
            bash = false;
        }
        assumeTrue(bash, "the graders are bash scripts");
        launcher = tmp.resolve("kelvin");
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        // Each grader starts Kelvin 3 to 5 times for a few seconds of work: the client compiler alone and
        // the serial collector take about 40% less CPU there, and Java's arithmetic gives the same numbers.
        Files.writeString(launcher, "#!/usr/bin/env bash\nexec " + quoted(java) + " -XX:TieredStopAtLevel=1 "
                + "-XX:+UseSerialGC -cp " + quoted(System.getProperty("java.class.path"))
                + " kelvin.experiments.cli.Main \"$@\"\n");
        assertTrue(launcher.toFile().setExecutable(true));
    }

    private static String quoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static Grade grade(String assignment, String... submission) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", ASSIGNMENTS.resolve(assignment).resolve("grade.sh")
                .toString()));
        command.addAll(List.of(submission));
        Path out = Files.createTempFile(tmp, "grade", ".out");
        Path err = Files.createTempFile(tmp, "grade", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().put("KELVIN", launcher.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), assignment + "'s grader finishes");
        String said = Files.readString(out, StandardCharsets.UTF_8);
        String warned = Files.readString(err, StandardCharsets.UTF_8);
        for (String text : List.of(said, warned)) {
            assertFalse(text.contains("Exception") || text.contains("\tat "), "no Java internals: " + text);
        }
        return new Grade(p.exitValue(), said.lines().toList(), warned);
    }

    /** Checks every criterion line and returns the points they add up to, earned and possible. */
    private static int[] criteria(Grade g) {
        int earned = 0;
        int possible = 0;
        for (String line : g.lines().subList(0, g.lines().size() - 1)) {
            Matcher m = CRITERION.matcher(line);
            assertTrue(m.matches(), "a criterion line: " + line);
            int e = Integer.parseInt(m.group(1));
            int p = Integer.parseInt(m.group(2));
            assertTrue(e >= 0 && e <= p, line);
            if (e < p) {
                Matcher lost = Pattern.compile(".+: lost " + (p - e) + ": (.+)").matcher(m.group(3));
                assertTrue(lost.matches() && !lost.group(1).isBlank(), "a lost point has its reason: " + line);
            } else {
                assertFalse(line.contains(": lost "), line);
            }
            earned += e;
            possible += p;
        }
        return new int[] {earned, possible};
    }

    @ParameterizedTest
    @CsvSource({"a-schedules, 10", "b-bandit-agent, 9", "c-frozen-lake, 10"})
    void theReferenceSolutionGetsFullMarks(String assignment, int points) throws Exception {
        Grade g = grade(assignment, REFERENCES.resolve(assignment).toString());
        assertEquals(0, g.exit(), g.err());
        int[] lines = criteria(g);
        assertEquals(List.of(points, points), List.of(lines[0], lines[1]), String.join("\n", g.lines()));
        assertEquals(List.of(points, points), List.of(g.score()[0], g.score()[1]), "the lines add up");
    }

    /** The starters' scores are those their statements announce, each lost point with its reason. */
    @ParameterizedTest
    @CsvSource({"a-schedules, 0, 10", "b-bandit-agent, 3, 9", "c-frozen-lake, 1, 10"})
    void theStarterFilesLoseMarksWithAReasonForEach(String assignment, int earned, int possible) throws Exception {
        Grade g = grade(assignment, ASSIGNMENTS.resolve(assignment).resolve("starter").toString());
        assertEquals(0, g.exit(), "a low score is still a grade: " + g.err());
        int[] lines = criteria(g);
        assertEquals(List.of(earned, possible), List.of(lines[0], lines[1]), String.join("\n", g.lines()));
        assertEquals(List.of(earned, possible), List.of(g.score()[0], g.score()[1]), "the lines add up");
    }

    @Test
    void badUsageExits2WithOneLine() throws Exception {
        for (String[] args : new String[][] {{}, {tmp.resolve("missing").toString()}, {tmp.toString()}}) {
            Grade g = grade("c-frozen-lake", args);
            assertEquals(2, g.exit(), String.join(" ", args));
            assertEquals(List.of(), g.lines(), "nothing on stdout");
            assertEquals(1, g.err().lines().count(), g.err());
        }
    }

    @Test
    void theStarterFilesAreWhatKelvinNewWrites() throws IOException {
        Map<String, List<String>> starters = Map.of(
                "a-schedules", List.of("schedule power-cooling", "schedule my-cooling"),
                "b-bandit-agent", List.of("bandit-agent my-ucb1"),
                "c-frozen-lake", List.of("schedule lake-cooling"));
        for (Map.Entry<String, List<String>> e : starters.entrySet()) {
            for (String kindAndName : e.getValue()) {
                String[] words = kindAndName.split(" ");
                Scaffold s = Scaffold.of(ScaffoldKind.of(words[0]), words[1],
                        Path.of("assignments", e.getKey(), "starter"));
                for (Map.Entry<Path, String> file : s.files().entrySet()) {
                    assertEquals(file.getValue(), Files.readString(ROOT.resolve(file.getKey())),
                            file.getKey() + " is kelvin new's output (regenerate it when kelvin new changes)");
                }
            }
        }
    }
}
