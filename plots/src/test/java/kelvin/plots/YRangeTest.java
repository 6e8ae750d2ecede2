package kelvin.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class YRangeTest {

    /** A return-like curve: -1000 at x = 1, then about -20. */
    private static LineChart chart() {
        double[] x = new double[100];
        double[] y = new double[100];
        for (int i = 0; i < 100; i++) {
            x[i] = i + 1;
            y[i] = i == 0 ? -1000 : -20 - (i % 3);
        }
        return LineChart.of("Return", "episode", "return", List.of(Series.line("a", x, y, 0)));
    }

    @Test
    void aFixedRangeSetsTheAxisInsteadOfTheData() {
        ExplicitTicksChart xy = new ChartRenderer().build(chart().withYRange(YRange.of(-30, -15)));
        assertEquals(-30, xy.getStyler().getYAxisMin());
        assertEquals(-15, xy.getStyler().getYAxisMax());
        ExplicitTicksChart all = new ChartRenderer().build(chart());
        assertNull(all.getStyler().getYAxisMin(), "without a range the axis spans the data");
    }

    @Test
    void linesBeyondTheRangeAreCutAtThePlotsEdge() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                new ChartRenderer().png(chart().withYRange(YRange.of(-30, -15)))));
        int lineColour = Palette.color(0).getRGB() & 0xFFFFFF;
        // the bottom rows of the image hold the x axis labels and the frame: no line colour there
        for (int y = image.getHeight() - 40; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                assertFalse((image.getRGB(x, y) & 0xFFFFFF) == lineColour, "line drawn below the plot at " + x
                        + "," + y);
            }
        }
    }

    @Test
    void edgeNotesAreDrawnInsideThePlot() {
        byte[] plain = new ChartRenderer().png(chart().withYRange(YRange.of(-30, -15)));
        byte[] noted = new ChartRenderer().png(chart().withYRange(new YRange(-30, -15, "1 mean below the axis", "")));
        assertFalse(Arrays.equals(plain, noted));
    }

    @Test
    void explicitTicksOutsideTheRangeAreLeftOut() {
        Ticks ticks = Ticks.of(new double[] {1, 2, 5, 10, 20}, new String[] {"1", "2", "5", "10", "20"});
        Ticks inside = ticks.within(2, 10);
        assertArrayEquals(new double[] {2, 5, 10}, inside.values());
        assertNull(ticks.within(11, 19));
    }

    @Test
    void aRangeMustBeFiniteAndIncreasingAndAboveZeroOnALogAxis() {
        assertThrows(IllegalArgumentException.class, () -> YRange.of(1, 1));
        assertThrows(IllegalArgumentException.class, () -> YRange.of(Double.NaN, 1));
        LineChart log = chart().withLogY(true);
        assertThrows(IllegalArgumentException.class, () -> log.withYRange(YRange.of(0, 1)));
    }
}
