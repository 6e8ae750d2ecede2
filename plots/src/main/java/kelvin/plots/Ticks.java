package kelvin.plots;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An explicit list of axis ticks for a {@link LineChart}: where each tick sits and what it says.
 *
 * <p>A chart draws exactly these ticks on the axis, with a grid line at each, instead of the
 * ticks it would choose itself. Use it where automatic ticks say too little: on a log axis the
 * automatic labels are powers of ten, so a parameter study over 1/128, 1/64, ..., 4 (Sutton &amp;
 * Barto, <i>Reinforcement Learning: An Introduction</i>, 2nd ed., 2018, Figure 2.6) would be
 * labelled only 0.01, 0.1 and 1. {@link #powersOfTwo} and {@link #oneTwoFive} build the usual
 * lists; {@link #of} takes any.
 *
 * <p>The axis always spans every tick: if the data do not reach the smallest or largest tick,
 * the axis is widened to it, so the ticks also set the axis range (ticks 1.0, 1.1, ..., 1.5
 * give an axis from 1.0 to 1.5 even if the data start at 1.02). On a log axis, ticks that are not
 * strictly positive are left out, as data points are. If neighbouring labels would overlap, only
 * every second (third, ...) label is written, starting from the first; every tick keeps its grid
 * line and tick mark.
 *
 * <p>The arrays are copied on the way in and out, so an instance is immutable.
 *
 * @param values tick positions in data units, finite and strictly increasing, at least one
 * @param labels the text of each tick, as many as {@code values}; an empty label draws the tick
 *     and its grid line without text
 */
public record Ticks(double[] values, String[] labels) {

    /** {@link #powersOfTwo} writes 2^k out in full up to |k| = 20 (1,048,576 and 1/1048576). */
    private static final int MAX_WRITTEN_OUT = 20;

    /** Relative slack when deciding whether a round value lies within [min, max]. */
    private static final double SLACK = 1e-9;

    private static final int[] ONE_TWO_FIVE = {1, 2, 5};

    /**
     * Ticks at the given values with the given labels, both arrays checked and copied.
     *
     * @param values tick positions in data units, finite and strictly increasing, at least one
     * @param labels the text of each tick, as many as {@code values}; an empty label draws the tick
     *     and its grid line without text
     * @throws NullPointerException if either array or any label is null
     * @throws IllegalArgumentException if the lengths differ, there are no ticks, or the values
     *     are not finite and strictly increasing
     */
    public Ticks {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(labels, "labels");
        if (values.length != labels.length) {
            throw new IllegalArgumentException(
                "ticks: " + values.length + " values but " + labels.length + " labels");
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("ticks: give at least one tick, or no tick list for automatic ticks");
        }
        for (int i = 0; i < values.length; i++) {
            if (labels[i] == null) {
                throw new NullPointerException("ticks: label " + i + " is null");
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("ticks: value " + i + " is not finite: " + values[i]);
            }
            if (i > 0 && !(values[i] > values[i - 1])) {
                throw new IllegalArgumentException("ticks: values must be strictly increasing, but value " + i
                    + " (" + values[i] + ") follows " + values[i - 1]);
            }
        }
        values = values.clone();
        labels = labels.clone();
    }

    /**
     * Ticks at the given values with the given labels.
     *
     * @param values tick positions, finite and strictly increasing
     * @param labels one label per value
     * @return the ticks
     * @throws NullPointerException if either array or any label is null
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static Ticks of(double[] values, String[] labels) {
        return new Ticks(values, labels);
    }

    /**
     * Every power of two 2^k (k an integer) in [min, max], labelled as exact fractions and
     * integers: {@code "1/128"}, ..., {@code "1/2"}, {@code "1"}, {@code "2"}, {@code "4"}. Suits a
     * log axis over step sizes or exploration parameters halved or doubled at each point, as in
     * Sutton &amp; Barto's Figure 2.6.
     *
     * <p>Integers from 10,000 up get thousands separators, like automatic tick labels; powers
     * beyond 2^20 or below 1/2^20 are written {@code "2^k"} ({@code "2^24"}, {@code "2^-24"}).
     * A bound within one part in 10^9 of a power of two includes that power, so a bound computed
     * with round-off still counts.
     *
     * @param min smallest value of the axis, strictly positive
     * @param max largest value of the axis, at least {@code min}
     * @return the ticks, in increasing order
     * @throws IllegalArgumentException if {@code min} is not strictly positive and finite, if
     *     {@code max} is not finite or is below {@code min}, or if [min, max] holds no power of two
     */
    public static Ticks powersOfTwo(double min, double max) {
        checkRange(min, max);
        int from = Math.getExponent(min * (1 - SLACK));
        int to = Math.getExponent(max * (1 + SLACK));
        List<Double> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            double v = Math.scalb(1.0, k);
            if (within(v, min, max)) {
                values.add(v);
                labels.add(powerOfTwoLabel(k));
            }
        }
        return fromLists(values, labels, "powers of two", min, max);
    }

    /**
     * The values 1, 2 and 5 times each power of ten in [min, max], labelled without binary
     * round-off: {@code "0.01"}, {@code "0.02"}, {@code "0.05"}, {@code "0.1"}, ..., {@code "1"},
     * {@code "2"}, {@code "5"}, {@code "10"}. Gives a log axis three labels per decade instead of
     * one, e.g. a temperature falling from 1 to 0.01. Labels are formatted like automatic ticks
     * (thousands separators from 10,000, scientific notation below 0.0001 and from 10^7).
     *
     * <p>A bound within one part in 10^9 of a tick value includes that tick.
     *
     * @param min smallest value of the axis, strictly positive
     * @param max largest value of the axis, at least {@code min}
     * @return the ticks, in increasing order
     * @throws IllegalArgumentException if {@code min} is not strictly positive and finite, if
     *     {@code max} is not finite or is below {@code min}, or if [min, max] holds no such value
     */
    public static Ticks oneTwoFive(double min, double max) {
        checkRange(min, max);
        int from = (int) Math.floor(Math.log10(min)) - 1;
        int to = (int) Math.ceil(Math.log10(max)) + 1;
        List<Double> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            for (int m : ONE_TWO_FIVE) {
                // the decimal m * 10^k, rounded once to the nearest double: 0.1 is 0.1, not 0.1000...02
                double v = BigDecimal.valueOf(m).scaleByPowerOfTen(k).doubleValue();
                if (within(v, min, max)) {
                    values.add(v);
                    labels.add(TickFormat.format(v));
                }
            }
        }
        return fromLists(values, labels, "1-2-5 values", min, max);
    }

    /**
     * Where the ticks sit on the axis.
     *
     * @return a copy of the tick positions in data units, strictly increasing
     */
    @Override
    public double[] values() {
        return values.clone();
    }

    /**
     * What each tick says, in the order of {@link #values()}.
     *
     * @return a copy of the labels; an empty label marks a tick drawn without text
     */
    @Override
    public String[] labels() {
        return labels.clone();
    }

    /**
     * Number of ticks.
     *
     * @return the length of {@code values}
     */
    public int size() {
        return values.length;
    }

    /** Internal read access without copying, for the renderer. */
    double valueAt(int i) {
        return values[i];
    }

    String labelAt(int i) {
        return labels[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ticks t && Arrays.equals(values, t.values) && Arrays.equals(labels, t.labels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "Ticks" + Arrays.toString(labels);
    }

    private static void checkRange(double min, double max) {
        if (!(min > 0) || !Double.isFinite(min)) {
            throw new IllegalArgumentException("ticks: min is not strictly positive and finite: " + min);
        }
        if (!(max >= min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("ticks: max is not finite and at least min (" + min + "): " + max);
        }
    }

    private static boolean within(double v, double min, double max) {
        return v >= min * (1 - SLACK) && v <= max * (1 + SLACK);
    }

    private static String powerOfTwoLabel(int k) {
        if (Math.abs(k) > MAX_WRITTEN_OUT) {
            return "2^" + k;
        }
        // 2^k is exact in a double, and below 10^7 TickFormat writes integers in full
        return k >= 0 ? TickFormat.format(Math.scalb(1.0, k)) : "1/" + (1L << -k);
    }

    private static Ticks fromLists(List<Double> values, List<String> labels, String kind, double min, double max) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("ticks: no " + kind + " between " + min + " and " + max);
        }
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        return new Ticks(v, labels.toArray(new String[0]));
    }

    /**
     * The ticks from {@code low} to {@code high}, for an axis fixed to that range.
     *
     * @param low the bottom of the range
     * @param high the top of the range
     * @return the ticks within it, or null when none is
     */
    Ticks within(double low, double high) {
        int first = 0;
        while (first < values.length && values[first] < low) {
            first++;
        }
        int end = first;
        while (end < values.length && values[end] <= high) {
            end++;
        }
        return end == first ? null
            : new Ticks(Arrays.copyOfRange(values, first, end), Arrays.copyOfRange(labels, first, end));
    }
}
