package kelvin.experiments.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void studentQuantilesMatchPublishedTables() {
        // Two-sided 95% critical values of Student's t (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
        assertEquals(12.706205, Interval.tQuantile975(1), 1e-5);
        assertEquals(2.262157, Interval.tQuantile975(9), 1e-6);
        assertEquals(2.093024, Interval.tQuantile975(19), 1e-6);
        assertEquals(1.983972, Interval.tQuantile975(100), 1e-6);
    }

    @Test
    void intervalOfTenValues() {
        // n = 10, mean 3, sample variance 2.5: se = 0.5, half width = 2.262157 * 0.5.
        Interval iv = Interval.of(10, 3.0, 2.5);
        assertEquals(0.5, iv.stderr(), 1e-15);
        assertEquals(3.0 - 1.1310785, iv.low(), 1e-6);
        assertEquals(3.0 + 1.1310785, iv.high(), 1e-6);
    }

    @Test
    void oneValueHasNoInterval() {
        Interval iv = Interval.of(1, 3.0, Double.NaN);
        assertEquals(Double.NaN, iv.stderr());
        assertEquals("", Tables.number(iv.low()));
    }

    @Test
    void chartTitlesSayWhatTheBandsShow() {
        assertEquals("1 run, no interval", Interval.bandsOver(1));
        assertEquals("500 runs, 95% CI", Interval.bandsOver(500));
    }

    @Test
    void titlesCountOneRunInTheSingular() {
        assertEquals("1 run", Reports.runs(1));
        assertEquals("500 runs", Reports.runs(500));
    }
}
