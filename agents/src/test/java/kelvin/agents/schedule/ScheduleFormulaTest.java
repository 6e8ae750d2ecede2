package kelvin.agents.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * Every schedule of DESIGN.md's table at t = 0, 1, a middle value and a large t; each expected
 * value is worked out by hand (or in plain code) beside the assertion.
 */
class ScheduleFormulaTest {

    private static final double EPS = 1e-12;
    private static final long LARGE = 1_000_000_000_000L;

    @Test
    void fixedIsConstant() {
        Fixed s = Fixed.of(0.2);
        assertEquals(0.2, s.temperature(0), 0.0);
        assertEquals(0.2, s.temperature(1), 0.0);
        assertEquals(0.2, s.temperature(LARGE), 0.0);
        assertEquals(0.0, Fixed.of(0).temperature(5), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, Fixed.of(Double.POSITIVE_INFINITY).temperature(5), 0.0);
    }

    @Test
    void fixedOfBetaIsOneOverBeta() {
        assertEquals(0.2, Fixed.ofBeta(5).temperature(0), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, Fixed.ofBeta(0).temperature(0), 0.0); // beta 0: uniform
        assertEquals(0.0, Fixed.ofBeta(Double.POSITIVE_INFINITY).temperature(0), 0.0); // beta inf: greedy
        assertEquals(Fixed.of(0.5), Fixed.ofBeta(2));
    }

    @Test
    void linearFallsToMinAtStepsAndStays() {
        Linear s = Linear.of(1.0, 0.1, 100);
        assertEquals(1.0, s.temperature(0), EPS);
        assertEquals(0.991, s.temperature(1), EPS); // 1 - 0.9 * 1/100
        assertEquals(0.55, s.temperature(50), EPS); // 1 - 0.9 * 50/100
        assertEquals(0.1, s.temperature(100), EPS);
        assertEquals(0.1, s.temperature(101), EPS); // clamped at min
        assertEquals(0.1, s.temperature(LARGE), EPS);
        assertEquals(0.0, Linear.of(2.0, 0.0, 4).temperature(4), EPS);
        assertEquals(1.5, Linear.of(2.0, 0.0, 4).temperature(1), EPS); // 2 - 2 * 1/4
    }

    @Test
    void exponentialIsAPowerWithAFloor() {
        Exponential s = Exponential.of(1.0, 0.995, 0.01);
        assertEquals(1.0, s.temperature(0), 0.0);
        assertEquals(0.995, s.temperature(1), EPS);
        assertEquals(0.995 * 0.995 * 0.995 * 0.995 * 0.995 * 0.995 * 0.995 * 0.995 * 0.995 * 0.995,
            s.temperature(10), EPS);
        // NOTES.md: 0.995^999 = 0.0066874 < 0.01, so the floor binds at t = 999
        assertEquals(0.01, s.temperature(999), 0.0);
        assertEquals(0.0066874, Exponential.of(1.0, 0.995).temperature(999), 1e-7);
        // the floor binds from t = 919 on: 0.995^918 > 0.01 > 0.995^919
        assertEquals(Math.exp(918 * Math.log(0.995)), s.temperature(918), EPS);
        assertEquals(0.01, s.temperature(919), 0.0);
        assertEquals(0.01, s.temperature(LARGE), 0.0);
        assertEquals(0.0, Exponential.of(1.0, 0.995).temperature(LARGE), 0.0); // underflow: greedy
        assertEquals(3.0, Exponential.of(3.0, 1.0).temperature(LARGE), 0.0); // decay 1: constant
    }

    @Test
    void exponentialIsComputedAsAPowerNotARunningProduct() {
        Exponential s = Exponential.of(2.0, 0.9);
        for (long t = 0; t < 200; t++) {
            assertEquals(2.0 * Math.pow(0.9, t), s.temperature(t), 0.0, "t = " + t);
        }
        // Python's 0.9 ** 3, as printed by the numpy peer's golden trace
        assertEquals(0.7290000000000001, Exponential.of(1.0, 0.9).temperature(3), 0.0);
    }

    @Test
    void inverseTimeIsInitialOverOnePlusKt() {
        InverseTime s = InverseTime.of(2.0, 0.5);
        assertEquals(2.0, s.temperature(0), 0.0);
        assertEquals(2.0 / 1.5, s.temperature(1), EPS);
        assertEquals(2.0 / 6.0, s.temperature(10), EPS); // 1 + 0.5 * 10 = 6
        assertEquals(2.0 / 500_001.0, s.temperature(1_000_000), EPS);
        assertEquals(4e-12, s.temperature(LARGE), 1e-20); // 2 / (1 + 5e11)
        assertEquals(2.0, InverseTime.of(2.0, 0.0).temperature(LARGE), 0.0);
    }

    @Test
    void lundyMeesRecursionHasTheInverseTimeClosedForm() {
        // Lundy & Mees (1986): T_{t+1} = T_t / (1 + beta T_t)
        double beta = 0.25;
        InverseTime s = InverseTime.lundyMees(2.0, beta);
        assertEquals(0.5, s.k(), 0.0); // k = beta * initial
        double temperature = 2.0;
        for (long t = 0; t < 100; t++) {
            assertEquals(temperature, s.temperature(t), EPS, "t = " + t);
            temperature = temperature / (1 + beta * temperature);
        }
    }

