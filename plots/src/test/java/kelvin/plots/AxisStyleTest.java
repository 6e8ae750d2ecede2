package kelvin.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Tick patterns, log-label density and legend wrapping. */
class AxisStyleTest {

    private static String format(String pattern, double value) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    @Test
    void fractionsKeepTheirLeadingZero() {
        String pattern = AxisStyle.decimalPattern(0, 1);
        assertEquals("0.05", format(pattern, 0.05));
        assertEquals("0.5", format(pattern, 0.5));
        assertEquals("1", format(pattern, 1));
    }

    @Test
    void largeRangesHaveNoDecimalsAndGroupThousands() {
        String pattern = AxisStyle.decimalPattern(0, 1100);
        assertEquals("1,000", format(pattern, 1000));
        assertEquals("0", format(pattern, 0));
    }

    @Test
    void tinyRangesGetEnoughDecimals() {
        String pattern = AxisStyle.decimalPattern(0.0001, 0.0005);
        assertEquals("0.00025", format(pattern, 0.00025));
    }

    @Test
    void hugeValuesUseScientificNotation() {
        assertEquals("2.5E8", format(AxisStyle.decimalPattern(0, 3e8), 2.5e8));
    }

    @Test
    void constantAxesGetAPatternToo() {
        assertEquals("0.2", format(AxisStyle.decimalPattern(0.2, 0.2), 0.2));
        assertEquals("0", format(AxisStyle.decimalPattern(0, 0), 0));
    }

    @Test
    void logAxesLabelOnlyDecadesAcrossMoreThanOneDecade() {
        assertTrue(AxisStyle.decadesOnly(0.01, 1));
        assertFalse(AxisStyle.decadesOnly(0.1, 0.9));
    }

    @Test
    void longSweepLabelsBreakBeforeTheBracket() {
        assertEquals("boltzmann\n[policy.temperature.value=0.05]",
            AxisStyle.wrapLegend("boltzmann[policy.temperature.value=0.05]"));
        assertEquals("short label", AxisStyle.wrapLegend("short label"));
    }

    @Test
    void everyWrappedLineIsShortEnough() {
        String label = "boltzmann[policy.temperature.value=0.05, agent.alpha=0.1, policy.temperature.decay=0.995]";
        for (String line : AxisStyle.wrapLegend(label).split("\n")) {
            assertTrue(line.length() <= AxisStyle.LEGEND_WRAP, line);
        }
        String unbroken = "x".repeat(100);
        assertEquals(unbroken, AxisStyle.wrapLegend(unbroken).replace("\n", ""));
    }

    @Test
    void tickFormatRoundsAwayBinaryNoise() {
        assertEquals("0.3", TickFormat.format(0.1 + 0.2));
        assertEquals("1,000,000", TickFormat.format(1e6));
        assertEquals("2.5e-5", TickFormat.format(2.5e-5));
        assertEquals("0", TickFormat.format(-0.0));
        assertEquals("500", TickFormat.format(500));
    }
}
