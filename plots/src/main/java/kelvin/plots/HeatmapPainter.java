package kelvin.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * Draws a {@link Heatmap}: title, grid of cells with row and column indices, a colour bar with
 * ticks, and legend swatches for walls and for values the log scale cannot show.
 */
final class HeatmapPainter implements Encoders.Drawing {

    /** Viridis (van der Walt and Smith, matplotlib 2.0) sampled at 0, 0.1, ..., 1. */
    private static final Color[] VIRIDIS = {
        new Color(0x440154), new Color(0x482475), new Color(0x414487), new Color(0x355F8D),
        new Color(0x2A788E), new Color(0x21918C), new Color(0x22A884), new Color(0x44BF70),
        new Color(0x7AD151), new Color(0xBDDF26), new Color(0xFDE725),
    };

    /** Fill of cells that are not part of the grid (NaN). */
    static final Color WALL = new Color(0x9A, 0x9A, 0x9A);

    /** Fill of cells whose value the log scale cannot show (zero or negative). */
    static final Color OFF_SCALE = Color.WHITE;

    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    private static final Color MUTED = new Color(0x66, 0x66, 0x66);
    private static final Color FRAME = new Color(0xB0, 0xB0, 0xB0);
    private static final String NO_DATA = "no data";
    private static final String WALL_TEXT = "no cell (wall)";
    private static final String OFF_SCALE_TEXT = "0 or less";

    private final Heatmap map;
    private final float s;
    private final double lo;
    private final double hi;

