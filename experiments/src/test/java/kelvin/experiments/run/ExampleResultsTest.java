package kelvin.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kelvin.experiments.cli.Cli;
import kelvin.experiments.results.SuiteWriter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shipped example, run at its full size, writes exactly the result tables whose SHA-256
 * hashes are checked in ({@code example-result-hashes.txt}): the numbers users have seen, reproduced
 * in the README and in the book figures, cannot change by accident, whatever is rebuilt underneath.
 */
class ExampleResultsTest {

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyExampleGivesItsCheckedInBytes() throws IOException {
        Map<String, Map<String, String>> expected = expectedHashes();
        List<Path> configs;
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            configs = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(expected.keySet(), new java.util.TreeSet<>(configs.stream()
                .map(p -> p.getFileName().toString().replace(".yaml", "")).toList()),
                "every example has hashes, and every hash an example");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path config : configs) {
            String name = config.getFileName().toString().replace(".yaml", "");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Path out = tmp.resolve(name);
                Cli r = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet", "--no-plots",
                        "--threads", "2");
                assertEquals(0, r.exit(), r.err());
                Map<String, String> found = new TreeMap<>();
                List<String> folders = new ArrayList<>(List.of(""));
                if (SuiteWriter.isSuite(out)) {
                    folders.clear();
                    for (Path env : SuiteWriter.environmentFolders(out)) {
                        folders.add(out.relativize(env).toString().replace('\\', '/') + "/");
                    }
                    for (String file : new String[] {"scorecard.csv", "aggregate.csv", "profiles.csv"}) {
                        found.put(file, sha256(Files.readAllBytes(out.resolve(file))));
                    }
                }
                for (String folder : folders) {
                    for (String file : new String[] {"curves.csv", "summary.csv", "runs.csv", "states.csv"}) {
                        if (Files.exists(out.resolve(folder + file))) {
                            found.put(folder + file, sha256(Files.readAllBytes(out.resolve(folder + file))));
                        }
                    }
                }
                assertEquals(expected.get(name), found, name);
            }));
        }
        return tests.stream();
    }

    private static Map<String, Map<String, String>> expectedHashes() throws IOException {
        Map<String, Map<String, String>> hashes = new TreeMap<>();
        try (InputStream in = ExampleResultsTest.class.getResourceAsStream("/example-result-hashes.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split(" +");
                hashes.computeIfAbsent(f[0], k -> new TreeMap<>()).put(f[1], f[2]);
            }
        }
        return hashes;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
