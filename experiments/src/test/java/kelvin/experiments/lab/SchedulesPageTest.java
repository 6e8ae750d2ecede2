package kelvin.experiments.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.experiments.cli.Cli;
import kelvin.experiments.config.Registry;
import kelvin.experiments.plugin.Plugins;
import kelvin.experiments.results.Mappers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule explorer's API against {@code kelvin schedule} and the registry's declarations. */
class SchedulesPageTest {
    private static final Path PLUGIN = Path.of("examples", "plugins", "SqrtCooling.java");
    private static final String EXPONENTIAL = "{\"label\": \"exponential\", \"schedule\": \"exponential\", "
            + "\"keys\": {\"initial\": \"1.0\", \"decay\": \"0.995\", \"min\": \"0.01\"}}";
    private static final String ANNEALING = "{\"label\": \"sa-reheat\", \"schedule\": \"simulated-annealing\", "
            + "\"keys\": {\"initial\": \"1.0\", \"cooling\": \"0.8\", \"plateau\": \"50\", \"min\": \"0.01\", "
            + "\"reheat\": {\"patience\": \"200\", \"to\": \"0.3\"}}}";
    private static final String ENTROPY = "{\"label\": \"entropy-target\", \"schedule\": \"entropy-target\", "
            + "\"keys\": {\"initial\": \"1.0\", \"target-fraction\": \"0.1\", \"rate\": \"0.02\"}}";

    @TempDir
    static Path dir;
    private static LabClient lab;

