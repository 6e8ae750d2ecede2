package kelvin.plots;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Point estimates with their intervals, one row per item (e.g. an agent) and one panel per
 * statistic, side by side with a shared row order: the aggregate-metrics plot of Agarwal et al.,
 * "Deep Reinforcement Learning at the Edge of the Statistical Precipice" (NeurIPS 2021), as the
 * rliable library draws it ({@code plot_utils.plot_interval_estimates}).
 *
 * <p>Each row is drawn in its colour as a translucent bar from the interval's low to its high end,
 * with a dark line across it at the estimate. Every panel has its own linear value axis, spanning
 * the estimates and intervals it holds. A NaN bound leaves the bar out and keeps the line; a NaN
 * estimate leaves the row empty in that panel.
 *
 * @param title chart title
 * @param rows the rows, top to bottom
 * @param panels the panels, left to right
 * @param key a line under the panels saying what bars and lines mean (may be empty)
 */
public record IntervalPlot(String title, List<Row> rows, List<Panel> panels, String key) {

    /**
     * One row: its label and the palette index of its colour.
     *
     * @param label the row's name, printed left of the first panel
     * @param colorIndex its {@link Palette} index
     */
    public record Row(String label, int colorIndex) {

        /**
         * A row.
         *
         * @param label the row's name
         * @param colorIndex its palette index
         * @throws NullPointerException if the label is null
         */
        public Row {
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * One statistic: its estimate and interval for each row.
     *
     * @param title the statistic's name, above the panel
     * @param axisLabel the value axis's label, under the panel, with units
     * @param estimates one estimate per row
     * @param lows the interval's low end per row, NaN for none
     * @param highs the interval's high end per row, NaN for none
     */
    public record Panel(String title, String axisLabel, double[] estimates, double[] lows, double[] highs) {

        /**
         * A panel, its arrays copied.
         *
         * @param title the statistic's name
         * @param axisLabel the value axis's label
         * @param estimates one estimate per row
         * @param lows the low ends
         * @param highs the high ends
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if the arrays differ in length
         */
        public Panel {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(axisLabel, "axisLabel");
            estimates = estimates.clone();
            lows = lows.clone();
            highs = highs.clone();
            if (lows.length != estimates.length || highs.length != estimates.length) {
                throw new IllegalArgumentException("panel '" + title + "': " + estimates.length + " estimates, "
                    + lows.length + " low and " + highs.length + " high ends");
            }
        }

        /**
         * The estimates.
         *
         * @return a copy
         */
        @Override
        public double[] estimates() {
            return estimates.clone();
        }

        /**
         * The low ends.
         *
         * @return a copy
         */
        @Override
        public double[] lows() {
            return lows.clone();
        }

        /**
         * The high ends.
         *
         * @return a copy
         */
        @Override
        public double[] highs() {
            return highs.clone();
        }

        /** Row i's estimate, without copying. */
        double estimate(int i) {
            return estimates[i];
        }

        double low(int i) {
            return lows[i];
        }

        double high(int i) {
            return highs[i];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Panel p && title.equals(p.title) && axisLabel.equals(p.axisLabel)
                && Arrays.equals(estimates, p.estimates) && Arrays.equals(lows, p.lows)
                && Arrays.equals(highs, p.highs);
        }

        @Override
        public int hashCode() {
            return Objects.hash(title, axisLabel) + 31 * (Arrays.hashCode(estimates) + 31 * (Arrays.hashCode(lows)
                + 31 * Arrays.hashCode(highs)));
        }

        @Override
        public String toString() {
            return "Panel[" + title + ", " + estimates.length + " rows]";
        }
    }

    /**
     * A plot, its lists copied.
     *
     * @param title chart title
     * @param rows the rows, top to bottom
     * @param panels the panels, left to right
     * @param key what bars and lines mean, or empty
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a panel has not one estimate per row
     */
    public IntervalPlot {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(key, "key");
        rows = List.copyOf(rows);
        panels = List.copyOf(panels);
        for (Panel p : panels) {
            if (p.estimates.length != rows.size()) {
                throw new IllegalArgumentException("interval plot '" + title + "': panel '" + p.title() + "' has "
                    + p.estimates.length + " estimates for " + rows.size() + " rows");
            }
        }
    }
}
