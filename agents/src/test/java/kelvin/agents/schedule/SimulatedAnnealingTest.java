package kelvin.agents.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kelvin.agents.testing.TestRngs;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * {@link SimulatedAnnealing}: Kirkpatrick, Gelatt and Vecchi's (1983) staircase
 * T = max(min, base * cooling^floor(k / plateau)), and the reheat rule of its class comment.
 */
class SimulatedAnnealingTest {

    private static final double EPS = 1e-12;
    private static final long SEED = 0x5A_0001L;

    @Test
    void withoutReheatTheTemperatureIsTheStaircaseInThePreviewAndInARun() {
        // DESIGN.md's example: initial 1, cooling 0.9, plateau 50, min 0.01
        SimulatedAnnealing s = SimulatedAnnealing.of(1.0, 0.9, 50, 0.01);
        long[] at = {0, 1, 10, 100, 500, 1000};
        for (long t : at) {
            double expected = Math.max(0.01, Math.pow(0.9, Math.floorDiv(t, 50))); // 0.9^0 .. 0.9^20
            assertEquals(expected, s.temperature(t), EPS, "preview at t = " + t);
        }
        assertEquals(0.9 * 0.9, s.temperature(100), EPS);
        assertEquals(0.12157665459056929, s.temperature(1000), EPS); // 0.9^20
        assertEquals(0.01, s.temperature(5000), EPS); // 0.9^100 = 2.7e-5 < 0.01: the floor

        // a run fed arbitrary rewards follows the same staircase: without reheat, rewards are ignored
        ScheduleRun run = s.newRun();
        UniformRandomProvider rng = TestRngs.seeded(SEED);
        int next = 0;
        for (long t = 0; t <= 1000; t++) {
            if (next < at.length && t == at[next]) {
                assertEquals(Math.max(0.01, Math.pow(0.9, Math.floorDiv(t, 50))), run.temperature(t), EPS, "run, t = " + t);
                next++;
            }
            run.observe(rng.nextDouble() * 200 - 100, Double.NaN);
        }
        assertFalse(run.needsEntropy());
        assertFalse(s.reheats());
    }

