package kelvin.agents.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import kelvin.agents.policy.Boltzmann;
import kelvin.agents.policy.EpsilonGreedy;
import kelvin.agents.policy.Greedy;
import kelvin.agents.policy.Policy;
import kelvin.agents.testing.TestRngs;
import org.junit.jupiter.api.Test;

/**
 * One-step TD updates computed by hand (Sutton &amp; Barto 2018, eqs. 6.7-6.9), for each target,
 * after termination and after truncation.
 *
 * <p>Setting throughout: alpha = 0.5, gamma = 0.9, Q(s = 0, a = 1) = 1, the step (s = 0, a = 1,
 * r = 2, s' = 1), and Q(1, .) = (3, 5).
 */
class TdUpdateTest {

    private static final double ALPHA = 0.5;
    private static final double GAMMA = 0.9;
    private static final double R = 2;

    /** A learner with Q(0, 1) = 1 and Q(1, .) = (3, 5), inside an episode, after choosing in state 0. */
    private static TdLearner prepared(TdTarget target, Policy policy, TestRngs.Replay rng) {
        TdLearner learner = TdAgent.of(target, ALPHA, GAMMA, 0.0, policy).start(2, 2, rng);
        learner.setValue(0, 1, 1.0);
        learner.setValue(1, 0, 3.0);
        learner.setValue(1, 1, 5.0);
        learner.beginEpisode();
        return learner;
    }

    @Test
    void qLearningBootstrapsOnTheMaximum() {
        TdLearner l = prepared(TdTarget.Q_LEARNING, Greedy.of(), TestRngs.replaying());
        l.learn(0, 1, R, 1, false);
        double target = R + GAMMA * 5; // max(3, 5)
        assertEquals(1 + ALPHA * (target - 1), l.value(0, 1), 1e-15); // 3.75
        assertEquals(3.75, l.value(0, 1), 1e-15);
    }

    /** Termination: the target is r alone; truncation is an ordinary (bootstrapped) update. */
    @Test
    void terminalStepsDoNotBootstrapAndTruncatedStepsDo() {
        for (TdTarget t : TdTarget.values()) {
            TdLearner terminal = prepared(t, Boltzmann.of(1.0), TestRngs.replaying());
            terminal.learn(0, 1, R, 1, true);
            assertEquals(1 + ALPHA * (R - 1), terminal.value(0, 1), 1e-15, t.key()); // 1.5
        }
        // truncated: the runner passes terminal = false and stops; the update is the bootstrapped one
        TdLearner truncated = prepared(TdTarget.Q_LEARNING, Greedy.of(), TestRngs.replaying());
        truncated.learn(0, 1, R, 1, false);
        truncated.endEpisode();
        assertEquals(3.75, truncated.value(0, 1), 1e-15);
    }

    /**
     * SARSA with a Boltzmann policy at T = 1 on Q(1, .) = (3, 5): weights (e^-2, 1), so u = 1/16
     * (0.0625 * (1 + e^-2) = 0.071 &lt; e^-2 = 0.135) picks a' = 0 and u = 0.5 picks a' = 1.
     */
    @Test
    void sarsaBootstrapsOnTheNextActionAndThenTakesIt() {
        TestRngs.Replay rng = TestRngs.replaying(0.0625);
        TdLearner l = prepared(TdTarget.SARSA, Boltzmann.of(1.0), rng);
        l.learn(0, 1, R, 1, false);
        assertEquals(1, rng.draws(), "a' is chosen inside learn");
        double target = R + GAMMA * 3; // Q(1, a' = 0)
        assertEquals(1 + ALPHA * (target - 1), l.value(0, 1), 1e-15); // 2.85
        assertEquals(0, l.act(1), "act returns the a' used in the update");
        assertEquals(1, rng.draws(), "and does not draw again");

        TestRngs.Replay rng2 = TestRngs.replaying(0.5);
        TdLearner l2 = prepared(TdTarget.SARSA, Boltzmann.of(1.0), rng2);
        l2.learn(0, 1, R, 1, false);
        assertEquals(1 + ALPHA * (R + GAMMA * 5 - 1), l2.value(0, 1), 1e-15);
        assertEquals(1, l2.act(1));
    }

