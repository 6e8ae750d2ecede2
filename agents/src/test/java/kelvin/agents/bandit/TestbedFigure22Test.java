package kelvin.agents.bandit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import kelvin.agents.policy.EpsilonGreedy;
import kelvin.agents.policy.Greedy;
import org.junit.jupiter.api.Test;

/**
 * Sutton &amp; Barto (2018), Figure 2.2, lower panel: % optimal action of sample-average
 * action-value agents on the 10-armed testbed, 2000 runs, at step 1000. The book's curves end near
 * 80 % for epsilon = 0.1 and near 36 % for greedy (epsilon = 0); the simulated fraction must be
 * within 4 standard errors, se = sqrt(p (1 - p) / runs) with the book's p.
 */
class TestbedFigure22Test {

    /** Fixed seed: the check is deterministic; the tolerance is never widened to make it pass. */
    private static final long SEED = 2026L;
    private static final int RUNS = 2000;
    private static final int STEPS = 1000;

    @Test
    void epsilonPointOneReachesAboutEightyPercentOptimal() {
        assertNearBook(0.80, ActionValueAgent.sampleAverage(0, EpsilonGreedy.of(0.1)));
    }

    @Test
    void greedyReachesAboutThirtySixPercentOptimal() {
        assertNearBook(0.36, ActionValueAgent.sampleAverage(0, Greedy.of()));
    }

    private static void assertNearBook(double book, BanditAgent agent) {
        Testbed.Final result = Testbed.run(agent, SEED, RUNS, STEPS);
        double simulated = result.optimal().mean();
        double se = Math.sqrt(book * (1 - book) / RUNS);
        assertTrue(Math.abs(simulated - book) <= 4 * se, () -> agent + ": % optimal at step 1000 = "
            + 100 * simulated + " vs book " + 100 * book + " (4 se = " + 400 * se + ")");
    }
}
