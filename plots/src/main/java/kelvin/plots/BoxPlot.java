package kelvin.plots;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The distribution of one quantity per group, e.g. each variant's final regret over its runs,
 * drawn as one horizontal lane per group: a violin (the runs' density), a box over the middle half
 * with the median, the mean as a diamond, whiskers to the furthest value within 1.5 box lengths
 * (Tukey) and the values beyond as dots.
 *
 * <p>Groups are drawn top to bottom in list order and coloured by {@link Palette}, so a group
 * keeps the colour its line has in the other charts. NaN values are left out; on a log axis so are
 * values {@code <= 0}, and the lane's label says how many.
 *
 * @param title chart title
 * @param valueLabel the quantity along the axis, with units
 * @param groups the lanes, top to bottom
 * @param logX whether the value axis is logarithmic
 */
public record BoxPlot(String title, String valueLabel, List<Group> groups, boolean logX) {

    /**
     * One lane.
     *
     * @param label what the lane is, e.g. a variant's label
     * @param colorIndex palette index of the lane's colour
     * @param values the observations (copied)
     */
    public record Group(String label, int colorIndex, double[] values) {

        /**
         * A lane, with its values copied so later changes to the caller's array do not show.
         *
         * @param label what the lane is, e.g. a variant's label
         * @param colorIndex palette index of the lane's colour
         * @param values the observations (copied); NaN entries are left out when drawn
         * @throws NullPointerException if {@code label} or {@code values} is null
         */
        public Group {
            Objects.requireNonNull(label, "label");
            values = Objects.requireNonNull(values, "values").clone();
        }

        /**
         * The observations of this lane.
         *
         * @return a copy of the values, in the order given
         */
        @Override
        public double[] values() {
            return values.clone();
        }

        /** Read access without copying, for the painter. */
        double[] raw() {
            return values;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Group g && label.equals(g.label) && colorIndex == g.colorIndex
                && Arrays.equals(values, g.values);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hash(label, colorIndex) + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Group[" + label + ", " + values.length + " values]";
        }
    }

    /**
     * A box plot, with the group list copied.
     *
     * @param title chart title
     * @param valueLabel the quantity along the axis, with units
     * @param groups the lanes, top to bottom (copied)
     * @param logX whether the value axis is logarithmic; values {@code <= 0} are then left out
     * @throws NullPointerException if {@code title}, {@code valueLabel}, {@code groups} or a group
     *     is null
     */
    public BoxPlot {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(valueLabel, "valueLabel");
        groups = List.copyOf(groups);
    }

    /**
     * A box plot on a linear axis.
     *
     * @param title chart title
     * @param valueLabel the quantity along the axis, with units
     * @param groups the lanes, top to bottom
     * @return the plot
     */
    public static BoxPlot of(String title, String valueLabel, List<Group> groups) {
        return new BoxPlot(title, valueLabel, groups, false);
    }

    /**
     * This plot with a log or linear value axis.
     *
     * @param log whether the axis is logarithmic
     * @return a copy with the axis type set
     */
    public BoxPlot withLogX(boolean log) {
        return new BoxPlot(title, valueLabel, groups, log);
    }
}