    @Test
    void logarithmicIsCOverLogOfTPlusT0() {
        Logarithmic s = Logarithmic.of(3.0);
        assertEquals(2.0, s.t0(), 0.0);
        assertEquals(3.0 / Math.log(2), s.temperature(0), EPS); // 4.328085...
        assertEquals(4.328085122666891, s.temperature(0), EPS);
        assertEquals(3.0 / Math.log(3), s.temperature(1), EPS);
        assertEquals(3.0 / Math.log(1_000_002), s.temperature(1_000_000), EPS);
        assertEquals(3.0 / (12 * Math.log(10)), s.temperature(LARGE - 2), EPS); // ln(10^12) = 12 ln 10
        assertEquals(1.0 / Math.log(1.5), Logarithmic.of(1.0, 1.5).temperature(0), EPS);
    }

    @Test
    void stepScheduleHoldsThenMultiplies() {
        StepSchedule s = StepSchedule.of(1.0, 0.5, 10, 0.01);
        assertEquals(1.0, s.temperature(0), 0.0);
        assertEquals(1.0, s.temperature(1), 0.0);
        assertEquals(1.0, s.temperature(9), 0.0);
        assertEquals(0.5, s.temperature(10), 0.0);
        assertEquals(0.25, s.temperature(25), 0.0); // floor(25/10) = 2
        assertEquals(0.015625, s.temperature(60), 0.0); // 0.5^6
        assertEquals(0.01, s.temperature(70), 0.0); // 0.5^7 = 0.0078125 < 0.01
        assertEquals(0.01, s.temperature(LARGE), 0.0);
    }

    @Test
    void cosineFallsSmoothlyToMinAndStays() {
        Cosine s = Cosine.of(1.0, 0.1, 100);
        assertEquals(1.0, s.temperature(0), EPS);
        assertEquals(0.1 + 0.9 * (1 + Math.cos(Math.PI / 100)) / 2, s.temperature(1), EPS);
        assertEquals(0.1 + 0.9 * (1 + Math.sqrt(0.5)) / 2, s.temperature(25), EPS); // cos(pi/4)
        assertEquals(0.55, s.temperature(50), EPS); // cos(pi/2) = 0: the midpoint
        assertEquals(0.1, s.temperature(100), EPS);
        assertEquals(0.1, s.temperature(LARGE), EPS);
    }

    @Test
    void perDefaultsToStepAndCanBeEpisode() {
        assertEquals(Schedule.Per.STEP, Fixed.of(1).per());
        assertEquals(Schedule.Per.EPISODE, Fixed.of(1).withPer(Schedule.Per.EPISODE).per());
        assertEquals(Schedule.Per.EPISODE, Linear.of(1, 0, 5).withPer(Schedule.Per.EPISODE).per());
        assertEquals(Schedule.Per.EPISODE, Exponential.of(1, 0.5).withPer(Schedule.Per.EPISODE).per());
        assertEquals(Schedule.Per.EPISODE, InverseTime.of(1, 1).withPer(Schedule.Per.EPISODE).per());
        assertEquals(Schedule.Per.EPISODE, Logarithmic.of(1).withPer(Schedule.Per.EPISODE).per());
        assertEquals(Schedule.Per.EPISODE, StepSchedule.of(1, 0.5, 2, 0).withPer(Schedule.Per.EPISODE).per());
        assertEquals(Schedule.Per.EPISODE, Cosine.of(1, 0, 5).withPer(Schedule.Per.EPISODE).per());
        Schedule lambda = t -> 1.0;
        assertEquals(Schedule.Per.STEP, lambda.per());
    }

    @Test
    void pureSchedulesRunsFollowTheScheduleAndIgnoreFeedback() {
        Schedule s = Exponential.of(1.0, 0.9);
        ScheduleRun run = s.newRun();
        for (long t = 0; t < 20; t++) {
            assertEquals(s.temperature(t), run.temperature(t), 0.0);
            run.observe(1.0, 0.5);
        }
        assertFalse(run.needsEntropy());
    }

    @Test
    void schedulesAreValues() {
        assertEquals(Exponential.of(1, 0.9, 0.1), Exponential.of(1, 0.9, 0.1));
        assertEquals(Exponential.of(1, 0.9, 0.1).hashCode(), Exponential.of(1, 0.9, 0.1).hashCode());
        assertNotEquals(Exponential.of(1, 0.9, 0.1), Exponential.of(1, 0.9, 0.1).withPer(Schedule.Per.EPISODE));
        assertEquals(Cosine.of(1, 0, 5), Cosine.of(1, 0, 5));
        assertEquals("exponential(initial=1.0, decay=0.995, min=0.01)", Exponential.of(1, 0.995, 0.01).toString());
        assertEquals("fixed(value=0.2, per=episode)", Fixed.of(0.2).withPer(Schedule.Per.EPISODE).toString());
    }
}
