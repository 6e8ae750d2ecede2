package kelvin.plots;

/**
 * Tick-label and legend-text choices that XChart leaves to the caller, computed from the data.
 */
final class AxisStyle {

    /** Legend labels longer than this are wrapped onto several lines. */
    static final int LEGEND_WRAP = 34;

    /** Magnitude from which linear tick labels switch to scientific notation. */
    private static final double SCIENTIFIC_FROM = 1e7;

    private AxisStyle() {
    }

    /**
     * A {@link java.text.DecimalFormat} pattern for the ticks of a linear axis over [min, max].
     *
     * <p>Why: XChart's own pattern drops the leading zero ({@code .05}) and, when it guesses too
     * few decimals, silently draws no ticks at all. Ticks are round steps of about a tenth of the
     * range, so one decimal more than that step needs is always enough; the digits are optional
     * ({@code #}), so 0.5 is not printed as 0.50.
     *
     * @param min smallest value on the axis
     * @param max largest value on the axis
     * @return a pattern such as {@code "#,##0.##"}
     */
    static String decimalPattern(double min, double max) {
        double magnitude = Math.max(Math.abs(min), Math.abs(max));
        if (magnitude >= SCIENTIFIC_FROM) {
            return "0.###E0";
        }
        double span = max - min;
        if (!(span > 0)) {
            span = magnitude > 0 ? magnitude : 1;
        }
        int decimals = (int) Math.ceil(-Math.log10(span / 10)) + 1;
        decimals = Math.max(0, Math.min(12, decimals));
        return decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals);
    }

    /**
     * Whether a log axis over [min, max] should label only powers of ten. Across more than one
     * decade the 2, 3, ..., 9 labels between them collide; within one decade they are the only
     * labels there are.
     *
     * @param min smallest positive value on the axis
     * @param max largest value on the axis
     * @return true to label decades only
     */
    static boolean decadesOnly(double min, double max) {
        return !(min > 0) || Math.log10(max / min) > 1.0;
    }

    /**
     * Wraps a legend label onto lines of at most about {@value #LEGEND_WRAP} characters, so one
     * long sweep label (such as {@code boltzmann[policy.temperature.value=0.05]}) does not squeeze
     * the plot. The preferred break is before an opening bracket, which separates a variant's name
     * from its swept settings; next comes the last space, comma, semicolon, slash, equals sign or
     * dot that leaves a reasonably long line; a run without any is cut hard.
     *
     * @param label the label, possibly containing line breaks already
     * @return the wrapped label
     */
    static String wrapLegend(String label) {
        StringBuilder out = new StringBuilder(label.length() + 8);
        for (String line : label.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            wrapLine(line, out);
        }
        return out.toString();
    }

    private static void wrapLine(String line, StringBuilder out) {
        String rest = line;
        while (rest.length() > LEGEND_WRAP) {
            int cut = breakPoint(rest);
            out.append(rest, 0, cut).append('\n');
            rest = rest.substring(cut).stripLeading();
        }
        out.append(rest);
    }

    private static int breakPoint(String text) {
        for (int i = LEGEND_WRAP; i > 0; i--) {
            char c = text.charAt(i);
            if (c == '[' || c == '(' || c == '{') {
                return i;
            }
        }
        for (int i = LEGEND_WRAP; i > LEGEND_WRAP / 3; i--) {
            if (text.charAt(i) == ' ' || ",;/=.".indexOf(text.charAt(i - 1)) >= 0) {
                return i;
            }
        }
        return LEGEND_WRAP;
    }
}
