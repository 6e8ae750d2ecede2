package kelvin.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kelvin.experiments.config.ExperimentLoader;
import kelvin.experiments.config.Registry;
import kelvin.experiments.config.YamlTrees;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.Tables;
import org.junit.jupiter.api.Test;

/**
 * Sutton &amp; Barto Example 6.6 / Figure 6.4: with epsilon-greedy exploration (0.1) and alpha 0.5,
 * SARSA's online return averaged over episodes 100 to 500 is near -25 and Q-learning's near -50.
 * Per run, the average over those episodes is one number; the test compares the mean over runs with
 * the book's values within 4 standard errors of that mean (fixed seed).
 */
class CliffWalkingTest {

    @Test
    void sarsaNearMinus25AndQLearningNearMinus50() throws InterruptedException {
        String yaml = "name: cliff\nseed: 66\nruns: 200\nepisodes: 500\nenv: {type: gridworld, map: cliff-walking}\n"
                + "agents:\n  sarsa: {type: sarsa, alpha: 0.5, policy: {type: epsilon-greedy, epsilon: 0.1}}\n"
                + "  q: {type: q-learning, alpha: 0.5, policy: {type: epsilon-greedy, epsilon: 0.1}}\n"
                + "metrics: [return]\nrecord: {points: 500}\n";
        Experiment e = ExperimentLoader.bind(YamlTrees.parse("cliff.yaml", yaml), Registry.builtIns());
        Runner.Result result = new Runner(e, 2, ProgressListener.NONE).run();
        double[] book = {-25, -50};
        for (int cell = 0; cell < 2; cell++) {
            // The mean over runs of (per-run average over episodes 100..500) = the average over those
            // episodes of the per-episode means. Its standard error is at most the average of the
            // per-episode standard errors: sd(sum X_i / n) <= sum sd(X_i) / n (triangle inequality),
            // whatever the correlation between episodes of a run.
            double sum = 0;
            double seSum = 0;
            int count = 0;
            for (int c = 99; c < 500; c++) {
                var iv = Tables.interval(e, result.cells().get(cell), e.metricIndex("return"), c);
                sum += iv.mean();
                seSum += iv.stderr();
                count++;
            }
            double mean = sum / count;
            double se = seSum / count;
            assertEquals(401, count);
            assertTrue(Math.abs(mean - book[cell]) <= 4 * se, e.cells().get(cell).label() + ": mean return over "
                    + "episodes 100-500 = " + mean + ", book " + book[cell] + ", 4 se = " + 4 * se);
        }
    }
}
