package kelvin.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Explicit tick lists: the ready-made ones say what the book's figures say, without float noise. */
class TicksTest {

    /** Sutton & Barto (2018), Figure 2.6: parameters 1/128, 1/64, ..., 4 on a log2 axis. */
    @Test
    void powersOfTwoLabelTheFigure26ParameterAxis() {
        Ticks ticks = Ticks.powersOfTwo(1.0 / 128, 4);
        assertArrayEquals(new String[] {"1/128", "1/64", "1/32", "1/16", "1/8", "1/4", "1/2", "1", "2", "4"},
            ticks.labels());
        double[] expected = new double[10];
        for (int k = -7; k <= 2; k++) {
            expected[k + 7] = Math.pow(2, k);
        }
        assertArrayEquals(expected, ticks.values());
    }

    @Test
    void powersOfTwoKeepOnlyPowersInsideTheRange() {
        // 2^-7 = 0.0078 < 0.01 and 2^3 = 8 > 5
        assertArrayEquals(new String[] {"1/64", "1/32", "1/16", "1/8", "1/4", "1/2", "1", "2", "4"},
            Ticks.powersOfTwo(0.01, 5).labels());
        assertArrayEquals(new String[] {"1/2"}, Ticks.powersOfTwo(0.5, 0.5).labels());
        // a bound off by round-off still counts: 3 * (1/384) is not exactly 1/128
        assertEquals("1/128", Ticks.powersOfTwo(3 * (1.0 / 384) * (1 + 1e-12), 1).labels()[0]);
    }

    @Test
    void largePowersOfTwoAreGroupedAndHugeOnesWrittenAsPowers() {
        String[] labels = Ticks.powersOfTwo(8192, Math.pow(2, 21)).labels();
        assertArrayEquals(new String[] {"8192", "16,384", "32,768", "65,536", "131,072", "262,144", "524,288",
            "1,048,576", "2^21"}, labels);
        assertEquals("2^-21", Ticks.powersOfTwo(Math.pow(2, -21), 1).labels()[0]);
        assertEquals("1/1048576", Ticks.powersOfTwo(Math.pow(2, -20), 1).labels()[0]);
    }

    @Test
    void oneTwoFiveGivesThreeLabelsPerDecadeOfATemperatureAxis() {
        Ticks ticks = Ticks.oneTwoFive(0.01, 1);
        assertArrayEquals(new String[] {"0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1"}, ticks.labels());
        // the values are the doubles nearest the decimals, as the literals are
        assertArrayEquals(new double[] {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1}, ticks.values());
    }

    @Test
    void oneTwoFiveOverATimeAxisGroupsThousands() {
        assertArrayEquals(new String[] {"1", "2", "5", "10", "20", "50", "100", "200", "500", "1000", "2000", "5000",
            "10,000"}, Ticks.oneTwoFive(1, 10_000).labels());
    }

    @Test
    void oneTwoFiveIncludesABoundComputedWithRoundOff() {
        double min = 0.1 * 0.1; // 0.010000000000000002
        assertEquals("0.01", Ticks.oneTwoFive(min, 1).labels()[0]);
        assertEquals(0.01, Ticks.oneTwoFive(min, 1).values()[0]);
        assertArrayEquals(new String[] {"0.2", "0.5"}, Ticks.oneTwoFive(0.15, 0.7).labels());
    }

    @Test
    void everyLabelReadsBackAsItsValue() {
        for (Ticks ticks : List.of(Ticks.oneTwoFive(1e-6, 1e8), Ticks.powersOfTwo(1.0 / 1024, 1024))) {
            for (int i = 0; i < ticks.size(); i++) {
                String label = ticks.labelAt(i).replace(",", "");
                int slash = label.indexOf('/');
                double read = slash < 0 ? Double.parseDouble(label)
                    : Double.parseDouble(label.substring(0, slash)) / Double.parseDouble(label.substring(slash + 1));
                assertEquals(ticks.valueAt(i), read, Math.ulp(ticks.valueAt(i)), "label " + ticks.labelAt(i));
            }
        }
        assertEquals("1e-6", Ticks.oneTwoFive(1e-6, 1e-6).labels()[0]);
        assertEquals("5e7", Ticks.oneTwoFive(5e7, 5e7).labels()[0]);
    }

    @Test
    void helpersRejectRangesALogAxisCannotShow() {
        assertThrows(IllegalArgumentException.class, () -> Ticks.powersOfTwo(0, 4));
        assertThrows(IllegalArgumentException.class, () -> Ticks.powersOfTwo(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> Ticks.powersOfTwo(Double.NaN, 4));
        assertThrows(IllegalArgumentException.class, () -> Ticks.powersOfTwo(1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Ticks.oneTwoFive(1, Double.POSITIVE_INFINITY));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Ticks.oneTwoFive(3, 4));
        assertEquals("ticks: no 1-2-5 values between 3.0 and 4.0", none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ticks.powersOfTwo(5, 7));
    }

    @Test
    void explicitTicksAreValidatedAndCopied() {
        assertThrows(IllegalArgumentException.class, () -> Ticks.of(new double[] {1, 2}, new String[] {"1"}));
        assertThrows(IllegalArgumentException.class, () -> Ticks.of(new double[0], new String[0]));
        assertThrows(IllegalArgumentException.class,
            () -> Ticks.of(new double[] {1, Double.NaN}, new String[] {"", ""}));
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
            () -> Ticks.of(new double[] {1, 1}, new String[] {"a", "b"}));
        assertEquals("ticks: values must be strictly increasing, but value 1 (1.0) follows 1.0", order.getMessage());
        assertThrows(NullPointerException.class, () -> Ticks.of(new double[] {1}, new String[] {null}));
        assertThrows(NullPointerException.class, () -> Ticks.of(null, new String[] {"1"}));

        double[] values = {1, 2};
        String[] labels = {"one", "two"};
        Ticks ticks = Ticks.of(values, labels);
        values[0] = 0;
        labels[0] = "zero";
        ticks.values()[1] = 99;
        ticks.labels()[1] = "changed";
        assertEquals(Ticks.of(new double[] {1, 2}, new String[] {"one", "two"}), ticks);
        assertEquals(Ticks.of(new double[] {1, 2}, new String[] {"one", "two"}).hashCode(), ticks.hashCode());
        assertNotEquals(Ticks.of(new double[] {1, 2}, new String[] {"one", "2"}), ticks);
    }

    @Test
    void lineChartKeepsItsTicksThroughEveryCopyAndTheSixArgumentConstructorStillWorks() {
        LineChart plain = new LineChart("t", "x", "y", true, false, List.of());
        assertNull(plain.xTicks());
        assertNull(LineChart.of("t", "x", "y", List.of()).yTicks());

        Ticks x = Ticks.powersOfTwo(1.0 / 128, 4);
        Ticks y = Ticks.oneTwoFive(0.01, 1);
        LineChart chart = plain.withXTicks(x).withYTicks(y.values(), y.labels());
        assertEquals(x, chart.xTicks());
        assertEquals(y, chart.yTicks());
        LineChart copied = chart.withLogX(false).withLogY(true).withTitle("u");
        assertEquals(x, copied.xTicks());
        assertEquals(y, copied.yTicks());
        assertEquals(new LineChart("u", "x", "y", false, true, List.of(), x, y), copied);
        assertNull(chart.withXTicks(null, null).xTicks(), "null arrays mean automatic ticks again");
        assertNull(chart.withYTicks(null).yTicks());
        assertThrows(NullPointerException.class, () -> chart.withXTicks(new double[] {1}, null));
    }
}
