package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's Maven coordinates name artifacts this build installs, at its version. */
class ReadmeLibraryTest {
    private static final Path ROOT = Paths.get("..");

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        assertTrue(m.find(), "no match for " + regex);
        return m.group(1);
    }

    /** The artifact ids of the reactor's modules, read from their poms (after the parent block). */
    private static List<String> moduleArtifacts() throws IOException {
        String root = Files.readString(ROOT.resolve("pom.xml"));
        List<String> ids = new ArrayList<>();
        Matcher modules = Pattern.compile("<module>([a-z]+)</module>").matcher(root);
        while (modules.find()) {
            String pom = Files.readString(ROOT.resolve(modules.group(1)).resolve("pom.xml"));
            ids.add(first(pom.substring(pom.indexOf("</parent>")), "<artifactId>([^<]+)</artifactId>"));
        }
        return ids;
    }

    @Test
    void theDependencySnippetNamesAnInstalledArtifactAtTheBuildsVersion() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String snippet = first(readme, "```xml\\s*(<dependency>.*?</dependency>)\\s*```");
        String root = Files.readString(ROOT.resolve("pom.xml"));
        assertEquals(first(root, "<groupId>([^<]+)</groupId>"), first(snippet, "<groupId>([^<]+)</groupId>"));
        assertEquals(first(root, "<artifactId>kelvin-parent</artifactId>\\s*<version>([^<]+)</version>"),
                first(snippet, "<version>([^<]+)</version>"));
        List<String> modules = moduleArtifacts();
        assertTrue(modules.contains(first(snippet, "<artifactId>([^<]+)</artifactId>")), snippet);
        Matcher alternatives = Pattern.compile("(kelvin-[a-z]+)").matcher(first(snippet, "<!--(.*?)-->"));
        while (alternatives.find()) {
            assertTrue(modules.contains(alternatives.group(1)), alternatives.group(1) + " is not a module");
        }
    }
}