    HeatmapPainter(Heatmap map, float scale) {
        this.map = map;
        this.s = scale;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.columns(); c++) {
                double v = map.at(r, c);
                if (onScale(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        this.lo = min;
        this.hi = max;
    }

    private boolean onScale(double v) {
        return Double.isFinite(v) && (!map.logScale() || v > 0);
    }

    private boolean hasScale() {
        return lo <= hi;
    }

    private int px(double v) {
        return Math.round((float) v * s);
    }

    private Font font(int style, float size) {
        return new Font(Font.SANS_SERIF, style, Math.round(size * s));
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);

        int pad = px(16);
        g.setFont(font(Font.BOLD, 24));
        FontMetrics titleMetrics = g.getFontMetrics();
        g.setColor(TEXT);
        drawCentered(g, map.title(), width / 2.0, pad + titleMetrics.getAscent());
        int top = pad + titleMetrics.getHeight() + px(12);

        int rows = map.rows();
        int cols = map.columns();
        if (rows == 0 || cols == 0) {
            g.setFont(font(Font.ITALIC, 20));
            g.setColor(Palette.NEUTRAL);
            drawCentered(g, NO_DATA, width / 2.0, (top + height) / 2.0);
            return;
        }

        Font indexFont = font(Font.PLAIN, 13);
        g.setFont(indexFont);
        FontMetrics indexMetrics = g.getFontMetrics();
        int rowLabelWidth = indexMetrics.stringWidth(Integer.toString(rows - 1)) + px(8);
        int colLabelHeight = indexMetrics.getHeight() + px(4);
        int panelWidth = panelWidth(g);

        int left = pad + rowLabelWidth;
        int right = width - pad - panelWidth;
        int gridTop = top + colLabelHeight;
        int bottom = height - pad;
        double cell = Math.floor(Math.min((right - left) / (double) cols, (bottom - gridTop) / (double) rows));
        cell = Math.max(cell, 1);
        double gridWidth = cell * cols;
        double gridHeight = cell * rows;
        double x0 = left + (right - left - gridWidth) / 2;
        double y0 = gridTop + (bottom - gridTop - gridHeight) / 2;

        paintCells(g, x0, y0, cell);
        paintIndices(g, indexFont, x0, y0, cell);
        paintPanel(g, x0 + gridWidth + px(36), y0, gridHeight, top, bottom);
    }

    private void paintCells(Graphics2D g, double x0, double y0, double cell) {
        boolean labels = cell >= px(40);
        Font valueFont = font(Font.PLAIN, Math.min(15, (float) (cell / s / 4)));
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.columns(); c++) {
                double v = map.at(r, c);
                Color fill = colorOf(v);
                Rectangle2D.Double box = new Rectangle2D.Double(x0 + c * cell, y0 + r * cell, cell, cell);
                g.setColor(fill);
                g.fill(box);
                if (labels && !Double.isNaN(v)) {
                    g.setFont(valueFont);
                    g.setColor(luminance(fill) > 0.45 ? TEXT : Color.WHITE);
                    FontMetrics m = g.getFontMetrics();
                    drawCentered(g, compact(v), box.getCenterX(), box.getCenterY() + (m.getAscent() - m.getDescent()) / 2.0);
                }
            }
        }
        // separators between cells, then a frame so white (off-scale) cells still read as cells
        g.setStroke(new BasicStroke(Math.max(1f, s)));
        g.setColor(new Color(0xDD, 0xDD, 0xDD));
        for (int c = 1; c < map.columns(); c++) {
            double x = x0 + c * cell;
            g.draw(new Line2D.Double(x, y0, x, y0 + map.rows() * cell));
        }
        for (int r = 1; r < map.rows(); r++) {
            double y = y0 + r * cell;
            g.draw(new Line2D.Double(x0, y, x0 + map.columns() * cell, y));
        }
        g.setColor(FRAME);
        g.draw(new Rectangle2D.Double(x0, y0, map.columns() * cell, map.rows() * cell));
    }

    private void paintIndices(Graphics2D g, Font indexFont, double x0, double y0, double cell) {
        g.setFont(indexFont);
        g.setColor(MUTED);
        FontMetrics m = g.getFontMetrics();
        // label every k-th index so labels never collide on large grids
        int widest = m.stringWidth(Integer.toString(Math.max(map.rows(), map.columns()))) + px(6);
        int everyCol = Math.max(1, (int) Math.ceil(widest / cell));
        int everyRow = Math.max(1, (int) Math.ceil(m.getHeight() / cell));
        for (int c = 0; c < map.columns(); c += everyCol) {
            drawCentered(g, Integer.toString(c), x0 + (c + 0.5) * cell, y0 - px(5) - m.getDescent());
        }
        for (int r = 0; r < map.rows(); r += everyRow) {
            String label = Integer.toString(r);
            float x = (float) (x0 - px(6) - m.stringWidth(label));
            g.drawString(label, x, (float) (y0 + (r + 0.5) * cell + (m.getAscent() - m.getDescent()) / 2.0));
        }
    }

    /** Width of the colour bar, its tick labels, its title and the swatches. */
    private int panelWidth(Graphics2D g) {
        g.setFont(font(Font.PLAIN, 14));
        FontMetrics m = g.getFontMetrics();
        int ticks = 0;
        for (double t : ticks()) {
            ticks = Math.max(ticks, m.stringWidth(TickFormat.format(t)));
        }
        int bar = px(36) + px(22) + px(6) + ticks + px(12) + font(Font.PLAIN, 16).getSize() + px(8);
        int swatch = px(36) + px(18) + px(8) + Math.max(m.stringWidth(WALL_TEXT), m.stringWidth(OFF_SCALE_TEXT));
        return Math.max(bar, swatch);
    }

    private void paintPanel(Graphics2D g, double x, double gridTop, double gridHeight, int top, int bottom) {
        double swatchBlock = px(28) * 2 + px(12);
        double barHeight = Math.min(Math.max(gridHeight, px(180)), bottom - top - swatchBlock);
        double barTop = Math.max(top, gridTop + (gridHeight - barHeight - swatchBlock) / 2);
        double barWidth = px(22);
        g.setFont(font(Font.PLAIN, 14));
        FontMetrics m = g.getFontMetrics();
        double y = barTop;
        if (hasScale()) {
            int steps = Math.max(2, (int) barHeight);
            for (int i = 0; i < steps; i++) {
                double f = 1 - i / (double) (steps - 1);
                g.setColor(viridis(f));
                g.fill(new Rectangle2D.Double(x, barTop + barHeight * i / steps, barWidth, barHeight / steps + 1));
            }
            g.setColor(FRAME);
            g.setStroke(new BasicStroke(Math.max(1f, s)));
            g.draw(new Rectangle2D.Double(x, barTop, barWidth, barHeight));
            double labelRight = x + barWidth + px(6);
            int widest = 0;
            for (double t : ticks()) {
                double ty = barTop + barHeight * (1 - fraction(t));
                g.setColor(FRAME);
                g.draw(new Line2D.Double(x + barWidth, ty, x + barWidth + px(4), ty));
                g.setColor(TEXT);
                String label = TickFormat.format(t);
                widest = Math.max(widest, m.stringWidth(label));
                g.drawString(label, (float) labelRight + px(2), (float) (ty + (m.getAscent() - m.getDescent()) / 2.0));
            }
            paintValueLabel(g, labelRight + widest + px(14), barTop + barHeight / 2);
            y = barTop + barHeight + px(16);
        }
        if (hasWalls()) {
            swatch(g, x, y, WALL, WALL_TEXT);
            y += px(28);
        }
        if (hasOffScale()) {
            swatch(g, x, y, OFF_SCALE, OFF_SCALE_TEXT);
        }
    }

    private void paintValueLabel(Graphics2D g, double x, double centerY) {
        Font labelFont = font(Font.PLAIN, 16);
        g.setFont(labelFont);
        g.setColor(TEXT);
        String text = map.valueLabel() + (map.logScale() ? " (log scale)" : "");
        AffineTransform saved = g.getTransform();
        g.translate(x, centerY);
        g.rotate(-Math.PI / 2);
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, -m.stringWidth(text) / 2f, m.getAscent() / 2f);
        g.setTransform(saved);
    }

    private void swatch(Graphics2D g, double x, double y, Color fill, String text) {
        double size = px(18);
        g.setColor(fill);
        g.fill(new Rectangle2D.Double(x, y, size, size));
        g.setColor(FRAME);
        g.draw(new Rectangle2D.Double(x, y, size, size));
        g.setFont(font(Font.PLAIN, 14));
        g.setColor(TEXT);
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (float) (x + size + px(8)), (float) (y + size / 2 + (m.getAscent() - m.getDescent()) / 2.0));
    }

    private boolean hasWalls() {
        return any(v -> Double.isNaN(v));
    }

    private boolean hasOffScale() {
        return any(v -> !Double.isNaN(v) && !onScale(v));
    }

    private boolean any(DoublePredicate test) {
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.columns(); c++) {
                if (test.test(map.at(r, c))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Where a value sits on the colour scale, 0 (lowest) to 1 (highest). */
    private double fraction(double v) {
        if (!(hi > lo)) {
            return 0.5;
        }
        double f = map.logScale()
            ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))
            : (v - lo) / (hi - lo);
        return Math.max(0, Math.min(1, f));
    }

    private Color colorOf(double v) {
        if (Double.isNaN(v)) {
            return WALL;
        }
        return onScale(v) ? viridis(fraction(v)) : OFF_SCALE;
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
        if (!hasScale()) {
            return ticks;
        }
        if (hi == lo) {
            ticks.add(lo);
            return ticks;
        }
        if (map.logScale()) {
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

    /** Short cell labels: 1234 stays 1234, 25340 becomes 25.3k, 0.12345 becomes 0.123. */
    static String compact(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return threeDigits(v / 1e9) + "G";
        }
        if (a >= 1e6) {
            return threeDigits(v / 1e6) + "M";
        }
        if (a >= 1e4) {
            return threeDigits(v / 1e3) + "k";
        }
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return threeDigits(v);
    }

    private static String threeDigits(double v) {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static double luminance(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
    }

    private static void drawCentered(Graphics2D g, String text, double centerX, double baseline) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (float) (centerX - m.stringWidth(text) / 2.0), (float) baseline);
    }
}
