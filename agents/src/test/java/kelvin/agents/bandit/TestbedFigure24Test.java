package kelvin.agents.bandit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import kelvin.agents.policy.EpsilonGreedy;
import kelvin.env.bandit.GaussianBandit;
import org.junit.jupiter.api.Test;

/**
 * Sutton &amp; Barto (2018), Figure 2.4: on the 10-armed testbed, UCB with c = 2 earns a higher
 * average reward than sample-average epsilon-greedy with epsilon = 0.1 (the book's curves end near
 * 1.55 and 1.35-1.4 at step 1000). 2000 runs of 1000 steps; to reduce noise each run's reward is
 * averaged over its last 100 steps (901-1000) rather than read at step 1000 alone. Run r of both
 * agents meets the same bandit and noise (common random numbers), so the check is on the paired
 * difference: its mean must exceed 4 standard errors.
 */
class TestbedFigure24Test {

    /** Fixed seed: the check is deterministic; the tolerance is never widened to make it pass. */
    private static final long SEED = 2026L;
    private static final int RUNS = 2000;
    private static final int STEPS = 1000;
    private static final int WINDOW = 100;

    @Test
    void ucbWithCTwoBeatsEpsilonGreedyAtStepOneThousand() {
        GaussianBandit testbed = GaussianBandit.testbed(10);
        Testbed.PerRun ucb = Testbed.perRun(testbed, Ucb1.of(2), SEED, RUNS, STEPS, WINDOW);
        Testbed.PerRun eps = Testbed.perRun(testbed, ActionValueAgent.sampleAverage(0, EpsilonGreedy.of(0.1)), SEED,
            RUNS, STEPS, WINDOW);
        Testbed.Estimate difference = Testbed.estimate(Testbed.minus(ucb.windowReward(), eps.windowReward()));
        String report = "mean reward over steps 901-1000: UCB c=2 " + Testbed.estimate(ucb.windowReward())
            + ", epsilon-greedy 0.1 " + Testbed.estimate(eps.windowReward()) + ", paired difference " + difference;
        assertTrue(difference.mean() > 4 * difference.se(), report);
    }
}
