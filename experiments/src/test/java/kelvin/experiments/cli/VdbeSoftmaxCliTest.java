package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VDBE-Softmax through the command line, on a gridworld and on a bandit (one state). */
class VdbeSoftmaxCliTest {

    @TempDir
    Path tmp;

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(tmp.resolve(name + ".yaml"), yaml);
    }

    /** The mean of a metric at checkpoint t of a variant in curves.csv. */
    private static double curve(Path dir, String variant, String metric, long t) throws IOException {
        CsvSchema header = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class).with(header)
                .readValues(dir.resolve("curves.csv").toFile())) {
            while (rows.hasNext()) {
                Map<String, String> r = rows.next();
                if (r.get("variant").equals(variant) && r.get("metric").equals(metric)
                        && Long.parseLong(r.get("t")) == t) {
                    return Double.parseDouble(r.get("mean"));
                }
            }
        }
        throw new AssertionError(variant + " " + metric + " at " + t + " is not in curves.csv");
    }

    @Test
    void onAGridworldTheRatesFallAsTheValuesSettleAndThreadsDoNotMatter() throws IOException {
        Path config = write("vdbe", """
                name: vdbe
                seed: 5
                runs: 6
                episodes: 300
                env: {type: gridworld, map: four-rooms, gamma: 0.95}
                metrics: [length, entropy, temperature]
                record: {points: 300}
                agents:
                  q: {type: q-learning, policy: {type: vdbe-softmax, temperature: 0.1, sigma: 0.01}}
                  sarsa: {type: sarsa, policy: {type: vdbe-softmax, temperature: 0.1, sigma: 0.01, delta: 0.5}}
                """);
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        Cli a = Cli.run("run", config.toString(), "--out", one.toString(), "--quiet", "--no-plots", "--threads", "1");
        Cli b = Cli.run("run", config.toString(), "--out", two.toString(), "--quiet", "--no-plots", "--threads", "2");
        assertEquals(0, a.exit(), a.err());
        assertEquals(0, b.exit(), b.err());
        assertEquals(Files.readString(one.resolve("curves.csv")), Files.readString(two.resolve("curves.csv")));
        for (String v : new String[] {"q", "sarsa"}) {
            // every state starts at eps = 1 (the softmax over equal values: ln 4); once the path is learnt
            // its value changes vanish and the choices become greedy, on the shortest path (20 steps)
            assertEquals(Math.log(4), curve(one, v, "entropy", 1), 0.05, v);
            assertTrue(curve(one, v, "entropy", 300) < 0.05, v);
            assertTrue(curve(one, v, "length", 300) < 25, v);
            assertEquals(0.1, curve(one, v, "temperature", 300), 1e-15, v);
        }
    }

    @Test
    void onABanditTheOneStatesRateFollowsTheArmsValueChanges() throws IOException {
        Path config = write("bandit", """
                name: bandit
                seed: 9
                runs: 200
                steps: 1000
                env: {type: gaussian-bandit, arms: 10}
                metrics: [entropy, optimal-action]
                record: {points: 1000}
                agents:
                  vdbe: {type: action-value, policy: {type: vdbe-softmax, temperature: 0.2, sigma: 0.5}}
                """);
        Path out = tmp.resolve("bandit-out");
        Cli r = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet", "--no-plots");
        assertEquals(0, r.exit(), r.err());
        // sample averages change by (r - Q) / n, so eps shrinks as the pulls grow: entropy falls from
        // the softmax's towards greedy, and the best arm is chosen more often
        assertTrue(curve(out, "vdbe", "entropy", 1000) < curve(out, "vdbe", "entropy", 100));
        assertTrue(curve(out, "vdbe", "optimal-action", 1000) > curve(out, "vdbe", "optimal-action", 100));
    }
}
