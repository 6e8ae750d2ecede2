package kelvin.plots;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.XYStyler;

/**
 * An XChart line chart whose axes may carry explicit {@link Ticks}, which it draws itself.
 *
 * <p><b>Implementation note.</b> XChart 3.8.8 chooses tick positions inside its axis code and has
 * no way to set them. Its label hooks ({@code setxAxisTickLabelsFormattingFunction} on the styler,
 * {@code setCustomXAxisTickLabelsFormatter} on the chart, and the same for y) only relabel, and they
 * switch the axis to XChart's linear tick calculator even on a log axis: a log axis from 1/128 to 4
 * came out labelled 0, 0.5, 1, ..., 4 at evenly spaced pixels, each label at the wrong place. So:
 * <ol>
 *   <li>XChart still lays the chart out (titles, legend, plot rectangle), but with placeholder tick
 *       labels on an axis with explicit ticks: as wide as the widest real label on the y axis, as
 *       tall as the tallest on the x axis, and fully transparent. The formatting function gives
 *       every tick the placeholder followed by whitespace that encodes the tick's value: XChart
 *       measures labels by their visible outline, so the whitespace adds no size, and it makes the
 *       labels distinct, which XChart requires (it drops repeated labels). XChart's own tick marks
 *       and grid lines on that axis are hidden too.
 *   <li>A first paint into a 1 x 1 image settles the layout: the plot rectangle, and the mapping
 *       from data to pixels that XChart uses for the series (log or linear).
 *   <li>The real paint draws the white chart and plot backgrounds and the grid lines at the ticks,
 *       then XChart's chart over them on transparent backgrounds (so the grid stays under the
 *       data, as XChart's own grid does), then the axis line, tick marks and labels where XChart
 *       would put its own (to within a pixel).
 * </ol>
 * Text is drawn as glyph outlines, as XChart draws it, with the whole-pixel font metrics XChart
 * measures with. Fully transparent shapes are dropped from SVG output (see {@link Encoders}), so
 * the placeholders leave no trace in the file.
 */
final class ExplicitTicksChart extends XYChart {

    private static final Color CLEAR = new Color(0, 0, 0, 0);

    /** Behind an edge note: white, slightly see-through so a line under the note still shows. */
    private static final Color NOTE_BOX = new Color(255, 255, 255, 225);

    /** XChart's text metrics: anti-aliased, whole-pixel advances. */
    private static final FontRenderContext METRICS = new FontRenderContext(null, true, false);

    /** Labels closer than this many font sizes apart are thinned out (x: side by side; y: stacked). */
    private static final double X_GAP = 0.6;
    private static final double Y_GAP = 0.25;

    private Ticks xTicks;
    private Ticks yTicks;
    private Color chartBackground;
    private Color plotBackground;
    private Color xLabelColor;
    private Color yLabelColor;
    private Color xMarkColor;
    private Color yMarkColor;
    private boolean xGrid;
    private boolean yGrid;
    private String belowNote = "";
    private String aboveNote = "";
    private Font noteFont;

    ExplicitTicksChart(int width, int height) {
        super(width, height);
    }

    /**
     * Replaces the automatic ticks of either axis. Call after styling and after adding every series.
     * Ticks a log axis cannot show (zero or negative) are left out; an axis left without ticks keeps
     * its automatic ones.
     *
     * @param x x axis ticks, or null
     * @param y y axis ticks, or null
     * @param range {xMin, xMax, yMin, yMax} of everything drawn
     */
    void useTicks(Ticks x, Ticks y, double[] range) {
        XYStyler s = getStyler();
        xTicks = drawable(x, s.isXAxisLogarithmic());
        yTicks = drawable(y, s.isYAxisLogarithmic());
        if (xTicks == null && yTicks == null) {
            return;
        }
        chartBackground = s.getChartBackgroundColor();
        plotBackground = s.getPlotBackgroundColor();
        s.setChartBackgroundColor(CLEAR);
        s.setPlotBackgroundColor(CLEAR);
        Font font = s.getAxisTickLabelsFont();
        if (xTicks != null) {
            s.setXAxisMin(Math.min(range[0], xTicks.valueAt(0)));
            s.setXAxisMax(Math.max(range[1], xTicks.valueAt(xTicks.size() - 1)));
            s.setxAxisTickLabelsFormattingFunction(placeholder(tallest(xTicks, font)));
            xLabelColor = s.getXAxisTickLabelsColor();
            xMarkColor = s.getXAxisTickMarksColor();
            s.setXAxisTickLabelsColor(CLEAR);
            s.setXAxisTickMarksColor(CLEAR);
            xGrid = s.isPlotGridVerticalLinesVisible();
            s.setPlotGridVerticalLinesVisible(false);
        }
        if (yTicks != null) {
            s.setYAxisMin(Math.min(range[2], yTicks.valueAt(0)));
            s.setYAxisMax(Math.max(range[3], yTicks.valueAt(yTicks.size() - 1)));
            s.setyAxisTickLabelsFormattingFunction(placeholder(widest(yTicks, font)));
            yLabelColor = s.getYAxisTickLabelsColor();
            yMarkColor = s.getYAxisTickMarksColor();
            s.setYAxisTickLabelsColor(CLEAR);
            s.setYAxisTickMarksColor(CLEAR);
            yGrid = s.isPlotGridHorizontalLinesVisible();
            s.setPlotGridHorizontalLinesVisible(false);
        }
    }

