package kelvin.plots;

import static kelvin.plots.Palette.FRAME;
import static kelvin.plots.Palette.MUTED;
import static kelvin.plots.Palette.TEXT;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link BoxPlot}: title, one lane per group with its label on the left, the value axis
 * with ticks and grid lines along the bottom, and a one-line key to the glyphs.
 */
final class BoxPlotPainter extends Painter {

    /** Lanes never get thinner than this (at the default width); the figure grows instead. */
    static final float MIN_LANE = 26;

    private static final int VIOLIN_ALPHA = 80;
    private static final int DENSITY_POINTS = 96;
    static final String KEY = "violin: density of runs \u00b7 box: middle half, line at the median \u00b7 "
        + "\u25c6 mean \u00b7 whiskers: furthest run within 1.5 box lengths \u00b7 dots: runs beyond";

    private final BoxPlot plot;
    private final List<Distribution> lanes = new ArrayList<>();
    private final double lo;
    private final double hi;
    private final ColorScale axis;

    BoxPlotPainter(BoxPlot plot, float scale) {
        super(scale);
        this.plot = plot;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (BoxPlot.Group group : plot.groups()) {
            Distribution d = new Distribution(group.raw(), plot.logX());
            lanes.add(d);
            if (d.count > 0) {
                min = Math.min(min, d.min);
                max = Math.max(max, d.max);
            }
        }
        // a little room at both ends so the extreme runs' dots are not cut by the frame
        if (!(min <= max)) {
            lo = hi = Double.NaN;
        } else if (plot.logX()) {
            double a = Math.log10(min);
            double b = Math.log10(max);
            double pad = Math.max(b - a, 0.2) * 0.04;
            lo = Math.pow(10, a - pad);
            hi = Math.pow(10, b + pad);
        } else {
            double pad = max > min ? (max - min) * 0.04 : Math.max(Math.abs(max) * 0.1, 1);
            lo = min - pad;
            hi = max + pad;
        }
        ColorScale.Builder range = new ColorScale.Builder(plot.logX());
        range.add(lo);
        range.add(hi);
        axis = range.build();
    }

    /** Height the figure needs for its lanes at the given width, at least {@code minimum}. */
    static int height(BoxPlot plot, int width, int minimum) {
        float scale = width / (float) ChartRenderer.DEFAULT_WIDTH;
        int needed = Math.round((190 + MIN_LANE * plot.groups().size()) * scale);
        return Math.max(minimum, needed);
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        clear(g, width, height);
        int pad = px(16);
        int top = pad + Titles.paint(g, plot.title(), width, pad, s) + px(14);

        Font labelFont = font(Font.PLAIN, 15);
        FontMetrics labelMetrics = g.getFontMetrics(labelFont);
        Font tickFont = font(Font.PLAIN, 15);
        FontMetrics tickMetrics = g.getFontMetrics(tickFont);
        Font axisFont = font(Font.PLAIN, 18);
        FontMetrics axisMetrics = g.getFontMetrics(axisFont);
        Font keyFont = font(Font.PLAIN, 13);
        FontMetrics keyMetrics = g.getFontMetrics(keyFont);

        int labelWidth = 0;
        for (int i = 0; i < lanes.size(); i++) {
            labelWidth = Math.max(labelWidth, labelMetrics.stringWidth(laneLabel(i)));
        }
        int maxLabelWidth = (int) (width * 0.38);
        labelWidth = Math.min(labelWidth, maxLabelWidth);
        double left = pad + labelWidth + px(12);
        double right = width - pad - px(10);
        double bottom = height - pad - keyMetrics.getHeight() - px(10) - axisMetrics.getHeight() - px(8)
            - tickMetrics.getHeight() - px(6);

        g.setColor(FRAME);
        g.setStroke(new BasicStroke(Math.max(1f, s)));
        if (plot.groups().isEmpty() || Double.isNaN(lo)) {
            g.draw(new Rectangle2D.Double(left, top, right - left, bottom - top));
            g.setFont(font(Font.ITALIC, 20));
            g.setColor(Palette.NEUTRAL);
            drawCentered(g, "no data", (left + right) / 2, (top + bottom) / 2);
        } else {
            paintGrid(g, tickFont, left, right, top, bottom);
            double lane = (bottom - top) / lanes.size();
            for (int i = 0; i < lanes.size(); i++) {
                double center = top + lane * (i + 0.5);
                paintLane(g, i, center, lane, left, right);
                g.setFont(labelFont);
                g.setColor(TEXT);
                String label = fit(labelMetrics, laneLabel(i), maxLabelWidth);
                g.drawString(label, (float) (left - px(12) - labelMetrics.stringWidth(label)),
                    (float) (center + (labelMetrics.getAscent() - labelMetrics.getDescent()) / 2.0));
            }
            g.setColor(FRAME);
            g.setStroke(new BasicStroke(Math.max(1f, s)));
            g.draw(new Rectangle2D.Double(left, top, right - left, bottom - top));
        }
        g.setFont(axisFont);
        g.setColor(TEXT);
        double axisBaseline = bottom + px(6) + tickMetrics.getHeight() + px(8) + axisMetrics.getAscent();
        drawCentered(g, plot.valueLabel(), (left + right) / 2, axisBaseline);
        g.setFont(keyFont);
        g.setColor(MUTED);
        String key = fit(keyMetrics, KEY, width - 2 * pad);
        drawCentered(g, key, width / 2.0, height - pad - keyMetrics.getDescent());
    }

