package kelvin.plots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The drawable part of a {@link LineChart}: each series with the points an axis can show, and its
 * band turned into a closed polygon. Implements the rules documented on {@link LineChart}.
 */
final class PlotData {

    /**
     * One series, ready to draw.
     *
     * @param source the series as given
     * @param x drawable x values
     * @param y drawable y values
     * @param bandX polygon x (along high forwards, along low backwards, closed), empty if no band
     * @param bandY polygon y, matching {@code bandX}
     */
    record Prepared(Series source, double[] x, double[] y, double[] bandX, double[] bandY) {

        boolean hasLine() {
            return x.length > 0;
        }

        boolean hasBand() {
            return bandX.length > 0;
        }
    }

    private PlotData() {
    }

    /**
     * Applies the log-axis and non-finite rules to every series of a chart.
     *
     * @param chart the chart
     * @return one entry per series, in order (possibly with nothing to draw)
     */
    static List<Prepared> prepare(LineChart chart) {
        double floor = chart.logY() ? smallestPositiveY(chart) : Double.NaN;
        List<Prepared> out = new ArrayList<>(chart.series().size());
        for (Series s : chart.series()) {
            out.add(prepare(s, chart.logX(), chart.logY(), floor));
        }
        return out;
    }

    private static Prepared prepare(Series s, boolean logX, boolean logY, double floor) {
        int n = s.size();
        double[] x = new double[n];
        double[] y = new double[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            double xi = s.xAt(i);
            double yi = s.yAt(i);
            if (drawable(xi, logX) && drawable(yi, logY)) {
                x[kept] = xi;
                y[kept] = yi;
                kept++;
            }
        }
        double[][] band = s.hasBand() ? bandPolygon(s, logX, logY, floor) : new double[][] {{}, {}};
        return new Prepared(s, Arrays.copyOf(x, kept), Arrays.copyOf(y, kept), band[0], band[1]);
    }

