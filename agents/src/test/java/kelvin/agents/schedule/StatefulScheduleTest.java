package kelvin.agents.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import kelvin.agents.testing.TestRngs;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md, "Schedules": stateful schedules are immutable values that give every run fresh state.
 * Two runs of one schedule, driven in an interleaved way with different feedback, each follow the
 * trace a lone run with the same feedback follows; the same feedback always gives the same trace.
 */
class StatefulScheduleTest {

    private static final int STEPS = 400;
    private static final Schedule[] STATEFUL = {
        SimulatedAnnealing.of(1.0, 0.9, 5, 0.01, 4, 0.5),
        EntropyTarget.of(1.0, 0.6, 0.5),
    };

    @Test
    void twoRunsOfOneScheduleAreIndependent() {
        for (Schedule s : STATEFUL) {
            double[][] feedbackA = feedback(1);
            double[][] feedbackB = feedback(2);
            double[] aloneA = trace(s.newRun(3), feedbackA);
            double[] aloneB = trace(s.newRun(3), feedbackB);
            assertNotEquals(Arrays.toString(aloneA), Arrays.toString(aloneB), s + ": the feedback matters");

            ScheduleRun a = s.newRun(3);
            ScheduleRun b = s.newRun(3);
            double[] tracedA = new double[STEPS];
            double[] tracedB = new double[STEPS];
            for (int t = 0; t < STEPS; t++) { // interleaved: b steps between a's steps
                tracedA[t] = a.temperature(t);
                tracedB[t] = b.temperature(t);
                a.observe(feedbackA[t][0], feedbackA[t][1]);
                b.observe(feedbackB[t][0], feedbackB[t][1]);
            }
            assertArrayEquals(aloneA, tracedA, 0.0, s.toString());
            assertArrayEquals(aloneB, tracedB, 0.0, s.toString());
            // a run started after others have moved starts from scratch
            assertEquals(s.temperature(0), s.newRun(3).temperature(0), 0.0);
        }
    }

    @Test
    void theSameFeedbackGivesTheSameTrace() {
        for (Schedule s : STATEFUL) {
            assertArrayEquals(trace(s.newRun(3), feedback(5)), trace(s.newRun(3), feedback(5)), 0.0, s.toString());
        }
    }

    /** Rewards with a rise, plateaus and noise (so annealing reheats), and entropies in [0, ln 3]. */
    private static double[][] feedback(long seed) {
        UniformRandomProvider rng = TestRngs.seeded(seed);
        double[][] f = new double[STEPS][];
        for (int t = 0; t < STEPS; t++) {
            double reward = Math.min(t, 50) / 50.0 + (rng.nextInt(4) == 0 ? rng.nextDouble() : 0);
            f[t] = new double[] {reward, rng.nextDouble() * Math.log(3)};
        }
        return f;
    }

    private static double[] trace(ScheduleRun run, double[][] feedback) {
        double[] trace = new double[feedback.length];
        for (int t = 0; t < feedback.length; t++) {
            trace[t] = run.temperature(t);
            run.observe(feedback[t][0], feedback[t][1]);
        }
        return trace;
    }
}
