package kelvin.experiments.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kelvin.experiments.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The normalised score: 0 for the uniform random policy, 1 for the optimum, exactly where it can be. */
class ScoreTest {

    @TempDir
    Path tmp;

    /** summary.csv's row of a variant and metric: mean, stderr. */
    private static double[] summary(Path dir, String variant, String metric) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("summary.csv"));
        for (String line : lines) {
            String[] f = line.split(",");
            if (f[0].replace("\"", "").equals(variant) && f[1].equals(metric)) {
                return new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])};
            }
        }
        throw new AssertionError(variant + " " + metric + " not in " + lines);
    }

    private Path run(String name, String yaml) throws IOException {
        Path config = Files.writeString(tmp.resolve(name + ".yaml"), yaml);
        Path out = tmp.resolve(name);
        Cli r = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet", "--no-plots");
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    @Test
    void theUniformPolicyScoresZeroOnStationaryAndDriftingBandits() throws IOException {
        for (String env : List.of("{type: gaussian-bandit, arms: 10}", "{type: drifting-bandit, arms: 5, drift: 0.05}")) {
            Path out = run(env.contains("drift") ? "drifting" : "stationary", "name: b\nseed: 3\nruns: 400\nsteps: 500\nenv: " + env + "\n"
                    + "metrics: [score]\nagents:\n  uniform: {type: action-value, policy: {type: boltzmann, "
                    + "temperature: inf}}\n");
            double[] s = summary(out, "uniform", "score");
            assertEquals(0.0, s[0], 4 * s[1], env + ": " + s[0] + " +- " + s[1]);
        }
    }

    @Test
    void onAGridworldItIsOneMinusRegretOverTheUniformPolicysRegret() throws IOException {
        // "SG" at gamma 0.5: V* = 1 (one step right), the uniform policy's value F = (1/4) / (1 - 3/8) = 0.4,
        // so after 40 episodes score = 1 - regret / (40 * 0.6) in every run
        Path out = run("grid", "name: g\nseed: 3\nruns: 12\nepisodes: 40\n"
                + "env: {type: gridworld, rows: [\"SG\"], gamma: 0.5}\nmetrics: [regret, score]\n"
                + "agents:\n  eps: {type: q-learning, alpha: 0.5, policy: {type: epsilon-greedy, epsilon: 0.3}}\n"
                + "  uniform: {type: q-learning, policy: {type: boltzmann, temperature: inf}}\n");
        List<String> rows = Files.readAllLines(out.resolve("runs.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        int regret = header.indexOf("regret");
        int score = header.indexOf("score");
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            assertEquals(1 - Double.parseDouble(f[regret]) / (40 * 0.6), Double.parseDouble(f[score]), 1e-12, row);
        }
        double[] uniform = summary(out, "uniform", "score");
        assertEquals(0.0, uniform[0], 4 * uniform[1], "the uniform policy's expectation is the floor");
        assertTrue(summary(out, "eps", "score")[0] > 0.5);
    }
}
