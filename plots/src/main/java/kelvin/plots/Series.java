package kelvin.plots;

import java.util.Arrays;
import java.util.Objects;

/**
 * One curve of a {@link LineChart}: points (x, y), an optional band from {@code low} to
 * {@code high} (typically a 95% confidence interval of the mean), a colour index and a line style.
 *
 * <p>The colour comes from {@link Palette#color(int)}, so the caller gives the same variant the same
 * index on every chart. Use {@link Palette#GUIDE} (or any negative index) for guide lines.
 *
 * <p>The arrays are copied on the way in and out, so a series is immutable. Points are drawn in the
 * order given; give x in ascending order (a band is drawn as the polygon along {@code high} forwards
 * and {@code low} backwards, which only makes sense for ascending x). Points whose x or y is NaN or
 * infinite are skipped, as are band points whose low or high is; see {@link LineChart} for log axes.
 *
 * @param label legend text; an empty label keeps the series out of the legend
 * @param x x coordinates
 * @param y y coordinates, as many as {@code x}
 * @param low lower edge of the band, as many as {@code x}, or {@code null} for no band
 * @param high upper edge of the band, as many as {@code x}, or {@code null} for no band
 * @param colorIndex palette index (see {@link Palette})
 * @param dashed draw the line dashed (for guide lines such as a theoretical bound)
 */
public record Series(String label, double[] x, double[] y, double[] low, double[] high, int colorIndex,
                     boolean dashed) {

    /**
     * A series, with the arrays checked and copied.
     *
     * @param label legend text; an empty label keeps the series out of the legend
     * @param x x coordinates, to be given in ascending order (copied)
     * @param y y coordinates, as many as {@code x} (copied)
     * @param low lower edge of the band, as many as {@code x}, or {@code null} for no band (copied)
     * @param high upper edge of the band, as many as {@code x}, or {@code null} for no band (copied)
     * @param colorIndex palette index (see {@link Palette}); negative for a guide line
     * @param dashed draw the line dashed (for guide lines such as a theoretical bound)
     * @throws NullPointerException if {@code label}, {@code x} or {@code y} is null
     * @throws IllegalArgumentException if the lengths differ, or exactly one of {@code low} and
     *     {@code high} is null
     */
    public Series {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                "series '" + label + "': x has " + x.length + " points but y has " + y.length);
        }
        if ((low == null) != (high == null)) {
            throw new IllegalArgumentException(
                "series '" + label + "': give both low and high for a band, or neither");
        }
        if (low != null && (low.length != x.length || high.length != x.length)) {
            throw new IllegalArgumentException("series '" + label + "': x has " + x.length
                + " points but low has " + low.length + " and high has " + high.length);
        }
        x = x.clone();
        y = y.clone();
        low = low == null ? null : low.clone();
        high = high == null ? null : high.clone();
    }

    /**
     * A solid line without a band.
     *
     * @param label legend text
     * @param x x coordinates
     * @param y y coordinates
     * @param colorIndex palette index
     * @return the series
     */
    public static Series line(String label, double[] x, double[] y, int colorIndex) {
        return new Series(label, x, y, null, null, colorIndex, false);
    }

    /**
     * A solid line with a band from {@code low} to {@code high}.
     *
     * @param label legend text
     * @param x x coordinates
     * @param y y coordinates (the line)
     * @param low lower edge of the band
     * @param high upper edge of the band
     * @param colorIndex palette index
     * @return the series
     */
    public static Series withBand(String label, double[] x, double[] y, double[] low, double[] high,
                                  int colorIndex) {
        return new Series(label, x, y, Objects.requireNonNull(low, "low"), Objects.requireNonNull(high, "high"),
            colorIndex, false);
    }

    /**
     * A dashed, neutral grey guide line, e.g. a theoretical bound or a reference level.
     *
     * @param label legend text
     * @param x x coordinates
     * @param y y coordinates
     * @return the series
     */
    public static Series guide(String label, double[] x, double[] y) {
        return new Series(label, x, y, null, null, Palette.GUIDE, true);
    }

    /**
     * This series with the given line style.
     *
     * @param isDashed whether to dash the line
     * @return a copy with {@code dashed} set
     */
    public Series withDashed(boolean isDashed) {
        return new Series(label, x, y, low, high, colorIndex, isDashed);
    }

    /**
     * Whether this series has a band.
     *
     * @return true if {@code low} and {@code high} were given
     */
    public boolean hasBand() {
        return low != null;
    }

    /**
     * Number of points, before any are skipped for being non-finite or off a log axis.
     *
     * @return the length of {@code x}
     */
    public int size() {
        return x.length;
    }

    /**
     * The x coordinates of the points, in the order drawn.
     *
     * @return a copy of the x coordinates
     */
    @Override
    public double[] x() {
        return x.clone();
    }

    /**
     * The y coordinates of the points, the line itself.
     *
     * @return a copy of the y coordinates, one per x
     */
    @Override
    public double[] y() {
        return y.clone();
    }

    /**
     * The lower edge of the band, e.g. the lower end of a 95% confidence interval of the mean.
     *
     * @return a copy of the lower edge, one value per x, or null when the series has no band
     */
    @Override
    public double[] low() {
        return low == null ? null : low.clone();
    }

    /**
     * The upper edge of the band, e.g. the upper end of a 95% confidence interval of the mean.
     *
     * @return a copy of the upper edge, one value per x, or null when the series has no band
     */
    @Override
    public double[] high() {
        return high == null ? null : high.clone();
    }

    /** Internal read access without copying, for the renderer. */
    double xAt(int i) {
        return x[i];
    }

    double yAt(int i) {
        return y[i];
    }

    double lowAt(int i) {
        return low[i];
    }

    double highAt(int i) {
        return high[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && label.equals(s.label) && colorIndex == s.colorIndex && dashed == s.dashed
            && Arrays.equals(x, s.x) && Arrays.equals(y, s.y) && Arrays.equals(low, s.low)
            && Arrays.equals(high, s.high);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(label, colorIndex, dashed);
        h = 31 * h + Arrays.hashCode(x);
        h = 31 * h + Arrays.hashCode(y);
        h = 31 * h + Arrays.hashCode(low);
        return 31 * h + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        return "Series[label=" + label + ", points=" + x.length + ", band=" + hasBand() + ", colorIndex="
            + colorIndex + ", dashed=" + dashed + "]";
    }
}
