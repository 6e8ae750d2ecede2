package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored cell is never trusted: a single flipped bit at the start, middle or end of a
 * {@code .cell} or {@code .runs} file, a truncated, empty, garbage or swapped cell is recomputed by
 * {@code --resume} with a warning naming the file (shown even with --quiet), and the results end
 * byte-identical to an uninterrupted run.
 */
class CellChecksumTest {
    private static final List<String> TABLES = List.of("config.yaml", "curves.csv", "summary.csv", "runs.csv");

    /** One complete run, shared: tests copy it and never change it. */
    @TempDir
    static Path shared;

    private static Path reference;

    @TempDir
    Path tmp;

    private static Cli run(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("run", CliTest.QUICKSTART, "--runs", "30", "--set",
                "steps=200", "--out", out.toString(), "--quiet", "--no-plots", "--threads", "2"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(new String[0]));
    }

    @BeforeAll
    static void runOnce() {
        reference = shared.resolve("reference");
        Cli r = run(reference);
        assertEquals(0, r.exit(), r.err());
    }

    private List<Path> cellFiles(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("cells"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private Path copy(String name) throws IOException {
        Path to = tmp.resolve(name);
        Files.createDirectories(to.resolve("cells"));
        try (Stream<Path> s = Files.walk(reference)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Files.copy(p, to.resolve(reference.relativize(p).toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }

    /** Damages one file of a copy of the reference, resumes, and checks the warning and the bytes. */
    private void damagedIsRecomputed(String name, String suffix, int which, UnaryOperator<byte[]> damage)
            throws IOException {
        Path dir = copy(name);
        Path file = cellFiles(dir, suffix).get(which);
        byte[] bytes = damage.apply(Files.readAllBytes(file));
        Files.write(file, bytes);
        Cli r = run(dir, "--resume");
        assertEquals(0, r.exit(), name + ": " + r.err());
        List<String> warnings = r.err().lines().filter(l -> l.startsWith("warning: ")).toList();
        assertEquals(1, warnings.size(), name + ": one warning: " + r.err());
        assertTrue(warnings.get(0).startsWith("warning: " + file + " "), name + ": names the file: " + warnings);
        assertTrue(warnings.get(0).contains("recomputing variant "), warnings.get(0));
        for (String t : TABLES) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(t)), Files.readAllBytes(dir.resolve(t)),
                    name + ": " + t + " as in the uninterrupted run");
        }
        Cli again = run(dir, "--resume");
        assertEquals("", again.err(), name + ": the recomputed cell is trusted next time");
    }

    private static UnaryOperator<byte[]> flip(double where, int bit) {
        return b -> {
            byte[] c = b.clone();
            int i = (int) Math.min(c.length - 1, Math.floor(where * c.length));
            c[i] ^= (byte) (1 << bit);
            return c;
        };
    }

    @Test
    void aSingleFlippedBitAnywhereInACellIsCaught() throws IOException {
        damagedIsRecomputed("cell-start", ".cell", 0, flip(0, 0));
        damagedIsRecomputed("cell-middle", ".cell", 1, flip(0.5, 3));
        damagedIsRecomputed("cell-end", ".cell", 2, flip(1, 7));
        // In the aggregates, just before the trailer: the bits a low mantissa flip would change silently.
        damagedIsRecomputed("cell-aggregate", ".cell", 0, b -> {
            byte[] c = b.clone();
            c[c.length - 17] ^= 1;
            return c;
        });
    }

    @Test
    void aSingleFlippedBitInTheRunsFileIsCaught() throws IOException {
        damagedIsRecomputed("runs-start", ".runs", 0, flip(0, 1));
        damagedIsRecomputed("runs-middle", ".runs", 1, flip(0.5, 6));
        damagedIsRecomputed("runs-end", ".runs", 2, flip(1, 0));
    }

    @Test
    void truncatedEmptyGarbageAndSwappedCellsAreRecomputed() throws IOException {
        damagedIsRecomputed("truncated", ".cell", 0, b -> java.util.Arrays.copyOf(b, b.length / 2));
        damagedIsRecomputed("empty", ".cell", 1, b -> new byte[0]);
        damagedIsRecomputed("garbage", ".cell", 2, b -> {
            byte[] g = new byte[b.length];
            for (int i = 0; i < g.length; i++) {
                g[i] = (byte) (i * 31 + 7);
            }
            return g;
        });
        damagedIsRecomputed("truncated-runs", ".runs", 0, b -> java.util.Arrays.copyOf(b, b.length - 8));
        Path dir = copy("swapped");
        List<Path> cells = cellFiles(dir, ".cell");
        byte[] first = Files.readAllBytes(cells.get(0));
        byte[] second = Files.readAllBytes(cells.get(1));
        Files.write(cells.get(0), second);
        Files.write(cells.get(1), first);
        Cli r = run(dir, "--resume");
        assertEquals(0, r.exit(), r.err());
        assertEquals(2, r.err().lines().filter(l -> l.contains("holds another variant or config")).count(), r.err());
        for (String t : TABLES) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(t)), Files.readAllBytes(dir.resolve(t)), t);
        }
    }

    @Test
    void aCellWithoutItsRunsFileIsRecomputedWithAWarning() throws IOException {
        Path dir = copy("no-runs");
        Path runs = cellFiles(dir, ".runs").get(0);
        Files.delete(runs);
        Cli r = run(dir, "--resume");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("warning: " + runs + " is missing"), r.err());
        for (String t : TABLES) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(t)), Files.readAllBytes(dir.resolve(t)), t);
        }
    }
}
