package kelvin.experiments.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import kelvin.api.Kind;
import kelvin.experiments.config.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every form a plug-in path may take, and how a bad one is refused. */
class PluginsTest {
    private static final Path EXAMPLES = Path.of("examples", "plugins");
    private static final List<String> NAMES = List.of("decaying-epsilon", "sqrt-cooling", "top-two-share",
            "visit-cooled-q");

    @TempDir
    Path tmp;

    private static List<String> names(List<LoadedComponent> loaded) {
        return loaded.stream().map(c -> c.component().name()).sorted().toList();
    }

    /** Compiles the example sources with javac into {@code out}, as a user's build would. */
    private static Path compileExamples(Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path"),
                "-proc:none"));
        try (Stream<Path> sources = Files.list(EXAMPLES)) {
            sources.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> args.add(p.toString()));
        }
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the examples compile with javac");
        return out;
    }

    private static void services(Path classes, String... lines) throws IOException {
        Path file = classes.resolve("META-INF/services/kelvin.api.Component");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    private static Path jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> entries = Files.walk(classes)) {
            for (Path p : entries.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void aFolderOfSourcesIsCompiledInMemory() {
        List<LoadedComponent> loaded = Plugins.load(List.of(EXAMPLES));
        assertEquals(NAMES, names(loaded));
        assertTrue(loaded.stream().allMatch(c -> c.origin().contains("plugins")));
    }

    @Test
    void aSingleSourceFileIsOnePlugin() {
        List<LoadedComponent> loaded = Plugins.load(List.of(EXAMPLES.resolve("SqrtCooling.java")));
        assertEquals(List.of("sqrt-cooling"), names(loaded));
        assertEquals(Kind.SCHEDULE, loaded.get(0).component().kind());
    }

    @Test
    void aClassFolderIsScannedWithoutAServicesFileAndFollowsOneWithIt() throws IOException {
        Path classes = compileExamples(Files.createDirectories(tmp.resolve("classes")));
        assertEquals(NAMES, names(Plugins.load(List.of(classes))));
        services(classes, "# only the schedule", "SqrtCooling$Declaration");
        assertEquals(List.of("sqrt-cooling"), names(Plugins.load(List.of(classes))));
    }

    @Test
    void aJarWithAServicesFileIsLoaded() throws IOException {
        Path classes = compileExamples(Files.createDirectories(tmp.resolve("classes")));
        services(classes, "SqrtCooling$Declaration", "DecayingEpsilonGreedy$Declaration", "TopTwoShare$Declaration",
                "VisitCooledQLearning$Declaration");
        Path jar = jar(classes, tmp.resolve("examples.jar"));
        assertEquals(NAMES, names(Plugins.load(List.of(jar))));
        assertEquals(Registry.builtIns().all(Kind.SCHEDULE).size() + 1,
                Registry.builtIns().with(Plugins.load(List.of(jar))).all(Kind.SCHEDULE).size(),
                "one schedule joins the built-ins");
    }

    @Test
    void aServicesFileNamingAMissingClassIsRefused() throws IOException {
        Path classes = compileExamples(Files.createDirectories(tmp.resolve("classes")));
        services(classes, "NoSuchDeclaration");
        PluginException e = assertThrows(PluginException.class, () -> Plugins.load(List.of(classes)));
        assertTrue(e.getMessage().contains("NoSuchDeclaration"), e.getMessage());
    }

    @Test
    void pathsWithoutComponentsOrOfTheWrongFormAreRefused() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertTrue(assertThrows(PluginException.class, () -> Plugins.load(List.of(empty))).getMessage()
                .contains("holds no Kelvin component"));
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello");
        assertTrue(assertThrows(PluginException.class, () -> Plugins.load(List.of(text))).getMessage()
                .contains("not a plug-in"));
        Path fakeJar = Files.writeString(tmp.resolve("fake.jar"), "not a zip");
        assertThrows(PluginException.class, () -> Plugins.load(List.of(fakeJar)));
    }

    @Test
    void theEnvironmentVariableAddsPathsAfterTheCommandLineEachOnce() {
        String env = String.join(File.pathSeparator, "b", " ", "a", "c");
        assertEquals(List.of(Path.of("a"), Path.of("b"), Path.of("c")), Plugins.paths(List.of(Path.of("a")), env));
        assertEquals(List.of(), Plugins.paths(List.of(), null));
    }

    @Test
    void twoPluginsWithOneNameAreRefusedNamingBoth() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.copy(EXAMPLES.resolve("SqrtCooling.java"), other.resolve("SqrtCooling.java"));
        List<LoadedComponent> both = Plugins.load(List.of(EXAMPLES.resolve("SqrtCooling.java"), other));
        RuntimeException e = assertThrows(RuntimeException.class, () -> Registry.builtIns().with(both));
        assertTrue(e.getMessage().contains("'sqrt-cooling'") && e.getMessage().contains("other")
                && e.getMessage().contains("SqrtCooling.java"), e.getMessage());
    }
}
