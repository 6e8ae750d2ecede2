package kelvin.env;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kelvin.env.bandit.BanditRun;
import kelvin.env.bandit.DriftingBandit;
import kelvin.env.bandit.GaussianBandit;
import kelvin.env.mdp.Gridworld;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The floors normalised scores measure against: the uniform random policy's regret and value. */
class ScoreFloorTest {

    @Test
    void stationaryArmsLoseTheGapToTheMeanEveryStep() {
        BanditRun run = GaussianBandit.of(3, new double[] {0.0, 1.0, 2.0}, 1.0)
            .start(RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        // mu* = 2, mean of the means 1: the uniform policy loses 1 per step
        assertEquals(10.0, run.uniformRegret(10), 0);
        assertEquals(0.0, run.uniformRegret(0), 0);
    }

    @Test
    void driftingArmsSumTheGapAlongTheirOwnDrift() {
        BanditRun run = DriftingBandit.of(3, new double[] {0.0, 0.5, 1.0}, 0.3, 1.0)
            .start(RandomSource.XO_RO_SHI_RO_128_PP.create(2L));
        double expected = 0;
        for (int t = 0; t < 50; t++) {
            double sum = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < 3; a++) {
                sum += run.mean(a);
                best = Math.max(best, run.mean(a));
            }
            expected += best - sum / 3;
            run.pull(t % 3);
            assertEquals(expected, run.uniformRegret(t + 1), 1e-12, "after " + (t + 1) + " pulls");
        }
    }

    @Test
    void theUniformPolicyFindsTheGoalNextToTheStartAtOneStepInFour() {
        // "SG": one of four moves reaches G (+1, terminal), the other three bump into walls and stay.
        // V = sum_k (3 gamma / 4)^k / 4 = (1/4) / (1 - 3 gamma / 4): 0.4 at gamma 0.5; over H steps at
        // gamma 1, 1 - (3/4)^H
        Gridworld g = Gridworld.builder("SG").build();
        assertEquals(0.4, g.scoreFloor(g.model(), 0.5, 10_000), 1e-12);
        assertEquals(1 - Math.pow(0.75, 3), g.scoreFloor(g.model(), 1.0, 3), 1e-12);
    }
}
