package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kelvin solve --temperature} and {@code --temperatures}: soft (entropy-regularised) control. */
class SoftSolveCommandTest {

    private static final String CLIFF = "examples/sutton-barto-figure-6-4-cliff-walking.yaml";
    private static final String RIVER = "examples/river-swim.yaml";

    @TempDir
    Path tmp;

    @Test
    void temperatureZeroPrintsExactlyWhatValueIterationPrints() throws IOException {
        for (String config : new String[] {CLIFF, RIVER, "examples/frozen-lake-annealed.yaml"}) {
            assertEquals(Cli.run("solve", config, "--json").out(), Cli.run("solve", config, "--json",
                    "--temperature", "0").out(), config);
            Path png = tmp.resolve("map.png");
            Files.deleteIfExists(png);
            Cli hard = Cli.run("solve", config, "--png", png.toString());
            byte[] hardPng = Files.exists(png) ? Files.readAllBytes(png) : new byte[0];
            Files.deleteIfExists(png);
            Cli zero = Cli.run("solve", config, "--png", png.toString(), "--temperature", "0");
            assertEquals(0, zero.exit(), zero.err());
            assertEquals(hard.out(), zero.out(), config);
            assertArrayEquals(hardPng, Files.exists(png) ? Files.readAllBytes(png) : new byte[0], config);
        }
    }

    /**
     * Cliff walking at gamma = 1 and T = 0.5 (T ln 4 &lt; 1, so every endless walk still loses):
     * V_T(start) lies above V* = -13, the soft policy's true value below it, and
     * V_T = E_pi[Q_T] + T H in every state.
     */
    @Test
    void cliffWalkingSoftJson() throws IOException {
        Cli r = Cli.run("solve", CLIFF, "--json", "--temperature", "0.5");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(0.5, json.get("temperature").asDouble());
        double start = json.get("start_value").asDouble();
        double trueStart = json.get("true_start_value").asDouble();
        assertTrue(start > -13 && trueStart < -13, start + " " + trueStart);
        assertEquals(json.get("values").get(36).asDouble(), start, 0);
        for (String key : new String[] {"values", "policy", "q_values", "probabilities", "true_values", "entropies"}) {
            assertEquals(48, json.get(key).size(), key);
        }
        for (int s = 0; s < 48; s++) {
            JsonNode p = json.get("probabilities").get(s);
            JsonNode q = json.get("q_values").get(s);
            double sum = 0;
            double expectedQ = 0;
            int likeliest = 0;
            for (int a = 0; a < 4; a++) {
                sum += p.get(a).asDouble();
                expectedQ += p.get(a).asDouble() * q.get(a).asDouble();
                if (p.get(a).asDouble() > p.get(likeliest).asDouble()) {
                    likeliest = a;
                }
            }
            assertEquals(1, sum, 1e-12, "state " + s);
            assertEquals(likeliest, json.get("policy").get(s).asInt(), "state " + s);
            double h = json.get("entropies").get(s).asDouble();
            assertTrue(h >= 0 && h <= Math.log(4), "state " + s + ": " + h);
            assertEquals(json.get("values").get(s).asDouble(), expectedQ + 0.5 * h, 1e-9, "state " + s);
        }
        double mean = json.get("mean_entropy").asDouble();
        assertTrue(mean > 0 && mean < Math.log(4), "mean entropy " + mean);
    }

    @Test
    void softTextOutputsAndMap() throws IOException {
        Path png = tmp.resolve("soft.png");
        Cli grid = Cli.run("solve", CLIFF, "--temperature", "0.5", "--png", png.toString());
        assertEquals(0, grid.exit(), grid.err());
        assertTrue(grid.out().contains("temperature 0.5; V_T(start) = -11.74"), grid.out());
        assertTrue(grid.out().contains("entropy of the soft-optimal policy (nats):"), grid.out());
        assertTrue(Files.size(png) > 1000);
        Cli river = Cli.run("solve", RIVER, "--temperature", "1000");
        assertEquals(0, river.exit(), river.err());
        assertEquals(6, river.out().lines().filter(l -> l.startsWith("state ") && l.contains("pi = [")).count(),
                river.out());
    }

    /** The path is sorted; near T = 0 the soft policy is optimal, at large T on RiverSwim near uniform. */
    @Test
    void temperaturePathOnRiverSwim() throws IOException {
        Cli r = Cli.run("solve", RIVER, "--temperatures", "100000,1,1000", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("[1.0,1000.0,100000.0]", json.get("temperatures").toString());
        double optimal = json.get("optimal_start_value").asDouble();
        double uniform = json.get("uniform_start_value").asDouble();
        JsonNode values = json.get("true_start_values");
        assertEquals(optimal, values.get(0).asDouble(), 1e-6 * optimal);
        assertTrue(values.get(1).asDouble() < optimal && values.get(1).asDouble() > values.get(2).asDouble());
        assertEquals(uniform, values.get(2).asDouble(), 0.02 * uniform);
        assertEquals(Math.log(2), json.get("mean_entropies").get(2).asDouble(), 1e-3);

        Path png = tmp.resolve("path.png");
        Cli chart = Cli.run("solve", RIVER, "--temperatures", "1,1000,100000", "--png", png.toString());
        assertEquals(0, chart.exit(), chart.err());
        assertTrue(Files.size(png) > 1000);
        assertTrue(Files.size(tmp.resolve("path-entropy.png")) > 1000);
        assertEquals(3, chart.out().lines().filter(l -> l.matches(" +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+")).count(),
                chart.out());
    }

    @Test
    void badTemperaturesAreOneLineAndExitTwo() {
        String[][] bad = {
            {"--temperature", "-1"}, {"--temperature", "NaN"}, {"--temperature", "Infinity"},
            {"--temperature", "hot"}, {"--temperatures", "1"}, {"--temperatures", "0,1"},
            {"--temperatures", "1,1"}, {"--temperature", "1", "--temperatures", "1,2"},
        };
        for (String[] options : bad) {
            String[] args = new String[options.length + 2];
            args[0] = "solve";
            args[1] = CLIFF;
            System.arraycopy(options, 0, args, 2, options.length);
            Cli r = Cli.run(args);
            assertEquals(2, r.exit(), String.join(" ", options));
            String first = r.err().lines().findFirst().orElse("");
            assertTrue(first.startsWith("--temperature"), String.join(" ", options) + ": " + r.err());
        }
    }

    /** At gamma = 1 an endless walk on the frozen lake earns the entropy bonus forever. */
    @Test
    void gammaOneOnTheFrozenLakeFailsClearly() throws IOException {
        Path config = tmp.resolve("lake.yaml");
        Files.writeString(config, "name: lake\nenv: {type: gridworld, map: frozen-lake-4x4, gamma: 1}\n");
        Cli r = Cli.run("solve", config.toString(), "--temperature", "0.1");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("soft value iteration did not converge in 100000 sweeps (gamma = 1.0, T = 0.1)"),
                r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