    /**
     * Notes written inside the plot, right-aligned at its bottom and top edges, over a light box so
     * that lines passing under them stay readable around the text.
     *
     * @param below the note at the bottom edge; empty for none
     * @param above the note at the top edge; empty for none
     * @param font the notes' font
     */
    void useEdgeNotes(String below, String above, Font font) {
        belowNote = below;
        aboveNote = above;
        noteFont = font;
    }

    /** The explicit x ticks in use, or null; for tests. */
    Ticks xTicks() {
        return xTicks;
    }

    /** The explicit y ticks in use, or null; for tests. */
    Ticks yTicks() {
        return yTicks;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        if (xTicks == null && yTicks == null) {
            super.paint(g, width, height);
            paintEdgeNotes(g, plot.getBounds().getBounds2D());
            return;
        }
        layOut(g, width, height);
        Rectangle2D area = plot.getBounds().getBounds2D();
        g.setColor(chartBackground);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        g.setColor(plotBackground);
        g.fill(area);
        paintGrid(g, area);
        super.paint(g, width, height);
        if (getStyler().getAntiAlias()) {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        }
        area = plot.getBounds().getBounds2D();
        if (xTicks != null) {
            paintXAxis(g, area);
        }
        if (yTicks != null) {
            paintYAxis(g, area);
        }
        paintEdgeNotes(g, area);
    }

    private void paintEdgeNotes(Graphics2D g, Rectangle2D area) {
        if (belowNote.isEmpty() && aboveNote.isEmpty()) {
            return;
        }
        double inset = noteFont.getSize2D() * 0.5;
        if (!aboveNote.isEmpty()) {
            TextLayout text = new TextLayout(aboveNote, noteFont, METRICS);
            paintNote(g, text, area.getMaxX() - inset - text.getAdvance(), area.getMinY() + inset + text.getAscent());
        }
        if (!belowNote.isEmpty()) {
            TextLayout text = new TextLayout(belowNote, noteFont, METRICS);
            paintNote(g, text, area.getMaxX() - inset - text.getAdvance(), area.getMaxY() - inset - text.getDescent());
        }
    }

    private static void paintNote(Graphics2D g, TextLayout text, double x, double baseline) {
        double pad = text.getAscent() * 0.25;
        g.setColor(NOTE_BOX);
        g.fill(new Rectangle2D.Double(x - pad, baseline - text.getAscent() - pad, text.getAdvance() + 2 * pad,
                text.getAscent() + text.getDescent() + 2 * pad));
        g.setColor(Palette.NEUTRAL);
        fillText(g, text, x, baseline);
    }

