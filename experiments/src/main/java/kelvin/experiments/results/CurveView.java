package kelvin.experiments.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import kelvin.experiments.model.PlotSettings;
import kelvin.plots.YRange;

/**
 * What a curve chart shows of its curves: the moving average drawn instead of the raw curve, the
 * first step or episode shown, and the y range.
 *
 * <p><b>Default y range.</b> A chart spans all its data, except for metrics that
 * {@linkplain kelvin.experiments.metric.Metric#trimsEarlyTransient() trim an early transient}
 * (return, length, greedy value): their first episodes of random wandering can be a hundred times
 * the later values and flatten every later difference into one line. For them the y range is that
 * of the means and guides over the later {@value #LATER_PERCENT}% of the time axis as
 * drawn (on a log axis, of its log), padded by {@value #PAD_PERCENT}% on each side, but only where
 * that zooms in by more than {@value #MIN_ZOOM} times; otherwise nothing is cut. A note in the
 * chart and a sentence in its caption say how many means are cut, where and how far they reach.
 */
final class CurveView {

    /** The later part of the time axis that sets a trimmed range, in percent. */
    static final int LATER_PERCENT = 90;

    /** Padding of a trimmed range on each side, in percent of its span. */
    static final int PAD_PERCENT = 5;

    /** A trimmed range is used only when the full range is more than this many times as wide. */
    static final int MIN_ZOOM = 3;

    private CurveView() {
    }

    /**
     * One variant's curve: the mean at each checkpoint and its 95% interval.
     *
     * @param label the variant's label
     * @param color its palette index
     * @param x the checkpoints, ascending
     * @param y the means
     * @param low the lower interval bounds, or null when there is no interval
     * @param high the upper interval bounds, or null when there is no interval
     */
    record Curve(String label, int color, double[] x, double[] y, double[] low, double[] high) {

        boolean hasBand() {
            return low != null;
        }

        /**
         * The centred moving average over {@code window} points (fewer at the ends, where the window
         * is cut to the points there are), of the means and of each interval bound.
         */
        Curve smoothed(int window) {
            if (window <= 1 || x.length < 2) {
                return this;
            }
            return new Curve(label, color, x, average(y, window), low == null ? null : average(low, window),
                    high == null ? null : average(high, window));
        }

        /** The points at or after {@code first}. */
        Curve from(double first) {
            int start = 0;
            while (start < x.length && x[start] < first) {
                start++;
            }
            if (start == 0) {
                return this;
            }
            return new Curve(label, color, Arrays.copyOfRange(x, start, x.length), Arrays.copyOfRange(y, start,
                    x.length), low == null ? null : Arrays.copyOfRange(low, start, x.length),
                    high == null ? null : Arrays.copyOfRange(high, start, x.length));
        }
    }

