package kelvin.plots;

import static kelvin.plots.ChartRendererTest.close;
import static kelvin.plots.ChartRendererTest.decode;
import static kelvin.plots.ChartRendererTest.parseXml;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Box and violin plots: the numbers behind each lane, checked by hand, and the drawing. */
class BoxPlotTest {

    private static final ChartRenderer RENDERER = new ChartRenderer();

    @Test
    void quartilesWhiskersAndOutliersFollowTukeyWithTypeSevenQuartiles() {
        // numpy.percentile([1, 2, 3, 4, 100], [25, 50, 75]) = [2, 3, 4]; fences 2 - 3 = -1 and 4 + 3 = 7
        Distribution d = new Distribution(new double[] {4, 100, 1, Double.NaN, 3, 2}, false);
        assertEquals(5, d.count);
        assertEquals(1, d.dropped);
        assertEquals(2, d.q1, 1e-12);
        assertEquals(3, d.median, 1e-12);
        assertEquals(4, d.q3, 1e-12);
        assertEquals(22, d.mean, 1e-12);
        assertEquals(1, d.whiskerLow, 1e-12);
        assertEquals(4, d.whiskerHigh, 1e-12);
        assertArrayEquals(new double[] {100}, d.outliers);
    }

    @Test
    void theDensityIsSilvermansGaussianKernelEstimate() {
        // 0.9 min(sd 1.5811, IQR 2 / 1.34) 5^(-1/5), computed with numpy
        assertEquals(0.9735846228506357, Distribution.silverman(new double[] {1, 2, 3, 4, 5}, 2), 1e-12);
        // two values 0 and 1: h = 0.29234907, density at 0 = (1 + exp(-1 / (2 h^2))) / (2 h sqrt(2 pi))
        Distribution d = new Distribution(new double[] {0, 1}, false);
        double[][] curve = d.density(3);
        assertArrayEquals(new double[] {0, 0.5, 1}, curve[0], 1e-12);
        assertEquals(0.684269371184974, curve[1][0], 1e-9);
        assertEquals(curve[1][0], curve[1][2], 1e-12, "symmetric");
        assertFalse(new Distribution(new double[] {3, 3, 3}, false).hasDensity(), "no spread, no violin");
    }

    @Test
    void onALogAxisQuartilesAreTakenOnTheLogsAndNonPositiveValuesAreLeftOut() {
        Distribution d = new Distribution(new double[] {1, 10, 100, 0, -5}, true);
        assertEquals(3, d.count);
        assertEquals(2, d.dropped);
        assertEquals(10, d.median, 1e-9);
        assertEquals(Math.sqrt(10), d.q1, 1e-9);
        assertEquals(37, d.mean, 1e-9, "the mean is the mean of the values, not of their logs");
    }

    private static BoxPlot plot(int groups) {
        List<BoxPlot.Group> list = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            double[] values = new double[200];
            for (int i = 0; i < values.length; i++) {
                values[i] = 50 * (g + 1) + 30 * Math.sin(i * 1.7) + (i % 37 == 0 ? 400 : 0);
            }
            list.add(new BoxPlot.Group("variant " + g, g, values));
        }
        return BoxPlot.of("Final regret per run", "final cumulative regret", list);
    }

    @Test
    void lanesAreDrawnInTheirVariantsColoursAndTheFigureGrowsWithTheLanes() throws Exception {
        BufferedImage image = decode(RENDERER.png(plot(3)));
        assertEquals(1200, image.getWidth());
        assertEquals(ChartRenderer.DEFAULT_HEIGHT, image.getHeight());
        for (int g = 0; g < 3; g++) {
            int seen = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if (close(new Color(image.getRGB(x, y)), Palette.color(g), 2)) {
                        seen++;
                    }
                }
            }
            assertTrue(seen > 100, "lane " + g + " outline and mean marker in its colour: " + seen);
        }
        BufferedImage tall = decode(RENDERER.png(plot(40)));
        assertTrue(tall.getHeight() >= 40 * 26, "40 lanes of at least 26 px: " + tall.getHeight());
        String text = parseXml(RENDERER.svg(plot(3))).getDocumentElement().getTextContent();
        assertTrue(text.contains("variant 2: n 200, median"), text);
    }

    @Test
    void emptyGroupsAndLogAxesRender() throws Exception {
        decode(RENDERER.png(BoxPlot.of("None", "x", List.of())));
        decode(RENDERER.png(BoxPlot.of("Empty lane", "x", List.of(new BoxPlot.Group("a", 0, new double[0]),
            new BoxPlot.Group("b", 1, new double[] {1, 2, 3})))));
        decode(RENDERER.png(plot(4).withLogX(true)));
    }
}
