package kelvin.agents.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import kelvin.agents.schedule.Exponential;
import kelvin.agents.schedule.Fixed;
import kelvin.agents.softmax.Softmax;
import kelvin.agents.testing.RecordingSchedule;
import kelvin.agents.testing.TestRngs;
import org.junit.jupiter.api.Test;

/** Tests of {@link Boltzmann}. */
class BoltzmannTest {

    private static final long SEED = 0xB017_2A11L;
    private static final double[] Q = {2, 1, 0.1};

    @Test
    void temperatureReportsTheSchedulesValue() {
        Exponential schedule = Exponential.of(1.0, 0.9, 0.3);
        PolicyRun run = Boltzmann.of(schedule).start(3, TestRngs.seeded(SEED));
        double[] expected = {1.0, 0.9, 0.81, 0.729, 0.6561, 0.59049, 0.531441, 0.4782969, 0.43046721, 0.387420489,
            0.3486784401, 0.31381059609, 0.3, 0.3};
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], run.temperature(t), 1e-12, "t = " + t);
        }
        assertEquals(0.2, Boltzmann.of(0.2).start(3, TestRngs.seeded(SEED)).temperature(7), 0.0);
        assertEquals(0.2, Boltzmann.ofBeta(5).start(3, TestRngs.seeded(SEED)).temperature(7), 0.0); // T = 1/beta
    }

    @Test
    void distributionAndEntropyAreTheSoftmaxAtTheScheduledTemperature() {
        PolicyRun run = Boltzmann.of(Exponential.of(2.0, 0.5)).start(3, TestRngs.seeded(SEED));
        double[] out = new double[3];
        // T_1 = 1: DESIGN.md's example
        run.distribution(Q, 1, out);
        assertArrayEquals(new double[] {0.659001, 0.242433, 0.098566}, out, 1e-6);
        assertEquals(Softmax.entropy(Q, 3, 1.0), run.entropy(Q, 1), 0.0);
        run.distribution(Q, 0, out); // T_0 = 2
        assertArrayEquals(new double[] {0.501688, 0.304289, 0.194023}, out, 1e-6);
    }

    @Test
    void everySelectDrawsExactlyOneUniformAndInvertsIt() {
        // u = 0.5 at T = 1: x = 0.5 W < C_0 = 1 (W ~ 1.52) gives arm 0; u = 0.9 gives 2 (C_1/W = 0.90143)
        double[] u = {0.5, 0.9, 0.7, 0.0, 0.5};
        TestRngs.Replay rng = TestRngs.replaying(u);
        PolicyRun run = Boltzmann.of(Fixed.of(1.0)).start(3, rng);
        assertEquals(0, run.select(Q, 0));
        assertEquals(1, rng.draws());
        assertEquals(1, run.select(Q, 1)); // 0.9 < C_1 / W = (1 + e^-1) / W = 0.901434
        assertEquals(1, run.select(Q, 2)); // 0.7: between C_0 / W = 0.659 and 0.901
        assertEquals(3, rng.draws());
        // T = 0 with a unique maximum still draws one uniform, like the numpy peer
        PolicyRun greedy = Boltzmann.of(0.0).start(3, rng);
        assertEquals(0, greedy.select(Q, 0));
        assertEquals(4, rng.draws());
        assertEquals(0, greedy.select(Q, 1));
        assertEquals(5, rng.draws());
    }

    @Test
    void feedbackAndTemperatureComeFromTheRunsScheduleState() {
        RecordingSchedule schedule = new RecordingSchedule(1.0);
        PolicyRun run = Boltzmann.of(schedule).start(3, TestRngs.seeded(SEED));
        assertEquals(1.0, run.temperature(0), 0.0);
        run.observe(2.0, 0.7);
        assertEquals(0.5, run.temperature(1), 0.0); // the stateful run halved its value
        assertEquals(1, schedule.runs.size());
        assertArrayEquals(new double[] {2.0, 0.7}, schedule.runs.get(0).observed.get(0), 0.0);
        Boltzmann.of(schedule).start(3, TestRngs.seeded(SEED));
        assertEquals(2, schedule.runs.size()); // a fresh state per run
    }

    @Test
    void validation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Boltzmann.of(-0.5));
        assertEquals("temperature is not in [0, +Infinity]: -0.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Boltzmann.ofBeta(-1));
        assertEquals("beta is not in [0, +Infinity]: -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Boltzmann.of(Double.NaN));
        assertEquals("temperature is not in [0, +Infinity]: NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Boltzmann.of(1.0).start(0, TestRngs.seeded(1)));
        assertEquals("arms is not at least 1: 0", e.getMessage());
        assertThrows(NullPointerException.class, () -> Boltzmann.of(1.0).start(3, null));
    }
}
