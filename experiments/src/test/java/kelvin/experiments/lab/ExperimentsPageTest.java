package kelvin.experiments.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kelvin.experiments.cli.Cli;
import kelvin.experiments.results.Mappers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentsPageTest {
    private static final String SMALL = """
            name: small
            seed: 7
            runs: 100
            steps: 200
            env: {type: gaussian-bandit, arms: 5}
            agents:
              eps:
                type: action-value
                policy: {type: epsilon-greedy, epsilon: 0.1}
              hot:
                type: action-value
                policy: {type: boltzmann, temperature: {schedule: fixed, value: 0.5}}
            metrics: [regret, reward]
            record: {points: 20}
            """;
    /** Long enough to be cancelled after its first variant: each variant takes a second or more. */
    private static final String SLOW = SMALL.replace("name: small", "name: slow").replace("runs: 100", "runs: 3000")
            .replace("steps: 200", "steps: 2000").replace("metrics:", "  third:\n    type: action-value\n"
            + "    policy: {type: boltzmann, temperature: {schedule: fixed, value: 0.1}}\nmetrics:");
    private static final List<String> FILES = List.of("curves.csv", "summary.csv", "runs.csv", "config.yaml");

    @TempDir
    Path dir;

    /** {@code kelvin run} of a config written to DIR/NAME.yaml, into DIR/cli. */
    private Path cliRun(String name, String yaml) throws IOException {
        Path config = Files.writeString(dir.resolve(name + ".yaml"), yaml);
        Path out = dir.resolve("cli");
        assertEquals(0, Cli.run("run", config.toString(), "--out", out.toString(), "--quiet").exit());
        return out;
    }

    private LabClient lab() throws IOException {
        return new LabClient(dir, c -> List.of(new ExperimentsPage(c)));
    }

    private static String body(Map<String, Object> fields) throws IOException {
        return Mappers.JSON.writeValueAsString(fields);
    }

    @Test
    void anInvalidConfigGetsTheCliMessageWithItsLineAndColumn() throws IOException {
        String text = SMALL.replace("arms: 5", "arms: -5");
        try (LabClient lab = lab()) {
            JsonNode v = lab.post("/api/experiments/validate", body(Map.of("text", text))).json();
            assertFalse(v.get("ok").asBoolean());
            Path file = dir.resolve("bad.yaml");
            Files.writeString(file, text);
            Cli cli = Cli.run("validate", file.toString());
            String cliLine = cli.err().strip().replace(file.toString(), "config.yaml");
            assertEquals(cliLine, v.get("message").asText());
            assertEquals(5, v.get("line").asInt());
            assertTrue(v.get("column").asInt() > 1, v.toString());
            assertFalse(v.get("message").asText().contains(dir.toString()));

            JsonNode named = lab.post("/api/experiments/validate", body(Map.of("text", text, "name", "bad.yaml")))
                    .json();
            assertTrue(named.get("message").asText().startsWith("error: bad.yaml:5:"), named.toString());
            JsonNode sneaky = lab.post("/api/experiments/validate", body(Map.of("text", text, "name", "/etc/x")))
                    .json();
            assertTrue(sneaky.get("message").asText().startsWith("error: config.yaml:5:"), sneaky.toString());

            JsonNode ok = lab.post("/api/experiments/validate", body(Map.of("text", SMALL))).json();
            assertTrue(ok.get("ok").asBoolean(), ok.toString());
            assertEquals("ok: config.yaml (small: 2 variants x 100 runs x 200 steps)", ok.get("message").asText());
        }
    }

    @Test
    void aConfigOverTheLabsBudgetIsRefusedAsKelvinValidateRefusesIt() throws IOException {
        String text = SMALL.replace("runs: 100", "runs: 2000000").replace("steps: 200", "steps: 1000000");
        Path file = dir.resolve("big.yaml");
        Files.writeString(file, text);
        Cli cli = Cli.run("validate", file.toString());
        assertEquals(2, cli.exit());
        try (LabClient lab = lab()) {
            JsonNode v = lab.post("/api/experiments/validate", body(Map.of("text", text, "name", "big.yaml"))).json();
            assertFalse(v.get("ok").asBoolean());
            assertEquals(cli.err().strip().replace(file.toString(), "big.yaml"), v.get("message").asText());
            LabClient.Answer run = lab.post("/api/experiments/run", body(Map.of("text", text)));
            assertEquals(400, run.status());
            assertFalse(Files.exists(dir.resolve("results")));
        }
    }

    @Test
    void theStarterIsTheQuickstartExampleAndValidates() throws IOException {
        try (LabClient lab = lab()) {
            JsonNode s = lab.get("/api/experiments/starter").json();
            Path examples = Path.of("examples", "quickstart.yaml");
            assertEquals(Files.readString(examples), s.get("text").asText());
            JsonNode v = lab.post("/api/experiments/validate", body(Map.of("text", s.get("text").asText()))).json();
            assertTrue(v.get("ok").asBoolean(), v.toString());
        }
    }

    @Test
    void aSuiteValidates() throws IOException {
        try (LabClient lab = lab()) {
            String text = Files.readString(Path.of("examples", "schedule-suite.yaml"));
            JsonNode v = lab.post("/api/experiments/validate", body(Map.of("text", text))).json();
            assertTrue(v.get("ok").asBoolean(), v.toString());
            assertTrue(v.get("suite").asBoolean());
        }
    }

    @Test
    void aRunWritesTheBytesOfKelvinRun() throws Exception {
        Path cliOut = cliRun("small", SMALL);
        try (LabClient lab = lab()) {
            LabClient.Answer started = lab.post("/api/experiments/run", body(Map.of("text", SMALL)));
            assertEquals(200, started.status(), started.body());
            assertEquals("results/small", started.json().get("folder").asText());
            JsonNode end = waitForEnd(lab);
            assertEquals("done", end.get("state").asText(), end.toString());
            assertEquals(2, end.get("cellsDone").asInt());
            assertSameBytes(cliOut, dir.resolve("results/small"));

            LabClient.Answer again = lab.post("/api/experiments/run", body(Map.of("text", SMALL)));
            assertEquals(409, again.status(), again.body());
            assertTrue(again.body().contains("Replace"), again.body());

            JsonNode list = lab.get("/api/experiments/results").json().get("results");
            assertTrue(list.toString().contains("\"folder\":\"results/small\""), list.toString());
            assertTrue(list.toString().contains("\"folder\":\"cli\""), list.toString());
            JsonNode curves = lab.get("/api/experiments/curves?folder=results/small").json();
            assertEquals(2, curves.get("cells").size());
            assertEquals(20, curves.get("cells").get(0).get("curves").get("regret").get("mean").size());

            JsonNode verdicts = lab.post("/api/experiments/compare", body(Map.of("a", "results/small",
                    "variantA", "eps", "b", "cli", "variantB", "hot"))).json();
            Cli cmp = Cli.run("compare", cliOut + ":eps", cliOut + ":hot", "--json");
            List<String> lines = cmp.out().lines().filter(l -> l.contains("\"verdict\"")).toList();
            assertEquals(2, lines.size(), cmp.out());
            for (int i = 0; i < lines.size(); i++) {
                JsonNode expected = Mappers.JSON.readTree(lines.get(i));
                JsonNode got = verdicts.get("comparisons").get(i);
                assertEquals(expected.get("verdict"), got.get("verdict"), verdicts.toString());
                assertEquals(expected.get("p"), got.get("p"));
            }
        }
    }

    @Test
    void aCancelledRunKeepsItsFinishedVariantsAndResumesToTheSameBytes() throws Exception {
        Path cliOut = cliRun("slow", SLOW);
        try (LabClient lab = lab()) {
            assertEquals(200, lab.post("/api/experiments/run", body(Map.of("text", SLOW, "folder", "mine")))
                    .status());
            LabClient.Answer second = lab.post("/api/experiments/run", body(Map.of("text", SMALL)));
            assertEquals(409, second.status());
            assertTrue(second.body().contains("an experiment is running already"), second.body());
            JsonNode s = lab.get("/api/experiments/status").json();
            for (long until = System.nanoTime() + 60_000_000_000L; s.get("cellsDone").asInt() < 1
                    && System.nanoTime() < until; ) {
                Thread.sleep(50);
                s = lab.get("/api/experiments/status").json();
            }
            assertEquals("running", s.get("state").asText(), s.toString());
            JsonNode cancelled = lab.post("/api/experiments/cancel", "{}").json();
            assertEquals("cancelled", cancelled.get("state").asText(), cancelled.toString());
            assertTrue(cancelled.get("message").asText().contains("Resume"), cancelled.toString());
            assertFalse(Files.exists(dir.resolve("mine/curves.csv")));

            LabClient.Answer resumed = lab.post("/api/experiments/run", body(Map.of("text", SLOW, "folder", "mine",
                    "mode", "resume")));
            assertEquals(200, resumed.status(), resumed.body());
            JsonNode end = waitForEnd(lab);
            assertEquals("done", end.get("state").asText(), end.toString());
            assertTrue(end.get("notes").toString().contains("resuming"), end.toString());
            assertSameBytes(cliOut, dir.resolve("mine"));
        }
    }

    @Test
    void stoppingTheLabCancelsTheRunAndKeepsItsFinishedVariants() throws Exception {
        Path config = dir.resolve("slow.yaml");
        Files.writeString(config, SLOW);
        try (LabClient lab = lab()) {
            assertEquals(200, lab.post("/api/experiments/run", body(Map.of("text", SLOW, "folder", "mine")))
                    .status());
            JsonNode s = lab.get("/api/experiments/status").json();
            for (long until = System.nanoTime() + 60_000_000_000L; s.get("cellsDone").asInt() < 1
                    && System.nanoTime() < until; ) {
                Thread.sleep(50);
                s = lab.get("/api/experiments/status").json();
            }
            assertEquals("running", s.get("state").asText(), s.toString());
        }
        assertFalse(Files.exists(dir.resolve("mine/curves.csv")));
        Cli resumed = Cli.run("run", config.toString(), "--out", dir.resolve("mine").toString(), "--resume");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("resuming: 1 of 3 variants already finished")
                || resumed.err().contains("resuming: 2 of 3 variants already finished"), resumed.err());
    }

    @Test
    void aSuiteRunsIntoTheFolderKelvinRunWrites() throws Exception {
        String suite = """
                name: tiny-suite
                seed: 3
                runs: 20
                envs:
                  five: {env: {type: gaussian-bandit, arms: 5}, steps: 100}
                  three: {env: {type: gaussian-bandit, arms: 3}, steps: 100}
                agents:
                  eps:
                    bandit: {type: action-value, policy: {type: epsilon-greedy, epsilon: 0.1}}
                  hot:
                    bandit: {type: action-value, policy: {type: boltzmann, temperature: 0.5}}
                """;
        Path cliOut = cliRun("suite", suite);
        try (LabClient lab = lab()) {
            LabClient.Answer started = lab.post("/api/experiments/run", body(Map.of("text", suite)));
            assertEquals(200, started.status(), started.body());
            JsonNode end = waitForEnd(lab);
            assertEquals("done", end.get("state").asText(), end.toString());
        }
        Path mine = dir.resolve("results/tiny-suite");
        List<Path> csv;
        try (var walk = Files.walk(cliOut)) {
            csv = walk.filter(p -> p.toString().endsWith(".csv")).toList();
        }
        assertTrue(csv.size() >= 6, csv.toString());
        for (Path f : csv) {
            Path rel = cliOut.relativize(f);
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(mine.resolve(rel)), rel.toString());
        }
    }

    @Test
    void pathsOutsideTheLabsFolderAreRefused() throws IOException {
        try (LabClient lab = lab()) {
            for (String bad : List.of("../x", "/etc", "results/../../x")) {
                String q = URLEncoder.encode(bad, StandardCharsets.UTF_8);
                assertEquals(403, lab.get("/api/experiments/curves?folder=" + q).status(), bad);
                assertEquals(403, lab.get("/api/experiments/config?path=" + q).status(), bad);
                assertEquals(403, lab.post("/api/experiments/run", body(Map.of("text", SMALL, "folder", bad)))
                        .status(), bad);
                assertEquals(403, lab.post("/api/experiments/compare", body(Map.of("a", bad, "b", bad))).status(),
                        bad);
            }
            assertFalse(lab.get("/api/experiments/status").body().contains("running"));
        }
    }

    private static JsonNode waitForEnd(LabClient lab) throws InterruptedException {
        JsonNode s = lab.get("/api/experiments/status").json();
        for (long until = System.nanoTime() + 120_000_000_000L; s.get("state").asText().equals("running")
                && System.nanoTime() < until; ) {
            Thread.sleep(100);
            s = lab.get("/api/experiments/status").json();
        }
        return s;
    }

    private static void assertSameBytes(Path expected, Path actual) throws IOException {
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
        }
        assertTrue(Files.isRegularFile(actual.resolve("report.html")));
    }
}