    @BeforeAll
    static void start() throws IOException {
        Registry registry = Registry.builtIns().with(Plugins.load(List.of(PLUGIN)));
        lab = new LabClient(dir, registry, c -> List.of(new SchedulesPage(c)));
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static JsonNode trace(String env, int seed, int horizon, String... schedules) {
        LabClient.Answer a = lab.post("/api/schedules/trace", "{\"env\": \"" + env + "\", \"seed\": \"" + seed
                + "\", \"horizon\": \"" + horizon + "\", \"schedules\": [" + String.join(", ", schedules) + "]}");
        assertEquals(200, a.status(), a.body());
        return a.json();
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : switch (n.asText()) {
            case "inf", "Infinity" -> Double.POSITIVE_INFINITY;
            default -> throw new AssertionError("not a number: " + n);
        };
    }

    /**
     * The page's T_t equal {@code kelvin schedule CONFIG --json} for the same config: a pure
     * schedule, simulated annealing with reheating and an entropy target, which react to run 0.
     */
    @Test
    void theTemperaturesAreKelvinSchedules() throws IOException {
        int horizon = 3000;
        JsonNode page = trace("gaussian-bandit", 7, horizon, EXPONENTIAL, ANNEALING, ENTROPY);
        Path config = dir.resolve("schedules.yaml");
        Files.writeString(config, String.join("\n",
                "name: lab-schedules",
                "seed: 7",
                "runs: 1",
                "steps: " + horizon,
                "env: {type: gaussian-bandit}",
                "agents:",
                "  exponential:",
                "    type: action-value",
                "    policy: {type: boltzmann, temperature: {schedule: exponential, initial: 1.0, decay: 0.995, "
                        + "min: 0.01}}",
                "  sa-reheat:",
                "    type: action-value",
                "    policy: {type: boltzmann, temperature: {schedule: simulated-annealing, initial: 1.0, cooling: 0.8,"
                        + " plateau: 50, min: 0.01, reheat: {patience: 200, to: 0.3}}}",
                "  entropy-target:",
                "    type: action-value",
                "    policy: {type: boltzmann, temperature: {schedule: entropy-target, initial: 1.0, "
                        + "target-fraction: 0.1, rate: 0.02}}",
                ""));
        JsonNode t = page.get("t");
        assertEquals(2000, t.size());
        assertEquals(0, t.get(0).asLong());
        assertEquals(horizon - 1, t.get(1999).asLong());
        List<String> at = new ArrayList<>();
        t.forEach(v -> at.add(v.asText()));
        Cli cli = Cli.run("schedule", config.toString(), "--json", "--at", String.join(",", at));
        assertEquals(0, cli.exit(), cli.err());
        String[] lines = cli.out().strip().split("\n");
        assertEquals(3 * t.size(), lines.length);
        boolean reheated = false;
        for (int i = 0; i < lines.length; i++) {
            JsonNode row = Mappers.JSON.readTree(lines[i]);
            JsonNode series = page.get("series").get(i / t.size());
            assertEquals(row.get("variant").asText(), series.get("label").asText());
            assertEquals(row.get("t").asLong(), t.get(i % t.size()).asLong());
            double expected = number(row.get("temperature"));
            double got = number(series.get("temperatures").get(i % t.size()));
            assertEquals(expected, got, 0.0, row.toString());
            if (i / t.size() == 1 && i % t.size() > 0) {
                reheated |= got > number(series.get("temperatures").get(i % t.size() - 1));
            }
        }
        assertTrue(reheated, "simulated annealing reheats at least once in run 0, so the replay is a real one");
    }

    @Test
    void theFormsAreTheRegistrysDeclarationsPlugInsIncluded() {
        JsonNode components = lab.get("/api/schedules/components").json();
        List<Registry.Entry> entries = lab.context().registry().all(Kind.SCHEDULE);
        JsonNode schedules = components.get("schedules");
        assertEquals(entries.size(), schedules.size());
        for (int i = 0; i < entries.size(); i++) {
            Component<?> c = entries.get(i).component();
            JsonNode form = schedules.get(i);
            assertEquals(c.name(), form.get("name").asText());
            assertEquals(c.summary(), form.get("summary").asText());
            assertEquals(c.keys().size(), form.get("keys").size(), c.name());
            for (int j = 0; j < c.keys().size(); j++) {
                Key k = c.keys().get(j);
                assertEquals(k.name(), form.get("keys").get(j).get("name").asText());
                assertEquals(k.doc(), form.get("keys").get(j).get("doc").asText());
                assertEquals(k.required(), form.get("keys").get(j).get("required").asBoolean());
            }
        }
        JsonNode sqrt = schedules.get(schedules.size() - 1);
        assertEquals("sqrt-cooling", sqrt.get("name").asText());
        assertTrue(sqrt.get("plugin").asBoolean());
        assertTrue(components.get("environments").toString().contains("gaussian-bandit"));
        assertFalse(components.get("environments").toString().contains("gridworld"), "only bandits");
    }

    @Test
    void thePageAndItsScriptAreServedWithTheControlsTheScriptNames() {
        LabClient.Answer html = lab.get("/schedules");
        assertEquals(200, html.status());
        LabClient.Answer js = lab.get("/static/schedules.js");
        assertEquals(200, js.status());
        for (String id : List.of("sc-picker", "sc-add", "sc-chart", "sc-logy", "sc-env", "sc-seed", "sc-horizon",
                "sc-list", "sc-error")) {
            assertTrue(html.body().contains("id=\"" + id + "\""), id + " in schedules.html");
            assertTrue(js.body().contains("#" + id), id + " documented at the top of schedules.js");
        }
    }

    @Test
    void aPlugInScheduleIsTraced() {
        JsonNode page = trace("gaussian-bandit", 1, 100,
                "{\"label\": \"sqrt\", \"schedule\": \"sqrt-cooling\", \"keys\": {\"c\": \"2\"}}");
        JsonNode temperatures = page.get("series").get(0).get("temperatures");
        for (int t = 0; t < 100; t++) {
            assertEquals(2 / Math.sqrt(t + 1.0), temperatures.get(t).asDouble(), 0.0, "t = " + t);
        }
    }

    @Test
    void aBadKeyIsTheLoadersMessageAtItsScheduleTheOthersStillDrawn() {
        JsonNode page = trace("gaussian-bandit", 1, 100,
                "{\"label\": \"bad\", \"schedule\": \"exponential\", \"keys\": {\"initial\": \"1\", \"decay\": \"1.5\"}}",
                "{\"label\": \"missing\", \"schedule\": \"exponential\", \"keys\": {\"decay\": \"0.9\"}}",
                "{\"label\": \"yaml\", \"schedule\": \"exponential\", \"keys\": {\"initial\": \"[1\", \"decay\": \"0.9\"}}",
                "{\"label\": \"group\", \"schedule\": \"simulated-annealing\", \"keys\": {\"initial\": \"1\", "
                        + "\"cooling\": \"0.9\", \"plateau\": \"10\", \"reheat\": {\"patience\": \"0\", \"to\": \"\"}}}",
                EXPONENTIAL);
        JsonNode s = page.get("series");
        assertEquals("decay", s.get(0).get("key").asText());
        assertEquals("decay: 1.5 is out of range; expected a number in (0, 1]", s.get(0).get("error").asText());
        assertTrue(s.get(1).get("error").asText().contains("initial"), s.get(1).toString());
        assertEquals("initial", s.get(2).get("key").asText(), s.get(2).toString());
        assertTrue(s.get(2).get("error").asText().startsWith("initial: not valid YAML"), s.get(2).toString());
        assertEquals("reheat.patience", s.get(3).get("key").asText(), s.get(3).toString());
        for (int i = 0; i < 4; i++) {
            assertFalse(s.get(i).has("temperatures"));
            String error = s.get(i).get("error").asText();
            assertFalse(error.contains("\n") || error.contains("Exception") || error.contains("lab:"), error);
        }
        assertEquals(100, s.get(4).get("temperatures").size());
    }

    @Test
    void badSettingsAreA400WithOneLine() {
        String[][] cases = {
            {"{\"env\": \"gridworld\", \"seed\": 1, \"horizon\": 10, \"schedules\": []}", "env: 'gridworld' is not"},
            {"{\"env\": \"gaussian-bandit\", \"seed\": \"x\", \"horizon\": 10, \"schedules\": []}",
                "seed: 'x' is not a whole number"},
            {"{\"env\": \"gaussian-bandit\", \"seed\": 1, \"horizon\": \"0\", \"schedules\": []}",
                "horizon: 0 is not from 1 to 1000000"},
            {"{\"env\": \"gaussian-bandit\", \"seed\": 1, \"horizon\": 10, \"schedules\": [" + EXPONENTIAL + ", "
                    + EXPONENTIAL + "]}", "schedules: the label 'exponential' is used twice"},
        };
        for (String[] c : cases) {
            LabClient.Answer a = lab.post("/api/schedules/trace", c[0]);
            assertEquals(400, a.status(), c[0]);
            String error = a.json().get("error").asText();
            assertTrue(error.startsWith(c[1]), error);
        }
        assertEquals("", lab.errors());
    }
}