    /** Centred moving average, window cut at the ends; prefix sums keep it linear in the length. */
    static double[] average(double[] v, int window) {
        int n = v.length;
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + v[i];
        }
        int before = (window - 1) / 2;
        int after = window / 2;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - before);
            int b = Math.min(n - 1, i + after);
            out[i] = (prefix[b + 1] - prefix[a]) / (b - a + 1);
        }
        return out;
    }

    /**
     * A chart's y range and what its caption says about it.
     *
     * @param range the fixed range, or null to span all the data
     * @param caption the caption's sentence on the range ("" when nothing is fixed or cut)
     */
    record View(YRange range, String caption) {
        static final View ALL = new View(null, "");
    }

    /**
     * The y range of a chart's curves.
     *
     * @param curves the variants' curves, as drawn (smoothed and cut at the first time shown)
     * @param guides the guide lines' points {x, y}, which a trimmed range keeps in view
     * @param fixed the range the user fixed, or null
     * @param trim whether the metric trims an early transient
     * @param logX whether the time axis is logarithmic
     * @param unit the time unit, {@code step} or {@code episode}
     * @return the range and the caption's sentence
     */
    static View yRange(List<Curve> curves, List<double[][]> guides, PlotSettings.Range fixed, boolean trim,
                       boolean logX, String unit) {
        if (fixed != null) {
            Cut cut = cut(curves, fixed.low(), fixed.high(), unit);
            String caption = String.format(Locale.ROOT, "The y axis is fixed to %s to %s (plot.ylim or kelvin plot "
                    + "--ylim)%s.", ValueFormat.bare(fixed.low()), ValueFormat.bare(fixed.high()), cut.sentence());
            return new View(new YRange(fixed.low(), fixed.high(), cut.below(), cut.above()), caption);
        }
        if (!trim || curves.isEmpty()) {
            return View.ALL;
        }
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (Curve c : curves) {
            if (c.x().length > 0) {
                first = Math.min(first, c.x()[0]);
                last = Math.max(last, c.x()[c.x().length - 1]);
            }
        }
        if (!(first < last)) {
            return View.ALL;
        }
        double early = (100 - LATER_PERCENT) / 100.0;
        double start = logX ? Math.pow(10, Math.log10(first) + early * (Math.log10(last) - Math.log10(first)))
                : first + early * (last - first);
        double[] all = span(curves, guides, first);
        double[] later = span(curves, guides, start);
        double laterSpan = later[1] - later[0];
        if (!(laterSpan > 0) || all[1] - all[0] <= MIN_ZOOM * laterSpan) {
            return View.ALL;
        }
        double pad = laterSpan * PAD_PERCENT / 100.0;
        double low = later[0] - pad;
        double high = later[1] + pad;
        Cut cut = cut(curves, low, high, unit);
        String caption = String.format(Locale.ROOT, "The y axis shows %s to %s, the range of the later %d%% of the "
                + "%ss%s; bands may run past it; plot.ylim or kelvin plot --ylim sets another.", ValueFormat.bare(low),
                ValueFormat.bare(high), LATER_PERCENT, unit, cut.sentence());
        return new View(new YRange(low, high, cut.below(), cut.above()), caption);
    }

    /**
     * {min, max} of every mean and guide point at or after {@code from}. Intervals are left out:
     * with few runs the early ones are wide enough to undo the zoom, and a band cut at the edge
     * still shows that it is wide.
     */
    private static double[] span(List<Curve> curves, List<double[][]> guides, double from) {
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Curve c : curves) {
            for (int i = 0; i < c.x().length; i++) {
                if (c.x()[i] >= from) {
                    extend(r, c.y()[i]);
                }
            }
        }
        for (double[][] g : guides) {
            for (int i = 0; i < g[0].length; i++) {
                if (g[0][i] >= from) {
                    extend(r, g[1][i]);
                }
            }
        }
        return r;
    }

    private static void extend(double[] r, double v) {
        if (Double.isFinite(v)) {
            r[0] = Math.min(r[0], v);
            r[1] = Math.max(r[1], v);
        }
    }

    /**
     * The means a range cuts off, on each side.
     *
     * @param below the chart's note on the means below, or ""
     * @param above the chart's note on the means above, or ""
     * @param sentence the caption's clause on both, or ""
     */
    private record Cut(String below, String above, String sentence) {
    }

    private static Cut cut(List<Curve> curves, double low, double high, String unit) {
        Side under = new Side();
        Side over = new Side();
        for (Curve c : curves) {
            for (int i = 0; i < c.x().length; i++) {
                double y = c.y()[i];
                if (y < low) {
                    under.add(c.x()[i], y);
                } else if (y > high) {
                    over.add(c.x()[i], y);
                }
            }
        }
        List<String> clauses = new ArrayList<>();
        if (under.count > 0) {
            clauses.add(under.clause("below", "down to", unit));
        }
        if (over.count > 0) {
            clauses.add(over.clause("above", "up to", unit));
        }
        String sentence = clauses.isEmpty() ? "" : "; " + String.join(", and ", clauses) + ", are cut off";
        return new Cut(under.note("below", "lowest", unit), over.note("above", "highest", unit), sentence);
    }

    /** The means beyond one end of a range. */
    private static final class Side {
        int count;
        double firstX = Double.POSITIVE_INFINITY;
        double lastX = Double.NEGATIVE_INFINITY;
        double extreme = Double.NaN;

        void add(double x, double y) {
            count++;
            firstX = Math.min(firstX, x);
            lastX = Math.max(lastX, x);
            extreme = Double.isNaN(extreme) || Math.abs(y) > Math.abs(extreme) ? y : extreme;
        }

        String where(String unit) {
            return firstX == lastX ? String.format(Locale.ROOT, "at %s %d", unit, (long) firstX)
                    : String.format(Locale.ROOT, "at %ss %d to %d", unit, (long) firstX, (long) lastX);
        }

        String note(String side, String which, String unit) {
            if (count == 0) {
                return "";
            }
            return String.format(Locale.ROOT, "%s %d mean%s %s the axis, %s (%s %s)", "below".equals(side) ? "\u25bc"
                    : "\u25b2", count, count == 1 ? "" : "s", side, where(unit), which, ValueFormat.bare(extreme));
        }

        String clause(String side, String reach, String unit) {
            return String.format(Locale.ROOT, "%d mean%s %s it, %s (%s %s)", count, count == 1 ? "" : "s", side,
                    where(unit), reach, ValueFormat.bare(extreme));
        }
    }
}
