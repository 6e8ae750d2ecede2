package kelvin.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Line charts render to readable PNG and well-formed SVG, whatever the data. */
class ChartRendererTest {

    private static final ChartRenderer RENDERER = new ChartRenderer();

    static double[] steps(int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i + 1;
        }
        return t;
    }

    /** Three variants of a 150 ln t regret curve with +-5% bands, like a real result. */
    static LineChart regretChart() {
        double[] t = steps(300);
        List<Series> series = new ArrayList<>();
        String[] names = {"boltzmann T=0.2", "annealed", "eps-greedy 0.1"};
        for (int v = 0; v < 3; v++) {
            double[] y = new double[t.length];
            double[] lo = new double[t.length];
            double[] hi = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                y[i] = (150 - 30 * v) * Math.log(t[i]);
                lo[i] = 0.95 * y[i];
                hi[i] = 1.05 * y[i];
            }
            series.add(Series.withBand(names[v], t, y, lo, hi, v));
        }
        return LineChart.of("Cumulative regret", "step", "cumulative regret", series);
    }

    static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image != null, "bytes must decode as an image");
        return image;
    }

    static Document parseXml(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // never reach for a DTD on the network, whatever the document says
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(new ByteArrayInputStream(xml));
    }

    @Test
    void pngDecodesAtTheDefaultSizeOfAtLeast1000PixelsWide() throws IOException {
        BufferedImage image = decode(RENDERER.png(regretChart()));
        assertEquals(ChartRenderer.DEFAULT_WIDTH, image.getWidth());
        assertEquals(ChartRenderer.DEFAULT_HEIGHT, image.getHeight());
        assertTrue(image.getWidth() >= 1000);
    }

    @Test
    void svgIsWellFormedXmlNamingTheTitleAxesAndEverySeries() throws Exception {
        byte[] svg = RENDERER.svg(regretChart());
        Document doc = parseXml(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName() == null
            ? doc.getDocumentElement().getTagName() : doc.getDocumentElement().getLocalName());
        String text = doc.getDocumentElement().getTextContent();
        for (String expected : List.of("Cumulative regret", "step", "cumulative regret", "boltzmann T=0.2",
            "annealed", "eps-greedy 0.1")) {
            assertTrue(text.contains(expected), "SVG text should contain '" + expected + "'");
        }
    }

    @Test
    void svgEscapesMarkupInLabels() throws Exception {
        LineChart chart = LineChart.of("a <b> & \"c\"", "x", "y",
            List.of(Series.line("<script>alert(1)</script>", steps(3), new double[] {1, 2, 3}, 0)));
        byte[] svg = RENDERER.svg(chart);
        String text = parseXml(svg).getDocumentElement().getTextContent();
        assertTrue(text.contains("<script>alert(1)</script>"), "label survives as text");
        assertFalse(new String(svg, StandardCharsets.UTF_8).contains("<script>"), "but never as markup");
    }

    @Test
    void sameChartGivesTheSameBytes() {
        LineChart chart = regretChart();
        assertArrayEquals(RENDERER.png(chart), RENDERER.png(chart));
        assertArrayEquals(RENDERER.svg(chart), RENDERER.svg(chart));
    }

    @Test
    void logAxesSurviveZeroNegativeAndNonFiniteValues() throws Exception {
        double[] x = {0, 1, 2, 3, 4, 5, -1};
        double[] y = {0, -2, 0.5, Double.NaN, 3, Double.POSITIVE_INFINITY, 2};
        double[] lo = {-1, -3, 0, 1, -0.5, 2, 1};
        double[] hi = {1, 0, 1, 2, 4, Double.NaN, 3};
        LineChart chart = new LineChart("Log both", "step", "temperature T", true, true,
            List.of(Series.withBand("schedule", x, y, lo, hi, 2), Series.guide("bound", x, y)));
        assertEquals(1200, decode(RENDERER.png(chart)).getWidth());
        parseXml(RENDERER.svg(chart));
        assertEquals(1200, decode(RENDERER.png(chart.withLogY(false))).getWidth());
        assertEquals(1200, decode(RENDERER.png(chart.withLogX(false))).getWidth());
    }

    @Test
    void logAxesWithNothingPositiveRenderTheNoDataChart() throws Exception {
        LineChart chart = new LineChart("All zero", "step", "regret", true, true,
            List.of(Series.line("zero", new double[] {0, 0}, new double[] {0, -1}, 0)));
        decode(RENDERER.png(chart));
        parseXml(RENDERER.svg(chart));
    }

    @Test
    void emptyAndSinglePointChartsRender() throws Exception {
        LineChart empty = LineChart.of("Nothing", "step", "reward", List.of());
        decode(RENDERER.png(empty));
        decode(RENDERER.png(empty.withLogX(true).withLogY(true)));
        parseXml(RENDERER.svg(empty));
        LineChart single = LineChart.of("One", "step", "reward",
            List.of(Series.withBand("only", new double[] {1}, new double[] {0.5}, new double[] {0.4},
                new double[] {0.6}, 0)));
        decode(RENDERER.png(single));
        decode(RENDERER.png(single.withLogX(true).withLogY(true)));
        parseXml(RENDERER.svg(single));
    }

    @Test
    void constantAndUnlabelledSeriesRender() throws IOException {
        double[] t = steps(100);
        double[] flat = new double[100];
        Arrays.fill(flat, 0.2);
        LineChart chart = LineChart.temperatures("Fixed", "step",
            List.of(Series.line("", t, flat, 0), Series.line("fixed 0.2", t, flat, 1)));
        decode(RENDERER.png(chart));
    }

    @Test
    void manyVariantsWrapAroundThePaletteWithoutError() throws IOException {
        double[] t = steps(50);
        List<Series> series = new ArrayList<>();
        for (int v = 0; v < 2 * Palette.size() + 3; v++) {
            double[] y = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                y[i] = (v + 1) * Math.log(t[i]);
            }
            series.add(Series.line("boltzmann[policy.temperature.value=0.0" + v + ", alpha=0.1]", t, y, v));
        }
        decode(RENDERER.png(LineChart.of("Many", "step", "regret", series)));
    }

    /**
     * A band is a translucent fill of its series' colour between low and high, and the line is
     * drawn on top of it: down one pixel column through the middle of the plot, band-coloured
     * pixels span a stretch, and the line's own colour sits inside that stretch.
     */
    @Test
    void bandIsTranslucentSeriesColourAroundTheLineDrawnOnTop() throws IOException {
        double[] x = steps(200);
        double[] y = new double[x.length];
        double[] lo = new double[x.length];
        double[] hi = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 10;
            lo[i] = 6;
            hi[i] = 14;
        }
        // a second, band-less series pins the y axis to 0..20 so the band is well inside the plot
        LineChart chart = LineChart.of("Band", "step", "value", List.of(
            Series.withBand("banded", x, y, lo, hi, 0),
            Series.line("frame", new double[] {1, 200}, new double[] {0, 20}, 1)));
        BufferedImage image = decode(RENDERER.png(chart));

        Color line = Palette.color(0);
        Color band = overWhite(line, ChartRenderer.BAND_ALPHA);
        int column = image.getWidth() * 2 / 5;
        int firstBand = -1;
        int lastBand = -1;
        int lineRow = -1;
        for (int row = 0; row < image.getHeight(); row++) {
            Color c = new Color(image.getRGB(column, row));
            if (close(c, band, 4)) {
                firstBand = firstBand < 0 ? row : firstBand;
                lastBand = row;
            }
            if (close(c, line, 12)) {
                lineRow = row;
            }
        }
        assertTrue(firstBand >= 0, "band colour " + band + " found in column " + column);
        assertTrue(lastBand - firstBand > 60, "band spans 8 of 20 units of a ~590 px plot: " + firstBand + ".." + lastBand);
        assertTrue(lineRow > firstBand && lineRow < lastBand, "line (row " + lineRow + ") lies on top of the band");
    }

    @Test
    void everyBandIsPaintedBeforeEveryLine() {
        List<String> names = new ArrayList<>(new ChartRenderer().build(regretChart()).getSeriesMap().keySet());
        int lastBand = -1;
        int firstLine = Integer.MAX_VALUE;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).startsWith("band")) {
                lastBand = i;
            } else if (names.get(i).startsWith("line")) {
                firstLine = Math.min(firstLine, i);
            }
        }
        assertEquals(2, lastBand, "three bands first: " + names);
        assertEquals(3, firstLine, names.toString());
    }

    @Test
    void chartWithoutBandHasNoBandColour() throws IOException {
        LineChart chart = LineChart.of("No band", "step", "value",
            List.of(Series.line("plain", steps(200), new double[200], 0)));
        BufferedImage image = decode(RENDERER.png(chart));
        Color band = overWhite(Palette.color(0), ChartRenderer.BAND_ALPHA);
        int count = 0;
        for (int row = 0; row < image.getHeight(); row++) {
            for (int col = 0; col < image.getWidth(); col++) {
                if (close(new Color(image.getRGB(col, row)), band, 2)) {
                    count++;
                }
            }
        }
        // anti-aliased line edges may blend to this colour now and then, never in an area
        assertTrue(count < 200, "band-coloured pixels without a band: " + count);
    }

    @Test
    void sizeBelowTheMinimumIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ChartRenderer(299, 700));
        assertThrows(IllegalArgumentException.class, () -> new ChartRenderer(1200, 0));
    }

    @Test
    void smallerRendererGivesSmallerImage() throws IOException {
        BufferedImage image = decode(new ChartRenderer(800, 500).png(regretChart()));
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
    }

    static Color overWhite(Color c, int alpha) {
        double a = alpha / 255.0;
        return new Color(
            (int) Math.round(255 + a * (c.getRed() - 255)),
            (int) Math.round(255 + a * (c.getGreen() - 255)),
            (int) Math.round(255 + a * (c.getBlue() - 255)));
    }

    static boolean close(Color a, Color b, int tolerance) {
        return Math.abs(a.getRed() - b.getRed()) <= tolerance && Math.abs(a.getGreen() - b.getGreen()) <= tolerance
            && Math.abs(a.getBlue() - b.getBlue()) <= tolerance;
    }
}
