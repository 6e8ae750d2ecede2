package kelvin.agents.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** T = C / ln(t + 1): the inverse temperature ln n / C of Singh et al. (2000) with n = t + 1 visits. */
class GlieBoltzmannTest {

    @Test
    void valuesByHand() {
        GlieBoltzmann s = GlieBoltzmann.of(2.0);
        assertEquals(Double.POSITIVE_INFINITY, s.temperature(0)); // n = 1: beta = 0, uniform
        assertEquals(2.885390081777927, s.temperature(1), 1e-15); // 2 / ln 2
        assertEquals(1.4426950408889634, s.temperature(3), 1e-15); // 2 / ln 4
        assertEquals(0.2895296546021679, s.temperature(999), 1e-15); // 2 / ln 1000
        // beta grows like ln n: 1 / T at n = 100 is ln(100) / 2
        assertEquals(Math.log(100) / 2, 1 / s.temperature(99), 1e-15);
    }

    @Test
    void runsReadTheSameValues() {
        GlieBoltzmann s = GlieBoltzmann.of(0.5);
        ScheduleRun run = s.newRun(4);
        for (long t : new long[] {5, 0, 17, 2}) { // per-state indices arrive in any order
            assertEquals(s.temperature(t), run.temperature(t));
        }
    }

    @Test
    void countsStateVisitsByDefault() {
        assertEquals(Schedule.Per.STATE_VISIT, GlieBoltzmann.of(1).per());
        assertEquals(Schedule.Per.STEP, GlieBoltzmann.of(1).withPer(Schedule.Per.STEP).per());
        assertEquals("glie-boltzmann(c=1.0, per=state-visit)", GlieBoltzmann.of(1).toString());
    }

    @Test
    void refusesABadConstant() {
        assertThrows(IllegalArgumentException.class, () -> GlieBoltzmann.of(0));
        assertThrows(IllegalArgumentException.class, () -> GlieBoltzmann.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> GlieBoltzmann.of(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> GlieBoltzmann.of(1).temperature(-1));
    }
}
