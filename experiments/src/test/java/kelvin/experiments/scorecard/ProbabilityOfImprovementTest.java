package kelvin.experiments.scorecard;

import static kelvin.experiments.scorecard.AggregateStatisticTest.table;
import static kelvin.experiments.scorecard.StratifiedBootstrapTest.rng;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class ProbabilityOfImprovementTest {
    private static final long SEED = 0x901L;

    @Test
    void mannWhitneyFractionCountsTiesAsHalf() {
        // x = {3, 1}, y = {1, 0, 2}: 3 beats all three (3); 1 ties 1 (1/2), beats 0 (1), loses to 2 -> 4.5 / 6
        assertEquals(0.75, ProbabilityOfImprovement.environment(new double[] {3, 1}, new double[] {1, 0, 2}), 1e-15);
        // x = {1, 2, 3}, y = {2, 2}: 0 + 0 + 1/2 + 1/2 + 1 + 1 = 3 of 6
        assertEquals(0.5, ProbabilityOfImprovement.environment(new double[] {1, 2, 3}, new double[] {2, 2}), 1e-15);
    }

    @Test
    void averagesTheEnvironmentsAndIsComplementary() {
        // env0 as above, 0.75; env1 a tie of single runs, 0.5; mean 0.625, and P(Y > X) = 0.375
        ScoreTable x = table(new double[] {3, 1}, new double[] {0.5});
        ScoreTable y = table(new double[] {1, 0, 2}, new double[] {0.5});
        assertEquals(0.625, ProbabilityOfImprovement.of(x, y), 1e-15);
        assertEquals(0.375, ProbabilityOfImprovement.of(y, x), 1e-15);
        assertEquals(0.5, ProbabilityOfImprovement.of(x, x), 0);
        ScoreTable other = ScoreTable.of(List.of("env0", "z"), new double[][] {{1}, {1}});
        assertThrows(IllegalArgumentException.class, () -> ProbabilityOfImprovement.of(x, other));
    }

    @Test
    void intervalResamplesEachAgentsRunsIndependentlyWithinEnvironments() {
        // unequal run counts, ties within and across agents, an environment of single runs
        double[][] xs = {{0.2, 0.5, 0.5, 0.9}, {1.0}, {0.3, 0.1, 0.3}};
        double[][] ys = {{0.5, 0.4, 0.7}, {0.6}, {0.3, 0.2, 0.0, 0.4, 0.3}};
        ScoreTable x = table(xs);
        ScoreTable y = table(ys);
        int b = 250;
        Estimate got = ProbabilityOfImprovement.of(x, y, StratifiedBootstrap.of(b, 0.9), rng(SEED));

        // by brute force: per resample and environment, X's runs drawn, then Y's, then all pairs compared
        UniformRandomProvider twin = rng(SEED);
        double[] replicates = new double[b];
        for (int r = 0; r < b; r++) {
            double sum = 0;
            for (int e = 0; e < xs.length; e++) {
                double[] rx = draw(xs[e], twin);
                double[] ry = draw(ys[e], twin);
                sum += ProbabilityOfImprovement.environment(rx, ry);
            }
            replicates[r] = sum / xs.length;
        }
        Arrays.sort(replicates);
        double lowAt = (b - 1) * 0.05;
        double highAt = (b - 1) * 0.95;
        assertEquals(interpolate(replicates, lowAt), got.low(), 1e-15);
        assertEquals(interpolate(replicates, highAt), got.high(), 1e-15);
        assertEquals(ProbabilityOfImprovement.of(x, y), got.value(), 0);
        // environment 1 (single runs, 1.0 against 0.6) adds exactly 1/3 to every replicate
        assertEquals(true, replicates[0] >= 1.0 / 3);
    }

    private static double[] draw(double[] runs, UniformRandomProvider rng) {
        double[] out = new double[runs.length];
        for (int k = 0; k < runs.length; k++) {
            out[k] = runs[rng.nextInt(runs.length)];
        }
        return out;
    }

    private static double interpolate(double[] sorted, double position) {
        int i = (int) position;
        return i + 1 < sorted.length ? sorted[i] + (position - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
    }
}
