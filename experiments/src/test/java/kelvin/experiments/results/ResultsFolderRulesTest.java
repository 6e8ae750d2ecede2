package kelvin.experiments.results;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kelvin.experiments.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder rules that need no run: what counts as leftovers, what --force moves aside, chart names. */
class ResultsFolderRulesTest {

    @TempDir
    Path dir;

    @Test
    void theLockFileAndAKilledForcesFolderAreLeftoversNotForeignFiles() throws IOException {
        Files.writeString(dir.resolve(FolderLock.NAME), "4242 12:01:33\n");
        Path aside = Files.createDirectories(dir.resolve(".replaced.4242-1f.tmp/cells"));
        Files.writeString(aside.resolve("x.cell"), "old");
        assertDoesNotThrow(() -> ResultsFolder.check(dir, "name: x\n", false, false));
        ResultsFolder.removeTemporaryFiles(dir);
        assertFalse(Files.exists(dir.resolve(".replaced.4242-1f.tmp")), "a killed --force's old run is deleted");
        assertTrue(Files.exists(dir.resolve(FolderLock.NAME)), "the lock file stays");
    }

    @Test
    void replacingMovesOnlyKelvinsNamesAndDeletesLinksNotTargets() throws IOException {
        Path target = Files.createDirectories(dir.resolve("../elsewhere-" + dir.getFileName()).normalize());
        Files.writeString(target.resolve("a.cell"), "keep me");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("manifest.json"), "{}");
        Files.writeString(out.resolve("curves.csv"), "old");
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.createSymbolicLink(out.resolve("cells"), target);
        ResultsFolder.replaceOld(out, true);
        try (var left = Files.list(out)) {
            assertEquals(List.of("notes.txt"), left.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals("keep me", Files.readString(target.resolve("a.cell")), "a kept cells/ must be a real folder");
    }

    @Test
    void forceNeverReplacesWhatLooksLikeKelvinsInSomeoneElsesFolder() throws IOException {
        Files.writeString(dir.resolve("thesis.tex"), "\\documentclass{article}");
        assertDoesNotThrow(() -> ResultsFolder.check(dir, "name: x\n", false, true), "writes beside their files");
        Files.createDirectories(dir.resolve("plots"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> ResultsFolder.check(dir, "name: x\n", false, true));
        assertTrue(e.getMessage().contains("has plots, which --force would replace"), e.getMessage());
        Files.writeString(dir.resolve("config.yaml"), "name: other\n");
        assertDoesNotThrow(() -> ResultsFolder.check(dir, "name: x\n", false, true), "a Kelvin folder's plots/");
    }

    @Test
    void aBlankOrFileOutIsRefused() throws IOException {
        assertThrows(ConfigException.class, () -> ResultsFolder.checkPlace(Path.of("")));
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThrows(ConfigException.class, () -> ResultsFolder.checkPlace(file));
        assertThrows(ConfigException.class, () -> ResultsFolder.checkPlace(file.resolve("a/b")));
        assertDoesNotThrow(() -> ResultsFolder.checkPlace(dir.resolve("new/deeper")));
    }

    @Test
    void onlyChartsDirectlyInPlotsAreDeletedOnAManifestsWord() {
        assertTrue(ResultsFolder.isChartName("plots/regret.png"));
        for (String n : new String[] {"plots/../curves.csv", "plots/..", "plots/", "plots/a/b.png", "curves.csv",
            "../plots/x.png", "plots/.."}) {
            assertFalse(ResultsFolder.isChartName(n), n);
        }
    }
}
