package kelvin.plots;

import static kelvin.plots.Palette.FRAME;
import static kelvin.plots.Palette.TEXT;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The viridis colour scale of {@link Heatmap} and {@link GridMap} shading: which values it can
 * show, their colours, the colour bar's ticks, and the colour bar itself.
 *
 * <p>The scale runs from the smallest to the largest value it can show: every finite value on a
 * linear scale, every finite value {@code > 0} on a log scale. Other values are off the scale and
 * the painters decide how to draw them. A scale that can show nothing {@linkplain #isEmpty() is
 * empty}; one whose values are all equal maps them to the middle colour.
 */
final class ColorScale {

    /** Viridis (van der Walt and Smith, matplotlib 2.0) sampled at 0, 0.1, ..., 1. */
    private static final Color[] VIRIDIS = {
        new Color(0x440154), new Color(0x482475), new Color(0x414487), new Color(0x355F8D),
        new Color(0x2A788E), new Color(0x21918C), new Color(0x22A884), new Color(0x44BF70),
        new Color(0x7AD151), new Color(0xBDDF26), new Color(0xFDE725),
    };

    /** Width of the colour bar at scale 1. */
    static final float BAR_WIDTH = 22;


    private final boolean log;
    private final double lo;
    private final double hi;

    private ColorScale(boolean log, double lo, double hi) {
        this.log = log;
        this.lo = lo;
        this.hi = hi;
    }

    /** Collects the range of the values a scale can show; values off the scale are skipped. */
    static final class Builder {

        private final boolean log;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;

        Builder(boolean log) {
            this.log = log;
        }

        void add(double v) {
            if (onScale(log, v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }

        ColorScale build() {
            return new ColorScale(log, min, max);
        }
    }

    private static boolean onScale(boolean log, double v) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    /** Whether the scale can place this value: finite, and {@code > 0} on a log scale. */
    boolean onScale(double v) {
        return onScale(log, v);
    }

    boolean isEmpty() {
        return !(lo <= hi);
    }

    boolean log() {
        return log;
    }

    /** Where a value sits on the scale, 0 (lowest) to 1 (highest); clamped. */
    double fraction(double v) {
        if (!(hi > lo)) {
            return 0.5;
        }
        double f = log
            ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))
            : (v - lo) / (hi - lo);
        return Math.max(0, Math.min(1, f));
    }

    /** The colour of a value on the scale. */
    Color color(double v) {
        return viridis(fraction(v));
    }

    static Color viridis(double f) {
        double pos = Math.max(0, Math.min(1, f)) * (VIRIDIS.length - 1);
        int i = Math.min((int) pos, VIRIDIS.length - 2);
        double t = pos - i;
        Color a = VIRIDIS[i];
        Color b = VIRIDIS[i + 1];
        return new Color(
            (int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
            (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
            (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }

    /** Colour-bar ticks: decades on a log scale, round steps on a linear one. */
    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        if (isEmpty()) {
            return ticks;
        }
        if (hi == lo) {
            ticks.add(lo);
            return ticks;
        }
        if (log) {
            int first = (int) Math.floor(Math.log10(lo) + 1e-9);
            int last = (int) Math.floor(Math.log10(hi) + 1e-9);
            // few decades leave room for 2 and 5 times each power of ten; many only for some powers
            double[] multiples = last - first <= 2 ? new double[] {1, 2, 5} : new double[] {1};
            int every = (last - first) / 7 + 1;
            for (int k = first; k <= last; k += every) {
                for (double m : multiples) {
                    double t = m * Math.pow(10, k);
                    if (t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9)) {
                        ticks.add(t);
                    }
                }
            }
            if (ticks.size() < 2) {
                // less than two decades inside: the ends give the reader the range
                ticks.clear();
                ticks.add(lo);
                ticks.add(hi);
            }
            return ticks;
        }
        double step = niceStep((hi - lo) / 5);
        for (double t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return ticks;
    }

    private static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / magnitude;
        // the nearest of 1, 2, 5, 10 keeps the tick count near the five asked for
        double nice = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10;
        return nice * magnitude;
    }

    /**
     * Width the bar needs: gap, bar, tick labels in {@code tickFont} and the rotated label in a
     * font of size {@code labelFontSize}, all in pixels.
     */
    int panelWidth(FontMetrics tickMetrics, float s, int labelFontSize) {
        int ticks = 0;
        for (double t : ticks()) {
            ticks = Math.max(ticks, tickMetrics.stringWidth(TickFormat.format(t)));
        }
        return px(36, s) + px(BAR_WIDTH, s) + px(6, s) + ticks + px(12, s) + labelFontSize + px(8, s);
    }

    /**
     * Paints the colour bar with its ticks, tick labels and the rotated value label.
     *
     * @param g graphics
     * @param x left edge of the bar
     * @param barTop top of the bar
     * @param barHeight height of the bar
     * @param s scale factor of the figure
     * @param label value label, e.g. {@code "visits"}; " (log scale)" is appended on a log scale
     */
    void paintBar(Graphics2D g, double x, double barTop, double barHeight, float s, String label) {
        double barWidth = px(BAR_WIDTH, s);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(14 * s)));
        FontMetrics m = g.getFontMetrics();
        int steps = Math.max(2, (int) barHeight);
        for (int i = 0; i < steps; i++) {
            double f = 1 - i / (double) (steps - 1);
            g.setColor(viridis(f));
            g.fill(new Rectangle2D.Double(x, barTop + barHeight * i / steps, barWidth, barHeight / steps + 1));
        }
        g.setColor(FRAME);
        g.setStroke(new BasicStroke(Math.max(1f, s)));
        g.draw(new Rectangle2D.Double(x, barTop, barWidth, barHeight));
        double labelRight = x + barWidth + px(6, s);
        int widest = 0;
        for (double t : ticks()) {
            double ty = barTop + barHeight * (1 - fraction(t));
            g.setColor(FRAME);
            g.draw(new Line2D.Double(x + barWidth, ty, x + barWidth + px(4, s), ty));
            g.setColor(TEXT);
            String text = TickFormat.format(t);
            widest = Math.max(widest, m.stringWidth(text));
            g.drawString(text, (float) labelRight + px(2, s), (float) (ty + (m.getAscent() - m.getDescent()) / 2.0));
        }
        paintLabel(g, labelRight + widest + px(14, s), barTop + barHeight / 2, s, label + (log ? " (log scale)" : ""));
    }

    private static void paintLabel(Graphics2D g, double x, double centerY, float s, String text) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(16 * s)));
        g.setColor(TEXT);
        AffineTransform saved = g.getTransform();
        g.translate(x, centerY);
        g.rotate(-Math.PI / 2);
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, -m.stringWidth(text) / 2f, m.getAscent() / 2f);
        g.setTransform(saved);
    }

    private static int px(float v, float s) {
        return Math.round(v * s);
    }
}
