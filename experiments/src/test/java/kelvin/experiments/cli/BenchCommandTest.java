package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import kelvin.experiments.config.ExperimentLoader;
import kelvin.experiments.config.Registry;
import kelvin.experiments.config.YamlTrees;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.run.Moments;
import kelvin.experiments.run.ProgressListener;
import kelvin.experiments.run.Runner;
import org.junit.jupiter.api.Test;

/** What {@code kelvin bench} prints and counts; no timing is asserted (issue 8: no timed unit tests). */
class BenchCommandTest {

    @Test
    void gridworldWorkloadPrintsOneLineWithTheExpectedFields() {
        Cli r = Cli.run("bench", "gridworld-q", "--runs", "2", "--repeat", "1", "--threads", "1");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("machine: "), r.out());
        assertEquals(List.of("workload", "threads", "agent-steps", "median", "seconds", "steps/s/thread", "steps/s",
                "total"), List.of(lines.get(1).trim().split("\\s+")));
        String[] row = lines.get(2).trim().split("\\s+");
        assertEquals("gridworld-q", row[0]);
        assertEquals("1", row[1]);
        assertTrue(Double.parseDouble(row[2]) > 0, lines.get(2));
        assertTrue(row[4].endsWith("M") && row[5].endsWith("M"), lines.get(2));
        assertEquals(row[4], row[5], "one thread: per thread = total");
        assertEquals(3, lines.size(), r.out());
    }

    @Test
    void manyCellsComparesOneAndTwoThreadsInJson() throws Exception {
        Cli r = Cli.run("bench", "many-cells", "--runs", "2", "--repeat", "3", "--json");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        ObjectMapper json = new ObjectMapper();
        JsonNode one = json.readTree(lines.get(0));
        JsonNode two = json.readTree(lines.get(1));
        assertEquals(1, one.get("threads").asInt());
        assertEquals(2, two.get("threads").asInt());
        // 16 cells x 2 runs x 2000 steps
        assertEquals(16L * 2 * 2000, one.get("agent_steps").asLong());
        assertTrue(two.has("speedup_over_1_thread") && !one.has("speedup_over_1_thread"), r.out());
        assertEquals(two.get("agent_steps_per_second").asDouble() / 2,
                two.get("agent_steps_per_second_per_thread").asDouble(), 1.0);
        // The speed-up pairs each 2-thread time with the 1-thread time of the same turn.
        double[] ratios = new double[3];
        for (int i = 0; i < 3; i++) {
            ratios[i] = one.get("seconds").get(i).asDouble() / two.get("seconds").get(i).asDouble();
        }
        java.util.Arrays.sort(ratios);
        assertEquals(ratios[1], two.get("speedup_over_1_thread").asDouble(), 1e-12 * ratios[1]);
        double[] ones = {one.get("seconds").get(0).asDouble(), one.get("seconds").get(1).asDouble(),
                one.get("seconds").get(2).asDouble()};
        java.util.Arrays.sort(ones);
        assertEquals(ones[1], one.get("median_seconds").asDouble(), 0.0);
    }

    /** Steps of an MDP workload are the steps really taken: the sum of every episode's length. */
    @Test
    void gridworldStepsAreTheSumOfEpisodeLengths() throws Exception {
        String yaml = BenchCommand.WORKLOADS.get("gridworld-q").replaceFirst("runs: \\d+", "runs: 3")
                .replace("episodes: 2000", "episodes: 50").replace("points: 2000", "points: 50");
        Experiment e = ExperimentLoader.bind(YamlTrees.parse("gridworld-q", yaml), Registry.builtIns());
        Moments m = new Runner(e, 1, ProgressListener.NONE).run().cells().get(0);
        double lengths = 0;
        int slot0 = e.metricIndex("length") * e.checkpoints().length;
        for (int k = 0; k < e.checkpoints().length; k++) {
            lengths += m.mean(slot0 + k) * m.count(slot0 + k);
        }
        long steps = BenchCommand.agentSteps(e, new Runner(e, 1, ProgressListener.NONE).run());
        assertEquals(Math.round(lengths), steps);
        assertTrue(steps >= 3 * 50 * 18, "at least the shortest path (18) per episode: " + steps);
    }
}