    @Test
    void reheatTraceByHand() {
        // initial 1, cooling 0.5, plateau 2, min 0.1, reheat {patience 3, to 0.8}:
        // T = max(0.1, base * 0.5^floor(k / 2)); the window holds the last 3 rewards
        SimulatedAnnealing s = SimulatedAnnealing.of(1.0, 0.5, 2, 0.1, 3, 0.8);
        double[] rewards = {1, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 3, 3, 3, 3};
        double[] expected = {
            1, 1,           // t = 0, 1: k = 0, 1, base 1; the window fills with 1, 2, 3 (observed at t = 0..2)
            0.5, 0.5,       // t = 2, 3: first full window (1,2,3) mean 2 = best; then (2,3,4) mean 3 > 2: best
            0.25, 0.25,     // t = 4, 5: (3,4,4) mean 3.67 > 3, (4,4,4) mean 4 > 3.67: best
            0.125, 0.125,   // t = 6, 7: (4,4,4) mean 4, not > 4: 1 and 2 steps without improvement
            0.1,            // t = 8: 0.5^4 = 0.0625 < min; observing r_8 makes 3 = patience: stall, REHEAT
            0.8, 0.8,       // t = 9, 10: k = 0, 1 with base 0.8 * 1; window cleared, refills with r_9, r_10
            0.4, 0.4,       // t = 11: full window (4,4,4) mean 4 = the new best; t = 12: 1 without improvement
            0.2, 0.2,       // t = 13: 2 without improvement; t = 14: (4,4,5) mean 4.33 > 4: best, counter 0
            0.1, 0.1,       // t = 15, 16: 0.8 * 0.125 = 0.1; (4,5,5) 4.67 and (5,5,5) 5: best each time
            0.1, 0.1, 0.1,  // t = 17, 18, 19: (5,5,3), (5,3,3), (3,3,3) means 4.33, 3.67, 3: 1, 2, 3 -> REHEAT
            0.8, 0.8,       // t = 20, 21: k = 0, 1 with base 0.8
        };
        ScheduleRun run = s.newRun();
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], run.temperature(t), EPS, "t = " + t);
            assertEquals(expected[t], run.temperature(t), 0.0, "asked twice at t = " + t); // stable until observe
            if (t < rewards.length) {
                run.observe(rewards[t], Double.NaN);
            }
        }
    }

    @Test
    void aFlatRewardReheatsAfterTwicePatienceSteps() {
        // patience 2: the window is full after 2 rewards (first best), then 2 steps without improvement
        SimulatedAnnealing s = SimulatedAnnealing.of(1.0, 1.0, 1, 0.0, 2, 3.0); // cooling 1: T stays at base
        ScheduleRun run = s.newRun();
        double[] expected = {1, 1, 1, 1, 3, 3, 3, 3, 3};
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], run.temperature(t), 0.0, "t = " + t);
            run.observe(0.25, Double.NaN);
        }
    }

    @Test
    void aRunAheadOfItsIndexExtrapolatesWithoutReheatAndCannotGoBack() {
        SimulatedAnnealing s = SimulatedAnnealing.of(2.0, 0.5, 10, 0.0, 2, 1.0);
        ScheduleRun fresh = s.newRun();
        for (long t = 0; t < 100; t += 7) {
            assertEquals(s.temperature(t), fresh.temperature(t), 0.0, "a fresh run previews like the schedule");
        }
        ScheduleRun run = s.newRun();
        for (int t = 0; t < 5; t++) {
            run.observe(0.0, Double.NaN); // flat: the 4th observation reheats to 1.0 * 2.0, k = 0, then k = 1
        }
        assertEquals(2.0, run.temperature(5), 0.0);
        assertEquals(1.0, run.temperature(5 + 9), 0.0); // k = 10: one plateau later, 2 * 0.5
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run.temperature(4));
        assertEquals("t = 4 is before the run's current index 5 (a stateful schedule cannot go back)", e.getMessage());
    }

    @Test
    void withReheatTheRewardMustBeFinite() {
        ScheduleRun run = SimulatedAnnealing.of(1, 0.9, 10, 0, 3, 1).newRun();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run.observe(Double.NaN, 0));
        assertEquals("reward is not finite: NaN", e.getMessage());
    }

    @Test
    void isAValue() {
        SimulatedAnnealing s = SimulatedAnnealing.of(1, 0.9, 50, 0.01);
        assertEquals(s, SimulatedAnnealing.of(1, 0.9, 50, 0.01));
        assertEquals(s.hashCode(), SimulatedAnnealing.of(1, 0.9, 50, 0.01).hashCode());
        assertFalse(s.equals(s.withReheat(10, 0.5)));
        assertEquals(s.withReheat(10, 0.5), SimulatedAnnealing.of(1, 0.9, 50, 0.01, 10, 0.5));
        assertEquals("simulated-annealing(initial=1.0, cooling=0.9, plateau=50, min=0.01)", s.toString());
        assertEquals("simulated-annealing(initial=1.0, cooling=0.9, plateau=50, min=0.01, reheat={patience=10, to=0.5}, "
            + "per=episode)", s.withReheat(10, 0.5).withPer(Schedule.Per.EPISODE).toString());
        assertTrue(s.withReheat(10, 0.5).reheats());
        assertEquals(10, s.withReheat(10, 0.5).patience());
        assertEquals(0.5, s.withReheat(10, 0.5).reheatTo(), 0.0);
        assertTrue(Double.isNaN(s.reheatTo()));
        // the preview without feedback is the step schedule with the same numbers
        StepSchedule step = StepSchedule.of(1, 0.9, 50, 0.01);
        for (long t = 0; t < 2000; t += 13) {
            assertEquals(step.temperature(t), s.withReheat(3, 2).temperature(t), 0.0);
        }
    }
}
