package kelvin.agents.tabular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import kelvin.agents.policy.Boltzmann;
import kelvin.agents.schedule.Exponential;
import kelvin.agents.schedule.GlieBoltzmann;
import kelvin.agents.schedule.Schedule;
import kelvin.agents.schedule.SimulatedAnnealing;
import kelvin.agents.softmax.Softmax;
import kelvin.agents.testing.RecordingSchedule;
import kelvin.agents.testing.TestRngs;
import kelvin.env.mdp.Gridworld;
import kelvin.env.mdp.TabularRun;
import org.junit.jupiter.api.Test;

/** {@code per: state-visit}: t is the number of earlier visits to the state the choice is made in. */
class StateVisitIndexTest {

    private static TdLearner learner(TdTarget target, RecordingSchedule schedule) {
        return TdAgent.of(target, 0.1, 0.9, 0, Boltzmann.of(schedule), Schedule.Per.STATE_VISIT)
            .start(3, 2, TestRngs.seeded(7));
    }

    @Test
    void qLearningAsksTheVisitCountOfEachState() {
        RecordingSchedule schedule = new RecordingSchedule(1.0);
        TdLearner l = learner(TdTarget.Q_LEARNING, schedule);
        // episode 1 walks 0 -> 1 -> 0 -> 1 -> 2 (terminal); episode 2 starts in 0 again
        l.beginEpisode();
        int[] path = {0, 1, 0, 1, 2};
        for (int i = 0; i + 1 < path.length; i++) {
            int a = l.act(path[i]);
            l.learn(path[i], a, 0, path[i + 1], path[i + 1] == 2);
        }
        l.endEpisode();
        l.beginEpisode();
        l.act(0);
        l.act(1);
        // by hand: state 0 on visits 0, 1, then 2 in episode 2; state 1 on visits 0, 1, then 2; each
        // choice asks twice, to select and for the entropy this schedule wants after every act
        assertEquals(List.of(0L, 0L, 0L, 0L, 1L, 1L, 1L, 1L, 2L, 2L, 2L, 2L), schedule.runs.get(0).asked);
    }

    @Test
    void sarsaChoosesItsNextActionWithTheCountOfTheVisitItWillBeTakenIn() {
        RecordingSchedule schedule = new RecordingSchedule(1.0);
        TdLearner l = learner(TdTarget.SARSA, schedule);
        l.beginEpisode();
        int a = l.act(0);            // fresh choice in 0: t = 0
        l.learn(0, a, 0, 1, false);  // a' for 1: t = 0 (1 not visited yet)
        a = l.act(1);                // the pending a': no new choice, the visit of 1 is counted
        l.learn(1, a, 0, 0, false);  // a' for 0: t = 1
        l.act(0);
        l.learn(0, a, 0, 1, false);  // a' for 1: t = 1; the episode is truncated here
        l.endEpisode();              // the dropped a' was never taken: 1 keeps one visit
        l.beginEpisode();
        l.act(1);                    // fresh choice in 1: t = 1
        // a fresh choice asks twice (select, then the entropy this schedule wants); a pending a' is
        // asked once when learn chooses it and once for its entropy when act returns it
        assertEquals(List.of(0L, 0L, 0L, 0L, 1L, 1L, 1L, 1L, 1L), schedule.runs.get(0).asked);
    }

    @Test
    void expectedSarsaWeighsTheNextStateAtItsOwnCount() {
        RecordingSchedule schedule = new RecordingSchedule(1.0);
        TdLearner l = learner(TdTarget.EXPECTED_SARSA, schedule);
        l.beginEpisode();
        int a = l.act(0);            // t = 0 for 0
        l.learn(0, a, 0, 0, false);  // expectation over 0 at its count 1
        a = l.act(0);                // t = 1
        l.learn(0, a, 0, 1, false);  // expectation over 1 at its count 0
        // each act asks twice (select, entropy); each expectation once
        assertEquals(List.of(0L, 0L, 1L, 1L, 1L, 0L), schedule.runs.get(0).asked);
    }

    @Test
    void temperatureAndDistributionFollowTheStatesOwnCount() {
        GlieBoltzmann glie = GlieBoltzmann.of(2.0);
        TdLearner l = TdAgent.qLearning(0.5, 0.9, 0, Boltzmann.of(glie)).start(3, 2, TestRngs.seeded(1));
        l.beginEpisode();
        int a = l.act(0);
        assertEquals(Double.POSITIVE_INFINITY, l.temperature()); // n = 1: beta = ln 1 / C = 0
        l.learn(0, a, 1.0, 1, false);
        a = l.act(1);
        assertEquals(Double.POSITIVE_INFINITY, l.temperature()); // the first visit of 1
        l.learn(1, a, 0, 0, false);
        l.act(0);
        assertEquals(2.0 / Math.log(2), l.temperature(), 1e-15); // the second visit of 0
        // state 0 has 2 visits: the next choice there uses T = C / ln 3 on Q(0, .)
        double[] q = {l.value(0, 0), l.value(0, 1)};
        double[] expected = new double[2];
        Softmax.probabilities(q, 2, 2.0 / Math.log(3), expected);
        double[] actual = new double[2];
        l.distribution(0, actual);
        assertArrayEquals(expected, actual, 1e-15);
        l.distribution(2, actual); // never visited: uniform
        assertArrayEquals(new double[] {0.5, 0.5}, actual, 0);
    }

    @Test
    void theAgentTakesStateVisitsFromTheSchedule() {
        TdAgent agent = TdAgent.sarsa(0.1, 0.9, 0, Boltzmann.of(GlieBoltzmann.of(1.0)));
        assertEquals(Schedule.Per.STATE_VISIT, agent.per());
        assertEquals("sarsa(alpha=0.1, gamma=0.9, initial=0.0, policy=boltzmann(temperature=glie-boltzmann(c=1.0, "
            + "per=state-visit)), per=state-visit)", agent.toString());
    }

    @Test
    void aVisitCountedRunIsReproducible() {
        Gridworld world = Gridworld.builder("S..", "...", "..G").build();
        TdAgent agent = TdAgent.sarsa(0.5, 0.9, 0,
            Boltzmann.of(Exponential.of(1.0, 0.9).withPer(Schedule.Per.STATE_VISIT)));
        assertArrayEquals(trainedValues(world, agent), trainedValues(world, agent));
    }

    private static double[] trainedValues(Gridworld world, TdAgent agent) {
        TdLearner l = agent.start(world.states(), world.actions(), TestRngs.seeded(11));
        TabularRun env = world.start(TestRngs.seeded(12));
        for (int e = 0; e < 20; e++) {
            l.beginEpisode();
            int s = env.reset();
            for (int step = 0; step < 200; step++) {
                int a = l.act(s);
                int s2 = env.step(a);
                l.learn(s, a, env.reward(), s2, env.terminated());
                s = s2;
                if (env.terminated()) {
                    break;
                }
            }
            l.endEpisode();
        }
        return l.values();
    }

    @Test
    void stateVisitsAreRefusedByASequentialSchedule() {
        SimulatedAnnealing sa = SimulatedAnnealing.of(1.0, 0.9, 10, 0.0);
        assertThrows(IllegalArgumentException.class, () -> sa.withPer(Schedule.Per.STATE_VISIT));
    }
}
