package kelvin.experiments.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import kelvin.experiments.metric.OptimalAction;
import kelvin.experiments.metric.Regret;
import org.junit.jupiter.api.Test;

/**
 * The one rule for numbers people read: the half-width's two significant digits set the last
 * decimal place of the mean and bounds; plain decimals in [1e-4, 1e7); 0 as {@code 0}; round-off
 * spread as none; percentages for shares.
 */
class ValueFormatTest {

    /** A 95% interval of 500 runs around {@code mean} with half-width {@code half}. */
    private static Interval around(double mean, double half) {
        return new Interval(mean, half / 1.96, mean - half, mean + half, 500);
    }

    @Test
    void theHalfWidthsSecondDigitIsTheLastPrinted() {
        // h = 450: two digits end at the tens, so 2491 -> 2490, 2041 -> 2040, 2941 -> 2940
        assertEquals("2490 [2040, 2940]", ValueFormat.PLAIN.interval(around(2491, 450)));
        // the quickstart's eps-0.1 regret: h = 11.15 ends at the units; 220.5038 -> 221
        assertEquals("232 [221, 243]", ValueFormat.PLAIN.interval(around(231.6493, 11.1455)));
        // h = 0.0999 is 0.10 to two digits and ends at the hundredths
        assertEquals("5.00 [4.90, 5.10]", ValueFormat.PLAIN.interval(around(5, 0.0999)));
        // h = 0.036 ends at the thousandths; a trailing zero it asks for stays
        assertEquals("0.782 [0.746, 0.818]", ValueFormat.PLAIN.interval(around(0.782, 0.036)));
        assertEquals("0.300 [0.285, 0.315]", ValueFormat.PLAIN.interval(around(0.1 + 0.2, 0.015)));
    }

    @Test
    void roundingIsHalfUpOnTheDecimalThatWasWritten() {
        // 2.675 is 2.67499999... in binary; people wrote 2.675 and expect 2.68
        assertEquals("2.68 [2.56, 2.79]", ValueFormat.PLAIN.interval(around(2.675, 0.113)));
    }

    @Test
    void negativeNumbersKeepTheirSignAndTheRule() {
        // h = 0.0271: thousandths; -3.14159 - 0.0271 = -3.16869, -3.14159 + 0.0271 = -3.11449
        assertEquals("-3.142 [-3.169, -3.114]", ValueFormat.PLAIN.interval(around(-3.14159, 0.0271)));
        assertEquals("-3.142 [-3.169, -3.114]", ValueFormat.PLAIN.signed(around(-3.14159, 0.0271)));
        assertEquals("+3.142 [3.114, 3.169]", ValueFormat.PLAIN.signed(around(3.14159, 0.0271)));
    }

    @Test
    void aMeanThatRoundsToZeroIsZeroWithoutSign() {
        // at the tens, -0.3 is 0; -450.3 -> -450 and 449.7 -> 450
        assertEquals("0 [-450, 450]", ValueFormat.PLAIN.interval(around(-0.3, 450)));
        assertEquals("0 [-450, 450]", ValueFormat.PLAIN.signed(around(-0.3, 450)));
        assertEquals("0 [-0.012, 0.012]", ValueFormat.PLAIN.interval(around(-0.0, 0.012)));
    }

    @Test
    void roundOffIsNoSpread() {
        assertEquals("0 (no spread)", ValueFormat.PLAIN.interval(around(0.0, 5.6e-17)));
        assertEquals("0.5003 (no spread)", ValueFormat.PLAIN.interval(around(0.5002880350577578, 5.6e-17)));
        assertEquals("0.2 (no spread)", ValueFormat.PLAIN.interval(around(0.2, 0)));
        assertEquals("+12 (no spread)", ValueFormat.PLAIN.signed(around(12, 0)));
        // RiverSwim's greedy values differ by value iteration's tolerance, 2e-11 relative
        assertEquals("92.62 (no spread)", ValueFormat.PLAIN.interval(around(92.6249999589, 1.75e-9)));
        // 2.5e-9 relative is a spread, printed by the rule
        assertEquals("1000.0000000 [999.9999975, 1000.0000025]", ValueFormat.PLAIN.interval(around(1000, 2.5e-6)));
        assertEquals("2.5e-9 [0, 5.0e-9]", ValueFormat.PLAIN.interval(around(2.5e-9, 2.5e-9)));
    }

