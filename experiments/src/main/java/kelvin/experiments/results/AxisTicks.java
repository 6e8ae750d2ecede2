package kelvin.experiments.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kelvin.plots.LineChart;
import kelvin.plots.Series;
import kelvin.plots.Ticks;

/**
 * Readable ticks for Kelvin's log axes: decades written out (1, 10, 100, 1,000, 10,000) on log time
 * axes, 1-2-5 steps on log value axes (temperatures), and powers of two where a sweep doubles its
 * values, as in Sutton &amp; Barto's Figure 2.6.
 */
final class AxisTicks {

    private AxisTicks() {
    }

    /** The chart with readable ticks on each log axis that has data. */
    static LineChart apply(LineChart chart) {
        LineChart out = chart;
        if (chart.logX()) {
            double[] range = range(chart.series(), true);
            if (range != null) {
                out = out.withXTicks(range[1] / range[0] >= 100 ? decades(range[0], range[1])
                        : Ticks.oneTwoFive(lowerTick(range[0]), range[1]));
            }
        }
        if (chart.logY()) {
            double[] range = range(chart.series(), false);
            // Below the smallest normal double, 10^k underflows to 0: such axes keep the chart's own ticks.
            if (range != null && range[1] > range[0] && range[0] >= Double.MIN_NORMAL) {
                out = out.withYTicks(Ticks.oneTwoFive(lowerTick(range[0]), upperTick(range[1])));
            }
        }
        return out;
    }

    /** Powers of two for a doubling sweep, else 1-2-5 steps, else decades. */
    static Ticks forSweep(double min, double max, double ratio) {
        if (Math.abs(ratio - 2) < 1e-9) {
            return Ticks.powersOfTwo(min, max);
        }
        return max / min >= 1000 ? decades(min, max) : Ticks.oneTwoFive(lowerTick(min), max);
    }

    /** 10^k from below min to max, written with thousands separators. */
    static Ticks decades(double min, double max) {
        List<Double> values = new ArrayList<>();
        for (double v = Math.pow(10, Math.floor(Math.log10(min) + 1e-9)); v <= max * (1 + 1e-9); v *= 10) {
            values.add(v);
        }
        double[] vs = new double[values.size()];
        String[] labels = new String[values.size()];
        for (int i = 0; i < vs.length; i++) {
            vs[i] = values.get(i);
            labels[i] = vs[i] >= 1 ? String.format(Locale.ROOT, "%,d", Math.round(vs[i]))
                    : String.format(Locale.ROOT, "%s", Double.toString(vs[i]).replaceAll("0+$", ""));
        }
        return Ticks.of(vs, labels);
    }

    /** The largest 1-2-5 value at or below v. */
    private static double lowerTick(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {5, 2, 1}) {
            if (m * decade <= v * (1 + 1e-9)) {
                return m * decade;
            }
        }
        return decade;
    }

    /** The smallest 1-2-5 value at or above v. */
    private static double upperTick(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * decade >= v * (1 - 1e-9)) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    /** [min, max] of the positive finite x (or y) values, or null. */
    private static double[] range(List<Series> series, boolean x) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (Series s : series) {
            for (double v : x ? s.x() : s.y()) {
                if (v > 0 && v < Double.POSITIVE_INFINITY) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return max > 0 ? new double[] {min, max} : null;
    }
}
