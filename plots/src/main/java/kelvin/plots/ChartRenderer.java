package kelvin.plots;

import static kelvin.plots.Palette.FRAME;
import static kelvin.plots.Palette.GRID;
import static kelvin.plots.Palette.TEXT;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Renders {@link LineChart}s, {@link Heatmap}s, {@link BoxPlot}s, {@link IntervalPlot}s and {@link GridMap}s to
 * PNG and SVG bytes, line charts with XChart.
 *
 * <p>The caller writes the bytes (atomically, as the results folder requires); nothing here touches
 * the file system or needs a display. Figures are {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT}
 * pixels unless another size is given (grid maps take their height from the grid, see
 * {@link #png(GridMap)}); fonts and strokes scale with the width so a smaller figure keeps its
 * proportions.
 *
 * <p>Drawing rules, chosen for dense learning curves compared side by side:
 * <ul>
 *   <li>bands are filled translucently in their series' colour, and all bands are drawn before all
 *       lines, so every line stays on top of every band;
 *   <li>the legend sits outside the plot, on the right, so it never covers data; labels longer
 *       than about {@value AxisStyle#LEGEND_WRAP} characters wrap onto several lines;
 *   <li>series with more than {@value #MARKERS_UP_TO} points are plain lines; sparser ones (such as
 *       a sensitivity sweep over five parameter values) also get markers, and a single point is
 *       drawn as a marker alone;
 *   <li>linear tick labels get as many decimals as the tick step needs and always a leading zero;
 *       log axes label powers of ten, and also 2..9 times them when the axis spans one decade or
 *       less; output does not depend on the default locale;
 *   <li>an axis with explicit {@link Ticks} shows exactly those ticks, labels and grid lines (see
 *       {@link ExplicitTicksChart} for how, since XChart cannot place ticks itself);
 *   <li>a title too long for the figure is set in a smaller font, down to 14 px at the default
 *       width, rather than cut off;
 *   <li>lines past the palette's size get a different dash pattern and, where sparse, a different
 *       marker (see {@link Palette});
 *   <li>with more than four confidence bands each gets lighter, so that stacked bands stay
 *       see-through.
 * </ul>
 *
 * <p>The SVG holds the chart's title, axis labels, explicit tick labels and series labels in its
 * {@code <title>} and {@code <desc>} elements, since XChart draws text as outlines. The same chart always gives the
 * same PNG and SVG bytes.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ChartRenderer {

    /** Default width in pixels. */
    public static final int DEFAULT_WIDTH = 1200;

    /** Default height in pixels. */
    public static final int DEFAULT_HEIGHT = 700;

    /** Series with at most this many drawable points get markers. */
    static final int MARKERS_UP_TO = 30;

    /**
     * Band fill opacity (of 255) with up to {@link #BANDS_AT_FULL_ALPHA} bands: dark enough to see
     * overlapping bands, light enough to read lines.
     */
    static final int BAND_ALPHA = 56;

    /** Above this many bands their opacity falls in proportion, so that stacked bands stay see-through. */
    static final int BANDS_AT_FULL_ALPHA = 4;

    /** The least band opacity, where a band still shows on white. */
    static final int MIN_BAND_ALPHA = 20;

    /** Dense lines are cut into this many pieces per axis length (see PlotData.densify). */
    private static final int LINE_RESOLUTION = 600;

    /**
     * Points a densified line may add beyond four per original point; a smooth curve needs about
     * two axis lengths' worth, while very noisy data would need far more and is then drawn as
     * given, segment by segment.
     */
    private static final int EXTRA_DENSE_POINTS = 20_000;

    /** Smallest accepted width or height: below it titles and legends no longer fit. */
    private static final int MIN_SIZE = 300;

    private static final String NO_DATA = "no data";

    private final int width;
    private final int height;

    /** A renderer for {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT} pixel figures. */
    public ChartRenderer() {
        this(DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /**
     * A renderer for figures of the given size.
     *
     * @param width width in pixels (SVG: user units), at least 300
     * @param height height in pixels (SVG: user units), at least 300
     * @throws IllegalArgumentException if either size is below 300
     */
    public ChartRenderer(int width, int height) {
        if (width < MIN_SIZE || height < MIN_SIZE) {
            throw new IllegalArgumentException(
                "chart size must be at least " + MIN_SIZE + " x " + MIN_SIZE + ": " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
    }

    /**
     * Renders a chart as a PNG image.
     *
     * @param chart the chart
     * @return PNG bytes
     */
    public byte[] png(LineChart chart) {
        return Encoders.png(build(chart)::paint, width, height, chart.title());
    }

    /**
     * Renders a chart as an SVG document.
     *
     * @param chart the chart
     * @return UTF-8 bytes of a standalone SVG document
     */
    public byte[] svg(LineChart chart) {
        byte[] svg = Encoders.svg(build(chart)::paint, width, height, chart.title());
        return SvgText.finish(svg, chart.title(), describe(chart));
    }

    /**
     * Renders a heatmap as a PNG image.
     *
     * @param map the heatmap
     * @return PNG bytes
     */
    public byte[] png(Heatmap map) {
        return Encoders.png(new HeatmapPainter(map, scale()), width, height, map.title());
    }

    /**
     * Renders a heatmap as an SVG document.
     *
     * @param map the heatmap
     * @return UTF-8 bytes of a standalone SVG document
     */
    public byte[] svg(Heatmap map) {
        String description = "Heatmap of " + map.rows() + " rows by " + map.columns() + " columns; colour: "
            + map.valueLabel() + (map.logScale() ? " (log scale)." : ".");
        byte[] svg = Encoders.svg(new HeatmapPainter(map, scale()), width, height, map.title());
        return SvgText.finish(svg, map.title(), description);
    }

    /**
     * Renders a box plot as a PNG image. The image is as wide as this renderer's width and at
     * least as high as its height; it grows with the number of lanes so each lane keeps about
     * 26 px at the default width.
     *
     * @param plot the box plot
     * @return PNG bytes
     */
    public byte[] png(BoxPlot plot) {
        return Encoders.png(new BoxPlotPainter(plot, scale()), width, BoxPlotPainter.height(plot, width, height),
            plot.title());
    }

    /**
     * Renders a box plot as an SVG document, sized as {@link #png(BoxPlot)}.
     *
     * @param plot the box plot
     * @return UTF-8 bytes of a standalone SVG document
     */
    public byte[] svg(BoxPlot plot) {
        BoxPlotPainter painter = new BoxPlotPainter(plot, scale());
        byte[] svg = Encoders.svg(painter, width, BoxPlotPainter.height(plot, width, height), plot.title());
        return SvgText.finish(svg, plot.title(), painter.describe());
    }

    /**
     * Renders an interval plot as a PNG image. The image is as wide as this renderer's width; its
     * height follows the rows (60 px a row plus a fixed frame at the default width, at least 300),
     * whatever this renderer's height.
     *
     * @param plot the interval plot
     * @return PNG bytes
     */
    public byte[] png(IntervalPlot plot) {
        return Encoders.png(new IntervalPlotPainter(plot, scale()), width, IntervalPlotPainter.height(plot, width),
            plot.title());
    }

    /**
     * Renders an interval plot as an SVG document, sized as {@link #png(IntervalPlot)}.
     *
     * @param plot the interval plot
     * @return UTF-8 bytes of a standalone SVG document
     */
    public byte[] svg(IntervalPlot plot) {
        IntervalPlotPainter painter = new IntervalPlotPainter(plot, scale());
        byte[] svg = Encoders.svg(painter, width, IntervalPlotPainter.height(plot, width), plot.title());
        return SvgText.finish(svg, plot.title(), painter.describe());
    }

    /**
     * Renders a gridworld map as a PNG image. The image is as wide as this renderer's width; its
     * height follows the grid (cells are square, at most 100 px at the default width) and is at
     * most the larger of this renderer's width and height, so a 64 x 64 grid keeps cells of about
     * 14 px at the default size.
     *
     * @param map the map
     * @return PNG bytes
     */
    public byte[] png(GridMap map) {
        GridMapPainter painter = gridPainter(map);
        return Encoders.png(painter, width, painter.height(), map.title());
    }

    /**
     * Renders a gridworld map as an SVG document, sized as {@link #png(GridMap)}.
     *
     * @param map the map
     * @return UTF-8 bytes of a standalone SVG document
     */
    public byte[] svg(GridMap map) {
        GridMapPainter painter = gridPainter(map);
        byte[] svg = Encoders.svg(painter, width, painter.height(), map.title());
        return SvgText.finish(svg, map.title(), painter.describe());
    }

    /** Lays out a map for this renderer's size; package-private so tests can find its cells. */
    GridMapPainter gridPainter(GridMap map) {
        return new GridMapPainter(map, width, Math.max(width, height), scale());
    }

    private static String describe(LineChart chart) {
        List<String> labels = new ArrayList<>();
        for (Series s : chart.series()) {
            if (!s.label().isBlank()) {
                labels.add(s.label());
            }
        }
        return "Line chart. x axis: " + chart.xLabel() + axisNotes(chart.logX(), chart.xTicks()) + ". y axis: "
            + chart.yLabel() + axisNotes(chart.logY(), chart.yTicks()) + ". Series: "
            + (labels.isEmpty() ? "none" : String.join("; ", labels)) + ".";
    }

    /** E.g. " (log scale; ticks 1/4, 1/2, 1, 2)": XChart draws tick labels as outlines, not text. */
    private static String axisNotes(boolean log, Ticks ticks) {
        List<String> notes = new ArrayList<>(2);
        if (log) {
            notes.add("log scale");
        }
        if (ticks != null) {
            List<String> shown = new ArrayList<>(ticks.size());
            for (int i = 0; i < ticks.size(); i++) {
                if (!ticks.labelAt(i).isBlank()) {
                    shown.add(ticks.labelAt(i));
                }
            }
            notes.add("ticks " + String.join(", ", shown));
        }
        return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    }

    /** Builds the XChart model of a chart; package-private so tests can inspect it. */
    ExplicitTicksChart build(LineChart chart) {
        ExplicitTicksChart xy = new ExplicitTicksChart(width, height);
        xy.setTitle(chart.title());
        xy.setXAxisTitle(chart.xLabel());
        xy.setYAxisTitle(chart.yLabel());
        XYStyler styler = xy.getStyler();
        style(styler, chart);

        List<PlotData.Prepared> prepared = PlotData.prepare(chart);
        double[] range = PlotData.range(prepared);
        YRange fixed = chart.yRange();
        if (fixed != null) {
            range[2] = fixed.low();
            range[3] = fixed.high();
        }
        int alpha = bandAlpha((int) prepared.stream().filter(PlotData.Prepared::hasBand).count());
        // XChart paints series in insertion order: every band first, so no band covers a line
        for (int i = 0; i < prepared.size(); i++) {
            PlotData.Prepared p = prepared.get(i);
            if (p.hasBand()) {
                addBand(xy, "band " + i, p, alpha);
            }
        }
        boolean anyLegend = false;
        for (int i = 0; i < prepared.size(); i++) {
            PlotData.Prepared p = prepared.get(i);
            if (p.hasLine()) {
                anyLegend |= addLine(xy, "line " + i, p, chart, range);
            }
        }
        styler.setLegendVisible(anyLegend);
        // XChart centres the title over the plot, which the legend pushes left: fit it beside the legend
        styler.setChartTitleFont(Titles.font(chart.title(), width - 2.0 * px(14) - (anyLegend ? legendWidth(xy) : 0),
            scale()));
        if (xy.getSeriesMap().isEmpty()) {
            addNoDataNote(xy, chart);
            return xy;
        }
        if (chart.logX()) {
            styler.setXAxisLogarithmicDecadeOnly(AxisStyle.decadesOnly(range[0], range[1]));
        } else {
            styler.setXAxisDecimalPattern(AxisStyle.decimalPattern(range[0], range[1]));
            if (chart.xTicks() == null) {
                avoidTicksAtDataPoints(xy, prepared);
            }
        }
        if (chart.logY()) {
            styler.setYAxisLogarithmicDecadeOnly(AxisStyle.decadesOnly(range[2], range[3]));
        } else {
            styler.setYAxisDecimalPattern(AxisStyle.decimalPattern(range[2], range[3]));
        }
        Ticks yTicks = chart.yTicks();
        if (fixed != null) {
            styler.setYAxisMin(fixed.low());
            styler.setYAxisMax(fixed.high());
            yTicks = yTicks == null ? null : yTicks.within(fixed.low(), fixed.high());
            xy.useEdgeNotes(fixed.belowNote(), fixed.aboveNote(), font(Font.ITALIC, 15));
        }
        xy.useTicks(chart.xTicks(), yTicks, range);
        return xy;
    }

    /** About how wide XChart's legend box is: its widest label line, the line sample and paddings. */
    private int legendWidth(XYChart xy) {
        FontRenderContext frc = new FontRenderContext(null, true, false);
        Font legendFont = xy.getStyler().getLegendFont();
        double widest = 0;
        for (XYSeries series : xy.getSeriesMap().values()) {
            if (series.isShowInLegend()) {
                for (String line : series.getLabel().split("\n")) {
                    widest = Math.max(widest, legendFont.getStringBounds(line, frc).getWidth());
                }
            }
        }
        return (int) Math.ceil(widest) + px(36) + px(40);
    }

    private float scale() {
        return width / (float) DEFAULT_WIDTH;
    }

    private int px(float size) {
        return Math.round(size * scale());
    }

    private Font font(int style, float size) {
        return new Font(Font.SANS_SERIF, style, px(size));
    }

    private void style(XYStyler s, LineChart chart) {
        s.setLocale(Locale.ROOT);
        s.setAntiAlias(true);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartFontColor(TEXT);
        s.setAxisTickLabelsColor(TEXT);
        s.setPlotBorderColor(FRAME);
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setAxisTickMarksColor(FRAME);
        s.setChartPadding(px(14));
        s.setChartTitleBoxVisible(false);
        s.setAxisTitleFont(font(Font.PLAIN, 18));
        s.setAxisTickLabelsFont(font(Font.PLAIN, 16));
        s.setAxisTitlePadding(px(10));
        s.setYAxisLabelAlignment(AxesChartStyler.TextAlignment.Right);
        s.setLegendFont(font(Font.PLAIN, 16));
        s.setLegendPosition(LegendPosition.OutsideE);
        s.setLegendBorderColor(FRAME);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setLegendSeriesLineLength(px(36));
        s.setAnnotationTextFont(font(Font.ITALIC, 20));
        s.setAnnotationTextFontColor(Palette.NEUTRAL);
        s.setMarkerSize(px(8));
        s.setXAxisLogarithmic(chart.logX());
        s.setYAxisLogarithmic(chart.logY());
        s.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setToolTipsEnabled(false);
    }

    /**
     * The opacity of each of {@code bands} bands: {@link #BAND_ALPHA} up to
     * {@link #BANDS_AT_FULL_ALPHA} bands, then falling so the total ink stays about the same.
     */
    static int bandAlpha(int bands) {
        if (bands <= BANDS_AT_FULL_ALPHA) {
            return BAND_ALPHA;
        }
        return Math.max(MIN_BAND_ALPHA, BAND_ALPHA * BANDS_AT_FULL_ALPHA / bands);
    }

    private static void addBand(XYChart xy, String name, PlotData.Prepared p, int alpha) {
        XYSeries band = xy.addSeries(name, p.bandX(), p.bandY());
        band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        Color c = Palette.color(p.source().colorIndex());
        band.setFillColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha));
        band.setLineStyle(SeriesLines.NONE);
        band.setMarker(SeriesMarkers.NONE);
        band.setShowInLegend(false);
    }

    /** Adds a series' line; returns whether it shows in the legend. */
    private boolean addLine(XYChart xy, String name, PlotData.Prepared p, LineChart chart, double[] range) {
        Series source = p.source();
        boolean sparse = p.x().length <= MARKERS_UP_TO;
        double[] x = p.x();
        double[] y = p.y();
        boolean smooth = false;
        if (!sparse) {
            // XChart strokes a plain polyline segment by segment, which restarts dash patterns and
            // writes one SVG element per segment; see PlotData.densify for how one path is drawn
            double[][] dense = PlotData.densify(p, chart, range, LINE_RESOLUTION, 4 * x.length + EXTRA_DENSE_POINTS);
            if (dense != null) {
                x = dense[0];
                y = dense[1];
                smooth = true;
            }
        }
        XYSeries line = xy.addSeries(name, x, y);
        line.setLabel(AxisStyle.wrapLegend(source.label()));
        Color c = Palette.color(source.colorIndex());
        line.setLineColor(c);
        line.setMarkerColor(c);
        line.setFillColor(c);
        line.setLineStyle(stroke(source));
        line.setMarker(sparse ? marker(source) : SeriesMarkers.NONE);
        line.setSmooth(smooth);
        boolean inLegend = !source.label().isBlank();
        line.setShowInLegend(inLegend);
        return inLegend;
    }

    /**
     * A sparse line's marker: circles within the palette, then another shape on each pass through
     * it, changing together with the dash pattern so that two lines of one colour differ twice.
     */
    private static Marker marker(Series s) {
        return switch (Palette.cycle(s.colorIndex()) % 3) {
            case 0 -> SeriesMarkers.CIRCLE;
            case 1 -> SeriesMarkers.DIAMOND;
            default -> SeriesMarkers.TRIANGLE_UP;
        };
    }

    private BasicStroke stroke(Series s) {
        float w = 2.5f * scale();
        if (s.dashed()) {
            return dashes(w, 10, 7);
        }
        return switch (Palette.cycle(s.colorIndex()) % 3) {
            case 0 -> new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
            case 1 -> dashes(w, 16, 5, 3, 5);
            default -> dashes(w, 3, 5);
        };
    }

    private BasicStroke dashes(float lineWidth, float... pattern) {
        float[] scaled = pattern.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= scale();
        }
        return new BasicStroke(lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, scaled, 0f);
    }

    /**
     * XChart 3.8.8 puts linear x ticks on data values whenever the x values are equally spaced,
     * which for steps 1..1000 gives labels like 1, 37, 73, ... that crowd and read badly. One
     * invisible point between the first two x values makes the values unequally spaced, so XChart
     * falls back to round tick values (0, 200, 400, ...). Sparse data keeps ticks on its values,
     * which suits a handful of checkpoints.
     */
    private static void avoidTicksAtDataPoints(XYChart xy, List<PlotData.Prepared> prepared) {
        for (PlotData.Prepared p : prepared) {
            if (p.x().length > MARKERS_UP_TO) {
                double[] x = p.x();
                double[] y = p.y();
                XYSeries off = xy.addSeries("tick spacing", new double[] {(x[0] + x[1]) / 2}, new double[] {y[0]});
                off.setLineStyle(SeriesLines.NONE);
                off.setMarker(SeriesMarkers.NONE);
                off.setShowInLegend(false);
                return;
            }
        }
    }

    private static void addNoDataNote(XYChart xy, LineChart chart) {
        // XChart cannot lay out axes without a series: add an invisible one on a range valid for
        // any axis type, and say in the plot why it is empty
        XYSeries placeholder = xy.addSeries("placeholder", new double[] {1, 10}, new double[] {1, 10});
        placeholder.setLineStyle(SeriesLines.NONE);
        placeholder.setMarker(SeriesMarkers.NONE);
        placeholder.setShowInLegend(false);
        double x = chart.logX() ? Math.sqrt(10) : 5.5;
        double y = chart.logY() ? Math.sqrt(10) : 5.5;
        xy.addAnnotation(new AnnotationText(NO_DATA, x, y, false));
        // the placeholder's range means nothing, so show neither its ticks nor its grid
        xy.getStyler().setAxisTicksVisible(false);
        xy.getStyler().setPlotGridLinesVisible(false);
    }
}