    @Test
    void smallAndLargeMagnitudesGoScientificWithTheSameLastPlace() {
        // h = 1.2e-8: last place 1e-9; 1.23456e-6 -> 1235e-9, bounds 1.22256e-6 and 1.24656e-6
        assertEquals("1.235e-6 [1.223e-6, 1.247e-6]", ValueFormat.PLAIN.interval(around(1.23456e-6, 1.2e-8)));
        // h = 4500: last place the hundreds
        assertEquals("1.23457e7 [1.23412e7, 1.23502e7]", ValueFormat.PLAIN.interval(around(12345678, 4500)));
        assertEquals("1.235e7 (n = 1, no interval)",
                ValueFormat.PLAIN.interval(new Interval(12345678, Double.NaN, Double.NaN, Double.NaN, 1)));
        // the plain range starts at 1e-4
        assertEquals("0.0001234 [0.0001224, 0.0001244]", ValueFormat.PLAIN.interval(around(1.234e-4, 1e-6)));
        assertEquals("9.80e-5 [9.70e-5, 9.90e-5]", ValueFormat.PLAIN.interval(around(9.8e-5, 1e-6)));
        // one form per interval, set by the bound farthest from 0
        assertEquals("0.0000990 [0.0000980, 0.0001000]", ValueFormat.PLAIN.interval(around(9.9e-5, 1e-6)));
        assertEquals("9999980 [9999965, 9999995]", ValueFormat.PLAIN.interval(around(9999980, 15)));
        assertEquals("9.999995e6 [9.999980e6, 1.0000010e7]", ValueFormat.PLAIN.interval(around(9999995, 15)));
        // two digits of 5 are 5.0: the tenths
        assertEquals("2.0 [-3.0, 7.0]", ValueFormat.PLAIN.interval(around(2, 5)));
        assertEquals("0 [-5.0e-5, 5.0e-5]", ValueFormat.PLAIN.interval(around(0, 5e-5)));
    }

    @Test
    void noIntervalPrintsFourDigitsAndSaysWhy() {
        assertEquals("231.6 (n = 1, no interval)",
                ValueFormat.PLAIN.interval(new Interval(231.6493, Double.NaN, Double.NaN, Double.NaN, 1)));
        assertEquals("120 (n = 1, no interval)",
                ValueFormat.PLAIN.interval(new Interval(120.0, Double.NaN, Double.NaN, Double.NaN, 1)));
        assertEquals("NaN (not finite, no interval)",
                ValueFormat.PLAIN.interval(new Interval(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 2)));
        assertEquals("inf (not finite, no interval)", ValueFormat.PLAIN.interval(
                new Interval(Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 2)));
        assertEquals("-inf (not finite, no interval)", ValueFormat.PLAIN.signed(
                new Interval(Double.NEGATIVE_INFINITY, 0, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 2)));
    }

    @Test
    void sharesPrintInPercentWithTheUnit() {
        // 0.8734 +- 0.012 is 87.34% +- 1.2 points: last place the tenths
        assertEquals("87.3% [86.1, 88.5]", ValueFormat.PERCENT.interval(around(0.8734, 0.012)));
        assertEquals("100% (no spread)", ValueFormat.PERCENT.interval(around(1.0, 0)));
        assertEquals("87.34% (n = 1, no interval)",
                ValueFormat.PERCENT.interval(new Interval(0.8734, Double.NaN, Double.NaN, Double.NaN, 1)));
        assertEquals("NaN (not finite, no interval)",
                ValueFormat.PERCENT.interval(new Interval(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 2)));
        assertSame(ValueFormat.PERCENT, ValueFormat.of(new OptimalAction()));
        assertSame(ValueFormat.PLAIN, ValueFormat.of(new Regret()));
    }

    @Test
    void boundsAloneTakeTheirDigitsFromTheirOwnWidth() {
        // the quickstart's Welch interval: half-width 11.4 ends at the units
        assertEquals("[100, 123]", ValueFormat.PLAIN.bounds(100.3, 123.1));
        assertEquals("[-0.0125, 0.0031]", ValueFormat.PLAIN.bounds(-0.01254, 0.00311));
        assertEquals("[0.5, 0.5]", ValueFormat.PLAIN.bounds(0.5, 0.5));
        assertEquals("[74.6, 81.8]", ValueFormat.PERCENT.bounds(0.7457, 0.8183));
        assertEquals("[NaN, 2]", ValueFormat.PLAIN.bounds(Double.NaN, 2));
    }
}
