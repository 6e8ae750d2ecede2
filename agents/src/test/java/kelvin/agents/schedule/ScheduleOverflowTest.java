package kelvin.agents.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A schedule whose parameters are valid but whose intermediate product overflows a double still
 * gives the value of its formula.
 */
class ScheduleOverflowTest {

    /** T_t = max(min, initial - (initial - min) t / steps), with (initial - min) t above the largest double. */
    @Test
    void aLinearScheduleFromTheLargestDoublesStaysOnItsLine() {
        Linear s = Linear.of(1e308, 0, 10);
        assertEquals(1e308 - 1e308 * 0.2, s.temperature(2), 1e292);
        assertEquals(0.5e308, s.temperature(5), 1e292);
        assertEquals(0.0, s.temperature(10));
        assertEquals(0.0, s.temperature(11));
        // small values take the unchanged path, bit for bit
        assertEquals(Math.max(0.1, 2.0 - (2.0 - 0.1) * 3 / 7), Linear.of(2.0, 0.1, 7).temperature(3));
    }
}
