package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import kelvin.experiments.config.Registry;
import org.junit.jupiter.api.Test;

/** The README's config reference and example list stay true to the code. */
class ReadmeTest {
    private static final Path README = Paths.get("..", "README.md");

    @Test
    void configReferenceIsTheGeneratedOne() throws IOException {
        String readme = Files.readString(README);
        String begin = "<!-- BEGIN GENERATED REFERENCE -->\n";
        String end = "<!-- END GENERATED REFERENCE -->";
        String section = readme.substring(readme.indexOf(begin) + begin.length(), readme.indexOf(end));
        assertEquals(ListCommand.markdown(Registry.builtIns()), section,
                "README's config reference is stale: paste the output of `kelvin list --markdown`");
    }

    @Test
    void everyExampleIsListedAndTheTestCommandMatchesCi() throws IOException {
        String readme = Files.readString(README);
        try (Stream<Path> examples = Files.list(Paths.get("examples"))) {
            examples.forEach(p -> assertTrue(readme.contains("experiments/examples/" + p.getFileName()),
                    p + " is not listed in the README"));
        }
        String ci = Files.readString(Paths.get("..", ".ci", "run"));
        assertTrue(readme.contains("mvn -B verify") && ci.contains("mvn -B verify"));
    }
}
