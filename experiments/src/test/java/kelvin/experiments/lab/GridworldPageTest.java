package kelvin.experiments.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import kelvin.experiments.cli.Cli;
import kelvin.experiments.results.Mappers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gridworld viewer's API: its episodes are kelvin run's, its slider acts, its limits hold. */
class GridworldPageTest {
    @TempDir
    Path dir;

    private static String form(String map, String agent, String temperature, long seed) {
        return "{\"map\": \"" + map + "\", \"agent\": \"" + agent + "\", \"alpha\": 0.5, \"initial\": 0, "
                + "\"temperature\": " + temperature + ", \"seed\": " + seed + "}";
    }

    private static JsonNode ok(LabClient.Answer a) {
        assertEquals(200, a.status(), a.body());
        return a.json();
    }

    private static String error(LabClient.Answer a) {
        assertEquals(400, a.status(), a.body());
        String message = a.json().path("error").asText();
        assertTrue(!message.contains("\n") && !message.contains("Exception"), message);
        return message;
    }

    @Test
    void optionsListTheMapsAndTheTabularAgentsWithAPolicy() throws IOException {
        try (LabClient lab = new LabClient(dir, c -> List.of(new GridworldPage(c)))) {
            JsonNode o = ok(lab.get("/api/gridworld/options"));
            List<String> maps = new ArrayList<>();
            o.path("maps").forEach(n -> maps.add(n.asText()));
            assertTrue(maps.containsAll(List.of("four-rooms", "cliff-walking", "frozen-lake-4x4", "deep-sea-N")), maps
                    .toString());
            List<String> agents = new ArrayList<>();
            o.path("agents").forEach(n -> agents.add(n.asText()));
            assertTrue(agents.containsAll(List.of("q-learning", "sarsa", "expected-sarsa")), agents.toString());
            assertTrue(!agents.contains("ucb1") && !agents.contains("gradient-bandit"), agents.toString());
        }
    }

