package kelvin.plots;

import static kelvin.plots.ChartRendererTest.close;
import static kelvin.plots.ChartRendererTest.decode;
import static kelvin.plots.ChartRendererTest.parseXml;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kelvin.plots.GridGallery.Maps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.w3c.dom.Document;

/** Grid maps render cells, shading and arrows where they belong, and reject malformed data. */
class GridMapTest {

    private static final ChartRenderer RENDERER = new ChartRenderer();

    // ------------------------------------------------------------------ rendering

    @Test
    void pngIsAtLeast1000PixelsWideAndAsTallAsTheGridNeeds() throws Exception {
        GridMap cliff = Maps.cliff();
        BufferedImage image = decode(RENDERER.png(cliff));
        assertEquals(ChartRenderer.DEFAULT_WIDTH, image.getWidth());
        assertTrue(image.getWidth() >= 1000);
        assertEquals(RENDERER.gridPainter(cliff).height(), image.getHeight());
        // 4 x 12 cells: a wide, short figure; cells square
        assertTrue(image.getHeight() < image.getWidth() / 2, "height " + image.getHeight());
        Rectangle2D cell = RENDERER.gridPainter(cliff).cellBounds(0, 0);
        assertEquals(cell.getWidth(), cell.getHeight());
    }

    @Test
    void svgIsWellFormedAndDescribesTheMap() throws Exception {
        Document doc = parseXml(RENDERER.svg(Maps.cliff()));
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("Cliff walking: optimal values and greedy actions"), text);
        assertTrue(text.contains("4 rows by 12 columns"), text);
        assertTrue(text.contains("V*(s)") && text.contains("share of runs agreeing"), text);
        assertTrue(text.contains("Cell texts shown"), text);
    }

    @Test
    void sameMapGivesSameBytes() {
        GridMap map = Maps.frozenLake();
        assertArrayEquals(RENDERER.png(map), RENDERER.png(map));
        assertArrayEquals(RENDERER.svg(map), RENDERER.svg(map));
    }

    @Test
    void wallsAreDarkGreyAtTheirCellsAndUnvisitedCellsOnALogScaleWhite() throws Exception {
        GridMap rooms = Maps.fourRooms();
        BufferedImage image = decode(RENDERER.png(rooms));
        GridMapPainter painter = RENDERER.gridPainter(rooms);
        assertEquals('#', rooms.kind(0, 5));
        assertEquals(GridMapPainter.WALL, centre(image, painter.cellBounds(0, 5)));
        assertEquals('#', rooms.kind(6, 10));
        assertEquals(GridMapPainter.WALL, centre(image, painter.cellBounds(6, 10)));
        assertEquals(0.0, rooms.values()[10][10]);
        assertEquals(GridMapPainter.OFF_SCALE, centre(image, painter.cellBounds(10, 10)));
        // a visited free cell is shaded, neither white nor grey
        Color visited = centre(image, painter.cellBounds(2, 2));
        assertNotEquals(Color.WHITE, visited);
        assertNotEquals(GridMapPainter.WALL, visited);
    }

    @Test
    void cliffCellsAreDarkRedAndNoValueCellsLightGrey() throws Exception {
        GridMap cliff = Maps.cliff();
        BufferedImage image = decode(RENDERER.png(cliff));
        GridMapPainter painter = RENDERER.gridPainter(cliff);
        // most of a cliff cell is its fill; the rest is hatching and the letter
        double share = share(image, painter.cellBounds(3, 5), GridMapPainter.CLIFF);
        assertTrue(share > 0.4, "share of dark red pixels in a cliff cell: " + share);

        GridMap lake = Maps.frozenLake();
        double holes = share(decode(RENDERER.png(lake)), RENDERER.gridPainter(lake).cellBounds(2, 3), GridMapPainter.HOLE);
        assertTrue(holes > 0.4, "share of dark blue pixels in a hole: " + holes);
        // the goal's value is NaN: light grey around its badge
        Rectangle2D goal = RENDERER.gridPainter(lake).cellBounds(7, 7);
        BufferedImage lakeImage = decode(RENDERER.png(lake));
        assertEquals(GridMapPainter.NO_VALUE,
            new Color(lakeImage.getRGB((int) goal.getCenterX(), (int) (goal.getMaxY() - goal.getHeight() * 0.25))));
    }

    @Test
    void startIsOutlinedInDarkOnLargeAndSmallCells() throws Exception {
        for (GridMap map : List.of(Maps.cliff(), Maps.deepSea(40))) {
            BufferedImage image = decode(RENDERER.png(map));
            GridMapPainter painter = RENDERER.gridPainter(map);
            int row = map.kind(0, 0) == 'S' ? 0 : map.rows() - 1;
            Rectangle2D start = painter.cellBounds(row, 0);
            Color edge = new Color(image.getRGB((int) start.getMinX() + 1, (int) start.getCenterY()));
            assertTrue(close(edge, new Color(0x11, 0x11, 0x11), 40), map.title() + ": outline pixel " + edge);
        }
    }

    /**
     * Each action's arrow points its way: at the tip end the dark pixels narrow to a point, at the
     * tail end they are as wide as the shaft (or, for heads alone, the head's base); and on large
     * cells the head, the part wider than the shaft, lies on the tip side of the centre.
     */
    @Test
    void arrowsPointTheirWay() throws Exception {
        for (int action = 0; action < 4; action++) {
            GridMap map = GridMap.of("arrow", List.of(".")).withArrows(new int[][] {{action}});
            GridMapPainter painter = RENDERER.gridPainter(map);
            assertTrue(painter.cellSize() >= GridMapPainter.SHAFT_FROM);
            Arrow arrow = Arrow.find(decode(RENDERER.png(map)), painter.cellBounds(0, 0), action);
            arrow.assertPointsForward("large cell, action " + action);
            assertTrue(arrow.headCentre() > 0.05, "head centre " + arrow.headCentre() + " for action " + action);
        }
        // 64 x 64: cells of about 14 px get arrow heads only; check one cell per action
        int n = 64;
        List<String> layout = new ArrayList<>();
        int[][] actions = new int[n][n];
        for (int r = 0; r < n; r++) {
            layout.add(".".repeat(n));
            for (int c = 0; c < n; c++) {
                actions[r][c] = (r + c) % 4;
            }
        }
        GridMap big = GridMap.of("arrows 64", layout).withArrows(actions);
        BufferedImage image = decode(RENDERER.png(big));
        GridMapPainter painter = RENDERER.gridPainter(big);
        assertTrue(painter.cellSize() < GridMapPainter.SHAFT_FROM, "cell " + painter.cellSize());
        for (int c = 20; c < 24; c++) {
            int action = (20 + c) % 4;
            Arrow.find(image, painter.cellBounds(20, c), action).assertPointsForward("small cell, action " + action);
        }
    }

    /** The dark pixels of one arrow, in coordinates along its expected direction and across it. */
    private record Arrow(List<double[]> pixels, double cell) {

        static Arrow find(BufferedImage image, Rectangle2D box, int action) {
            double[][] axes = {{0, -1}, {1, 0}, {0, 1}, {-1, 0}}; // up, right, down, left in image (x, y)
            double[] ax = axes[action];
            List<double[]> pixels = new ArrayList<>();
            for (int y = (int) box.getMinY() + 2; y < (int) box.getMaxY() - 2; y++) {
                for (int x = (int) box.getMinX() + 2; x < (int) box.getMaxX() - 2; x++) {
                    Color c = new Color(image.getRGB(x, y));
                    if (c.getRed() + c.getGreen() + c.getBlue() < 3 * 100) {
                        double dx = x + 0.5 - box.getCenterX();
                        double dy = y + 0.5 - box.getCenterY();
                        // along = projection on the direction, across = on its perpendicular
                        pixels.add(new double[] {Math.round(dx * ax[0] + dy * ax[1]), dx * ax[1] - dy * ax[0]});
                    }
                }
            }
            assertTrue(pixels.size() > 10, "no arrow found in the cell");
            return new Arrow(pixels, box.getWidth());
        }

        /** Dark pixels on the line across the arrow at this position along it. */
        int widthAt(double along) {
            int n = 0;
            for (double[] p : pixels) {
                n += p[0] == along ? 1 : 0;
            }
            return n;
        }

        void assertPointsForward(String what) {
            double tip = Double.NEGATIVE_INFINITY;
            double tail = Double.POSITIVE_INFINITY;
            double across = 0;
            for (double[] p : pixels) {
                tip = Math.max(tip, p[0]);
                tail = Math.min(tail, p[0]);
                across += p[1];
            }
            assertTrue(Math.abs(across / pixels.size()) < 0.02 * cell, what + ": arrow off its axis");
            assertTrue(Math.abs(tip + tail) <= 2, what + ": arrow not centred, ends " + tail + " and " + tip);
            int tipWidth = widthAt(tip);
            int tailWidth = widthAt(tail);
            assertTrue(2 * tipWidth < tailWidth, what + ": " + tipWidth + " px wide at the tip end, " + tailWidth
                + " at the tail end");
        }

        /** Mean position along the arrow, in cell sides, of the pixels wider than the shaft. */
        double headCentre() {
            double shaft = 0;
            for (double[] p : pixels) {
                if (p[0] == Math.round(-0.2 * cell)) {
                    shaft = Math.max(shaft, Math.abs(p[1]));
                }
            }
            double sum = 0;
            int n = 0;
            for (double[] p : pixels) {
                if (Math.abs(p[1]) > shaft + 1) {
                    sum += p[0];
                    n++;
                }
            }
            assertTrue(n > 10, "no arrow head wider than the shaft");
            return sum / n / cell;
        }
    }

    @Test
    void weakArrowsAreFainterThanStrongOnes() throws Exception {
        GridMap map = GridMap.of("strength", List.of("..")).withArrows(new int[][] {{1, 1}},
            new double[][] {{0, 1}}, "agreement");
        BufferedImage image = decode(RENDERER.png(map));
        GridMapPainter painter = RENDERER.gridPainter(map);
        int weak = darkest(image, painter.cellBounds(0, 0));
        int strong = darkest(image, painter.cellBounds(0, 1));
        assertTrue(strong < 60, "strong arrow's darkest grey level " + strong);
        assertTrue(weak > 180, "weak arrow's darkest grey level " + weak);
    }

    @Test
    void oneCellAnd64By64GridsRender() throws Exception {
        GridMap one = GridMap.of("one", List.of("G")).withValues(new double[][] {{3}}, "v", false)
            .withArrows(new int[][] {{2}}).withTexts(new String[][] {{"3"}});
        BufferedImage small = decode(RENDERER.png(one));
        assertTrue(small.getWidth() >= 1000);
        parseXml(RENDERER.svg(one));
        decode(RENDERER.png(GridMap.of("bare", List.of("."))));

        GridMap sea = Maps.deepSea(64);
        String[][] texts = new String[64][64];
        texts[5][3] = "-13";
        sea = sea.withTexts(texts);
        BufferedImage image = decode(RENDERER.png(sea));
        assertTrue(image.getWidth() >= 1000 && image.getHeight() <= image.getWidth());
        GridMapPainter painter = RENDERER.gridPainter(sea);
        assertTrue(painter.cellSize() >= 12, "cells of a 64 x 64 map: " + painter.cellSize());
        assertFalse(painter.textsShown(), "texts in 14 px cells");
        String desc = new String(RENDERER.svg(sea), StandardCharsets.UTF_8);
        assertTrue(desc.contains("Cell texts hidden"), "SVG says texts are hidden");
        assertTrue(RENDERER.gridPainter(Maps.cliff()).textsShown());
    }

    // ------------------------------------------------------------------ validation

    @Test
    void malformedMapsAreRejectedNamingTheProblem() {
        List<String> two = List.of("S.", ".G");
        rejects("layout has no rows", () -> GridMap.of("m", List.of()));
        rejects("layout is ragged: row 1 has 1 cells, row 0 has 2", () -> GridMap.of("m", List.of("..", ".")));
        rejects("layout[1][0] = 'F' is not a cell kind", () -> GridMap.of("m", List.of("..", "F.")));
        GridMap map = GridMap.of("m", two);
        rejects("values has 1 rows, the layout 2", () -> map.withValues(new double[][] {{1, 2}}, "v", false));
        rejects("values row 1 has 3 columns, the layout 2",
            () -> map.withValues(new double[][] {{1, 2}, {1, 2, 3}}, "v", false));
        rejects("values[0][1] is Infinity",
            () -> map.withValues(new double[][] {{1, Double.POSITIVE_INFINITY}, {1, 2}}, "v", false));
        rejects("actions row 0 has 1 columns, the layout 2", () -> map.withArrows(new int[][] {{1}, {1, 2}}));
        rejects("actions[1][1] = 4 is not -1 (none) or 0..3", () -> map.withArrows(new int[][] {{0, 1}, {2, 4}}));
        rejects("actions[0][0] = -2 is not -1", () -> map.withArrows(new int[][] {{-2, 1}, {2, 3}}));
        int[][] actions = {{0, 1}, {2, -1}};
        rejects("strengths[0][1] = 1.5 is outside [0, 1]",
            () -> map.withArrows(actions, new double[][] {{1, 1.5}, {0, 0}}, "s"));
        rejects("strengths[1][0] = -0.1 is outside [0, 1]",
            () -> map.withArrows(actions, new double[][] {{1, 1}, {-0.1, 0}}, "s"));
        rejects("strengths[0][0] = NaN is outside [0, 1]",
            () -> map.withArrows(actions, new double[][] {{Double.NaN, 1}, {0, 0}}, "s"));
        rejects("strengths has 1 rows, the layout 2", () -> map.withArrows(actions, new double[][] {{1, 1}}, "s"));
        rejects("strengths are given without actions",
            () -> new GridMap("m", two, null, null, false, null, new double[][] {{1, 1}, {1, 1}}, "s", null));
        rejects("texts row 1 has 1 columns, the layout 2", () -> map.withTexts(new String[][] {{"a", "b"}, {"c"}}));
        // NaN strength where there is no arrow is fine
        map.withArrows(actions, new double[][] {{1, 1}, {0, Double.NaN}}, "s");
    }

    private static void rejects(String expected, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build, expected);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should contain '" + expected + "'");
        assertTrue(e.getMessage().startsWith("grid map 'm': "), e.getMessage());
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[][] values = {{1, 2}};
        int[][] actions = {{0, -1}};
        String[][] texts = {{"1", null}};
        GridMap map = GridMap.of("copy", List.of("S.")).withValues(values, "v", false).withArrows(actions)
            .withTexts(texts);
        values[0][0] = 99;
        actions[0][0] = 3;
        texts[0][0] = "x";
        map.values()[0][1] = 99;
        map.actions()[0][1] = 3;
        map.texts()[0][1] = "y";
        assertArrayEquals(new double[] {1, 2}, map.values()[0]);
        assertArrayEquals(new int[] {0, -1}, map.actions()[0]);
        assertArrayEquals(new String[] {"1", null}, map.texts()[0]);
        assertEquals(map, GridMap.of("copy", List.of("S.")).withValues(new double[][] {{1, 2}}, "v", false)
            .withArrows(new int[][] {{0, -1}}).withTexts(new String[][] {{"1", null}}));
        // a label without its data means nothing and is dropped
        assertNull(map.withValues(null, "v", true).valueLabel());
        assertFalse(map.withValues(null, "v", true).logScale());
    }

    // ------------------------------------------------------------------ pixel helpers

    private static Color centre(BufferedImage image, Rectangle2D cell) {
        return new Color(image.getRGB((int) cell.getCenterX(), (int) cell.getCenterY()));
    }

    /** Share of a cell's inner pixels (1 px in from each edge) that are exactly {@code color}. */
    private static double share(BufferedImage image, Rectangle2D cell, Color color) {
        int hits = 0;
        int all = 0;
        for (int y = (int) cell.getMinY() + 1; y < (int) cell.getMaxY() - 1; y++) {
            for (int x = (int) cell.getMinX() + 1; x < (int) cell.getMaxX() - 1; x++) {
                all++;
                hits += image.getRGB(x, y) == color.getRGB() ? 1 : 0;
            }
        }
        return hits / (double) all;
    }

    /** Smallest grey level (mean of red, green, blue) inside a cell. */
    private static int darkest(BufferedImage image, Rectangle2D cell) {
        int min = 255;
        for (int y = (int) cell.getMinY() + 2; y < (int) cell.getMaxY() - 2; y++) {
            for (int x = (int) cell.getMinX() + 2; x < (int) cell.getMaxX() - 2; x++) {
                Color c = new Color(image.getRGB(x, y));
                min = Math.min(min, (c.getRed() + c.getGreen() + c.getBlue()) / 3);
            }
        }
        return min;
    }
}
