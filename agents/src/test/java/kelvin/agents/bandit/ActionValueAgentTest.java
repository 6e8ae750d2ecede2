package kelvin.agents.bandit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kelvin.agents.policy.Boltzmann;
import kelvin.agents.policy.Greedy;
import kelvin.agents.schedule.Exponential;
import kelvin.agents.testing.RecordingSchedule;
import kelvin.agents.testing.TestRngs;
import org.junit.jupiter.api.Test;

/** Tests of {@link ActionValueAgent}: Sutton &amp; Barto's updates (eq. 2.3-2.5), time and delegation. */
class ActionValueAgentTest {

    private static final long SEED = 0xA6E47L;

    @Test
    void sampleAverageIsTheMeanOfTheRewards() {
        ActionValueAgent.Learner learner =
            ActionValueAgent.sampleAverage(0, Greedy.of()).start(3, TestRngs.seeded(SEED));
        learner.update(1, 1.0); // Q = 1 (= R after the first pull)
        assertEquals(1.0, learner.value(1), 0.0);
        learner.update(1, 2.0); // Q = 1 + (2 - 1)/2 = 1.5
        learner.update(1, 6.0); // Q = 1.5 + (6 - 1.5)/3 = 3 = (1 + 2 + 6)/3
        assertEquals(3.0, learner.value(1), 0.0);
        assertEquals(3, learner.pulls(1));
        assertEquals(0.0, learner.value(0), 0.0);
        assertEquals(3, learner.step());
    }

    @Test
    void sampleAverageFollowsThePeersOperationOrder() {
        // numpy rule 7: Q_a += (r - Q_a) / N_a, bit for bit, also where it differs from sum / n
        ActionValueAgent.Learner learner =
            ActionValueAgent.of(0, Double.NaN, Greedy.of()).start(1, TestRngs.seeded(SEED));
        double q = 0;
        double[] rewards = {0.1, 0.7, -0.3, 1e-3, 12.5, 0.2};
        for (int i = 0; i < rewards.length; i++) {
            learner.update(0, rewards[i]);
            q += (rewards[i] - q) / (i + 1);
            assertEquals(q, learner.value(0), 0.0);
        }
    }

    @Test
    void constantStepSizeAndOptimisticInitialValues() {
        ActionValueAgent agent = ActionValueAgent.of(5.0, 0.5, Greedy.of());
        assertFalse(agent.isSampleAverage());
        ActionValueAgent.Learner learner = agent.start(2, TestRngs.seeded(SEED));
        assertEquals(5.0, learner.value(0), 0.0);
        assertEquals(5.0, learner.value(1), 0.0);
        learner.update(0, 1.0); // 5 + 0.5 (1 - 5) = 3
        assertEquals(3.0, learner.value(0), 0.0);
        learner.update(0, 1.0); // 3 + 0.5 (1 - 3) = 2
        assertEquals(2.0, learner.value(0), 0.0);
        assertEquals(1, learner.select()); // the untried arm still has the optimistic 5
    }

    @Test
    void temperatureEntropyAndDistributionFollowTheCurrentStep() {
        ActionValueAgent.Learner learner = ActionValueAgent.sampleAverage(0, Boltzmann.of(Exponential.of(1.0, 0.5)))
            .start(3, TestRngs.seeded(SEED));
        assertEquals(1.0, learner.temperature(), 0.0);
        assertEquals(Math.log(3), learner.entropy(), 1e-15); // all Q = 0: uniform
        int a = learner.select();
        learner.update(a, 1.0);
        assertEquals(0.5, learner.temperature(), 0.0); // T_1 = 0.5
        double[] out = new double[3];
        learner.distribution(out);
        // Q = 1 on arm a, 0 elsewhere, T = 0.5: weights e^0 and e^-2
        double w = Math.exp(-2);
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) {
            expected[i] = (i == a ? 1 : w) / (1 + 2 * w);
        }
        assertArrayEquals(expected, out, 1e-15);
    }

    @Test
    void updateForwardsRewardAndTheEntropyOfTheChoosingDistribution() {
        RecordingSchedule schedule = new RecordingSchedule(1.0);
        ActionValueAgent.Learner learner = ActionValueAgent.sampleAverage(0, Boltzmann.of(schedule))
            .start(4, TestRngs.seeded(SEED));
        int a = learner.select();
        double h = learner.entropy();
        assertEquals(Math.log(4), h, 1e-15);
        learner.update(a, 3.0);
        // the entropy is the one before the update (all Q equal: ln 4), not after it
        assertArrayEquals(new double[] {3.0, Math.log(4)}, schedule.runs.get(0).observed.get(0), 1e-15);
        assertEquals(0.5, learner.temperature(), 0.0); // the stateful schedule reacted
    }

    @Test
    void entropyIsNotComputedForSchedulesThatDoNotNeedIt() {
        boolean[] asked = {false};
        ActionValueAgent.Learner learner = ActionValueAgent.sampleAverage(0, Boltzmann.of(t -> {
            asked[0] = true;
            return 1.0;
        })).start(2, TestRngs.seeded(SEED));
        learner.update(0, 1.0); // no select, no entropy: the pure schedule is not consulted
        assertFalse(asked[0]);
        learner.select();
        assertTrue(asked[0]);
    }

    @Test
    void validationMessagesNameTheValue() {
        assertMessage("initial is not finite: NaN", () -> ActionValueAgent.of(Double.NaN, 0.1, Greedy.of()));
        assertMessage("initial is not finite: Infinity",
            () -> ActionValueAgent.sampleAverage(Double.POSITIVE_INFINITY, Greedy.of()));
        assertMessage("alpha is not in (0, 1] (or NaN for sample averages): 0.0",
            () -> ActionValueAgent.of(0, 0, Greedy.of()));
        assertMessage("alpha is not in (0, 1] (or NaN for sample averages): 1.5",
            () -> ActionValueAgent.of(0, 1.5, Greedy.of()));
        assertMessage("alpha is not in (0, 1] (or NaN for sample averages): -0.1",
            () -> ActionValueAgent.of(0, -0.1, Greedy.of()));
        assertMessage("arms is not at least 1: 0",
            () -> ActionValueAgent.sampleAverage(0, Greedy.of()).start(0, TestRngs.seeded(SEED)));
        NullPointerException e = assertThrows(NullPointerException.class, () -> ActionValueAgent.of(0, 0.1, null));
        assertEquals("policy", e.getMessage());
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }
}
