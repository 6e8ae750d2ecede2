package kelvin.plots;

import static kelvin.plots.ChartRendererTest.close;
import static kelvin.plots.ChartRendererTest.decode;
import static kelvin.plots.ChartRendererTest.parseXml;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Interval plots: rows of estimates with their intervals, one panel per statistic. */
class IntervalPlotTest {

    private static final ChartRenderer RENDERER = new ChartRenderer();

    private static IntervalPlot plot() {
        List<IntervalPlot.Row> rows = List.of(new IntervalPlot.Row("exponential", 0), new IntervalPlot.Row("cosine", 1),
            new IntervalPlot.Row("fixed", 2));
        return new IntervalPlot("Aggregates", rows, List.of(
            new IntervalPlot.Panel("Median", "score", new double[] {0.8, 0.6, 0.3}, new double[] {0.7, 0.5, 0.2},
                new double[] {0.9, 0.7, 0.4}),
            new IntervalPlot.Panel("Mean", "score", new double[] {0.75, 0.55, Double.NaN},
                new double[] {0.7, Double.NaN, Double.NaN}, new double[] {0.8, Double.NaN, Double.NaN})),
            "bar: interval, line: estimate");
    }

    @Test
    void thePlotHoldsItsRowsAndPanelsAndChecksTheirShapes() {
        IntervalPlot p = plot();
        assertEquals(3, p.rows().size());
        assertArrayEquals(new double[] {0.8, 0.6, 0.3}, p.panels().get(0).estimates());
        assertEquals(p, plot());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new IntervalPlot("Bad",
            p.rows(), List.of(new IntervalPlot.Panel("Median", "score", new double[2], new double[2],
                new double[2])), ""));
        assertTrue(e.getMessage().contains("panel 'Median' has 2 estimates for 3 rows"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> new IntervalPlot.Panel("Median", "score", new double[2], new double[1], new double[2]));
    }

    @Test
    void eachRowIsDrawnInItsColourAndTheHeightFollowsTheRows() throws Exception {
        BufferedImage image = decode(RENDERER.png(plot()));
        assertEquals(1200, image.getWidth());
        assertEquals(IntervalPlotPainter.height(plot(), 1200), image.getHeight());
        assertEquals(400, image.getHeight());
        int[] counts = new int[3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                for (int i = 0; i < 3; i++) {
                    if (close(new Color(image.getRGB(x, y)), onWhite(Palette.color(i)), 3)) {
                        counts[i]++;
                    }
                }
            }
        }
        // each row's bars are filled in its colour, translucent on white; "fixed" has a bar in the first panel only
        for (int i = 0; i < 3; i++) {
            assertTrue(counts[i] > 100, "row " + i + ": " + counts[i] + " pixels of its colour");
        }
        assertTrue(counts[2] < counts[0], "fixed has one bar, exponential two: " + counts[2] + " vs " + counts[0]);
    }

    /** A colour at the bars' opacity over white. */
    private static Color onWhite(Color c) {
        double a = IntervalPlotPainter.BAR_ALPHA / 255.0;
        return new Color((int) Math.round(255 - (255 - c.getRed()) * a), (int) Math.round(255 - (255 - c.getGreen()) * a),
            (int) Math.round(255 - (255 - c.getBlue()) * a));
    }

    @Test
    void theSvgDescribesEveryEstimate() throws Exception {
        String text = parseXml(RENDERER.svg(plot())).getDocumentElement().getTextContent();
        assertTrue(text.contains("Aggregates"), text);
        assertTrue(text.contains("Median (score): exponential 0.8 [0.7, 0.9]"), text);
    }

    @Test
    void emptyPlotsRender() throws Exception {
        decode(RENDERER.png(new IntervalPlot("Nothing", List.of(), List.of(), "")));
        decode(RENDERER.png(new IntervalPlot("One", List.of(new IntervalPlot.Row("a", 0)),
            List.of(new IntervalPlot.Panel("Mean", "score", new double[] {0.5}, new double[] {0.5},
                new double[] {0.5})), "")));
    }
}