    /**
     * The session's episodes, visits and greedy actions equal those of kelvin run's run 0 on the
     * config the page shows: per-episode return and length from curves.csv (one run, a checkpoint
     * every episode) and the visits from states.csv.
     */
    @ParameterizedTest
    @CsvSource({"cliff-walking, sarsa, 2.0, 7", "four-rooms, q-learning, 0.1, 42", "deep-sea-6, expected-sarsa, 0.5, 3",
        "frozen-lake-4x4, q-learning, inf, 11"})
    void episodesEqualKelvinRun(String map, String agent, String temperature, long seed) throws IOException {
        int episodes = 25;
        JsonNode created;
        JsonNode after;
        try (LabClient lab = new LabClient(dir, c -> List.of(new GridworldPage(c)))) {
            String t = temperature.equals("inf") ? "\"inf\"" : temperature;
            created = ok(lab.post("/api/gridworld/sessions", form(map, agent, t, seed)));
            String id = created.path("id").asText();
            // in two requests, split inside an episode, to show that requests do not cut the run
            ok(lab.post("/api/gridworld/step", "{\"id\": \"" + id + "\", \"steps\": 37}"));
            after = ok(lab.post("/api/gridworld/step", "{\"id\": \"" + id + "\", \"episodes\": " + episodes + "}"));
        }
        int done = after.path("episodes").asInt();
        assertTrue(done >= episodes, "episodes " + done);
        String config = created.path("config").asText().replace("episodes: 1000", "episodes: " + done)
                + "metrics: [return, length]\nrecord: {points: " + done + "}\n";
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, config);
        Path out = dir.resolve("out");
        Cli cli = Cli.run("run", file.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, cli.exit(), cli.err());
        double[] returns = new double[done];
        double[] lengths = new double[done];
        for (String line : Files.readAllLines(out.resolve("curves.csv")).subList(1, 1 + 2 * done)) {
            String[] f = line.split(",");
            int e = Integer.parseInt(f[2]) - 1;
            (f[1].equals("return") ? returns : lengths)[e] = Double.parseDouble(f[3]);
        }
        assertArrayEquals(returns, numbers(after.path("returns")), 0.0);
        assertArrayEquals(lengths, numbers(after.path("lengths")), 0.0);
        List<String> states = Files.readAllLines(out.resolve("states.csv"));
        JsonNode visits = after.path("visits");
        // the session went on for the first steps of the next episode; the CLI stopped at the end
        long extra = after.path("inEpisode").asBoolean() ? after.path("path").size() : 0;
        long total = 0;
        long cli0 = 0;
        for (int s = 0; s < visits.size(); s++) {
            total += visits.get(s).asLong();
            cli0 += Long.parseLong(states.get(1 + s).split(",")[2]);
        }
        assertEquals(cli0 + extra, total);
        assertEquals(created.path("rows").asInt() * created.path("columns").asInt(), visits.size());
    }

    private static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    @Test
    void theSliderActsOnTheRunningAgent() throws IOException {
        try (LabClient lab = new LabClient(dir, c -> List.of(new GridworldPage(c)))) {
            String a = ok(lab.post("/api/gridworld/sessions", form("four-rooms", "q-learning", "0.5", 1))).path("id")
                    .asText();
            String b = ok(lab.post("/api/gridworld/sessions", form("four-rooms", "q-learning", "0.5", 1))).path("id")
                    .asText();
            ok(lab.post("/api/gridworld/step", "{\"id\": \"" + a + "\", \"episodes\": 20}"));
            ok(lab.post("/api/gridworld/step", "{\"id\": \"" + b + "\", \"episodes\": 20}"));
            JsonNode t = ok(lab.post("/api/gridworld/temperature", "{\"id\": \"" + b + "\", \"temperature\": 0}"));
            assertEquals(0.0, t.path("temperature").asDouble());
            JsonNode ra = ok(lab.post("/api/gridworld/step", "{\"id\": \"" + a + "\", \"episodes\": 30, "
                    + "\"from\": 20}"));
            JsonNode rb = ok(lab.post("/api/gridworld/step", "{\"id\": \"" + b + "\", \"episodes\": 30, "
                    + "\"from\": 20}"));
            assertEquals(30, ra.path("lengths").size());
            assertNotEquals(ra.path("lengths"), rb.path("lengths"));
            // greedy after 20 episodes: far fewer steps per episode than at T = 0.5
            assertTrue(sum(rb.path("lengths")) < sum(ra.path("lengths")), rb.path("lengths") + " vs "
                    + ra.path("lengths"));
            assertTrue(error(lab.post("/api/gridworld/temperature", "{\"id\": \"" + b + "\", \"temperature\": -1}"))
                    .startsWith("temperature: "));
            assertEquals("inf", ok(lab.post("/api/gridworld/temperature", "{\"id\": \"" + b
                    + "\", \"temperature\": \"inf\"}")).path("temperature").asText());
        }
    }

    private static double sum(JsonNode array) {
        double s = 0;
        for (JsonNode n : array) {
            s += n.asDouble();
        }
        return s;
    }

    @Test
    void aPastedEnvIsValidatedLikeKelvinRun() throws IOException {
        try (LabClient lab = new LabClient(dir, c -> List.of(new GridworldPage(c)))) {
            ObjectNode body = (ObjectNode) Mappers.JSON.readTree(form("four-rooms", "q-learning", "1", 1));
            body.put("env", "env:\n  type: gridworld\n  rows: [\"S..\", \".#.\", \"..G\"]\n  max-steps: 50\n");
            JsonNode created = ok(lab.post("/api/gridworld/sessions", body.toString()));
            assertEquals(3, created.path("rows").asInt());
            assertEquals("S..", created.path("layout").get(0).asText());
            assertEquals(50, created.path("maxSteps").asInt());
            body.put("env", "type: gridworld\nrows: [\"S..\", \".#.\", \"...\"]\n");
            String message = error(lab.post("/api/gridworld/sessions", body.toString()));
            assertTrue(message.startsWith("env:") && message.contains("goal"), message);
            body.put("env", "{type: gridworld, map: four-room}");
            message = error(lab.post("/api/gridworld/sessions", body.toString()));
            assertTrue(message.contains("env.map") && message.contains("four-rooms"), message);
            body.put("env", "{type: bernoulli-bandit, arms: 3}");
            error(lab.post("/api/gridworld/sessions", body.toString()));
            // any tabular MDP with a layout is drawn: river swim is one row of six states
            body.put("env", "{type: river-swim}");
            assertEquals(1, ok(lab.post("/api/gridworld/sessions", body.toString())).path("rows").asInt());
            body.remove("env");
            body.put("agent", "ucb1");
            error(lab.post("/api/gridworld/sessions", body.toString()));
        }
    }

    @Test
    void sessionsAndRequestsAreLimitedAndIdleSessionsExpire() throws IOException {
        AtomicLong now = new AtomicLong(1_000_000);
        GridworldPage[] page = new GridworldPage[1];
        try (LabClient lab = new LabClient(dir, c -> List.of(page[0] = new GridworldPage(c, now::get)))) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < GridworldPage.MAX_SESSIONS; i++) {
                ids.add(ok(lab.post("/api/gridworld/sessions", form("cliff-walking", "sarsa", "1", i))).path("id")
                        .asText());
            }
            assertTrue(error(lab.post("/api/gridworld/sessions", form("cliff-walking", "sarsa", "1", 9)))
                    .startsWith("at most 8 gridworld sessions"));
            String id = ids.get(0);
            assertTrue(error(lab.post("/api/gridworld/step", "{\"id\": \"" + id + "\", \"steps\": 100001}"))
                    .contains("above the limit of 100000"));
            assertTrue(error(lab.post("/api/gridworld/step", "{\"id\": \"" + id + "\", \"episodes\": 1001}"))
                    .contains("above the limit of 1000"));
            error(lab.post("/api/gridworld/step", "{\"id\": \"" + id + "\"}"));
            ok(lab.post("/api/gridworld/step", "{\"id\": \"" + id + "\", \"steps\": 100000}"));
            now.addAndGet(GridworldPage.IDLE_MILLIS - 1);
            ok(lab.post("/api/gridworld/step", "{\"id\": \"" + id + "\", \"steps\": 1}"));
            now.addAndGet(2);
            assertEquals(1, page[0].live());
            assertTrue(error(lab.post("/api/gridworld/step", "{\"id\": \"" + ids.get(1) + "\", \"steps\": 1}"))
                    .contains("expired"));
            assertTrue(ok(lab.post("/api/gridworld/close", "{\"id\": \"" + id + "\"}")).path("closed").asBoolean());
            ok(lab.post("/api/gridworld/sessions", form("cliff-walking", "sarsa", "1", 1)));
            page[0].close();
            assertEquals(0, page[0].live());
        }
    }
}
