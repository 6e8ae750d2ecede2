package kelvin.plots;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Turns a drawing into PNG or SVG bytes.
 *
 * <p>Why not XChart's own {@code BitmapEncoder} and {@code VectorGraphicsEncoder}: both leave
 * text and stroke settings that spoil the result. The bitmap encoder keeps Java2D's default stroke
 * control, which snaps curves to whole pixels so a shallow learning curve looks like a staircase.
 * The vector encoder measures text with fractional glyph advances while XChart sizes its legend box
 * with whole-pixel advances, so legend labels ran past the box's right edge in SVG. Here both
 * formats draw with the same font metrics XChart measures with, and PNG with pure strokes. SVG
 * output leaves out shapes painted in a fully transparent colour, such as the placeholder tick
 * labels of {@link ExplicitTicksChart}: they cannot be seen, and would only make the file larger.
 */
final class Encoders {

    /** Anything that can draw itself at a given size: an XChart chart or one of our painters. */
    @FunctionalInterface
    interface Drawing {

        /**
         * Draws the whole figure.
         *
         * @param g graphics to draw on, bitmap or vector
         * @param width figure width
         * @param height figure height
         */
        void paint(Graphics2D g, int width, int height);
    }

    /** The font metrics XChart measures text with: anti-aliased, whole-pixel advances. */
    private static final FontRenderContext XCHART_METRICS = new FontRenderContext(null, true, false);

    private Encoders() {
    }

    static byte[] png(Drawing drawing, int width, int height, String title) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            drawing.paint(g, width, height);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("this Java runtime has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode '" + title + "' as PNG", e);
        }
        return out.toByteArray();
    }

    static byte[] svg(Drawing drawing, int width, int height, String title) {
        VectorGraphics2D g = new XChartMetricsGraphics();
        drawing.paint(g, width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try {
            new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, height)).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode '" + title + "' as SVG", e);
        }
        return out.toByteArray();
    }

    /**
     * Vector graphics that lay out text with {@link #XCHART_METRICS} and skip invisible shapes.
     * Copies made by {@code create()} are clones, so they keep this class and its behaviour.
     */
    private static final class XChartMetricsGraphics extends VectorGraphics2D {

        @Override
        public FontRenderContext getFontRenderContext() {
            return XCHART_METRICS;
        }

        @Override
        public void fill(Shape s) {
            if (!invisible()) {
                super.fill(s);
            }
        }

        @Override
        public void draw(Shape s) {
            if (!invisible()) {
                super.draw(s);
            }
        }

        private boolean invisible() {
            return getPaint() instanceof Color c && c.getAlpha() == 0;
        }
    }
}