    private static double[][] bandPolygon(Series s, boolean logX, boolean logY, double floor) {
        int n = s.size();
        double[] bx = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            double xi = s.xAt(i);
            // a caller may swap the edges by mistake; the band is the same either way
            double l = Math.min(s.lowAt(i), s.highAt(i));
            double h = Math.max(s.lowAt(i), s.highAt(i));
            if (!drawable(xi, logX) || !Double.isFinite(l) || !Double.isFinite(h)) {
                continue;
            }
            if (logY) {
                if (!(h > 0) || !(floor > 0)) {
                    continue;
                }
                l = Math.max(l, floor);
            }
            bx[kept] = xi;
            lo[kept] = l;
            hi[kept] = h;
            kept++;
        }
        if (kept < 2) {
            // one point has no area; a polygon of it would only confuse the axis range
            return new double[][] {{}, {}};
        }
        int size = 2 * kept + 1;
        double[] px = new double[size];
        double[] py = new double[size];
        for (int i = 0; i < kept; i++) {
            px[i] = bx[i];
            py[i] = hi[i];
            px[2 * kept - 1 - i] = bx[i];
            py[2 * kept - 1 - i] = lo[i];
        }
        px[size - 1] = bx[0];
        py[size - 1] = hi[0];
        return new double[][] {px, py};
    }

    /**
     * Inserts points along each segment so that no segment spans more than {@code 1/resolution}
     * of the axis ranges, interpolating in screen space (log10 on a log axis), so the new points
     * lie exactly on the straight segments the polyline already showed.
     *
     * <p>Why: XChart strokes a polyline one segment at a time, restarting the dash pattern at each
     * point, so a dense dashed line looks solid. Its "smooth" mode strokes one path instead, but
     * bends each segment into an S-curve; with segments a pixel or two long the bends vanish.
     *
     * @param p the prepared series
     * @param chart the chart, for its axis types
     * @param range {xMin, xMax, yMin, yMax} of everything drawn, in data units
     * @param resolution segments per axis length
     * @param maxPoints give up (return null) rather than exceed this many points
     * @return {x, y} of the densified line, or null if it would be too long
     */
    static double[][] densify(Prepared p, LineChart chart, double[] range, int resolution, int maxPoints) {
        double[] x = p.x();
        double[] y = p.y();
        int n = x.length;
        if (n < 2) {
            return new double[][] {x, y};
        }
        boolean logX = chart.logX();
        boolean logY = chart.logY();
        double xSpan = screen(range[1], logX) - screen(range[0], logX);
        double ySpan = screen(range[3], logY) - screen(range[2], logY);
        int[] pieces = new int[n];
        long total = 1;
        for (int i = 1; i < n; i++) {
            double fx = xSpan > 0 ? Math.abs(screen(x[i], logX) - screen(x[i - 1], logX)) / xSpan : 0;
            // only the part of a segment inside a fixed y range is seen, and only it needs points
            double fy = ySpan > 0 ? Math.abs(screen(clamp(y[i], range), logY) - screen(clamp(y[i - 1], range), logY))
                / ySpan : 0;
            pieces[i] = Math.max(1, (int) Math.ceil(Math.max(fx, fy) * resolution));
            total += pieces[i];
        }
        if (total > maxPoints) {
            return null;
        }
        double[] outX = new double[(int) total];
        double[] outY = new double[(int) total];
        outX[0] = x[0];
        outY[0] = y[0];
        int k = 1;
        for (int i = 1; i < n; i++) {
            double ax = screen(x[i - 1], logX);
            double ay = screen(y[i - 1], logY);
            double bx = screen(x[i], logX);
            double by = screen(y[i], logY);
            for (int j = 1; j < pieces[i]; j++) {
                double f = j / (double) pieces[i];
                outX[k] = data(ax + f * (bx - ax), logX);
                outY[k] = data(ay + f * (by - ay), logY);
                k++;
            }
            // the original point, exactly, rather than a round trip through log10
            outX[k] = x[i];
            outY[k] = y[i];
            k++;
        }
        return new double[][] {outX, outY};
    }

    /**
     * The range of everything drawn, for {@link #densify}.
     *
     * @param prepared the prepared series
     * @return {xMin, xMax, yMin, yMax}; NaN if nothing is drawn
     */
    static double[] range(List<Prepared> prepared) {
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (Prepared p : prepared) {
            extend(r, p.x(), p.y());
            extend(r, p.bandX(), p.bandY());
        }
        if (r[0] > r[1]) {
            Arrays.fill(r, Double.NaN);
        }
        return r;
    }

    private static void extend(double[] r, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            r[0] = Math.min(r[0], x[i]);
            r[1] = Math.max(r[1], x[i]);
            r[2] = Math.min(r[2], y[i]);
            r[3] = Math.max(r[3], y[i]);
        }
    }

    private static double clamp(double y, double[] range) {
        return Math.max(range[2], Math.min(range[3], y));
    }

    private static double screen(double v, boolean log) {
        return log ? Math.log10(v) : v;
    }

    private static double data(double v, boolean log) {
        return log ? Math.pow(10, v) : v;
    }

    private static boolean drawable(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    /**
     * The bottom of a log y axis: the smallest positive value among lines, band edges and
     * explicit y ticks (the axis widens to reach its ticks).
     */
    private static double smallestPositiveY(LineChart chart) {
        double min = Double.POSITIVE_INFINITY;
        if (chart.yTicks() != null) {
            for (int i = 0; i < chart.yTicks().size(); i++) {
                min = positiveMin(min, chart.yTicks().valueAt(i));
            }
        }
        for (Series s : chart.series()) {
            for (int i = 0; i < s.size(); i++) {
                if (!drawable(s.xAt(i), chart.logX())) {
                    continue;
                }
                min = positiveMin(min, s.yAt(i));
                if (s.hasBand()) {
                    min = positiveMin(min, s.lowAt(i));
                    min = positiveMin(min, s.highAt(i));
                }
            }
        }
        return Double.isInfinite(min) ? Double.NaN : min;
    }

    private static double positiveMin(double min, double v) {
        return Double.isFinite(v) && v > 0 && v < min ? v : min;
    }
}
