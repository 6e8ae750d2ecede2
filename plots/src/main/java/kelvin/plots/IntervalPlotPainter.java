package kelvin.plots;

import static kelvin.plots.Palette.FRAME;
import static kelvin.plots.Palette.MUTED;
import static kelvin.plots.Palette.TEXT;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Draws an {@link IntervalPlot}: row labels, then one framed panel per statistic with its own axis. */
final class IntervalPlotPainter extends Painter {

    /** Opacity (of 255) of the interval bars: the grid shows through, the colour still reads. */
    static final int BAR_ALPHA = 120;

    private final IntervalPlot plot;
    private final List<ColorScale> axes = new ArrayList<>();

    IntervalPlotPainter(IntervalPlot plot, float scale) {
        super(scale);
        this.plot = plot;
        for (IntervalPlot.Panel p : plot.panels()) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < plot.rows().size(); i++) {
                for (double v : new double[] {p.estimate(i), p.low(i), p.high(i)}) {
                    if (Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
            // room at both ends so no bar touches the frame; a panel of one value gets a unit-wide span
            double pad = max > min ? (max - min) * 0.08 : Math.max(Math.abs(max) * 0.1, 0.05);
            ColorScale.Builder range = new ColorScale.Builder(false);
            range.add(min - pad);
            range.add(max + pad);
            axes.add(range.build());
        }
    }

    /** Height the figure needs at the given width: a fixed frame and 60 px per row at the default width. */
    static int height(IntervalPlot plot, int width) {
        float scale = width / (float) ChartRenderer.DEFAULT_WIDTH;
        return Math.max(300, Math.round((220 + 60 * plot.rows().size()) * scale));
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        clear(g, width, height);
        int pad = px(16);
        int top = pad + Titles.paint(g, plot.title(), width, pad, s) + px(12);

        Font labelFont = font(Font.PLAIN, 16);
        FontMetrics labelMetrics = g.getFontMetrics(labelFont);
        Font panelFont = font(Font.BOLD, 17);
        FontMetrics panelMetrics = g.getFontMetrics(panelFont);
        Font tickFont = font(Font.PLAIN, 14);
        FontMetrics tickMetrics = g.getFontMetrics(tickFont);
        Font axisFont = font(Font.PLAIN, 16);
        FontMetrics axisMetrics = g.getFontMetrics(axisFont);
        Font keyFont = font(Font.PLAIN, 13);
        FontMetrics keyMetrics = g.getFontMetrics(keyFont);

        int maxLabelWidth = (int) (width * 0.3);
        int labelWidth = 0;
        for (IntervalPlot.Row row : plot.rows()) {
            labelWidth = Math.max(labelWidth, Math.min(maxLabelWidth, labelMetrics.stringWidth(row.label())));
        }
        double left = pad + labelWidth + px(14);
        double right = width - pad - px(10);
        double panelTop = top + panelMetrics.getHeight() + px(6);
        double keyHeight = plot.key().isEmpty() ? 0 : keyMetrics.getHeight() + px(10);
        double bottom = height - pad - keyHeight - axisMetrics.getHeight() - px(8) - tickMetrics.getHeight() - px(6);
        int panels = plot.panels().size();
        if (panels == 0 || plot.rows().isEmpty()) {
            g.setColor(FRAME);
            g.draw(new Rectangle2D.Double(left, panelTop, right - left, bottom - panelTop));
            g.setFont(font(Font.ITALIC, 20));
            g.setColor(Palette.NEUTRAL);
            drawCentered(g, "no data", (left + right) / 2, (panelTop + bottom) / 2);
            return;
        }
        double gap = px(30);
        double panelWidth = (right - left - gap * (panels - 1)) / panels;
        double lane = (bottom - panelTop) / plot.rows().size();

        g.setFont(labelFont);
        g.setColor(TEXT);
        for (int i = 0; i < plot.rows().size(); i++) {
            String label = BoxPlotPainter.fit(labelMetrics, plot.rows().get(i).label(), maxLabelWidth);
            double center = panelTop + lane * (i + 0.5);
            g.drawString(label, (float) (left - px(14) - labelMetrics.stringWidth(label)),
                (float) (center + (labelMetrics.getAscent() - labelMetrics.getDescent()) / 2.0));
        }
        for (int k = 0; k < panels; k++) {
            IntervalPlot.Panel panel = plot.panels().get(k);
            ColorScale axis = axes.get(k);
            double x0 = left + k * (panelWidth + gap);
            double x1 = x0 + panelWidth;
            paintValueGrid(g, axis, tickFont, x0, x1, panelTop, bottom);
            for (int i = 0; i < plot.rows().size(); i++) {
                paintRow(g, panel, axis, i, panelTop + lane * (i + 0.5), lane, x0, x1);
            }
            g.setColor(FRAME);
            g.setStroke(new BasicStroke(Math.max(1f, s)));
            g.draw(new Rectangle2D.Double(x0, panelTop, x1 - x0, bottom - panelTop));
            g.setFont(panelFont);
            g.setColor(TEXT);
            drawCentered(g, BoxPlotPainter.fit(panelMetrics, panel.title(), (int) panelWidth), (x0 + x1) / 2,
                panelTop - px(6) - panelMetrics.getDescent());
            g.setFont(axisFont);
            drawCentered(g, BoxPlotPainter.fit(axisMetrics, panel.axisLabel(), (int) panelWidth), (x0 + x1) / 2,
                bottom + px(6) + tickMetrics.getHeight() + px(8) + axisMetrics.getAscent());
        }
        if (!plot.key().isEmpty()) {
            g.setFont(keyFont);
            g.setColor(MUTED);
            drawCentered(g, BoxPlotPainter.fit(keyMetrics, plot.key(), width - 2 * pad), width / 2.0,
                height - pad - keyMetrics.getDescent());
        }
    }

    private void paintRow(Graphics2D g, IntervalPlot.Panel panel, ColorScale axis, int i, double center, double lane,
            double x0, double x1) {
        double estimate = panel.estimate(i);
        if (!Double.isFinite(estimate)) {
            return;
        }
        Color color = Palette.color(plot.rows().get(i).colorIndex());
        double half = Math.min(lane * 0.3, px(16));
        double low = panel.low(i);
        double high = panel.high(i);
        if (Double.isFinite(low) && Double.isFinite(high)) {
            double xl = x0 + axis.fraction(low) * (x1 - x0);
            double xh = x0 + axis.fraction(high) * (x1 - x0);
            Rectangle2D.Double bar = new Rectangle2D.Double(xl, center - half, Math.max(xh - xl, 1), 2 * half);
            g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), BAR_ALPHA));
            g.fill(bar);
            g.setColor(color);
            g.setStroke(new BasicStroke(Math.max(1f, 1.2f * s)));
            g.draw(bar);
        }
        double xe = x0 + axis.fraction(estimate) * (x1 - x0);
        g.setColor(TEXT);
        g.setStroke(new BasicStroke(Math.max(2f, 3f * s)));
        g.draw(new Line2D.Double(xe, center - half - px(3), xe, center + half + px(3)));
    }

    /** Words for the SVG's description element: every row's estimate and interval in every panel. */
    String describe() {
        StringBuilder b = new StringBuilder("Interval estimates, one row per item, one panel per statistic. ");
        for (IntervalPlot.Panel p : plot.panels()) {
            b.append(p.title()).append(" (").append(p.axisLabel()).append("): ");
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < plot.rows().size(); i++) {
                parts.add(String.format(Locale.ROOT, "%s %s [%s, %s]", plot.rows().get(i).label(),
                    TickFormat.format(p.estimate(i)), TickFormat.format(p.low(i)), TickFormat.format(p.high(i))));
            }
            b.append(String.join("; ", parts)).append(". ");
        }
        return b.toString().strip();
    }
}
