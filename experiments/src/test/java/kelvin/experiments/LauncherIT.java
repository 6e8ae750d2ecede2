package kelvin.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import kelvin.experiments.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user does, after {@code mvn package}: the {@code ./kelvin} launcher runs the example
 * plug-ins from their sources; the same sources built into a jar against kelvin.jar alone give the
 * same bytes through {@code --plugin JAR}; and a million runs fit in a 32 MB heap, charts and report
 * included, because per-run values go to disk as they are made.
 */
class LauncherIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path JAR = ROOT.resolve("experiments/target/kelvin.jar");
    private static final Path EXAMPLES = ROOT.resolve("experiments/examples/plugins");

    @TempDir
    Path tmp;

    private record Result(int exit, String err) {
    }

    private Result exec(List<String> command) throws IOException, InterruptedException {
        Path err = tmp.resolve("stderr-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "finished: " + command);
        return new Result(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }

    private Result kelvin(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("kelvin").toString()));
        command.addAll(List.of(args));
        Result r = exec(command);
        assertFalse(r.err().contains("building the CLI"), "the launcher uses the packaged jar: " + r.err());
        Cli.assertNoInternals(args, r.err());
        return r;
    }

    private Path jarOfTheExamples() throws IOException {
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", JAR.toString(), "-proc:none"));
        List<String> declarations = new ArrayList<>();
        try (Stream<Path> sources = Files.list(EXAMPLES)) {
            for (Path p : sources.filter(s -> s.toString().endsWith(".java")).sorted().toList()) {
                args.add(p.toString());
                declarations.add(p.getFileName().toString().replace(".java", "$Declaration"));
            }
        }
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "javac against kelvin.jar");
        Path services = classes.resolve("META-INF/services/kelvin.api.Component");
        Files.createDirectories(services.getParent());
        Files.write(services, declarations);
        Path jar = tmp.resolve("example-plugins.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> entries = Files.walk(classes)) {
            for (Path p : entries.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void theLauncherRunsThePluginSourcesAndAJarOfThemGivesTheSameBytes() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "mvn package built " + JAR);
        Path fromSources = tmp.resolve("sources");
        Path fromJar = tmp.resolve("jar");
        for (String config : List.of("plugins-testbed.yaml", "plugins-four-rooms.yaml")) {
            String path = "experiments/examples/plugins/" + config;
            Result a = kelvin("run", path, "--plugin", "experiments/examples/plugins", "--runs", "20", "--out",
                    fromSources.resolve(config).toString(), "--quiet");
            assertEquals(0, a.exit(), a.err());
            Result b = kelvin("run", path, "--plugin", jarOfTheExamples().toString(), "--runs", "20", "--out",
                    fromJar.resolve(config).toString(), "--quiet", "--threads", "1");
            assertEquals(0, b.exit(), b.err());
            for (String f : List.of("curves.csv", "summary.csv", "runs.csv")) {
                assertArrayEquals(Files.readAllBytes(fromSources.resolve(config).resolve(f)),
                        Files.readAllBytes(fromJar.resolve(config).resolve(f)), config + " " + f);
            }
            assertTrue(Files.exists(fromSources.resolve(config).resolve("report.html")));
        }
        assertTrue(Files.exists(fromSources.resolve("plugins-testbed.yaml/plots/top-two-share.png")));
    }

    @Test
    void aMillionRunsFitInA32MegabyteHeap() throws Exception {
        Path config = Files.writeString(tmp.resolve("million.yaml"), String.join("\n", "name: million", "seed: 5",
                "runs: 1000000", "steps: 10", "env: {type: gaussian-bandit, arms: 3}", "agents:",
                "  soft: {type: action-value, policy: {type: boltzmann, temperature: 0.5}}",
                "  greedy: {type: action-value, policy: {type: epsilon-greedy, epsilon: 0}}",
                "metrics: [regret, reward]", "record: {points: 5}", ""));
        Path out = tmp.resolve("million");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Result r = exec(List.of(java, "-Xmx32m", "-jar", JAR.toString(), "run", config.toString(), "--out",
                out.toString(), "--quiet", "--threads", "2"));
        assertEquals(0, r.exit(), r.err());
        try (Stream<String> lines = Files.lines(out.resolve("runs.csv"))) {
            assertEquals(2_000_001, lines.count(), "a header and a row per variant and run");
        }
        assertTrue(Files.readString(out.resolve("report.html")).contains("every 100th run"));
    }
}
