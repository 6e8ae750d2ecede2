package kelvin.plots;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Formats axis tick values for people: short, locale-independent, and free of binary round-off.
 *
 * <p>Tick positions are computed in floating point, so a tick meant to be 0.3 may arrive as
 * 0.30000000000000004. Rounding to {@value #SIGNIFICANT} significant digits removes that noise
 * while keeping every tick of a narrow axis distinct. Very large and very small magnitudes switch
 * to scientific notation ({@code 2.5e-5}) so labels stay short; large integers get thousands
 * separators ({@code 25,000}). Output never depends on the default locale, so files are the same
 * on every machine.
 */
final class TickFormat {

    private static final int SIGNIFICANT = 7;
    private static final double SCIENTIFIC_ABOVE = 1e7;
    private static final double SCIENTIFIC_BELOW = 1e-4;
    private static final double GROUPING_FROM = 1e4;

    private TickFormat() {
    }

    /**
     * Formats one tick value.
     *
     * @param value the tick value (NaN and infinities are printed as such)
     * @return a short label such as {@code "0.3"}, {@code "1,000"}, {@code "1e-5"}
     */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        if (value == 0) {
            return "0"; // also turns -0.0 into "0"
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(SIGNIFICANT)).stripTrailingZeros();
        double magnitude = Math.abs(value);
        if (magnitude >= SCIENTIFIC_ABOVE || magnitude < SCIENTIFIC_BELOW) {
            return scientific(rounded);
        }
        if (magnitude >= GROUPING_FROM && rounded.scale() <= 0) {
            DecimalFormat grouped = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
            return grouped.format(rounded);
        }
        return rounded.toPlainString();
    }

    private static String scientific(BigDecimal rounded) {
        // unscaledValue * 10^-scale, written as d.ddd e exponent
        String digits = rounded.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (rounded.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
    }
}
