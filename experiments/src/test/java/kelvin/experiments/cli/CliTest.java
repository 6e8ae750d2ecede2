package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kelvin.api.Component;
import kelvin.api.Kind;
import kelvin.experiments.config.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    static final String QUICKSTART = "examples/quickstart.yaml";

    @TempDir
    Path tmp;

    @Test
    void runWritesEveryResultFile() throws IOException {
        Path out = tmp.resolve("qs");
        Cli r = Cli.run("run", QUICKSTART, "--runs", "20", "--out", out.toString(), "--quiet", "--threads", "2");
        assertEquals(0, r.exit(), r.err());
        for (String f : new String[] {"config.yaml", "manifest.json", "curves.csv", "summary.csv", "report.html",
            "plots/regret.png", "plots/regret.svg", "plots/temperature.png", "plots/entropy.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals("variant,metric,t,mean,stderr,ci95_low,ci95_high,n",
                Files.readAllLines(out.resolve("curves.csv")).get(0));
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("data:image/png;base64,"), "images embedded");
        assertTrue(r.out().contains("eps-0.1"), r.out());
        try (var files = Files.list(out)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files left");
        }
    }

    @Test
    void noPlotsWritesTablesOnly() {
        Path out = tmp.resolve("np");
        Cli r = Cli.run("run", QUICKSTART, "--runs", "5", "--out", out.toString(), "--no-plots", "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(out.resolve("curves.csv")));
        assertFalse(Files.exists(out.resolve("report.html")));
        assertFalse(Files.exists(out.resolve("plots")));
    }

    @Test
    void badConfigExitsTwoWithOneLineAndWritesNothing() throws IOException {
        Path config = tmp.resolve("bad.yaml");
        Files.writeString(config, "name: bad\nruns: 10\nsteps: 10\nenv: {type: gaussian-bandit}\n"
                + "agents:\n  a: {type: action-value, policy: {type: epsilon-greedy, epsilon: 2}}\n");
        Path out = tmp.resolve("never");
        Cli r = Cli.run("run", config.toString(), "--out", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: " + config + ":6:"), r.err());
        assertTrue(r.err().contains("agents.a.policy.epsilon"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void missingFileAndBadOptionsExitTwo() {
        assertEquals(2, Cli.run("run", tmp.resolve("nope.yaml").toString()).exit());
        assertEquals(2, Cli.run("run", QUICKSTART, "--threads", "zero").exit());
        assertEquals(2, Cli.run("run", QUICKSTART, "--threads", "0").exit());
        assertEquals(2, Cli.run("frobnicate").exit());
    }

    @Test
    void validateReportsEachFile() throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "name: x\n");
        Cli r = Cli.run("validate", QUICKSTART, bad.toString());
        assertEquals(2, r.exit());
        assertTrue(r.out().contains("ok: " + QUICKSTART), r.out());
        assertTrue(r.err().contains(bad.toString()), r.err());
        assertEquals(0, Cli.run("validate", QUICKSTART, "examples/bernoulli-bandit.yaml").exit());
    }

    @Test
    void softmaxJsonGivesTheDesignNumbers() throws IOException {
        Cli r = Cli.run("softmax", "--logits", "2,1,0.1", "--temperatures", "0.5,1,2", "--json");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(3, lines.length);
        ObjectMapper json = new ObjectMapper();
        double[][] expected = {{0.863777, 0.116900, 0.019323}, {0.659001, 0.242433, 0.098566},
            {0.501688, 0.304289, 0.194023}};
        double[] temperatures = {0.5, 1, 2};
        for (int i = 0; i < 3; i++) {
            JsonNode row = json.readTree(lines[i]);
            assertEquals(temperatures[i], row.get("temperature").asDouble());
            assertEquals(1 / temperatures[i], row.get("beta").asDouble(), 1e-15);
            double entropy = 0;
            for (int a = 0; a < 3; a++) {
                double p = row.get("probabilities").get(a).asDouble();
                assertEquals(expected[i][a], p, 1e-6);
                assertEquals(Math.log(p), row.get("log_probabilities").get(a).asDouble(), 1e-12);
                entropy -= p * Math.log(p);
            }
            assertEquals(entropy, row.get("entropy").asDouble(), 1e-12);
        }
    }

    @Test
    void softmaxAcceptsBetasAndInfinity() {
        Cli r = Cli.run("softmax", "--logits", "1,0", "--temperatures", "inf", "--betas", "0", "--json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"probabilities\":[0.5,0.5]"), r.out());
        assertEquals(2, Cli.run("softmax", "--logits", "1,0", "--temperatures", "-1").exit());
        assertEquals(2, Cli.run("softmax", "--logits", "1,x", "--temperatures", "1").exit());
    }

    @Test
    void listNamesEveryRegisteredTypeAndKey() {
        Cli r = Cli.run("list");
        assertEquals(0, r.exit());
        for (Kind kind : Kind.values()) {
            for (Registry.Entry entry : Registry.builtIns().all(kind)) {
                Component<?> t = entry.component();
                assertTrue(r.out().contains(t.name()), t.name());
                t.keys().forEach(k -> assertTrue(r.out().contains(k.name()), t.name() + "." + k.name()));
            }
        }
    }

    @Test
    void scheduleJsonRowsFollowTheFormulas() throws IOException {
        Cli r = Cli.run("schedule", QUICKSTART, "--at", "0,1,100,999", "--json");
        assertEquals(0, r.exit(), r.err());
        ObjectMapper json = new ObjectMapper();
        boolean sawAnnealed = false;
        for (String line : r.out().strip().split("\n")) {
            JsonNode row = json.readTree(line);
            if (row.get("variant").asText().equals("annealed")) {
                long t = row.get("t").asLong();
                assertEquals(Math.max(0.01, Math.pow(0.995, t)), row.get("temperature").asDouble(), 1e-15);
                sawAnnealed = true;
            }
            assertFalse(row.get("variant").asText().startsWith("eps"), "epsilon-greedy has no temperature");
        }
        assertTrue(sawAnnealed);
    }

    @Test
    void schedulePreviewWritesAPng() throws IOException {
        Path png = tmp.resolve("s.png");
        Cli r = Cli.run("schedule", QUICKSTART, "--png", png.toString());
        assertEquals(0, r.exit(), r.err());
        byte[] bytes = Files.readAllBytes(png);
        assertEquals((byte) 0x89, bytes[0]);
        assertTrue(r.out().contains("chart: " + png), r.out());
    }

    @Test
    void versionAndHelp() {
        Cli v = Cli.run("--version");
        assertEquals(0, v.exit());
        assertTrue(v.out().startsWith("kelvin "), v.out());
        Cli h = Cli.run("--help");
        assertEquals(0, h.exit());
        assertTrue(h.out().contains("Exit codes"), h.out());
        for (String cmd : new String[] {"run", "validate", "list", "softmax", "schedule"}) {
            assertEquals(0, Cli.run(cmd, "--help").exit(), cmd);
        }
    }
}
