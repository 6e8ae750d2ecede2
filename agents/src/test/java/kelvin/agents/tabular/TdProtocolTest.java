package kelvin.agents.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kelvin.agents.policy.Boltzmann;
import kelvin.agents.policy.Greedy;
import kelvin.agents.schedule.Exponential;
import kelvin.agents.schedule.Fixed;
import kelvin.agents.schedule.Schedule;
import kelvin.agents.softmax.Softmax;
import kelvin.agents.testing.RecordingSchedule;
import kelvin.agents.testing.TestRngs;
import kelvin.env.mdp.Gridworld;
import kelvin.env.mdp.TabularRun;
import org.junit.jupiter.api.Test;

/** The runner protocol: time indices, schedule feedback, SARSA's pending action, entropy, errors. */
class TdProtocolTest {

    /** A 1 x 4 corridor S..G: 3 steps right reach the goal. */
    private static final Gridworld CORRIDOR = Gridworld.builder("S..G").build();

    /** Runs one episode of at most {@code maxSteps} steps with the documented protocol. */
    private static int episode(TdLearner learner, TabularRun env, int maxSteps) {
        learner.beginEpisode();
        int s = env.reset();
        int steps = 0;
        while (true) {
            int a = learner.act(s);
            int s2 = env.step(a);
            learner.learn(s, a, env.reward(), s2, env.terminated());
            s = s2;
            steps++;
            if (env.terminated() || steps == maxSteps) {
                break;
            }
        }
        learner.endEpisode();
        return steps;
    }

    /** Per step: the k-th choice of the run uses t = k; SARSA's a' is chosen with the index of its step. */
    @Test
    void perStepIndicesCountCompletedSteps() {
        for (TdTarget target : new TdTarget[] {TdTarget.Q_LEARNING, TdTarget.SARSA}) {
            RecordingSchedule schedule = new RecordingSchedule(1.0);
            TdLearner l = TdAgent.of(target, 0.1, 0.9, 0, Boltzmann.of(schedule)).start(4, 4, TestRngs.seeded(3));
            TabularRun env = CORRIDOR.start(TestRngs.seeded(4));
            int steps = episode(l, env, 5) + episode(l, env, 5);
            RecordingSchedule.Run run = schedule.runs.get(0);
            // the choices asked t = 0, 1, 2, ... (entropy() is not called, so each t is asked once per choice)
            long previous = -1;
            for (long t : run.asked) {
                assertTrue(t == previous || t == previous + 1, target + " asked " + run.asked);
                previous = t;
            }
            assertEquals(steps, l.steps());
            assertEquals(steps, run.observed.size(), "one observation per step");
            if (target == TdTarget.SARSA) {
                // SARSA also chose a' after the truncated last step of each episode (if not terminal)
                assertTrue(run.asked.get(run.asked.size() - 1) <= steps);
            }
        }
    }

    /** The entropy forwarded to a schedule that asks for it is the entropy of the distribution that chose a. */
    @Test
    void perStepFeedbackIsRewardAndEntropyOfTheChoice() {
        RecordingSchedule schedule = new RecordingSchedule(2.0); // T halves after every observation
        TdLearner l = TdAgent.qLearning(0.5, 0.9, 0, Boltzmann.of(schedule)).start(4, 4, TestRngs.seeded(5));
        TabularRun env = CORRIDOR.start(TestRngs.seeded(6));
        l.beginEpisode();
        int s = env.reset();
        int a = l.act(s);
        double h = l.entropy();
        assertEquals(2.0, l.temperature());
        assertEquals(Math.log(4), h, 1e-15, "Q is all 0: uniform");
        int s2 = env.step(a);
        l.learn(s, a, env.reward(), s2, env.terminated());
        List<double[]> observed = schedule.runs.get(0).observed;
        assertEquals(1, observed.size());
        assertEquals(0.0, observed.get(0)[0]);
        assertEquals(h, observed.get(0)[1], 0.0);
        // the next choice uses the halved temperature
        l.act(s2);
        assertEquals(1.0, l.temperature());
    }

    /** Per episode: every choice of episode e uses t = e, and the schedule hears (return, mean entropy) once. */
    @Test
    void perEpisodeIndicesAndFeedback() {
        RecordingSchedule schedule = new RecordingSchedule(1.0);
        TdLearner l = TdAgent.of(TdTarget.EXPECTED_SARSA, 0.1, 0.9, 0, Boltzmann.of(schedule), Schedule.Per.EPISODE)
            .start(4, 4, TestRngs.seeded(7));
        TabularRun env = CORRIDOR.start(TestRngs.seeded(8));
        for (int e = 0; e < 3; e++) {
            int before = schedule.runs.get(0).asked.size();
            episode(l, env, 50);
            List<Long> asked = schedule.runs.get(0).asked.subList(before, schedule.runs.get(0).asked.size());
            for (long t : asked) {
                assertEquals(e, t);
            }
            List<double[]> observed = schedule.runs.get(0).observed;
            assertEquals(e + 1, observed.size(), "one observation per episode");
            assertEquals(l.episodeReturn(), observed.get(e)[0]);
            assertEquals(l.episodeEntropy(), observed.get(e)[1], 0.0);
            assertTrue(observed.get(e)[1] > 0);
        }
        assertEquals(2, l.episode());
    }

