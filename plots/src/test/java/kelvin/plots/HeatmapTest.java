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

/** Heatmaps of gridworld visit counts render, with walls and zero counts told apart. */
class HeatmapTest {

    private static final ChartRenderer RENDERER = new ChartRenderer();

    /** Cliff walking's 4 x 12 grid: visits along the safe path, none in the cliff, one wall. */
    private static Heatmap cliff(boolean log) {
        double[][] visits = new double[4][12];
        for (int c = 0; c < 12; c++) {
            visits[0][c] = 10 + c;
            visits[1][c] = 100;
            visits[2][c] = 1000 - 50 * c;
            visits[3][c] = c == 0 ? 5000 : 0;
        }
        visits[1][5] = Double.NaN;
        return new Heatmap("Visits", visits, "visits", log);
    }

    @Test
    void rendersPngAndSvg() throws Exception {
        BufferedImage image = decode(RENDERER.png(cliff(true)));
        assertEquals(1200, image.getWidth());
        String text = parseXml(RENDERER.svg(cliff(true))).getDocumentElement().getTextContent();
        assertTrue(text.contains("Visits") && text.contains("visits"), text);
        decode(RENDERER.png(cliff(false)));
    }

    @Test
    void wallsAreGreyAndZeroCountsOnALogScaleAreWhite() throws Exception {
        BufferedImage image = decode(RENDERER.png(cliff(true)));
        int walls = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (close(new Color(image.getRGB(x, y)), HeatmapPainter.WALL, 1)) {
                    walls++;
                }
            }
        }
        // one wall cell of ~75 px plus the legend swatch
        assertTrue(walls > 60 * 60, "grey wall pixels: " + walls);
    }

    @Test
    void emptyAndAllWallGridsRender() throws Exception {
        decode(RENDERER.png(new Heatmap("None", new double[0][], "visits", true)));
        decode(RENDERER.png(new Heatmap("Walls", new double[][] {{Double.NaN, Double.NaN}}, "visits", true)));
        decode(RENDERER.png(new Heatmap("Zeros", new double[][] {{0, 0}, {0, 0}}, "visits", true)));
        decode(RENDERER.png(new Heatmap("One", new double[][] {{7}}, "visits", false)));
        parseXml(RENDERER.svg(new Heatmap("None", new double[0][], "visits", false)));
    }

    @Test
    void largeGridsRenderWithoutCellLabels() throws Exception {
        double[][] grid = new double[60][60];
        for (int r = 0; r < 60; r++) {
            for (int c = 0; c < 60; c++) {
                grid[r][c] = r * c;
            }
        }
        decode(RENDERER.png(new Heatmap("Deep sea 60", grid, "visits", true)));
    }

    @Test
    void raggedRowsAreRejected() {
        assertThrows(IllegalArgumentException.class,
            () -> new Heatmap("bad", new double[][] {{1, 2}, {3}}, "visits", false));
    }

    @Test
    void valuesAreCopied() {
        double[][] grid = {{1, 2}};
        Heatmap map = new Heatmap("copy", grid, "visits", false);
        grid[0][0] = 99;
        map.values()[0][1] = 99;
        assertEquals(1, map.values()[0][0]);
        assertEquals(2, map.values()[0][1]);
    }

    @Test
    void viridisRunsFromPurpleToYellow() {
        assertEquals(new Color(0x440154), HeatmapPainter.viridis(0));
        assertEquals(new Color(0xFDE725), HeatmapPainter.viridis(1));
        assertEquals(new Color(0x21918C), HeatmapPainter.viridis(0.5));
    }

    @Test
    void colourBarTicksAreRoundNumbers() {
        HeatmapPainter log = new HeatmapPainter(new Heatmap("t", new double[][] {{18, 5000}}, "v", true), 1f);
        assertEquals(List.of(20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0), log.ticks());
        HeatmapPainter wide = new HeatmapPainter(new Heatmap("t", new double[][] {{1, 1e6}}, "v", true), 1f);
        assertEquals(List.of(1.0, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0), wide.ticks());
        HeatmapPainter linear = new HeatmapPainter(new Heatmap("t", new double[][] {{0, 3000}}, "v", false), 1f);
        assertEquals(List.of(0.0, 500.0, 1000.0, 1500.0, 2000.0, 2500.0, 3000.0), linear.ticks());
    }

    @Test
    void cellLabelsAreShort() {
        assertEquals("1234", HeatmapPainter.compact(1234));
        assertEquals("25.3k", HeatmapPainter.compact(25_340));
        assertEquals("1.2M", HeatmapPainter.compact(1_200_000));
        assertEquals("0.123", HeatmapPainter.compact(0.12345));
        assertEquals("0", HeatmapPainter.compact(0));
    }

    @Test
    void aParameterGridNamesItsAxesAndOutlinesItsBestCell() throws Exception {
        double[][] regret = {{212, 415}, {95.7, Double.NaN}, {433, 95.7}};
        Heatmap map = new Heatmap("Regret over T0 and decay", regret, "cumulative regret", false)
            .withRows("initial", List.of("4", "1", "0.25")).withColumns("decay", List.of("0.99", "0.995"));
        assertEquals(null, map.markedCell());
        assertArrayEquals(new int[] {1, 0}, map.withLowestMarked("lowest regret").markedCell(), "first of the ties");
        assertArrayEquals(new int[] {2, 0}, map.withHighestMarked("highest regret").markedCell());
        BufferedImage image = decode(RENDERER.png(map.withLowestMarked("lowest regret")));
        int outline = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (close(new Color(image.getRGB(x, y)), HeatmapPainter.MARK, 1)) {
                    outline++;
                }
            }
        }
        assertTrue(outline > 400, "outlined cell and its legend swatch: " + outline);
        assertThrows(IllegalArgumentException.class, () -> map.withRows("initial", List.of("4", "1")));
        assertThrows(IllegalArgumentException.class,
            () -> new Heatmap("t", regret, "v", false, null, null, Heatmap.Mark.LOWEST, null));
    }
}
