package kelvin.agents.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Every parameter of every schedule is checked, NaN-safely, with a message naming it and its value. */
class ScheduleValidationTest {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void fixed() {
        assertMessage("value is not in [0, +Infinity]: -0.1", () -> Fixed.of(-0.1));
        assertMessage("value is not in [0, +Infinity]: NaN", () -> Fixed.of(NAN));
        assertMessage("beta is not in [0, +Infinity]: -1.0", () -> Fixed.ofBeta(-1));
        assertMessage("beta is not in [0, +Infinity]: NaN", () -> Fixed.ofBeta(NAN));
    }

    @Test
    void linear() {
        assertMessage("initial is not finite and > 0: NaN", () -> Linear.of(NAN, 0, 10));
        assertMessage("initial is not finite and > 0: 0.0", () -> Linear.of(0, 0, 10));
        assertMessage("initial is not finite and > 0: Infinity", () -> Linear.of(INF, 0, 10));
        assertMessage("min is not finite and >= 0: -1.0", () -> Linear.of(1, -1, 10));
        assertMessage("min is not finite and >= 0: NaN", () -> Linear.of(1, NAN, 10));
        assertMessage("min is greater than initial = 1.0: 2.0", () -> Linear.of(1, 2, 10));
        assertMessage("steps is not at least 1: 0", () -> Linear.of(1, 0, 0));
    }

    @Test
    void exponential() {
        assertMessage("initial is not finite and > 0: -1.0", () -> Exponential.of(-1, 0.9));
        assertMessage("initial is not finite and > 0: NaN", () -> Exponential.of(NAN, 0.9));
        assertMessage("decay is not in (0, 1]: 0.0", () -> Exponential.of(1, 0));
        assertMessage("decay is not in (0, 1]: 1.5", () -> Exponential.of(1, 1.5));
        assertMessage("decay is not in (0, 1]: -0.5", () -> Exponential.of(1, -0.5));
        assertMessage("decay is not in (0, 1]: NaN", () -> Exponential.of(1, NAN));
        assertMessage("min is not finite and >= 0: NaN", () -> Exponential.of(1, 0.9, NAN));
        assertMessage("min is not finite and >= 0: -0.01", () -> Exponential.of(1, 0.9, -0.01));
        assertMessage("min is greater than initial = 1.0: 1.5", () -> Exponential.of(1, 0.9, 1.5));
    }

    @Test
    void inverseTime() {
        assertMessage("initial is not finite and > 0: NaN", () -> InverseTime.of(NAN, 1));
        assertMessage("initial is not finite and > 0: 0.0", () -> InverseTime.of(0, 1));
        assertMessage("k is not finite and >= 0: -1.0", () -> InverseTime.of(1, -1));
        assertMessage("k is not finite and >= 0: NaN", () -> InverseTime.of(1, NAN));
        assertMessage("k is not finite and >= 0: Infinity", () -> InverseTime.of(1, INF));
        assertMessage("beta is not finite and >= 0: -0.5", () -> InverseTime.lundyMees(1, -0.5));
    }

    @Test
    void logarithmic() {
        assertMessage("c is not finite and > 0: 0.0", () -> Logarithmic.of(0));
        assertMessage("c is not finite and > 0: NaN", () -> Logarithmic.of(NAN));
        assertMessage("c is not finite and > 0: -2.0", () -> Logarithmic.of(-2, 2));
        assertMessage("t0 is not finite and > 1: 1.0", () -> Logarithmic.of(1, 1));
        assertMessage("t0 is not finite and > 1: 0.5", () -> Logarithmic.of(1, 0.5));
        assertMessage("t0 is not finite and > 1: NaN", () -> Logarithmic.of(1, NAN));
        assertMessage("t0 is not finite and > 1: Infinity", () -> Logarithmic.of(1, INF));
    }

    @Test
    void stepSchedule() {
        assertMessage("initial is not finite and > 0: NaN", () -> StepSchedule.of(NAN, 0.5, 10, 0));
        assertMessage("factor is not in (0, 1]: 0.0", () -> StepSchedule.of(1, 0, 10, 0));
        assertMessage("factor is not in (0, 1]: 2.0", () -> StepSchedule.of(1, 2, 10, 0));
        assertMessage("factor is not in (0, 1]: NaN", () -> StepSchedule.of(1, NAN, 10, 0));
        assertMessage("every is not at least 1: 0", () -> StepSchedule.of(1, 0.5, 0, 0));
        assertMessage("every is not at least 1: -3", () -> StepSchedule.of(1, 0.5, -3, 0));
        assertMessage("min is not finite and >= 0: NaN", () -> StepSchedule.of(1, 0.5, 10, NAN));
        assertMessage("min is greater than initial = 1.0: 3.0", () -> StepSchedule.of(1, 0.5, 10, 3));
    }

