package kelvin.experiments.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kelvin.experiments.ExperimentSession;
import kelvin.experiments.SessionOptions;
import kelvin.experiments.model.Experiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonsTest {

    @TempDir
    Path tmp;

    @Test
    void pairedIntervalMatchesAHandComputedOne() {
        // d = 1, 1, 2, 1, 2: mean 1.4, sample variance 0.3; t(0.975, 4) = 2.776445 (tables), so the
        // half-width is 2.776445 * sqrt(0.3 / 5) = 0.680087. Welch: variances 2.5 and 1.8, df 7.7935,
        // half-width 2.148405 (t quantile by numerical integration of the t density, outside Java).
        Comparisons.Difference d = Comparisons.paired(new double[] {1, 2, 3, 4, 5}, new double[] {0, 1, 1, 3, 3});
        assertEquals(1.4, d.difference().mean(), 1e-12);
        assertEquals(5, d.difference().n());
        assertEquals(0.680087, d.difference().high() - 1.4, 1e-6);
        assertEquals(1.4 - 0.680087, d.difference().low(), 1e-6);
        assertEquals(2.148405, d.unpairedHalfWidth(), 1e-5);
        assertEquals(0.680087 / 2.148405, d.widthRatio(), 1e-5);
        assertTrue(d.decided(), "the interval [0.72, 2.08] excludes 0");
    }

    @Test
    void runsMissingEitherValueAreLeftOutOfThePairs() {
        Comparisons.Difference d = Comparisons.paired(new double[] {1, Double.NaN, 3, 5},
                new double[] {0, 7, Double.NaN, 4});
        assertEquals(2, d.difference().n());
        assertEquals(1.0, d.difference().mean(), 1e-15);
        assertEquals(0.0, d.difference().stderr(), 1e-15);
        assertFalse(Comparisons.paired(new double[] {1, 2, 3}, new double[] {1, 3, 2}).decided(),
                "differences 0, -1, 1 give an interval around 0");
    }

    @Test
    void welchDegreesOfFreedomNeedNotBeWhole() {
        // A real df takes the t quantile of that df, not of its floor: t(0.975, 7.5) lies strictly
        // between t(0.975, 8) = 2.306004 and t(0.975, 7) = 2.364624.
        double q = Interval.tQuantile975(7.5);
        assertTrue(q > 2.306004 && q < 2.364624, Double.toString(q));
        assertEquals(2.306004, Interval.tQuantile975(8.0), 1e-6);
    }

    @Test
    void rankingTiesStatisticallyEqualVariantsAndSeparatesAClearlyWorseOne() throws Exception {
        Path config = tmp.resolve("rank.yaml");
        Files.writeString(config, String.join("\n",
                "name: rank", "seed: 7", "runs: 200", "steps: 300",
                "env: {type: gaussian-bandit, arms: 10}",
                "agents:",
                "  twin-a: {type: action-value, policy: {type: epsilon-greedy, epsilon: 0.1}}",
                "  random: {type: action-value, policy: {type: epsilon-greedy, epsilon: 1.0}}",
                "  twin-b: {type: action-value, policy: {type: epsilon-greedy, epsilon: 0.1}}",
                "metrics: [regret]", ""));
        Experiment e = Experiment.load(config);
        ResultData data = ExperimentSession.of(e).run(SessionOptions.inMemory().withThreads(2));
        List<Comparisons.Place> places = Comparisons.rank(data, e.cells());
        assertEquals(3, places.size());
        assertEquals("random", places.get(2).cell().label());
        assertEquals(3, places.get(2).rank(), "random is far behind both twins");
        assertEquals(1, places.get(0).rank());
        assertEquals(1, places.get(1).rank(), "the twins differ only by their agent streams: a tie");
        assertNull(places.get(0).vsLeader());
        // The paired difference of the twins is their mean difference, and its interval contains 0.
        Comparisons.Difference twins = places.get(1).vsLeader();
        assertEquals(data.last(places.get(1).cell().index(), e.metric("regret")).mean()
                - data.last(places.get(0).cell().index(), e.metric("regret")).mean(), twins.difference().mean(), 1e-9);
        assertFalse(twins.decided());
        // Common random numbers: the random agent's regret is tied to the arm gaps of each run,
        // which the twins share, so pairing narrows the interval against random.
        Comparisons.Difference vsRandom = Comparisons.paired(data.finals(places.get(2).cell().index(), e.metric("regret")),
                data.finals(places.get(0).cell().index(), e.metric("regret")));
        assertTrue(vsRandom.widthRatio() < 0.9, "paired / unpaired width " + vsRandom.widthRatio());
    }

    @Test
    void regretAreaIsTheSumOfTheCumulativeRegretCurve() throws Exception {
        // One run recorded at every step: the area is the sum of the regret curve's values.
        Path config = tmp.resolve("area.yaml");
        Files.writeString(config, String.join("\n",
                "name: area", "seed: 3", "runs: 1", "steps: 50", "record: {points: 50}",
                "env: {type: gaussian-bandit, arms: 5}",
                "agents:", "  soft: {type: action-value, policy: {type: boltzmann, temperature: 0.5}}",
                "metrics: [regret, reward]", ""));
        Experiment e = Experiment.load(config);
        ResultData data = ExperimentSession.of(e).run(SessionOptions.inMemory().withThreads(1));
        double sum = 0;
        for (int c = 0; c < 50; c++) {
            sum += data.interval(0, e.metric("regret"), c).mean();
        }
        assertEquals(sum, data.regretArea(0)[0], 1e-9 * Math.max(1, sum));
        assertEquals(data.last(0, e.metric("regret")).mean(), data.finals(0, e.metric("regret"))[0]);
        assertEquals(data.last(0, e.metric("reward")).mean(), data.finals(0, e.metric("reward"))[0]);
    }
}
