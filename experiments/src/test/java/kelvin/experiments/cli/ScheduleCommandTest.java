package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kelvin schedule} writes a file only where {@code --png} says. */
class ScheduleCommandTest {

    @TempDir
    Path tmp;

    @Test
    void withoutPngTheCurrentFolderIsLeftAlone() throws IOException {
        List<String> before = listing(Paths.get(""));
        Cli r = Cli.run("schedule", CliTest.QUICKSTART);
        assertEquals(0, r.exit(), r.err());
        assertEquals(before, listing(Paths.get("")), "kelvin schedule wrote into the current folder");
        assertFalse(r.out().contains("chart:"), r.out());
        assertTrue(r.out().contains("--png FILE"), "the table should say how to get a chart:\n" + r.out());
    }

    @Test
    void pngWritesThatFileAndNothingElse() throws IOException {
        List<String> before = listing(Paths.get(""));
        Path png = tmp.resolve("charts").resolve("q.png");
        Cli r = Cli.run("schedule", CliTest.QUICKSTART, "--png", png.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().strip().endsWith("chart: " + png), r.out());
        assertEquals(List.of("charts"), listing(tmp));
        assertEquals(List.of("q.png"), listing(png.getParent()), "a temporary file was left behind");
        assertEquals((byte) 0x89, Files.readAllBytes(png)[0]);
        assertEquals(before, listing(Paths.get("")));
    }

    @Test
    void jsonRowsAndAChartAreNotAskedForTogether() throws IOException {
        Path png = tmp.resolve("q.png");
        Cli r = Cli.run("schedule", CliTest.QUICKSTART, "--json", "--png", png.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("--png: --json prints rows only"), r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(png));
    }

    @Test
    void anUnwritablePngIsOneLineAndExit1() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("file"), "not a folder");
        Path png = blocker.resolve("q.png");
        Cli r = Cli.run("schedule", CliTest.QUICKSTART, "--png", png.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: could not write " + png + ": "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
