package kelvin.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;

/**
 * What the figures drawn without XChart share: sizes that scale with the figure's width, the
 * rendering hints, and centred text.
 */
abstract class Painter implements Encoders.Drawing {

    /** Scale factor of fonts, strokes and gaps: 1 at the default width of 1200 px. */
    protected final float s;

    Painter(float scale) {
        this.s = scale;
    }

    /** A length given at the default width, at this figure's scale, in whole pixels. */
    final int px(double v) {
        return Math.round((float) v * s);
    }

    /** The sans-serif font of a size given at the default width, at this figure's scale. */
    final Font font(int style, float size) {
        return new Font(Font.SANS_SERIF, style, Math.round(size * s));
    }

    /** Anti-aliased shapes and text, pure strokes and whole-pixel text advances (as XChart measures). */
    static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
    }

    /** Sets the hints and paints the whole figure white. */
    static void clear(Graphics2D g, int width, int height) {
        hints(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
    }

    static void drawCentered(Graphics2D g, String text, double centerX, double baseline) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (float) (centerX - m.stringWidth(text) / 2.0), (float) baseline);
    }

    /**
     * Vertical grid lines at the ticks of a value axis running from {@code left} to {@code right},
     * with tick marks and labels under {@code bottom}; a label that would touch the previous one is
     * skipped, its grid line kept.
     */
    final void paintValueGrid(Graphics2D g, ColorScale axis, Font tickFont, double left, double right, double top,
            double bottom) {
        g.setFont(tickFont);
        FontMetrics m = g.getFontMetrics();
        double lastRight = Double.NEGATIVE_INFINITY;
        for (double t : axis.ticks()) {
            double x = left + axis.fraction(t) * (right - left);
            g.setColor(Palette.GRID);
            g.setStroke(new BasicStroke(Math.max(1f, s)));
            g.draw(new Line2D.Double(x, top, x, bottom));
            g.setColor(Palette.FRAME);
            g.draw(new Line2D.Double(x, bottom, x, bottom + px(5)));
            String text = TickFormat.format(t);
            double w = m.stringWidth(text);
            if (x - w / 2 > lastRight + px(8)) {
                g.setColor(Palette.TEXT);
                g.drawString(text, (float) (x - w / 2), (float) (bottom + px(6) + m.getAscent()));
                lastRight = x + w / 2;
            }
        }
    }
}