    private String laneLabel(int i) {
        BoxPlot.Group group = plot.groups().get(i);
        int dropped = lanes.get(i).dropped;
        if (dropped == 0) {
            return group.label();
        }
        String why = plot.logX() ? " \u2264 0 or NaN" : " NaN";
        return group.label() + " (" + dropped + why + " not shown)";
    }

    private void paintGrid(Graphics2D g, Font tickFont, double left, double right, double top, double bottom) {
        paintValueGrid(g, axis, tickFont, left, right, top, bottom);
    }

    private double x(double v, double left, double right) {
        return left + axis.fraction(v) * (right - left);
    }

    private void paintLane(Graphics2D g, int i, double center, double lane, double left, double right) {
        Distribution d = lanes.get(i);
        Color color = Palette.color(plot.groups().get(i).colorIndex());
        if (d.count == 0) {
            g.setFont(font(Font.ITALIC, 14));
            g.setColor(Palette.NEUTRAL);
            drawCentered(g, "no values", (left + right) / 2, center + px(5));
            return;
        }
        double halfViolin = lane * 0.44;
        if (d.hasDensity()) {
            double[][] curve = d.density(DENSITY_POINTS);
            double peak = 0;
            for (double v : curve[1]) {
                peak = Math.max(peak, v);
            }
            Path2D.Double violin = new Path2D.Double();
            for (int k = 0; k < curve[0].length; k++) {
                double px = x(curve[0][k], left, right);
                double py = center - halfViolin * curve[1][k] / peak;
                if (k == 0) {
                    violin.moveTo(px, py);
                } else {
                    violin.lineTo(px, py);
                }
            }
            for (int k = curve[0].length - 1; k >= 0; k--) {
                violin.lineTo(x(curve[0][k], left, right), center + halfViolin * curve[1][k] / peak);
            }
            violin.closePath();
            g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), VIOLIN_ALPHA));
            g.fill(violin);
            g.setColor(color);
            g.setStroke(new BasicStroke(Math.max(1f, 1.2f * s)));
            g.draw(violin);
        }
        double halfBox = Math.max(px(3), lane * 0.13);
        BasicStroke line = new BasicStroke(Math.max(1f, 1.6f * s));
        g.setStroke(line);
        g.setColor(TEXT);
        double xq1 = x(d.q1, left, right);
        double xq3 = x(d.q3, left, right);
        g.draw(new Line2D.Double(x(d.whiskerLow, left, right), center, xq1, center));
        g.draw(new Line2D.Double(xq3, center, x(d.whiskerHigh, left, right), center));
        for (double w : new double[] {d.whiskerLow, d.whiskerHigh}) {
            double xw = x(w, left, right);
            g.draw(new Line2D.Double(xw, center - halfBox * 0.6, xw, center + halfBox * 0.6));
        }
        Rectangle2D.Double box = new Rectangle2D.Double(xq1, center - halfBox, Math.max(xq3 - xq1, 1), 2 * halfBox);
        g.setColor(Color.WHITE);
        g.fill(box);
        g.setColor(TEXT);
        g.draw(box);
        g.setStroke(new BasicStroke(Math.max(2f, 3f * s)));
        double xm = x(d.median, left, right);
        g.draw(new Line2D.Double(xm, center - halfBox, xm, center + halfBox));
        double r = Math.max(px(2.5), Math.min(px(4), lane * 0.08));
        g.setStroke(new BasicStroke(Math.max(1f, s)));
        for (double v : d.outliers) {
            Ellipse2D.Double dot = new Ellipse2D.Double(x(v, left, right) - r, center - r, 2 * r, 2 * r);
            g.setColor(color);
            g.draw(dot);
        }
        double dm = Math.max(px(4), Math.min(px(7), halfBox));
        double xmean = x(d.mean, left, right);
        Path2D.Double diamond = new Path2D.Double();
        diamond.moveTo(xmean, center - dm);
        diamond.lineTo(xmean + dm, center);
        diamond.lineTo(xmean, center + dm);
        diamond.lineTo(xmean - dm, center);
        diamond.closePath();
        g.setColor(color);
        g.fill(diamond);
        g.setColor(TEXT);
        g.draw(diamond);
    }

    /** The text, cut with an ellipsis if it is wider than {@code max} pixels. */
    static String fit(FontMetrics m, String text, int max) {
        if (m.stringWidth(text) <= max) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && m.stringWidth(cut + "\u2026") > max) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "\u2026";
    }

    /** Words for the SVG's description element. */
    String describe() {
        StringBuilder b = new StringBuilder("Violin and box plot, one lane per group. Value axis: ")
            .append(plot.valueLabel()).append(plot.logX() ? " (log scale)" : "").append(". ");
        for (int i = 0; i < lanes.size(); i++) {
            Distribution d = lanes.get(i);
            b.append(plot.groups().get(i).label()).append(": ");
            if (d.count == 0) {
                b.append("no values. ");
            } else {
                b.append(String.format(Locale.ROOT, "n %d, median %s, quartiles %s to %s, mean %s. ",
                    d.count, TickFormat.format(d.median), TickFormat.format(d.q1), TickFormat.format(d.q3),
                    TickFormat.format(d.mean)));
            }
        }
        return b.toString().strip();
    }
}