    @Test
    void sarsaDrawsNothingAfterTermination() {
        TestRngs.Replay rng = TestRngs.replaying();
        TdLearner l = prepared(TdTarget.SARSA, Boltzmann.of(1.0), rng);
        l.learn(0, 1, R, 1, true);
        assertEquals(0, rng.draws());
        assertEquals(1.5, l.value(0, 1), 1e-15);
    }

    /** Expected SARSA under Boltzmann at T = 1: the expectation of Q(1, .) = (3, 5) under softmax(3, 5). */
    @Test
    void expectedSarsaTakesTheExpectationUnderBoltzmann() {
        TdLearner l = prepared(TdTarget.EXPECTED_SARSA, Boltzmann.of(1.0), TestRngs.replaying());
        l.learn(0, 1, R, 1, false);
        double w0 = Math.exp((3 - 5) / 1.0);
        double p0 = w0 / (w0 + 1);
        double p1 = 1 / (w0 + 1);
        double expectation = p0 * 3 + p1 * 5; // 4.7616...
        double target = R + GAMMA * expectation;
        assertEquals(1 + ALPHA * (target - 1), l.value(0, 1), 1e-14);
        // at T = 0.5 the weights are (e^-4, 1)
        TdLearner cold = prepared(TdTarget.EXPECTED_SARSA, Boltzmann.of(0.5), TestRngs.replaying());
        cold.learn(0, 1, R, 1, false);
        double c0 = Math.exp(-4) / (Math.exp(-4) + 1);
        assertEquals(1 + ALPHA * (R + GAMMA * (c0 * 3 + (1 - c0) * 5) - 1), cold.value(0, 1), 1e-14);
    }

    /** Expected SARSA under epsilon-greedy 0.1 with K = 2: p = (0.05, 0.95), expectation 4.9. */
    @Test
    void expectedSarsaUnderEpsilonGreedy() {
        TdLearner l = prepared(TdTarget.EXPECTED_SARSA, EpsilonGreedy.of(0.1), TestRngs.replaying());
        l.learn(0, 1, R, 1, false);
        double expectation = 0.05 * 3 + 0.95 * 5;
        assertEquals(1 + ALPHA * (R + GAMMA * expectation - 1), l.value(0, 1), 1e-14);
    }

    /** With a greedy behaviour policy, all three targets agree (max = a' = expectation). */
    @Test
    void greedyBehaviourMakesTheTargetsAgree() {
        for (TdTarget t : TdTarget.values()) {
            TdLearner l = prepared(t, Greedy.of(), TestRngs.replaying());
            l.learn(0, 1, R, 1, false);
            assertEquals(3.75, l.value(0, 1), 1e-15, t.key());
        }
    }

    @Test
    void parametersAreValidated() {
        Policy p = Greedy.of();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TdAgent.qLearning(0, 0.9, 0, p));
        assertEquals("alpha is not in (0, 1]: 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TdAgent.sarsa(0.1, 1.1, 0, p));
        assertEquals("gamma is not in [0, 1]: 1.1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TdAgent.expectedSarsa(0.1, 0.9, Double.NaN, p));
        assertEquals("initial is not finite: NaN", e.getMessage());
        assertEquals(TdTarget.EXPECTED_SARSA, TdTarget.of("expected-sarsa"));
        e = assertThrows(IllegalArgumentException.class, () -> TdTarget.of("td"));
        assertEquals("unknown tabular learner 'td'; allowed: [q-learning, sarsa, expected-sarsa]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> TdAgent.qLearning(0.1, 0.9, 0, p).start(0, 4, TestRngs.seeded(1)));
        assertEquals("states is not at least 1: 0", e.getMessage());
    }
}
