package kelvin.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kelvin.experiments.cli.Cli;
import kelvin.experiments.cli.Main;
import org.junit.jupiter.api.Test;

/**
 * docs/TUTORIAL.md runs as written: every command in it is executed, so the tutorial cannot rot.
 *
 * <p>How the page is read. Its fenced {@code bash} blocks run in order, each as its own
 * {@code bash -e -o pipefail} script, in one working folder laid out like a clone: a copy of
 * {@code experiments/examples/} and a {@code ./kelvin} that runs {@link Main} from this test's class
 * path. The commands are thus written exactly as a user types them at the root of a clone, while
 * the test needs neither Maven nor the packaged jar (surefire runs before {@code package}); the real
 * launcher's build step is covered by {@code LauncherIT}. Blocks fenced otherwise ({@code console},
 * {@code text}, {@code diff}, {@code yaml}) are not run: the page says why at each one that looks
 * like a command. Shell state does not carry from one block to the next, so no block may rely on a
 * {@code cd} or a variable of an earlier one.
 *
 * <p>What a block promises, in HTML comments on their own lines right after it (only blank lines
 * between), each checked:
 * <ul>
 *   <li>{@code <!-- exit: N -->}: the block ends with status N (default 0, so a failing command
 *       fails the test unless the page shows that failure on purpose);</li>
 *   <li>{@code <!-- prints: TEXT -->}: its standard output contains TEXT, runs of blanks counting as
 *       one space; this pins the numbers the prose quotes, which come from fixed seeds;</li>
 *   <li>{@code <!-- files: PATH ... -->}: these paths exist in the working folder afterwards.</li>
 * </ul>
 * A comment of that form with another key, or one that does not follow a bash block, is an error,
 * so a misspelt or misplaced marker cannot be skipped silently. A {@code text} block right after a
 * bash block (and its markers) is that block's output as the reader sees it: each of its non-blank
 * lines must appear in the output (blanks again counting as one), so the tables the page shows are
 * the tables the commands print; lines that change from run to run, such as the elapsed time, are
 * left out of it. Every block's output, like any Kelvin command's in the test suite, must not show a Java
 * exception or stack frame ({@link Cli#assertNoInternals}).
 *
 * <p>A {@code diff} block shows an edit: each hunk's new side (its context and added lines, in
 * order) must be consecutive lines of the file named by its {@code +++ b/PATH} header once every
 * block has run, so the edit shown is the edit the commands made.
 *
 * <p>Images. Every image on the page must be {@code tutorial/FOLDER/CHART.png}, a file committed
 * under {@code docs/tutorial/}, and the tutorial's own run must draw the chart of that name,
 * {@code results/FOLDER/plots/CHART.png}. The bytes are not compared: the charts are drawn by
 * Java2D, whose font rasterisation and anti-aliasing differ between JDKs and operating systems, so
 * the same numbers give slightly different PNGs on two machines; the numbers themselves are pinned
 * by the outputs the page shows and by the {@code prints} markers. The working folder is {@code experiments/target/tutorial/clone},
 * kept after the test (with each block's script and output under {@code logs/}), so that
 * {@code docs/tutorial/update-images.sh} can copy the charts it drew into {@code docs/tutorial/}.
 *
 * <p>Time: the tutorial's runs are sized so that the whole page runs in about a minute on two
 * cores (most of it drawing charts); the text says that a result worth keeping deserves more runs.
 */
class TutorialTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path PAGE = ROOT.resolve("docs/TUTORIAL.md");
    private static final Path WORK = Path.of("target", "tutorial").toAbsolutePath();
    private static final Path CLONE = WORK.resolve("clone");
    private static final Path LOGS = WORK.resolve("logs");
    private static final long BLOCK_TIMEOUT_MINUTES = 5;

    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("^<!--\\s*([\\w-]+):(.*?)-->\\s*$");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern CHART = Pattern.compile("tutorial/([^/]+)/([^/]+\\.png)");

    /** A {@code bash} block and what it promises. */
    private static final class Block {
        final int line;
        final String script;
        int exit;
        final List<String> prints = new ArrayList<>();
        final List<String> files = new ArrayList<>();
        final List<String> output = new ArrayList<>();

        Block(int line, String script) {
            this.line = line;
            this.script = script;
        }
    }

    /** A {@code diff} block: the file it edits and each hunk's new side. */
    private record Edit(int line, String file, List<List<String>> hunks) {
    }

    /** The page's blocks, edits and images, in order. */
    private record Page(List<Block> blocks, List<Edit> edits, List<String> images) {
    }

    private static Page parse(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        List<Edit> edits = new ArrayList<>();
        List<String> images = new ArrayList<>();
        Block last = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                int start = i + 1;
                List<String> body = new ArrayList<>();
                for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                    body.add(lines.get(i));
                }
                assertTrue(i < lines.size(), "TUTORIAL.md:" + start + ": a fenced block that never closes");
                String language = fence.group(1);
                if (language.equals("text") && last != null) {
                    last.output.addAll(body);
                }
                last = null;
                if (language.equals("bash")) {
                    last = new Block(start, String.join("\n", body) + "\n");
                    blocks.add(last);
                } else if (language.equals("diff")) {
                    edits.add(edit(start, body));
                }
                continue;
            }
            Matcher marker = MARKER.matcher(line.strip());
            if (marker.matches()) {
                String where = "TUTORIAL.md:" + (i + 1) + ": ";
                if (last == null) {
                    fail(where + "a marker must follow a bash block, with only blank lines and markers between");
                }
                String value = marker.group(2).strip();
                switch (marker.group(1)) {
                    case "exit" -> last.exit = Integer.parseInt(value);
                    case "prints" -> last.prints.add(value);
                    case "files" -> last.files.addAll(List.of(value.split("\\s+")));
                    default -> fail(where + "unknown marker '" + marker.group(1) + "' (exit, prints or files)");
                }
                continue;
            }
            if (!line.isBlank()) {
                last = null;
            }
            Matcher image = IMAGE.matcher(line);
            while (image.find()) {
                images.add(image.group(1));
            }
        }
        return new Page(blocks, edits, images);
    }

    private static Edit edit(int line, List<String> body) {
        String file = null;
        List<List<String>> hunks = new ArrayList<>();
        List<String> hunk = null;
        for (String l : body) {
            if (l.startsWith("+++ b/")) {
                file = l.substring("+++ b/".length()).strip();
            } else if (l.startsWith("---")) {
                continue;
            } else if (l.startsWith("@@")) {
                hunk = new ArrayList<>();
                hunks.add(hunk);
            } else {
                assertTrue(hunk != null && file != null,
                        "TUTORIAL.md:" + line + ": a diff block needs a '+++ b/PATH' header and '@@' before each hunk");
                if (l.startsWith("+") || l.startsWith(" ")) {
                    hunk.add(l.substring(1));
                } else if (!l.startsWith("-")) {
                    fail("TUTORIAL.md:" + line + ": a diff line starts with '+', '-', ' ' or '@@': " + l);
                }
            }
        }
        assertTrue(file != null && !hunks.isEmpty(), "TUTORIAL.md:" + line + ": an empty diff block");
        return new Edit(line, file, hunks);
    }

    @Test
    void theTutorialRunsAsWrittenAndDrawsTheChartsItShows() throws Exception {
        Page page = parse(Files.readAllLines(PAGE, StandardCharsets.UTF_8));
        assertFalse(page.blocks().isEmpty(), "TUTORIAL.md has bash blocks");
        prepareClone();
        List<String> timings = new ArrayList<>();
        for (Block block : page.blocks()) {
            long start = System.nanoTime();
            run(block);
            timings.add(String.format(Locale.ROOT, "line %d: %.1f s", block.line, (System.nanoTime() - start) / 1e9));
            Files.write(LOGS.resolve("timings.txt"), timings);
        }
        for (Edit edit : page.edits()) {
            List<String> file = Files.readAllLines(CLONE.resolve(edit.file()), StandardCharsets.UTF_8);
            for (List<String> hunk : edit.hunks()) {
                assertTrue(Collections.indexOfSubList(file, hunk) >= 0, "TUTORIAL.md:" + edit.line() + ": after the "
                        + "commands, " + edit.file() + " holds these lines in order:\n" + String.join("\n", hunk));
            }
        }
        assertFalse(page.images().isEmpty(), "TUTORIAL.md shows the charts of its run");
        for (String image : page.images()) {
            Matcher chart = CHART.matcher(image);
            assertTrue(chart.matches(), "TUTORIAL.md shows " + image + ": images are tutorial/FOLDER/CHART.png");
            assertTrue(Files.isRegularFile(PAGE.resolveSibling(image)), "docs/" + image + " is committed "
                    + "(docs/tutorial/update-images.sh copies it from the test's run)");
            Path drawn = CLONE.resolve("results").resolve(chart.group(1)).resolve("plots").resolve(chart.group(2));
            assertTrue(Files.isRegularFile(drawn), "the tutorial's run draws results/" + chart.group(1) + "/plots/"
                    + chart.group(2) + ", which TUTORIAL.md shows as " + image);
        }
    }

    @Test
    void markersAndShownOutputBelongToTheBashBlockTheyFollow() {
        Page page = parse(List.of("```bash", "./kelvin run a.yaml", "```", "<!-- exit: 1 -->", "",
                "<!-- prints: a  b -->", "<!-- files: x y -->", "```text", "row 1", "```", "Prose.", "```text",
                "not an output", "```", "```diff", "+++ b/F.java", "@@ m", " keep", "-old", "+new", "```",
                "![a chart](tutorial/run/regret.png)"));
        Block block = page.blocks().get(0);
        assertEquals(1, block.exit);
        assertEquals(List.of("a  b"), block.prints);
        assertEquals(List.of("x", "y"), block.files);
        assertEquals(List.of("row 1"), block.output);
        assertEquals(List.of(List.of("keep", "new")), page.edits().get(0).hunks());
        assertEquals(List.of("tutorial/run/regret.png"), page.images());
    }

    @Test
    void aMisplacedOrMisspeltMarkerIsAnError() {
        assertThrows(AssertionError.class, () -> parse(List.of("```bash", "true", "```", "Prose.",
                "<!-- exit: 1 -->")));
        assertThrows(AssertionError.class, () -> parse(List.of("```bash", "true", "```", "<!-- print: x -->")));
        assertThrows(AssertionError.class, () -> parse(List.of("```text", "x", "```", "<!-- files: x -->")));
    }

    /** A folder laid out like a clone: the examples, and a ./kelvin that runs this test's classes. */
    private static void prepareClone() throws IOException {
        deleteRecursively(WORK);
        Files.createDirectories(LOGS);
        Path examples = ROOT.resolve("experiments/examples");
        try (Stream<Path> files = Files.walk(examples)) {
            for (Path p : files.toList()) {
                Path target = CLONE.resolve("experiments/examples").resolve(examples.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path launcher = CLONE.resolve("kelvin");
        // C1 only: each command is a short JVM, in which C2's compiler threads cost about as much CPU
        // as the work itself (measured: the sweep took 6.8 s of CPU with C2, 3.4 s without). Java's
        // floating point is strict, so the compiler never changes a number the page quotes.
        Files.writeString(launcher, String.join("\n", "#!/usr/bin/env bash",
                "# TutorialTest's ./kelvin: Kelvin from the test's class path, without the launcher's build step.",
                "exec java -XX:TieredStopAtLevel=1 ${JAVA_OPTS:-} -cp \"$TUTORIAL_CLASSPATH\" " + Main.class.getName()
                        + " \"$@\"", ""));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void run(Block block) throws IOException, InterruptedException {
        String name = "block-line-" + block.line;
        Path script = Files.writeString(LOGS.resolve(name + ".sh"), block.script);
        Path out = LOGS.resolve(name + ".out");
        Path err = LOGS.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder("bash", "-e", "-o", "pipefail", script.toString())
                .directory(CLONE.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        env.remove("KELVIN_PLUGINS");
        env.remove("JAVA_OPTS");
        env.put("TUTORIAL_CLASSPATH", System.getProperty("java.class.path"));
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + env.getOrDefault("PATH",
                "/usr/bin:/bin"));
        Process p = pb.start();
        if (!p.waitFor(BLOCK_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            fail("TUTORIAL.md:" + block.line + ": the block did not finish in " + BLOCK_TIMEOUT_MINUTES + " minutes");
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        String where = "TUTORIAL.md:" + block.line + ": ";
        String shown = "\n--- the block:\n" + block.script + "--- its output:\n" + stdout + "--- its errors:\n" + stderr;
        assertEquals(block.exit, p.exitValue(), where + "exit status" + shown);
        Cli.assertNoInternals(new String[] {where + "bash block"}, stdout, stderr);
        String printed = blanksAsOne(stdout);
        for (String text : block.prints) {
            assertTrue(printed.contains(blanksAsOne(text)), where + "the output contains '" + text + "'" + shown);
        }
        for (String line : block.output) {
            if (!line.isBlank()) {
                assertTrue(printed.contains(blanksAsOne(line.strip())), where + "the output shown after the block "
                        + "holds the line '" + line.strip() + "'" + shown);
            }
        }
        for (String file : block.files) {
            assertTrue(Files.exists(CLONE.resolve(file)), where + "the block writes " + file + shown);
        }
    }

    private static String blanksAsOne(String text) {
        return text.replaceAll("[ \\t]+", " ");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Collections.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
