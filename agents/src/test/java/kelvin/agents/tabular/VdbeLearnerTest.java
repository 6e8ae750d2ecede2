package kelvin.agents.tabular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import kelvin.agents.policy.VdbeSoftmax;
import kelvin.agents.schedule.Fixed;
import kelvin.agents.testing.TestRngs;
import org.junit.jupiter.api.Test;

/** A TD learner tells VDBE-Softmax the state of each choice and the change of each update. */
class VdbeLearnerTest {

    /** sigma 1, delta 1, eps 1 at first: eps(s) becomes f of the last change in s. */
    private static TdLearner learner(TdTarget target) {
        return TdAgent.of(target, 0.5, 0.9, 0, VdbeSoftmax.of(Fixed.of(1.0), 1.0, 1.0, 1.0)).start(2, 2,
            TestRngs.seeded(3));
    }

    @Test
    void theUpdatedStateAloneBecomesGreedierByItsValueChange() {
        TdLearner l = learner(TdTarget.Q_LEARNING);
        l.beginEpisode();
        int a = l.act(0);
        // change = alpha (r + gamma max Q(1, .) - 0) = 0.5 * 2 ln 3 = ln 3: f = 1/2, eps(0) = 1/2
        l.learn(0, a, 2 * Math.log(3), 1, false);
        double[] p = new double[2];
        l.distribution(0, p);
        double[] expected = new double[2];
        double b = Math.exp(Math.log(3)) / (Math.exp(Math.log(3)) + 1); // softmax share of the updated action
        expected[a] = 0.5 * b + 0.5;
        expected[1 - a] = 0.5 * (1 - b);
        assertArrayEquals(expected, p, 1e-15);
        l.distribution(1, p);
        assertArrayEquals(new double[] {0.5, 0.5}, p, 0, "state 1 was not updated: eps 1, equal values");
    }

    @Test
    void theEntropyOfAChoiceIsThatOfItsState() {
        TdLearner l = learner(TdTarget.EXPECTED_SARSA);
        l.beginEpisode();
        int a = l.act(0);
        l.learn(0, a, 2 * Math.log(3), 1, false); // eps(0) = 1/2; state 1 keeps eps 1
        l.act(1);
        assertEquals(Math.log(2), l.entropy(), 1e-15, "state 1: uniform");
        l.learn(1, 0, 0, 0, false); // no change of Q(1, 0) beyond gamma * E[Q(0, .)] under eps(0)
        l.act(0);
        double b = 0.75;
        double p = 0.5 * b + 0.5;
        double q = 0.5 * (1 - b);
        assertEquals(-(p * Math.log(p) + q * Math.log(q)), l.entropy(), 1e-15);
    }
}