    @Test
    void cosine() {
        assertMessage("initial is not finite and > 0: -1.0", () -> Cosine.of(-1, 0, 10));
        assertMessage("min is not finite and >= 0: NaN", () -> Cosine.of(1, NAN, 10));
        assertMessage("min is greater than initial = 1.0: 1.1", () -> Cosine.of(1, 1.1, 10));
        assertMessage("steps is not at least 1: 0", () -> Cosine.of(1, 0, 0));
    }

    @Test
    void simulatedAnnealing() {
        assertMessage("initial is not finite and > 0: 0.0", () -> SimulatedAnnealing.of(0, 0.9, 10, 0));
        assertMessage("initial is not finite and > 0: NaN", () -> SimulatedAnnealing.of(NAN, 0.9, 10, 0));
        assertMessage("initial is not finite and > 0: Infinity", () -> SimulatedAnnealing.of(INF, 0.9, 10, 0));
        assertMessage("cooling is not in (0, 1]: 0.0", () -> SimulatedAnnealing.of(1, 0, 10, 0));
        assertMessage("cooling is not in (0, 1]: 1.1", () -> SimulatedAnnealing.of(1, 1.1, 10, 0));
        assertMessage("cooling is not in (0, 1]: NaN", () -> SimulatedAnnealing.of(1, NAN, 10, 0));
        assertMessage("plateau is not at least 1: 0", () -> SimulatedAnnealing.of(1, 0.9, 0, 0));
        assertMessage("min is not finite and >= 0: -0.1", () -> SimulatedAnnealing.of(1, 0.9, 10, -0.1));
        assertMessage("min is greater than initial = 1.0: 2.0", () -> SimulatedAnnealing.of(1, 0.9, 10, 2));
        assertMessage("patience is not at least 1: 0", () -> SimulatedAnnealing.of(1, 0.9, 10, 0, 0, 1));
        assertMessage("to is not finite and > 0: 0.0", () -> SimulatedAnnealing.of(1, 0.9, 10, 0, 5, 0));
        assertMessage("to is not finite and > 0: NaN", () -> SimulatedAnnealing.of(1, 0.9, 10, 0, 5, NAN));
        assertMessage("to is not finite and > 0: Infinity", () -> SimulatedAnnealing.of(1, 0.9, 10, 0, 5, INF));
        assertMessage("to * initial is not finite: 1.0E300 * 1.0E10",
            () -> SimulatedAnnealing.of(1e10, 0.9, 10, 0, 5, 1e300));
    }

    @Test
    void entropyTarget() {
        assertMessage("initial is not finite and > 0: 0.0", () -> EntropyTarget.of(0, 0.5, 1));
        assertMessage("initial is not finite and > 0: Infinity", () -> EntropyTarget.of(INF, 0.5, 1));
        assertMessage("target is not finite and > 0: 0.0", () -> EntropyTarget.of(1, 0, 1));
        assertMessage("target is not finite and > 0: NaN", () -> EntropyTarget.of(1, NAN, 1));
        assertMessage("target-fraction is not in (0, 1]: 0.0", () -> EntropyTarget.ofFraction(1, 0, 1));
        assertMessage("target-fraction is not in (0, 1]: 1.5", () -> EntropyTarget.ofFraction(1, 1.5, 1));
        assertMessage("rate is not finite and > 0: 0.0", () -> EntropyTarget.of(1, 0.5, 0));
        assertMessage("rate is not finite and > 0: -1.0", () -> EntropyTarget.ofFraction(1, 0.5, -1));
        assertMessage("rate is not finite and > 0: Infinity", () -> EntropyTarget.of(1, 0.5, INF));
        // the target must lie in (0, ln K] once K is known: ln 3 = 1.0986..., ln 1 = 0
        assertMessage("entropy target is not in (0, ln K] = (0, " + Math.log(3) + "] for K = 3 arms: target = 2.0 nats",
            () -> EntropyTarget.of(1, 2.0, 1).newRun(3));
        assertMessage("entropy target is not in (0, ln K] = (0, 0.0] for K = 1 arms: "
            + "target-fraction 0.5 * ln K = 0.0 nats", () -> EntropyTarget.ofFraction(1, 0.5, 1).newRun(1));
        assertMessage("arms is not at least 1: 0", () -> EntropyTarget.of(1, 0.5, 1).newRun(0));
    }

    @Test
    void negativeIndexIsRejectedByEverySchedule() {
        Schedule[] all = {
            Fixed.of(1), Linear.of(1, 0, 10), Exponential.of(1, 0.9), InverseTime.of(1, 1), Logarithmic.of(1),
            StepSchedule.of(1, 0.5, 10, 0), Cosine.of(1, 0, 10), SimulatedAnnealing.of(1, 0.9, 10, 0),
            SimulatedAnnealing.of(1, 0.9, 10, 0, 3, 0.5), EntropyTarget.of(1, 0.5, 1),
        };
        for (Schedule s : all) {
            assertMessage("t is negative: -1", () -> s.temperature(-1));
            assertMessage("t is negative: -1", () -> s.newRun().temperature(-1));
        }
    }

    @Test
    void perMustNotBeNull() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Fixed.of(1).withPer(null));
        assertEquals("per", e.getMessage());
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }
}
