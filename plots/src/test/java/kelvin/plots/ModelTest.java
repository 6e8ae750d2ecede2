package kelvin.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain-data records validate their input and cannot be changed from outside. */
class ModelTest {

    @Test
    void seriesRejectsMismatchedLengthsAndHalfBands() {
        assertThrows(IllegalArgumentException.class,
            () -> Series.line("s", new double[] {1, 2}, new double[] {1}, 0));
        assertThrows(IllegalArgumentException.class,
            () -> new Series("s", new double[] {1}, new double[] {1}, new double[] {1}, null, 0, false));
        assertThrows(IllegalArgumentException.class,
            () -> Series.withBand("s", new double[] {1}, new double[] {1}, new double[] {1, 2}, new double[] {1}, 0));
        assertThrows(NullPointerException.class, () -> Series.line(null, new double[0], new double[0], 0));
    }

    @Test
    void seriesCopiesItsArrays() {
        double[] x = {1, 2};
        Series s = Series.line("s", x, new double[] {3, 4}, 0);
        x[0] = 99;
        s.x()[1] = 99;
        assertArrayEquals(new double[] {1, 2}, s.x());
    }

    @Test
    void seriesEqualityComparesContents() {
        Series a = Series.line("s", new double[] {1}, new double[] {2}, 0);
        Series b = Series.line("s", new double[] {1}, new double[] {2}, 0);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, a.withDashed(true));
        assertTrue(Series.guide("bound", new double[] {1}, new double[] {2}).dashed());
    }

    @Test
    void lineChartCopiesItsSeriesList() {
        List<Series> list = new ArrayList<>();
        LineChart chart = LineChart.of("t", "x", "y", list);
        list.add(Series.line("s", new double[] {1}, new double[] {2}, 0));
        assertTrue(chart.series().isEmpty());
        assertTrue(LineChart.temperatures("T", "step", List.of()).logY());
    }

    @Test
    void paletteIsFixedAndWrapsAround() {
        assertEquals("#0072b2", Palette.hex(0));
        assertEquals(Palette.color(0), Palette.color(Palette.size()));
        assertEquals(Palette.NEUTRAL, Palette.color(Palette.GUIDE));
        assertEquals(1, Palette.cycle(Palette.size()));
    }

    @Test
    void tableRejectsRowsOfTheWrongWidth() {
        assertThrows(IllegalArgumentException.class,
            () -> new Table("t", List.of("a", "b"), List.of(List.of("1"))));
    }

    @Test
    void numericColumnsAreDetected() {
        Table t = new Table("t", List.of("variant", "mean", "ci", "share", "diff"), List.of(
            List.of("eps-0.1", "1,036.2", "[1028.1, 1044.3]", "12%", "—"),
            List.of("boltzmann 2", "-3e-4", "4.1 ± 0.3", "0.5%", "207.2 [199.9, 214.5]"),
            List.of("x", "NaN", "", "n/a", "-1")));
        assertFalse(t.isNumericColumn(0));
        assertTrue(t.isNumericColumn(1));
        assertTrue(t.isNumericColumn(2));
        assertTrue(t.isNumericColumn(3));
        assertTrue(t.isNumericColumn(4));
        Table remarks = new Table("t", List.of("entropy", "label"), List.of(
            List.of("0.5003 (no spread)", "eps (greedy)"),
            List.of("231.6 (n = 1, no interval)", "(none)"),
            List.of("0.358 [0.324, 0.393]", "x")));
        assertTrue(remarks.isNumericColumn(0), "a number with a remark on its missing interval");
        assertFalse(remarks.isNumericColumn(1), "text with a remark is still text");
        Table placeholdersOnly = new Table("t", List.of("a"), List.of(List.of("—")));
        assertFalse(placeholdersOnly.isNumericColumn(0));
    }
}
