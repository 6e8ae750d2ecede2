package kelvin.experiments.results;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kelvin.experiments.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFolderTest {

    @TempDir
    Path dir;

    @Test
    void aRunKilledBeforeItsFirstFileLeavesAFolderThatCountsAsEmpty() throws IOException {
        Files.writeString(dir.resolve(".config.yaml.1f2e.tmp"), "half");
        Files.createDirectories(dir.resolve("cells"));
        assertDoesNotThrow(() -> ResultsFolder.check(dir, "name: x\n", false, false));
    }

    @Test
    void anotherConfigsResultsNeedResumeOrForce() throws IOException {
        Files.writeString(dir.resolve("config.yaml"), "name: other\n");
        assertThrows(ConfigException.class, () -> ResultsFolder.check(dir, "name: x\n", false, false));
        assertDoesNotThrow(() -> ResultsFolder.check(dir, "name: x\n", true, false));
        assertDoesNotThrow(() -> ResultsFolder.check(dir, "name: x\n", false, true));
        assertDoesNotThrow(() -> ResultsFolder.check(dir, "name: other\n", false, false));
    }

    @Test
    void aFolderOfSomethingElseIsRefused() throws IOException {
        Files.writeString(dir.resolve("thesis.tex"), "\\documentclass{article}");
        assertThrows(ConfigException.class, () -> ResultsFolder.check(dir, "name: x\n", true, false));
    }
}
