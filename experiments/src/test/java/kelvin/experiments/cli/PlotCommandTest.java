package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {

    @TempDir
    Path tmp;

    private Path run(String name, String... extra) {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("run", CliTest.QUICKSTART, "--runs", "20", "--out", out.toString(),
                "--quiet", "--threads", "2"));
        args.addAll(List.of(extra));
        Cli r = Cli.run(args.toArray(new String[0]));
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    @Test
    void plotRedrawsTheSameChartsFromTheCsvFilesAlone() throws IOException {
        Path out = run("qs");
        byte[] regret = Files.readAllBytes(out.resolve("plots/regret.png"));
        String report = Files.readString(out.resolve("report.html"));
        // Nothing but the folder's files is used: the per-cell store of the run is gone.
        deleteTree(out.resolve("cells"));
        Files.delete(out.resolve("plots/regret.png"));
        Cli r = Cli.run("plot", out.toString(), "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertArrayEquals(regret, Files.readAllBytes(out.resolve("plots/regret.png")));
        assertEquals(report, Files.readString(out.resolve("report.html")));
    }

    @Test
    void metricsAndTimeAxisOptionsRedrawOnlyWhatIsAskedAndKeepTheManifestTrue() throws IOException {
        Path out = run("opts");
        byte[] before = Files.readAllBytes(out.resolve("plots/regret.png"));
        Cli r = Cli.run("plot", out.toString(), "--metrics", "regret,entropy", "--time-axis", "log",
                "--baseline", "eps-0.1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("report.html"), r.out());
        assertFalse(Files.exists(out.resolve("plots/reward.png")), "charts no longer drawn are removed");
        assertTrue(Files.exists(out.resolve("plots/entropy.png")));
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("plots/regret.png"))),
                "a log time axis is a different picture");
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        List<String> files = new ArrayList<>();
        manifest.get("files").forEach(f -> files.add(f.asText()));
        assertEquals(files.size(), files.stream().distinct().count(), "no file listed twice: " + files);
        for (String f : files) {
            assertTrue(Files.exists(out.resolve(f)), f + " is listed and present");
        }
        assertFalse(files.contains("plots/reward.png"));
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("Paired differences against eps-0.1"), "the chosen baseline is used");
    }

    @Test
    void badFoldersAndOptionsExitTwoWithOneClearMessage() throws IOException {
        Cli notResults = Cli.run("plot", tmp.toString());
        assertEquals(2, notResults.exit());
        assertTrue(notResults.err().contains("no config.yaml"), notResults.err());

        Path out = run("bad");
        Cli metric = Cli.run("plot", out.toString(), "--metrics", "regret,coverage");
        assertEquals(2, metric.exit());
        assertTrue(metric.err().contains("'coverage' is not recorded") && metric.err().contains("optimal-action"),
                metric.err());
        Cli baseline = Cli.run("plot", out.toString(), "--baseline", "nobody");
        assertEquals(2, baseline.exit());
        assertTrue(baseline.err().contains("eps-0.1, boltzmann-0.2, annealed"), baseline.err());

        List<String> lines = new ArrayList<>(Files.readAllLines(out.resolve("runs.csv")));
        lines.set(5, lines.get(5).replaceFirst(",[^,]*,", ",oops,"));
        Files.write(out.resolve("runs.csv"), lines);
        Cli corrupt = Cli.run("plot", out.toString());
        assertEquals(2, corrupt.exit());
        assertTrue(corrupt.err().contains("runs.csv:6: run 'oops' is not a number"), corrupt.err());
        assertFalse(corrupt.err().contains("\tat "), "no stack trace");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
