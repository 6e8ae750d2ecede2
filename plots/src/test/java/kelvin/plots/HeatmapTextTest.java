package kelvin.plots;

import static kelvin.plots.ChartRendererTest.close;
import static kelvin.plots.ChartRendererTest.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Heatmaps of scores: a fixed colour range that clips, and cell texts of their own. */
class HeatmapTextTest {

    private static final ChartRenderer RENDERER = new ChartRenderer();

    private static Heatmap scores() {
        return new Heatmap("Scores", new double[][] {{0, 0.5}, {1, 1.5}}, "score", false)
            .withRows("agent", List.of("a", "b")).withColumns("environment", List.of("bandit", "cliff"));
    }

    private static int pixels(BufferedImage image, Color color) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (close(new Color(image.getRGB(x, y)), color, 1)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void aFixedRangeGivesValuesBeyondItTheEndColour() throws Exception {
        Heatmap clipped = scores().withRange(0, 1);
        assertEquals(new Heatmap.Range(0, 1), clipped.range());
        BufferedImage image = decode(RENDERER.png(clipped));
        Color top = ColorScale.viridis(1);
        // cells 1 and 1.5 both take the top colour: twice as many of its pixels as with the range spanning them
        int withRange = pixels(image, top);
        int spanning = pixels(decode(RENDERER.png(scores())), top);
        assertTrue(withRange > 1.8 * spanning, withRange + " vs " + spanning);
        assertThrows(IllegalArgumentException.class, () -> scores().withRange(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Heatmap("Log", new double[][] {{1}}, "visits", true)
            .withRange(0, 10));
    }

    @Test
    void cellTextsMustBeOnePerCellAndAreKept() {
        List<List<String>> texts = List.of(List.of("0\n[0, 0]", "0.5"), List.of("1", ""));
        assertEquals(texts, scores().withCellTexts(texts).cellTexts());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> scores().withCellTexts(List.of(List.of("x"))));
        assertTrue(e.getMessage().contains("one per cell"), e.getMessage());
        assertEquals(scores().withCellTexts(texts), scores().withCellTexts(texts));
        assertTrue(!scores().equals(scores().withCellTexts(texts)));
    }

    @Test
    void longColumnNamesAndManyColumnsRender() throws Exception {
        int columns = 12;
        double[][] values = new double[7][columns];
        List<String> names = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            names.add("environment number " + c);
        }
        List<String> rows = List.of("a", "b", "c", "d", "e", "f", "g");
        Heatmap map = new Heatmap("Many", values, "score", false).withRows("agent", rows)
            .withColumns("environment", names);
        decode(RENDERER.png(map));
        decode(RENDERER.png(map.withRange(0, 1)));
    }
}
