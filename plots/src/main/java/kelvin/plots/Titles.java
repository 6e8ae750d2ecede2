package kelvin.plots;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;

/** Figure titles: bold, centred, shrunk until they fit the figure's width. */
final class Titles {

    private static final float SIZE = 24;
    private static final float SMALLEST = 14;

    /** Anti-aliased, whole-pixel advances: how both XChart and our painters measure text. */
    private static final FontRenderContext METRICS = new FontRenderContext(null, true, false);

    private Titles() {
    }

    /**
     * The largest bold font from 24 down to 14 (times {@code scale}) in which {@code title} fits
     * in {@code available} pixels; at the smallest size a title that still does not fit is
     * returned as is.
     */
    static Font font(String title, double available, float scale) {
        float size = SIZE;
        Font font = bold(size, scale);
        while (size > SMALLEST && font.getStringBounds(title, METRICS).getWidth() > available) {
            size -= 1;
            font = bold(size, scale);
        }
        return font;
    }

    /**
     * Draws {@code title} centred at the top of a figure in {@link #font}.
     *
     * @return the height the title takes, from {@code pad}
     */
    static int paint(Graphics2D g, String title, int width, int pad, float scale) {
        g.setFont(font(title, width - 2.0 * pad, scale));
        g.setColor(Palette.TEXT);
        FontMetrics m = g.getFontMetrics();
        g.drawString(title, (float) (width / 2.0 - m.stringWidth(title) / 2.0), pad + m.getAscent());
        return m.getHeight();
    }

    private static Font bold(float size, float scale) {
        return new Font(Font.SANS_SERIF, Font.BOLD, Math.round(size * scale));
    }
}