    /** Paints once where nothing is seen, so that the plot rectangle and axis mapping are known. */
    private void layOut(Graphics2D like, int width, int height) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            g.setRenderingHints(like.getRenderingHints());
            super.paint(g, width, height);
        } finally {
            g.dispose();
        }
    }

    private void paintGrid(Graphics2D g, Rectangle2D area) {
        XYStyler s = getStyler();
        g.setColor(s.getPlotGridLinesColor());
        g.setStroke(s.getPlotGridLinesStroke());
        if (xTicks != null && xGrid) {
            for (int i = 0; i < xTicks.size(); i++) {
                double sx = getScreenXFromChart(xTicks.valueAt(i));
                g.draw(new Line2D.Double(sx, area.getMinY(), sx, area.getMaxY()));
            }
        }
        if (yTicks != null && yGrid) {
            for (int i = 0; i < yTicks.size(); i++) {
                double sy = getScreenYFromChart(yTicks.valueAt(i));
                g.draw(new Line2D.Double(area.getMinX(), sy, area.getMaxX(), sy));
            }
        }
    }

    /** Axis line, marks and labels below the plot, where XChart draws its own. */
    private void paintXAxis(Graphics2D g, Rectangle2D area) {
        XYStyler s = getStyler();
        double lineY = crisp(area.getMaxY() + s.getPlotMargin());
        int mark = s.getAxisTickMarkLength();
        double[] sx = new double[xTicks.size()];
        for (int i = 0; i < sx.length; i++) {
            sx[i] = getScreenXFromChart(xTicks.valueAt(i));
        }
        g.setColor(xMarkColor);
        g.setStroke(s.getAxisTickMarksStroke());
        if (s.isAxisTicksLineVisible()) {
            g.draw(new Line2D.Double(area.getMinX(), lineY, area.getMaxX(), lineY));
        }
        if (s.isAxisTicksMarksVisible()) {
            for (double x : sx) {
                g.draw(new Line2D.Double(crisp(x), lineY, crisp(x), lineY + mark));
            }
        }
        Font font = s.getAxisTickLabelsFont();
        TextLayout[] text = layouts(xTicks, font);
        double ascent = 0;
        double[] left = new double[sx.length];
        double[] right = new double[sx.length];
        for (int i = 0; i < sx.length; i++) {
            if (text[i] != null) {
                Rectangle2D b = text[i].getBounds();
                ascent = Math.max(ascent, -b.getY());
                left[i] = sx[i] - b.getWidth() / 2;
                right[i] = sx[i] + b.getWidth() / 2;
            }
        }
        int stride = stride(text, i -> left[i], i -> right[i], X_GAP * font.getSize2D());
        double baseline = lineY + mark + s.getAxisTickPadding() + ascent;
        g.setColor(xLabelColor);
        for (int i = 0; i < sx.length; i += stride) {
            if (text[i] != null) {
                Rectangle2D b = text[i].getBounds();
                fillText(g, text[i], left[i] - b.getX(), baseline);
            }
        }
    }

    /** Axis line, marks and labels left of the plot, right-aligned, where XChart draws its own. */
    private void paintYAxis(Graphics2D g, Rectangle2D area) {
        XYStyler s = getStyler();
        double lineX = crisp(area.getMinX() - s.getPlotMargin());
        int mark = s.getAxisTickMarkLength();
        double[] sy = new double[yTicks.size()];
        for (int i = 0; i < sy.length; i++) {
            sy[i] = getScreenYFromChart(yTicks.valueAt(i));
        }
        g.setColor(yMarkColor);
        g.setStroke(s.getAxisTickMarksStroke());
        if (s.isAxisTicksLineVisible()) {
            g.draw(new Line2D.Double(lineX, area.getMinY(), lineX, area.getMaxY()));
        }
        if (s.isAxisTicksMarksVisible()) {
            for (double y : sy) {
                g.draw(new Line2D.Double(lineX - mark, crisp(y), lineX, crisp(y)));
            }
        }
        Font font = s.getAxisTickLabelsFont();
        TextLayout[] text = layouts(yTicks, font);
        // screen y grows downwards while tick values grow, so "low" and "high" swap
        double[] top = new double[sy.length];
        double[] bottom = new double[sy.length];
        for (int i = 0; i < sy.length; i++) {
            if (text[i] != null) {
                double h = text[i].getBounds().getHeight();
                top[i] = -(sy[i] - h / 2);
                bottom[i] = -(sy[i] + h / 2);
            }
        }
        int stride = stride(text, i -> bottom[i], i -> top[i], Y_GAP * font.getSize2D());
        double rightEdge = lineX - mark - s.getAxisTickPadding();
        g.setColor(yLabelColor);
        for (int i = 0; i < sy.length; i += stride) {
            if (text[i] != null) {
                Rectangle2D b = text[i].getBounds();
                // right-align the visible outline and centre it on the tick
                fillText(g, text[i], rightEdge - b.getMaxX(), sy[i] - b.getCenterY());
            }
        }
    }

    /**
     * The smallest k such that labels 0, k, 2k, ... do not overlap, where label i spans
     * [from(i), to(i)] along the axis and two labels need {@code gap} between them.
     */
    static int stride(TextLayout[] text, IntToDoubleFunction from, IntToDoubleFunction to, double gap) {
        for (int k = 1; k < text.length; k++) {
            if (fits(text, k, from, to, gap)) {
                return k;
            }
        }
        return Math.max(1, text.length);
    }

    private static boolean fits(TextLayout[] text, int k, IntToDoubleFunction from, IntToDoubleFunction to,
                                double gap) {
        double end = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < text.length; i += k) {
            if (text[i] != null) {
                if (from.applyAsDouble(i) < end + gap) {
                    return false;
                }
                end = to.applyAsDouble(i);
            }
        }
        return true;
    }

    /**
     * The nearest pixel centre: a one-pixel line there covers one pixel row or column fully,
     * where one on a pixel edge would smear over two at half strength, too faint for a 3 px mark.
     */
    private static double crisp(double coordinate) {
        return Math.floor(coordinate) + 0.5;
    }

    private static void fillText(Graphics2D g, TextLayout text, double x, double baseline) {
        g.fill(text.getOutline(AffineTransform.getTranslateInstance(x, baseline)));
    }

    /** One layout per label; null for an empty label, which has nothing to draw or measure. */
    private static TextLayout[] layouts(Ticks ticks, Font font) {
        TextLayout[] out = new TextLayout[ticks.size()];
        for (int i = 0; i < out.length; i++) {
            String label = ticks.labelAt(i);
            out[i] = label.isEmpty() ? null : new TextLayout(label, font, METRICS);
        }
        return out;
    }

    /** The label with the widest outline, which sets the width XChart keeps for y labels. */
    static String widest(Ticks ticks, Font font) {
        String best = "";
        double width = -1;
        for (int i = 0; i < ticks.size(); i++) {
            String label = ticks.labelAt(i);
            if (!label.isBlank()) {
                double w = new TextLayout(label, font, METRICS).getBounds().getWidth();
                if (w > width) {
                    width = w;
                    best = label;
                }
            }
        }
        return best;
    }

    /**
     * The characters reaching highest and lowest in any label: a short text as tall as the
     * tallest label, which sets the height XChart keeps for x labels. Short, because XChart thins
     * out x labels that it thinks are too wide for their spacing, and might keep none.
     */
    static String tallest(Ticks ticks, Font font) {
        String high = "";
        String low = "";
        double top = Double.POSITIVE_INFINITY;
        double bottom = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ticks.size(); i++) {
            String label = ticks.labelAt(i);
            for (int j = 0; j < label.length(); j = label.offsetByCodePoints(j, 1)) {
                String c = new String(Character.toChars(label.codePointAt(j)));
                if (c.isBlank()) {
                    continue;
                }
                Rectangle2D b = new TextLayout(c, font, METRICS).getBounds();
                if (b.getMinY() < top) {
                    top = b.getMinY();
                    high = c;
                }
                if (b.getMaxY() > bottom) {
                    bottom = b.getMaxY();
                    low = c;
                }
            }
        }
        return high.equals(low) ? high : high + low;
    }

    /**
     * The formatting function that makes XChart reserve room for {@code text} at every tick: the
     * text followed by whitespace spelling the tick value's bits, so no two values share a label.
     */
    static Function<Double, String> placeholder(String text) {
        return value -> {
            String bits = Long.toBinaryString(Double.doubleToLongBits(value));
            return text + " " + bits.replace('0', ' ').replace('1', '\u00A0');
        };
    }

    private static Ticks drawable(Ticks ticks, boolean log) {
        if (ticks == null || !log || ticks.valueAt(0) > 0) {
            return ticks;
        }
        int first = 0;
        while (first < ticks.size() && !(ticks.valueAt(first) > 0)) {
            first++;
        }
        if (first == ticks.size()) {
            return null;
        }
        double[] v = Arrays.copyOfRange(ticks.values(), first, ticks.size());
        String[] l = Arrays.copyOfRange(ticks.labels(), first, ticks.size());
        return Ticks.of(v, l);
    }
}