    /** The default index meaning comes from the policy's schedule. */
    @Test
    void perIsTakenFromThePolicysSchedule() {
        Boltzmann perEpisode = Boltzmann.of(Fixed.of(0.5).withPer(Schedule.Per.EPISODE));
        assertEquals(Schedule.Per.EPISODE, TdAgent.sarsa(0.1, 0.9, 0, perEpisode).per());
        assertEquals(Schedule.Per.STEP, TdAgent.sarsa(0.1, 0.9, 0, Boltzmann.of(0.5)).per());
        assertEquals(Schedule.Per.STEP, TdAgent.sarsa(0.1, 0.9, 0, Greedy.of()).per());
        // an exponential schedule per episode: the temperature of episode e is 1 * 0.5^e
        TdLearner l = TdAgent.qLearning(0.1, 0.9, 0,
            Boltzmann.of(Exponential.of(1.0, 0.5, 0.0).withPer(Schedule.Per.EPISODE))).start(4, 4, TestRngs.seeded(9));
        TabularRun env = CORRIDOR.start(TestRngs.seeded(10));
        for (int e = 0; e < 4; e++) {
            l.beginEpisode();
            l.act(env.reset());
            assertEquals(Math.pow(0.5, e), l.temperature(), 0.0);
            l.endEpisode();
        }
    }

    @Test
    void sarsaPendingActionIsDroppedOnTruncationAndCheckedOtherwise() {
        TdLearner l = TdAgent.sarsa(0.1, 0.9, 0, Boltzmann.of(1.0)).start(4, 4, TestRngs.seeded(11));
        l.beginEpisode();
        int a = l.act(0);
        l.learn(0, a, 0, 1, false); // chooses a' for state 1
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> l.act(2));
        assertEquals("act(2), but SARSA chose its next action for state 1", e.getMessage());
        l.endEpisode(); // truncated here
        l.beginEpisode();
        l.act(2); // a fresh choice: the pending a' was dropped
        l.endEpisode();
    }

    /** Entropy tracking: the episode mean of the entropies of the actions taken, computed by hand. */
    @Test
    void episodeEntropyIsTheMeanOverTheActionsTaken() {
        TdLearner l = TdAgent.qLearning(0.5, 0.9, 0, Boltzmann.of(0.5)).start(4, 4, TestRngs.seeded(12));
        l.trackEntropy(true);
        TabularRun env = CORRIDOR.start(TestRngs.seeded(13));
        l.beginEpisode();
        int s = env.reset();
        double sum = 0;
        int n = 0;
        double[] row = new double[4];
        while (true) {
            for (int b = 0; b < 4; b++) {
                row[b] = l.value(s, b);
            }
            double expected = Softmax.entropy(row, 4, 0.5);
            int a = l.act(s);
            assertEquals(expected, l.entropy(), 0.0);
            sum += expected;
            n++;
            int s2 = env.step(a);
            l.learn(s, a, env.reward(), s2, env.terminated());
            s = s2;
            if (env.terminated()) {
                break;
            }
        }
        l.endEpisode();
        assertEquals(sum / n, l.episodeEntropy(), 1e-15);
        assertEquals(n, l.episodeSteps());
        assertEquals(1.0, l.episodeReturn());
    }

    @Test
    void protocolErrors() {
        TdLearner l = TdAgent.qLearning(0.1, 0.9, 0, Greedy.of()).start(4, 4, TestRngs.seeded(14));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> l.act(0));
        assertEquals("not in an episode: call beginEpisode() first", e.getMessage());
        e = assertThrows(IllegalStateException.class, l::entropy);
        assertEquals("no action has been chosen yet", e.getMessage());
        l.beginEpisode();
        e = assertThrows(IllegalStateException.class, l::beginEpisode);
        assertEquals("beginEpisode() twice: call endEpisode() first", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> l.act(4));
        assertThrows(IndexOutOfBoundsException.class, () -> l.learn(0, 4, 0, 1, false));
    }

    /** Greedy maps: lowest index on ties; the greedy policy table splits ties uniformly. */
    @Test
    void greedyActionsAndPolicy() {
        TdLearner l = TdAgent.qLearning(0.1, 0.9, 0, Greedy.of()).start(2, 3, TestRngs.seeded(15));
        l.setValue(0, 1, 2.0);
        l.setValue(0, 2, 2.0);
        assertEquals(1, l.greedyAction(0));
        assertEquals(0, l.greedyAction(1));
        double[] pi = new double[6];
        l.greedyPolicy(pi);
        assertEquals(List.of(0.0, 0.5, 0.5, 1.0 / 3, 1.0 / 3, 1.0 / 3),
            List.of(pi[0], pi[1], pi[2], pi[3], pi[4], pi[5]));
        int[] actions = new int[2];
        l.greedyActions(actions);
        assertEquals(1, actions[0]);
        assertEquals(2.0, l.maxValue(0));
        assertEquals(6, l.values().length);
    }
}
