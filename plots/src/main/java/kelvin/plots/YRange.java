package kelvin.plots;

import java.util.Objects;

/**
 * A fixed y axis range for a {@link LineChart}, with what to tell the reader about the data it
 * cuts off: lines and bands beyond it are clipped at the plot's edge, and each non-empty note is
 * written inside the plot at that edge (the note below at the bottom, the one above at the top),
 * so a standalone image still says that, and what, it does not show.
 *
 * @param low the bottom of the axis, finite
 * @param high the top of the axis, finite and above {@code low}
 * @param belowNote what lies below the axis, e.g. {@code "41 means below, in episodes 1-9 (lowest
 *     -1765)"}; empty for no note
 * @param aboveNote what lies above the axis; empty for no note
 */
public record YRange(double low, double high, String belowNote, String aboveNote) {

    /**
     * A range, checked.
     *
     * @param low the bottom of the axis, finite
     * @param high the top of the axis, finite and above {@code low}
     * @param belowNote what lies below the axis; empty for no note
     * @param aboveNote what lies above the axis; empty for no note
     * @throws NullPointerException if a note is null
     * @throws IllegalArgumentException if a bound is not finite or {@code low >= high}
     */
    public YRange {
        Objects.requireNonNull(belowNote, "belowNote");
        Objects.requireNonNull(aboveNote, "aboveNote");
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
            throw new IllegalArgumentException("y range: need finite low < high, got " + low + " to " + high);
        }
    }

    /**
     * A range without notes.
     *
     * @param low the bottom of the axis, finite
     * @param high the top of the axis, finite and above {@code low}
     * @return the range
     * @throws IllegalArgumentException if a bound is not finite or {@code low >= high}
     */
    public static YRange of(double low, double high) {
        return new YRange(low, high, "", "");
    }
}
