package kelvin.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Explicit ticks are drawn where they belong on log and linear axes, in PNG and SVG. The pixel
 * tests find the tick positions through XChart's own data-to-pixel mapping, which also places
 * the data, so they check that labels and grid lines line up with the curves.
 */
class ExplicitTicksTest {

    private static final ChartRenderer RENDERER = new ChartRenderer();

    /** Parameter values of Sutton & Barto (2018), Figure 2.6: 1/128, 1/64, ..., 4. */
    static double[] parameters() {
        double[] x = new double[10];
        for (int k = -7; k <= 2; k++) {
            x[k + 7] = Math.pow(2, k);
        }
        return x;
    }

    /** Figure 2.6 in shape: four bell curves of average reward over log2 of the parameter, with bands. */
    static LineChart figure26() {
        double[] x = parameters();
        String[] names = {"ε-greedy", "gradient bandit", "UCB", "greedy with optimistic initialization"};
        double[] peakAt = {-5, -2.5, -1, 0.5};
        double[] peak = {1.35, 1.45, 1.49, 1.42};
        List<Series> series = new ArrayList<>();
        for (int v = 0; v < 4; v++) {
            double[] y = new double[x.length];
            double[] lo = new double[x.length];
            double[] hi = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double d = (Math.log(x[i]) / Math.log(2) - peakAt[v]) / 2;
                y[i] = 1.02 + (peak[v] - 1.02) * Math.exp(-d * d / 2);
                lo[i] = y[i] - 0.015;
                hi[i] = y[i] + 0.015;
            }
            series.add(Series.withBand(names[v], x, y, lo, hi, v));
        }
        return LineChart.of("Parameter study", "ε  α  c  Q0", "average reward over first 1000 steps", series)
            .withLogX(true)
            .withXTicks(Ticks.powersOfTwo(1.0 / 128, 4))
            .withYTicks(new double[] {1.0, 1.1, 1.2, 1.3, 1.4, 1.5},
                new String[] {"1.0", "1.1", "1.2", "1.3", "1.4", "1.5"});
    }

    /** The chart laid out as the PNG is, so its pixel mapping can be asked. */
    private static ExplicitTicksChart laidOut(ChartRenderer renderer, LineChart chart, int width, int height) {
        ExplicitTicksChart xy = renderer.build(chart);
        BufferedImage scratch = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        xy.paint(scratch.createGraphics(), width, height);
        return xy;
    }

    private static boolean ink(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        int grey = ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
        return grey < 128;
    }

    /** Leftmost and rightmost dark column within the given box, or null if there is none. */
    private static int[] inkColumns(BufferedImage image, int x0, int x1, int y0, int y1) {
        int first = -1;
        int last = -1;
        for (int x = Math.max(0, x0); x <= Math.min(image.getWidth() - 1, x1); x++) {
            if (darkColumn(image, x, y0, y1)) {
                first = first < 0 ? x : first;
                last = x;
            }
        }
        return first < 0 ? null : new int[] {first, last};
    }

    /**
     * The dark stretch ending nearest left of {@code right} (within 10 columns) in rows y0..y1,
     * up to the first gap of 6 white columns: one right-aligned label.
     */
    private static int[] inkRunLeftOf(BufferedImage image, int right, int y0, int y1) {
        int x = right;
        while (x > right - 10 && !darkColumn(image, x, y0, y1)) {
            x--;
        }
        if (!darkColumn(image, x, y0, y1)) {
            return null;
        }
        int last = x;
        int first = x;
        for (int gap = 0; x > 0 && gap < 6; x--) {
            if (darkColumn(image, x, y0, y1)) {
                first = x;
                gap = 0;
            } else {
                gap++;
            }
        }
        return new int[] {first, last};
    }

    private static boolean darkColumn(BufferedImage image, int x, int y0, int y1) {
        for (int y = Math.max(0, y0); y <= Math.min(image.getHeight() - 1, y1); y++) {
            if (ink(image, x, y)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The plot rectangle's left and bottom edges, from the data-to-pixel mapping: XChart puts
     * the axis range in the middle 92% of the plot.
     */
    private static double[] plotLeftBottom(ExplicitTicksChart xy, double xMin, double xMax, double yMin, double yMax) {
        double margin = (1 - xy.getStyler().getPlotContentSize()) / 2 / xy.getStyler().getPlotContentSize();
        double left = xy.getScreenXFromChart(xMin);
        double width = xy.getScreenXFromChart(xMax) - left;
        double bottom = xy.getScreenYFromChart(yMin);
        double height = bottom - xy.getScreenYFromChart(yMax);
        return new double[] {left - margin * width, bottom + margin * height};
    }

    private static double labelWidth(String label) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
        return new TextLayout(label, font, new FontRenderContext(null, true, false)).getBounds().getWidth();
    }

    @Test
    void figure26RendersToPngAndSvgNamingEveryTickInTheDescription() throws Exception {
        LineChart chart = figure26();
        assertEquals(1200, ChartRendererTest.decode(RENDERER.png(chart)).getWidth());
        byte[] svg = RENDERER.svg(chart);
        String text = ChartRendererTest.parseXml(svg).getDocumentElement().getTextContent();
        assertTrue(text.contains("(log scale; ticks 1/128, 1/64, 1/32, 1/16, 1/8, 1/4, 1/2, 1, 2, 4)"), text);
        assertTrue(text.contains("average reward over first 1000 steps (ticks 1.0, 1.1, 1.2, 1.3, 1.4, 1.5)"), text);
        // the placeholder labels XChart lays out with are invisible, and left out of the file
        String document = new String(svg, StandardCharsets.UTF_8);
        assertFalse(Pattern.compile("opacity[=:]\"?0(\\.0+)?[;\"]").matcher(document).find(), "no transparent shapes");
        assertArrayEquals(RENDERER.png(chart), RENDERER.png(chart));
        assertArrayEquals(svg, RENDERER.svg(chart));
    }

    /**
     * Under each power of two sits a label as wide as its text ("1/128" is about five times as
     * wide as "1"), centred on the tick; XChart's own labels (0.01, 0.1, 1) are gone; a grid line
     * runs up from each tick, and none from XChart's minor positions (0.02, 0.03, ...).
     */
    @Test
    void logXAxisShowsExactlyThePowersOfTwo() throws Exception {
        LineChart chart = figure26();
        BufferedImage image = ChartRendererTest.decode(RENDERER.png(chart));
        ExplicitTicksChart xy = laidOut(RENDERER, chart, 1200, 700);
        // labels hang below the frame: 4 px margin, 3 px tick mark, 4 px padding, then ~13 px of text
        int frame = (int) Math.round(plotLeftBottom(xy, 1.0 / 128, 4, 1.0, 1.5)[1]);
        int labelTop = frame + 6;
        int labelBottom = frame + 28;
        Ticks ticks = chart.xTicks();
        for (int i = 0; i < ticks.size(); i++) {
            double sx = xy.getScreenXFromChart(ticks.valueAt(i));
            int[] columns = inkColumns(image, (int) sx - 30, (int) sx + 30, labelTop, labelBottom);
            String label = ticks.labelAt(i);
            assertTrue(columns != null, "label " + label + " under x = " + sx);
            double width = columns[1] - columns[0] + 1;
            assertEquals(labelWidth(label), width, 2.5, "width of label " + label);
            assertEquals(sx, (columns[0] + columns[1]) / 2.0, 2, "label " + label + " centred on its tick");
        }
        // the plot's top margin holds no data: only grid lines and background
        int row = (int) Math.round(xy.getScreenYFromChart(1.5)) - 12;
        for (int i = 0; i < ticks.size(); i++) {
            int sx = (int) Math.round(xy.getScreenXFromChart(ticks.valueAt(i)));
            assertTrue(isGrid(image, sx - 1, row) || isGrid(image, sx, row), "grid line at " + ticks.labelAt(i));
        }
        for (double minor : new double[] {0.02, 0.03, 0.05, 0.2, 0.3}) {
            int sx = (int) Math.round(xy.getScreenXFromChart(minor));
            assertFalse(isGrid(image, sx - 1, row) || isGrid(image, sx, row), "no grid line at " + minor);
        }
    }

    private static String[] blank(int n) {
        String[] labels = new String[n];
        Arrays.fill(labels, "");
        return labels;
    }

    private static boolean isGrid(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        return rgb != 0xFFFFFF && !ink(image, x, y);
    }

    /** A temperature axis from 1 down to 0.01 labels 1, 2 and 5 of each decade, and reaches 0.01. */
    @Test
    void logYAxisShowsOneTwoFiveLabelsAndWidensToTheLowestTick() throws Exception {
        double[] t = ChartRendererTest.steps(1000);
        double[] temperature = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            temperature[i] = Math.pow(0.996, t[i]); // from 0.996 down to 0.018
        }
        LineChart chart = LineChart.temperatures("Exponential cooling", "step",
            List.of(Series.line("T = 0.996^t", t, temperature, 0))).withYTicks(Ticks.oneTwoFive(0.01, 1));
        BufferedImage image = ChartRendererTest.decode(RENDERER.png(chart));
        ExplicitTicksChart xy = laidOut(RENDERER, chart, 1200, 700);
        int labelRight = (int) Math.round(plotLeftBottom(xy, 1, 1000, 0.01, 1)[0]) - 9;
        Ticks ticks = chart.yTicks();
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < ticks.size(); i++) {
            double sy = xy.getScreenYFromChart(ticks.valueAt(i));
            assertTrue(sy < previous && sy > 0 && sy < 700, ticks.labelAt(i) + " in the figure, above the last");
            previous = sy;
            int[] columns = inkRunLeftOf(image, labelRight, (int) sy - 5, (int) sy + 5);
            assertTrue(columns != null, "label " + ticks.labelAt(i) + " beside y = " + sy);
            assertEquals(labelWidth(ticks.labelAt(i)), columns[1] - columns[0] + 1, 2.5, "width of label");
        }
        // the bottom tick, 0.01, is below every data point yet on the axis
        assertTrue(xy.getScreenYFromChart(0.01) > xy.getScreenYFromChart(Math.pow(0.996, 1000)) + 20);
    }

    /**
     * XChart keeps room for y labels as wide as the widest explicit one, so a long label does not
     * run into the rotated axis title: along the label's row, title and label are separate dark
     * stretches with white between.
     */
    @Test
    void wideYLabelsGetTheirOwnRoomBesideTheAxisTitle() throws Exception {
        double[] x = {1, 2, 3};
        LineChart chart = LineChart.of("Wide labels", "step", "value", List.of(
                Series.line("s", x, new double[] {0, 5, 10}, 0)))
            // no spaces in the middle label, so its ink is one unbroken stretch
            .withYTicks(new double[] {0, 5, 10}, new String[] {"1,000,000", "12345678901234567890", "3"});
        BufferedImage image = ChartRendererTest.decode(RENDERER.png(chart));
        ExplicitTicksChart xy = laidOut(RENDERER, chart, 1200, 700);
        int row = (int) Math.round(xy.getScreenYFromChart(5));
        int plotLeft = (int) xy.getScreenXFromChart(1) - 30;
        List<int[]> stretches = new ArrayList<>();
        for (int col = 0; col < plotLeft; col++) {
            boolean dark = false;
            for (int dy = -4; dy <= 4; dy++) {
                dark |= ink(image, col, row + dy);
            }
            if (dark) {
                if (stretches.isEmpty() || stretches.get(stretches.size() - 1)[1] < col - 6) {
                    stretches.add(new int[] {col, col});
                } else {
                    stretches.get(stretches.size() - 1)[1] = col;
                }
            }
        }
        assertEquals(2, stretches.size(), "title, then label, apart");
        assertEquals(labelWidth("12345678901234567890"), stretches.get(1)[1] - stretches.get(1)[0] + 1, 3);
    }

    @Test
    void ticksALogAxisCannotShowAreLeftOutAndAnAxisWithoutAnyFallsBack() throws Exception {
        LineChart chart = figure26().withXTicks(new double[] {-1, 0, 0.25, 1}, new String[] {"-1", "0", "1/4", "1"});
        ExplicitTicksChart xy = RENDERER.build(chart);
        assertArrayEquals(new String[] {"1/4", "1"}, xy.xTicks().labels());
        ChartRendererTest.decode(RENDERER.png(chart));
        ExplicitTicksChart fallback = RENDERER.build(chart.withXTicks(new double[] {-1, 0}, new String[] {"-1", "0"}));
        assertNull(fallback.xTicks(), "no drawable tick: automatic ticks");
        ChartRendererTest.decode(RENDERER.png(chart.withXTicks(new double[] {-1, 0}, new String[] {"-1", "0"})));
    }

    @Test
    void oddTickListsStillRender() throws Exception {
        LineChart base = figure26();
        // one tick, empty labels, ticks far outside the data, a tiny figure, linear axes
        List<LineChart> charts = List.of(
            base.withXTicks(new double[] {0.1}, new String[] {"ε = 0.1"}).withYTicks(null),
            base.withXTicks(Ticks.of(parameters(), blank(10))).withYTicks(null),
            base.withXTicks(Ticks.powersOfTwo(1.0 / 1024, 1024)),
            base.withLogX(false).withXTicks(new double[] {0, 2, 4}, new String[] {"0", "", "4"}),
            LineChart.of("No data", "x", "y", List.of()).withXTicks(Ticks.powersOfTwo(1, 8)));
        for (LineChart chart : charts) {
            ChartRendererTest.decode(RENDERER.png(chart));
            ChartRendererTest.decode(new ChartRenderer(300, 300).png(chart));
            ChartRendererTest.parseXml(RENDERER.svg(chart));
        }
    }

    @Test
    void crowdedLabelsAreThinnedToEveryKthButOverlapIsNeverDrawn() {
        // labels 30 units wide every 20 units need a gap of 5: every second one fits
        TextLayout[] text = new TextLayout[9];
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
        for (int i = 0; i < text.length; i++) {
            text[i] = new TextLayout("x", font, new FontRenderContext(null, true, false));
        }
        assertEquals(2, ExplicitTicksChart.stride(text, i -> 20.0 * i - 15, i -> 20.0 * i + 15, 5));
        assertEquals(1, ExplicitTicksChart.stride(text, i -> 40.0 * i - 15, i -> 40.0 * i + 15, 5));
        assertEquals(3, ExplicitTicksChart.stride(text, i -> 12.0 * i - 15, i -> 12.0 * i + 15, 5));
    }

    /** The layout trick rests on this: XChart measures outlines, and whitespace has none. */
    @Test
    void placeholderLabelsAreDistinctButNoWiderThanTheirText() {
        Function<Double, String> placeholder = ExplicitTicksChart.placeholder("1/128");
        assertNotEquals(placeholder.apply(0.1), placeholder.apply(0.2));
        assertNotEquals(placeholder.apply(0.0), placeholder.apply(-0.0));
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
        FontRenderContext metrics = new FontRenderContext(null, true, false);
        Rectangle2D bare = new TextLayout("1/128", font, metrics).getBounds();
        Rectangle2D padded = new TextLayout(placeholder.apply(Math.PI), font, metrics).getBounds();
        assertEquals(bare, padded);
        assertEquals("1/128", ExplicitTicksChart.widest(Ticks.powersOfTwo(1.0 / 128, 4), font));
    }
}
