package kelvin.plots;

import java.awt.Color;
import java.util.Locale;

/**
 * The fixed colours of chart series, indexed by a variant's colour index.
 *
 * <p>The first seven colours are the colour-blind-safe set of Okabe and Ito (2008), "Color Universal
 * Design", <a href="https://jfly.uni-koeln.de/color/">jfly.uni-koeln.de/color</a>, in an order that
 * keeps the first colours far apart; its yellow is left out, being nearly invisible on white. The
 * next five come from Paul Tol's colour-blind-safe schemes
 * (<a href="https://personal.sron.nl/~pault/">personal.sron.nl/~pault</a>), chosen dark enough to
 * read on white and as far from those seven (CIE76 colour difference at least 25, as far as the
 * seven are from each other), so a chart of up to twelve variants (where the report starts to facet) repeats no
 * colour. An index past the end wraps around (modulo {@link #size()}); {@link ChartRenderer} then
 * changes the dash pattern, so variant 0 and variant 12 still differ.
 *
 * <p>A negative index means {@link #NEUTRAL}, a dark grey for guide lines such as a theoretical
 * bound, which should not look like one more variant.
 */
public final class Palette {

    /** Colour index of guide lines: any negative index maps to {@link #NEUTRAL}. */
    public static final int GUIDE = -1;

    /** Dark grey used for guide lines (negative colour indices). */
    public static final Color NEUTRAL = new Color(0x55, 0x55, 0x55);

    /** Text of titles, labels and tick labels in every figure. */
    static final Color TEXT = new Color(0x22, 0x22, 0x22);

    /** Secondary text: indices along a grid's edges, keys under a figure. */
    static final Color MUTED = new Color(0x66, 0x66, 0x66);

    /** Plot frames, tick marks and legend borders. */
    static final Color FRAME = new Color(0xB0, 0xB0, 0xB0);

    /** Grid lines behind the data. */
    static final Color GRID = new Color(0xE3, 0xE3, 0xE3);

    private static final Color[] COLORS = {
        new Color(0x00, 0x72, 0xB2), // Okabe-Ito blue
        new Color(0xD5, 0x5E, 0x00), // Okabe-Ito vermillion
        new Color(0x00, 0x9E, 0x73), // Okabe-Ito bluish green
        new Color(0xCC, 0x79, 0xA7), // Okabe-Ito reddish purple
        new Color(0xE6, 0x9F, 0x00), // Okabe-Ito orange
        new Color(0x56, 0xB4, 0xE9), // Okabe-Ito sky blue
        new Color(0x00, 0x00, 0x00), // Okabe-Ito black
        new Color(0x88, 0x22, 0x55), // Tol wine
        new Color(0x99, 0x99, 0x33), // Tol olive
        new Color(0x33, 0x22, 0x88), // Tol indigo
        new Color(0xAA, 0x44, 0x99), // Tol purple
        new Color(0x66, 0x11, 0x00), // Tol dark brown
    };

    private Palette() {
    }

    /**
     * Number of distinct colours before the palette wraps around.
     *
     * @return the palette size (12)
     */
    public static int size() {
        return COLORS.length;
    }

    /**
     * The colour of a colour index.
     *
     * @param colorIndex any index; negative gives {@link #NEUTRAL}, others wrap modulo {@link #size()}
     * @return an opaque colour
     */
    public static Color color(int colorIndex) {
        return colorIndex < 0 ? NEUTRAL : COLORS[colorIndex % COLORS.length];
    }

    /**
     * The colour of a colour index as a CSS hex string such as {@code #0072b2}, for HTML swatches.
     *
     * @param colorIndex any index, as in {@link #color(int)}
     * @return a lower-case {@code #rrggbb} string
     */
    public static String hex(int colorIndex) {
        return String.format(Locale.ROOT, "#%06x", color(colorIndex).getRGB() & 0xFFFFFF);
    }

    /**
     * How many times the palette has wrapped around for this index: 0 for the first
     * {@link #size()} indices, 1 for the next, and so on; 0 for negative indices.
     */
    static int cycle(int colorIndex) {
        return colorIndex < 0 ? 0 : colorIndex / COLORS.length;
    }
}
