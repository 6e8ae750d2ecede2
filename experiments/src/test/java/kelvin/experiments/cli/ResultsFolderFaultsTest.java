package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import kelvin.experiments.results.FolderLock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results folder under faults: links inside it are never followed, a folder never mixes two
 * runs, plot refuses a folder that is not one complete run, and a bad --out is refused; in each
 * case nothing earlier is lost and the message is one line.
 */
class ResultsFolderFaultsTest {

    /** One complete run, shared: tests copy it and never change it. */
    @TempDir
    static Path shared;

    private static Path reference;

    @TempDir
    Path tmp;

    private static Cli run(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", CliTest.QUICKSTART, "--runs", "20", "--set", "steps=100",
                "--out", out.toString(), "--quiet", "--threads", "2"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(new String[0]));
    }

    private static void assertOneLine(Cli r, int exit, String contains) {
        assertEquals(exit, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains(contains), "mentions '" + contains + "': " + r.err());
        assertFalse(r.err().contains("java.") || r.err().contains("Exception"), r.err());
    }

    /**
     * Every file under {@code dir}, links not followed, with a hash of its bytes (or its link target);
     * the lock file, whose note names the last process that held it, is left out.
     */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String key = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    files.put(key, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p) && !key.equals(FolderLock.NAME)) {
                    files.put(key, Integer.toHexString(java.util.Arrays.hashCode(Files.readAllBytes(p))));
                }
            }
        }
        return files;
    }

    /** A folder outside the results folder, with files named like Kelvin's. */
    private Path elsewhere(String name) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(name));
        Files.writeString(d.resolve("0123456789abcdef0123456789abcdef.cell"), "not Kelvin's");
        Files.writeString(d.resolve(".x.runs.part.tmp"), "someone's temporary file");
        Files.writeString(d.resolve("regret.png"), "someone's picture");
        Files.writeString(d.resolve("curves.csv"), "someone's table\n");
        return d;
    }

    @BeforeAll
    static void runOnce() {
        reference = shared.resolve("reference");
        assertEquals(0, run(reference).exit());
    }

    private Path copyOfReference(String name) throws IOException {
        Path to = tmp.resolve(name);
        try (Stream<Path> s = Files.walk(reference)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(reference.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    @Test
    void aSymlinkedCellsFolderIsRefusedAndForceReplacesTheLinkNotItsTarget() throws IOException {
        Path other = elsewhere("other-cells");
        Map<String, String> untouched = snapshot(other);
        Path out = copyOfReference("linked-cells");
        deleteTree(out.resolve("cells"));
        Files.createSymbolicLink(out.resolve("cells"), other);
        for (String[] extra : new String[][] {{}, {"--resume"}, {"--seed", "8", "--resume"}}) {
            Cli r = run(out, extra);
            assertOneLine(r, 2, out.resolve("cells") + " is a symbolic link");
            assertEquals(untouched, snapshot(other));
        }
        Cli force = run(out, "--seed", "8", "--force");
        assertEquals(0, force.exit(), force.err());
        assertEquals(untouched, snapshot(other), "the link's target is never written or deleted");
        assertFalse(Files.isSymbolicLink(out.resolve("cells")), "force replaced the link by a folder of its own");
        assertEquals(0, Cli.run("plot", out.toString(), "--quiet").exit());
    }

    @Test
    void aSymlinkedCellsFolderInANewFolderIsRefusedToo() throws IOException {
        Path other = elsewhere("other-cells");
        Map<String, String> untouched = snapshot(other);
        Path out = Files.createDirectories(tmp.resolve("fresh"));
        Files.createSymbolicLink(out.resolve("cells"), other);
        assertOneLine(run(out), 2, "is a symbolic link");
        assertOneLine(run(out, "--resume"), 2, "is a symbolic link");
        assertEquals(untouched, snapshot(other));
    }

    @Test
    void aSymlinkedPlotsFolderOrResultFileIsNeverWrittenThrough() throws IOException {
        Path other = elsewhere("other-plots");
        Map<String, String> untouched = snapshot(other);
        Path out = copyOfReference("linked-plots");
        deleteTree(out.resolve("plots"));
        Files.createSymbolicLink(out.resolve("plots"), other);
        assertOneLine(Cli.run("plot", out.toString()), 2, out.resolve("plots") + " is a symbolic link");
        assertOneLine(run(out), 2, "is a symbolic link");
        assertEquals(untouched, snapshot(other));

        Path file = other.resolve("curves.csv");
        Path out2 = copyOfReference("linked-curves");
        Files.delete(out2.resolve("curves.csv"));
        Files.createSymbolicLink(out2.resolve("curves.csv"), file);
        assertOneLine(Cli.run("plot", out2.toString()), 2, out2.resolve("curves.csv") + " is a symbolic link");
        assertOneLine(run(out2, "--resume"), 2, "is a symbolic link");
        assertEquals(untouched, snapshot(other));

        // A link inside plots/: plot refuses it; force removes the link, not what it points to.
        Path out3 = copyOfReference("linked-chart");
        Files.delete(out3.resolve("plots/regret.png"));
        Files.createSymbolicLink(out3.resolve("plots/regret.png"), other.resolve("regret.png"));
        assertOneLine(Cli.run("plot", out3.toString()), 2, "is a symbolic link");
        for (Path o : new Path[] {out, out2, out3}) {
            assertEquals(0, run(o, "--force").exit());
            assertEquals(snapshot(reference).keySet(), snapshot(o).keySet(), o + " holds a run of its own");
        }
        assertEquals(untouched, snapshot(other));
    }

    @Test
    void forceRemovesTheOldRunBeforeWritingAndKeepsTheUsersOwnFiles() throws IOException {
        Path out = copyOfReference("forced");
        Files.writeString(out.resolve("notes.txt"), "my notes");
        Files.writeString(out.resolve("plots/old-chart.png"), "a chart of the old run");
        Cli r = run(out, "--seed", "8", "--force", "--no-plots");
        assertEquals(0, r.exit(), r.err());
        assertEquals("my notes", Files.readString(out.resolve("notes.txt")), "not Kelvin's, left alone");
        assertFalse(Files.exists(out.resolve("plots")), "the old run's charts are gone");
        assertFalse(Files.exists(out.resolve("report.html")), "the old run's report is gone");
        assertTrue(Files.readString(out.resolve("config.yaml")).contains("seed: 8"));
        assertEquals(0, Cli.run("plot", out.toString(), "--quiet").exit(), "one complete run");
    }

    @Test
    void plotRefusesAFolderThatIsNotOneCompleteRun() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertOneLine(Cli.run("plot", empty.toString()), 2, "has no config.yaml");
        assertFalse(Files.exists(empty.resolve(FolderLock.NAME)), "a folder that is not Kelvin's gets no lock file");

        Path noManifest = copyOfReference("no-manifest");
        Files.delete(noManifest.resolve("manifest.json"));
        assertOneLine(Cli.run("plot", noManifest.toString()), 2, noManifest.resolve("manifest.json")
                + ": missing or unreadable");

        Path edited = copyOfReference("edited");
        String config = Files.readString(edited.resolve("config.yaml"));
        Files.writeString(edited.resolve("config.yaml"), config.replace("seed: 2026", "seed: 8"));
        byte[] reportBefore = Files.readAllBytes(edited.resolve("report.html"));
        assertOneLine(Cli.run("plot", edited.toString()), 2, edited.resolve("config.yaml")
                + ": does not match manifest.json's config_sha256");
        assertArrayEquals(reportBefore, Files.readAllBytes(edited.resolve("report.html")), "nothing redrawn");

        Path missing = copyOfReference("missing");
        Files.delete(missing.resolve("summary.csv"));
        assertOneLine(Cli.run("plot", missing.toString()), 2, missing.resolve("summary.csv") + ": is missing");

        Path foreign = copyOfReference("foreign");
        Files.writeString(foreign.resolve("states.csv"), "variant,state,visits\n");
        assertOneLine(Cli.run("plot", foreign.toString()), 2, foreign.resolve("states.csv")
                + ": is not one of the files of the run");
        Path foreignChart = copyOfReference("foreign-chart");
        Files.writeString(foreignChart.resolve("plots/coverage.png"), "old");
        assertOneLine(Cli.run("plot", foreignChart.toString()), 2, "plots/coverage.png");

        // The lock file and the user's own files are neither foreign nor listed.
        Path own = copyOfReference("own");
        Files.writeString(own.resolve("notes.txt"), "mine");
        assertTrue(Files.exists(own.resolve(FolderLock.NAME)));
        assertEquals(0, Cli.run("plot", own.toString(), "--quiet").exit());
        assertFalse(Files.readString(own.resolve("manifest.json")).contains(FolderLock.NAME));
    }

    @Test
    void aConfigEditedByHandIsAnotherConfig() throws IOException {
        Path edited = copyOfReference("edited-run");
        byte[] curves = Files.readAllBytes(edited.resolve("curves.csv"));
        String config = Files.readString(edited.resolve("config.yaml"));
        Files.writeString(edited.resolve("config.yaml"), config.replace("seed: 2026", "seed: 8"));
        assertOneLine(run(edited), 2, "holds results of a different config");
        assertArrayEquals(curves, Files.readAllBytes(edited.resolve("curves.csv")), "nothing lost");
        // --resume treats it as a change of config: the cells are verified by their own hash.
        Cli resumed = run(edited, "--resume");
        assertEquals(0, resumed.exit(), resumed.err());
        for (String f : new String[] {"config.yaml", "curves.csv", "summary.csv", "runs.csv"}) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(edited.resolve(f)), f);
        }
    }

    @Test
    void aBadOutIsRefusedAndNothingIsLost() throws IOException {
        Path before = tmp.resolve("cwd-marker");
        assertOneLine(run(Path.of("")), 2, "--out: the results folder's name is empty");
        assertOneLine(Cli.run("plot", ""), 2, "RESULTS_DIR: the name is empty");
        assertFalse(Files.exists(Path.of("curves.csv")), "the current folder is not written");

        Path file = Files.writeString(tmp.resolve("a-file"), "precious");
        assertOneLine(run(file), 2, file + " exists and is not a folder");
        assertOneLine(run(file.resolve("sub")), 2, file + " (in " + file.resolve("sub") + ") exists and is not a folder");
        assertEquals("precious", Files.readString(file));
        assertFalse(Files.exists(before));

        Path cellsFile = copyOfReference("cells-file");
        deleteTree(cellsFile.resolve("cells"));
        Files.writeString(cellsFile.resolve("cells"), "a file where the cells folder goes");
        Map<String, String> kept = snapshot(cellsFile);
        assertOneLine(run(cellsFile, "--resume"), 2, cellsFile.resolve("cells") + " is a file where Kelvin keeps a folder");
        assertEquals(kept, snapshot(cellsFile), "nothing earlier is lost");
    }

    @Test
    void aFolderThatCannotBeCreatedFailsWithOneLine() {
        // Read-only for root too: nothing can be created in /proc.
        Path proc = Path.of("/proc/self");
        assumeTrue(Files.isDirectory(proc), "needs /proc");
        Path out = proc.resolve("kelvin-results");
        Cli r = run(out);
        assertOneLine(r, 1, "could not write results to " + out + ": ");
        assertFalse(r.err().strip().endsWith(out.toString()), "says why, not just the name: " + r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aReadOnlyResultsFolderFailsWithOneLineAndLosesNothing() throws IOException {
        Path out = copyOfReference("read-only");
        Map<String, String> before = snapshot(out);
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(out);
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // Root writes anyway; there, the /proc test above covers a place that cannot be written.
            assumeFalse(Files.isWritable(out), "permissions are not enforced for this user");
            for (String[] extra : new String[][] {{"--force", "--seed", "8"}, {"--resume", "--seed", "8"}}) {
                Cli r = run(out, extra);
                assertOneLine(r, 1, "could not write results to " + out + ": ");
                assertEquals(before, snapshot(out), "nothing earlier is lost");
            }
            assertOneLine(Cli.run("plot", out.toString()), 1, "could not redraw " + out + ": ");
            assertEquals(before, snapshot(out), "a redraw that fails loses nothing");
        } finally {
            Files.setPosixFilePermissions(out, mode);
        }
        assertEquals(0, Cli.run("plot", out.toString(), "--quiet").exit(), "still one complete run");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
