package kelvin.experiments.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import kelvin.experiments.cli.Cli;
import kelvin.experiments.results.Mappers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The softmax explorer's API against {@code kelvin softmax} and the Boltzmann policy's javadoc example. */
class SoftmaxPageTest {
    @TempDir
    static Path dir;
    private static LabClient lab;

    @BeforeAll
    static void start() throws IOException {
        lab = new LabClient(dir, c -> List.of(new SoftmaxPage()));
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static JsonNode compute(String body) {
        LabClient.Answer a = lab.post("/api/softmax/compute", body);
        assertEquals(200, a.status(), a.body());
        return a.json();
    }

    /** A number of the lab's or the CLI's JSON: both write infinities as strings. */
    private static double number(JsonNode n) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        return switch (n.asText()) {
            case "inf", "Infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw new AssertionError("not a number: " + n);
        };
    }

    private static double[] numbers(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(array.get(i));
        }
        return v;
    }

    private static void assertSameAsCli(String logits, String temperatures, String betas) throws IOException {
        Cli cli = Cli.run("softmax", "--logits", logits, "--temperatures", temperatures, "--betas", betas, "--json");
        assertEquals(0, cli.exit(), cli.err());
        String[] lines = cli.out().strip().split("\n");
        String[] ts = temperatures.split(",");
        String[] bs = betas.split(",");
        assertEquals(ts.length + bs.length, lines.length);
        for (int i = 0; i < lines.length; i++) {
            JsonNode expected = Mappers.JSON.readTree(lines[i]);
            String field = i < ts.length ? "\"temperature\": \"" + ts[i] + "\"" : "\"beta\": \"" + bs[i - ts.length] + "\"";
            JsonNode got = compute("{\"logits\": \"" + logits + "\", " + field + "}");
            String what = "at " + field;
            assertEquals(number(expected.get("temperature")), number(got.get("temperature")), what);
            assertEquals(number(expected.get("beta")), number(got.get("beta")), what);
            // exact: the same Softmax calls, bit for bit
            assertTrue(Arrays.equals(numbers(expected.get("probabilities")), numbers(got.get("probabilities"))),
                    what + ": " + expected.get("probabilities") + " vs " + got.get("probabilities"));
            assertTrue(Arrays.equals(numbers(expected.get("log_probabilities")),
                    numbers(got.get("log_probabilities"))), what);
            assertEquals(expected.get("entropy").asDouble(), got.get("entropy").asDouble(), 0.0, what);
        }
    }

    @Test
    void withoutOptionsTheNumbersAreKelvinSoftmaxs() throws IOException {
        assertSameAsCli("2,1,0.1", "0,0.05,0.5,1,3.7,inf", "2,0");
        assertSameAsCli("1,1,0,-2", "0,1,inf", "0.25");
    }

    @Test
    void withoutOptionsTheNumbersAreKelvinSoftmaxsForAThousandActions() throws IOException {
        String logits = lab.get("/api/softmax/preset?k=1000").json().get("logits").asText().replace(" ", "");
        assertEquals(1000, logits.split(",").length);
        assertSameAsCli(logits, "0,0.01,0.3,10,inf", "4");
    }

    @Test
    void theEntropyIsAgainstLnKAndTheCurveEndsAtGreedyAndUniform() {
        JsonNode r = compute("{\"logits\": \"2, 1, 0.1\", \"temperature\": \"1\"}");
        assertEquals(Math.log(3), r.get("max_entropy").asDouble(), 0.0);
        JsonNode curve = r.get("curve");
        assertEquals(61, curve.get("log10_t").size());
        assertEquals(-3, curve.get("log10_t").get(0).asDouble(), 1e-12);
        assertEquals(3, curve.get("log10_t").get(60).asDouble(), 1e-12);
        assertEquals(0.0, curve.get("greedy").asDouble(), 0.0);
        assertEquals(Math.log(3), curve.get("uniform").asDouble(), 0.0);
        // at the grid's T = 1 the curve holds the entropy shown for T = 1
        assertEquals(r.get("entropy").asDouble(), curve.get("entropy").get(30).asDouble(), 1e-12);
        double[] h = numbers(curve.get("entropy"));
        for (int i = 1; i < h.length; i++) {
            assertTrue(h[i] >= h[i - 1] - 1e-12, "the entropy grows with T, at grid point " + i);
        }
    }

    /** The example of Boltzmann's javadoc: Q = (2, 1, 0.1) at T = 1. */
    @Test
    void topKTopPAndFloorAreTheBoltzmannPolicysOptions() {
        double z0 = Math.exp(2);
        double z1 = Math.exp(1);
        double z2 = Math.exp(0.1);
        double[] topK = {z0 / (z0 + z1), z1 / (z0 + z1), 0};
        assertArrayClose(new double[] {0.731059, 0.268941, 0}, topK, 1e-6);
        String q = "\"logits\": \"2, 1, 0.1\", \"temperature\": \"1\"";
        JsonNode k = compute("{" + q + ", \"top-k\": \"2\"}");
        assertArrayClose(topK, numbers(k.get("probabilities")), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, number(k.get("log_probabilities").get(2)));
        assertEquals(Math.log(topK[1]), number(k.get("log_probabilities").get(1)), 1e-15);
        assertEquals(1, k.get("zero").asInt());
        double h = -(topK[0] * Math.log(topK[0]) + topK[1] * Math.log(topK[1]));
        assertEquals(h, k.get("entropy").asDouble(), 1e-12);
        // top-p 0.8: 0.659 alone is short of 0.8, with 0.242 it is over: the same two actions
        assertArrayClose(topK, numbers(compute("{" + q + ", \"top-p\": \"0.8\"}").get("probabilities")), 1e-15);
        double sum = z0 + z1 + z2;
        double[] floor = {0.05 + 0.85 * z0 / sum, 0.05 + 0.85 * z1 / sum, 0.05 + 0.85 * z2 / sum};
        assertArrayClose(new double[] {0.610151, 0.256068, 0.133781}, floor, 1e-6);
        assertArrayClose(floor, numbers(compute("{" + q + ", \"floor\": \"0.05\"}").get("probabilities")), 1e-15);
        // top-k first, then the floor: the cut action gets exactly the floor
        JsonNode both = compute("{" + q + ", \"top-k\": \"2\", \"floor\": \"0.05\"}");
        assertArrayClose(new double[] {0.05 + 0.85 * topK[0], 0.05 + 0.85 * topK[1], 0.05},
                numbers(both.get("probabilities")), 1e-15);
        // options that change nothing leave kelvin softmax's numbers
        JsonNode none = compute("{" + q + ", \"top-k\": \"3\", \"top-p\": \"1\", \"floor\": \"0\"}");
        JsonNode plain = compute("{" + q + "}");
        assertEquals(plain.get("log_probabilities"), none.get("log_probabilities"));
    }

    private static void assertArrayClose(double[] expected, double[] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, "entry " + i + " of " + Arrays.toString(actual));
        }
    }

    @Test
    void badInputIsA400WithOneLineNamingTheField() {
        String q = "\"logits\": \"2, 1, 0.1\", \"temperature\": \"1\"";
        String thousandAndOne = String.join(",", Collections.nCopies(1001, "0"));
        String[][] cases = {
            {"{\"logits\": \"2, x, 1\", \"temperature\": \"1\"}", "logits: 'x' is not a number"},
            {"{\"logits\": \"\", \"temperature\": \"1\"}", "logits: give at least one number"},
            {"{\"logits\": \"1, inf\", \"temperature\": \"1\"}", "logits: 'inf' is not allowed; give a finite number"},
            {"{\"logits\": \"" + thousandAndOne + "\", \"temperature\": \"1\"}", "logits: 1001 values; at most 1000"},
            {"{\"logits\": \"1, 2\", \"temperature\": \"-1\"}", "temperature: -1 is negative"},
            {"{\"logits\": \"1, 2\", \"temperature\": \"warm\"}", "temperature: 'warm' is not a number"},
            {"{\"logits\": \"1, 2\", \"beta\": \"nan\"}", "beta: 'nan' is not a number"},
            {"{" + q + ", \"floor\": \"0.5\"}", "floor: 0.5 is not in [0, 1/K] = [0, 0.33333334] for K = 3 actions"},
            {"{" + q + ", \"top-p\": \"0\"}", "top-p: 0 is not in (0, 1]"},
            {"{" + q + ", \"top-p\": \"1.5\"}", "top-p: 1.5 is not in (0, 1]"},
            {"{" + q + ", \"top-k\": \"0\"}", "top-k: 0 is not a whole number >= 1"},
            {"{" + q + ", \"top-k\": \"1.5\"}", "top-k: 1.5 is not a whole number >= 1"},
        };
        for (String[] c : cases) {
            LabClient.Answer a = lab.post("/api/softmax/compute", c[0]);
            assertEquals(400, a.status(), c[0]);
            String error = a.json().get("error").asText();
            assertTrue(error.startsWith(c[1]), error + " should start with " + c[1]);
            assertFalse(error.contains("\n") || error.contains("Exception"), error);
        }
        assertEquals(400, lab.get("/api/softmax/preset?k=1001").status());
        assertEquals("", lab.errors());
    }

    @Test
    void thePageAndItsScriptAreServedWithTheControlsTheScriptNames() {
        LabClient.Answer html = lab.get("/softmax");
        assertEquals(200, html.status());
        LabClient.Answer js = lab.get("/static/softmax.js");
        assertEquals(200, js.status());
        for (String id : List.of("sm-logits", "sm-slider", "sm-temperature", "sm-beta", "sm-topk", "sm-topp",
                "sm-floor", "sm-entropy", "sm-rows", "sm-curve", "sm-logits-error", "sm-temperature-error",
                "sm-options-error")) {
            assertTrue(html.body().contains("id=\"" + id + "\""), id + " in softmax.html");
            assertTrue(js.body().contains("#" + id), id + " documented at the top of softmax.js");
        }
    }

    @Test
    void thePresetIsTheSameForTheSameK() {
        String a = lab.get("/api/softmax/preset?k=10").json().get("logits").asText();
        assertEquals(a, lab.get("/api/softmax/preset?k=10").json().get("logits").asText());
        assertEquals(10, a.split(", ").length);
    }
}
