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
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file in src/test/resources/bad-configs fails `validate` and `run` alike with exit code 2, one
 * line naming the file and the offending key or value (the file's "# expect:" comment), no stack
 * trace, and nothing on disk.
 */
class BadConfigCorpusTest {
    private static final Path CORPUS = Paths.get("src", "test", "resources", "bad-configs");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyBadConfigFailsCleanly() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(CORPUS)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 30, "at least 30 bad configs, found " + files.size());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String expect = Files.readAllLines(file).get(0).replaceFirst("^# expect: ", "");
            for (String command : new String[] {"validate", "run"}) {
                Path out = tmp.resolve(file.getFileName() + "-" + command);
                Cli r = "run".equals(command)
                        ? Cli.run("run", file.toString(), "--out", out.toString(), "--quiet")
                        : Cli.run("validate", file.toString());
                assertEquals(2, r.exit(), command + ": " + r.err());
                String err = r.err().strip();
                assertEquals(1, err.lines().count(), command + ": one line: " + err);
                assertTrue(err.contains(file.toString()), command + ": names the file: " + err);
                assertTrue(err.contains(expect), command + ": names '" + expect + "': " + err);
                assertFalse(err.contains("Exception") || err.contains("\tat "), command + ": no trace: " + err);
                assertFalse(Files.exists(out), command + ": nothing written");
            }
        }));
    }
}
