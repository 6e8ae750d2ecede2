package kelvin.experiments.results;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import kelvin.experiments.metric.Metric;

/**
 * How people read a mean and its 95% interval, on the command line and in report.html alike: one
 * rule, so the same result prints the same way in both. CSV files keep every digit and never pass
 * through here.
 *
 * <p>The rule:
 * <ul>
 *   <li><b>Digits from the interval.</b> The half-width h of the 95% interval is written with two
 *       significant digits; its last digit's decimal place is the last one printed for the mean and
 *       both bounds: 2491 with h = 450 prints {@code 2490 [2040, 2940]}, 0.782 with h = 0.036
 *       prints {@code 0.782 [0.746, 0.818]}. Digits are rounded half up from the shortest decimal
 *       that reads back as the double ({@link BigDecimal#valueOf(double)}), so 0.1 + 0.2 is 0.3.</li>
 *   <li><b>Form: {@code mean [low, high]}</b>, as the report's tables are headed; a signed mean
 *       ({@code +112 [100, 123]}) for differences.</li>
 *   <li><b>Plain decimals</b> when the rounded bound farthest from 0 (for a value alone, the value)
 *       is in [1e-4, 1e7), the range where the charts' axes write plain numbers too; thousands are
 *       not grouped, since a comma already separates the bounds. Outside that range, all numbers of
 *       the interval are scientific with the same last decimal place: {@code 1.235e-6
 *       [1.223e-6, 1.247e-6]}, {@code 1.23457e7}. One form per interval, so its numbers line
 *       up.</li>
 *   <li><b>Zero is {@code 0}:</b> exact zero, negative zero and any value that rounds to 0 at the
 *       chosen place, without sign or trailing zeros.</li>
 *   <li><b>No spread.</b> A half-width of at most 1e-9 times the larger of |mean| and 1 is
 *       round-off, not spread: runs that gave the same value summed in a different order, sums over
 *       up to 10^7 steps (each addition may err by 1.1e-16 relative), or greedy values from value
 *       iteration, which stops at a residual that leaves up to about 1e-9 relative error (the
 *       tolerance under which Kelvin ties action values). The mean prints with four significant
 *       digits, trailing zeros dropped, followed by {@code (no spread)}, not {@code +- 0.0} nor
 *       {@code 5.6e-17}. The floor of 1 makes a mean of exactly 0 with a round-off spread print as
 *       {@code 0 (no spread)}; a true spread below 1e-9 around a mean below 1 in magnitude is taken
 *       as none.</li>
 *   <li><b>No interval</b> (one run, or bounds that are not finite): four significant digits,
 *       trailing zeros dropped, then why, from {@link Interval#missing()}:
 *       {@code 231.6 (n = 1, no interval)}.</li>
 *   <li><b>Not finite:</b> {@code NaN}, {@code inf}, {@code -inf}.</li>
 *   <li><b>Percentages.</b> A metric whose chart shows percent ({@link Metric#chartScale()} is 100,
 *       as for optimal action) prints in percent with the unit after the mean:
 *       {@code 78.2% [74.6, 81.8]}; the rule applies to the values in percent.</li>
 * </ul>
 */
public final class ValueFormat {

    /** Numbers as they are. */
    public static final ValueFormat PLAIN = new ValueFormat(1, "");

    /** Shares printed in percent, {@code 0.873} as {@code 87.3%}. */
    public static final ValueFormat PERCENT = new ValueFormat(100, "%");

    /** Significant digits of the half-width, which set the last printed decimal place. */
    private static final int INTERVAL_DIGITS = 2;

    /** Significant digits of a value without an interval or without spread. */
    private static final int BARE_DIGITS = 4;

    /** Relative half-width at or below which a spread is round-off. */
    private static final double ROUND_OFF = 1e-9;

    private static final BigDecimal PLAIN_FROM = new BigDecimal("1e-4");
    private static final BigDecimal PLAIN_BELOW = new BigDecimal("1e7");

    private final double scale;
    private final String unit;

    private ValueFormat(double scale, String unit) {
        this.scale = scale;
        this.unit = unit;
    }

    /**
     * The format of a metric's values: in percent where its chart shows percent.
     *
     * @param metric the metric
     * @return {@link #PERCENT} when {@link Metric#chartScale()} is 100, else {@link #PLAIN}
     */
    public static ValueFormat of(Metric metric) {
        return metric.chartScale() == 100 ? PERCENT : PLAIN;
    }

    /**
     * A mean and its 95% interval: {@code 232 [221, 243]}, {@code 0.5003 (no spread)},
     * {@code 231.6 (n = 1, no interval)}.
     *
     * @param iv the interval
     * @return the text
     */
    public String interval(Interval iv) {
        return interval(iv, false);
    }

    /**
     * A difference and its 95% interval, the mean signed: {@code +112 [100, 123]},
     * {@code -3.2 [-5.0, -1.4]}, {@code 0 [-2.1, 2.1]}.
     *
     * @param iv the interval of the difference
     * @return the text
     */
    public String signed(Interval iv) {
        return interval(iv, true);
    }

    /**
     * An interval alone, its digits set by its own half-width: 100.3 to 123.1 prints
     * {@code [100, 123]}.
     *
     * @param low the lower bound
     * @param high the upper bound
     * @return the text; each bound with four significant digits, trailing zeros dropped, when the
     *     bounds are not both finite or only round-off apart
     */
    public String bounds(double low, double high) {
        double lo = low * scale;
        double hi = high * scale;
        double half = (hi - lo) / 2;
        if (!Double.isFinite(half) || roundOff(half, (lo + hi) / 2)) {
            return "[" + bare(lo) + ", " + bare(hi) + "]";
        }
        int place = lastPlace(half);
        BigDecimal l = round(lo, place);
        BigDecimal h = round(hi, place);
        boolean plain = plain(l.abs().max(h.abs()));
        return "[" + text(l, plain) + ", " + text(h, plain) + "]";
    }

    /**
     * A value alone in this format's unit: {@code 1141}, {@code 89.33%}, {@code 0.1010}.
     *
     * @param v the value, unscaled
     * @return four significant digits as {@link #bare} writes them, with the unit when finite
     */
    public String value(double v) {
        return Double.isFinite(v) ? bare(v * scale) + unit : bare(v);
    }

    /**
     * A difference alone, signed: {@code +1050}, {@code -67.67%}, {@code 0}.
     *
     * @param v the difference, unscaled
     * @return as {@link #value}, with a plus before a positive number
     */
    public String signedValue(double v) {
        return sign(bare(v * scale), true) + (Double.isFinite(v) ? unit : "");
    }

    private String interval(Interval iv, boolean signed) {
        double mean = iv.mean() * scale;
        String suffix = Double.isFinite(mean) ? unit : "";
        if (!iv.defined()) {
            return sign(bare(mean), signed) + suffix + " (" + iv.missing() + ")";
        }
        double low = iv.low() * scale;
        double high = iv.high() * scale;
        // the bounds are mean -+ h, but each subtraction rounds: the wider side decides
        double half = Math.max(high - mean, mean - low);
        if (roundOff(half, mean)) {
            return sign(bare(mean), signed) + suffix + " (no spread)";
        }
        int place = lastPlace(half);
        BigDecimal l = round(low, place);
        BigDecimal h = round(high, place);
        boolean plain = plain(l.abs().max(h.abs()));
        return sign(text(round(mean, place), plain), signed) + suffix + " [" + text(l, plain) + ", "
                + text(h, plain) + "]";
    }

    private static boolean roundOff(double half, double mean) {
        return !(half > ROUND_OFF * Math.max(Math.abs(mean), 1));
    }

    /** A plus before a positive number when asked; zero and negatives print as they are. */
    private static String sign(String number, boolean signed) {
        return signed && !number.equals("0") && !number.startsWith("-") && !number.equals("NaN") ? "+" + number
                : number;
    }

    /**
     * The decimal place of a half-width's last significant digit: -3 for 0.036, 1 for 450, -2 for
     * 0.0999.
     *
     * @param half a half-width, finite and above 0
     * @return the power of ten of the last printed digit
     */
    static int lastPlace(double half) {
        // rounded first, so 0.0999 (0.10 to two digits) ends at the hundredths as 0.1 does
        BigDecimal h = BigDecimal.valueOf(half).round(new MathContext(INTERVAL_DIGITS, RoundingMode.HALF_UP));
        int leading = h.precision() - h.scale() - 1;
        return leading - INTERVAL_DIGITS + 1;
    }

    /**
     * A value alone, as an axis range or a cut-off mean is written: {@value #BARE_DIGITS}
     * significant digits, no trailing zeros, plain or scientific by the rule above.
     *
     * @param v the value
     * @return the text
     */
    static String bare(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = BigDecimal.valueOf(v);
        int leading = d.precision() - d.scale() - 1;
        BigDecimal rounded = d.setScale(BARE_DIGITS - 1 - leading, RoundingMode.HALF_UP).stripTrailingZeros();
        return text(rounded, plain(rounded.abs()));
    }

    /**
     * A finite value rounded half up to a decimal place.
     *
     * @param v the value
     * @param place the power of ten of the last digit kept (-2 for hundredths)
     * @return the rounded decimal
     */
    private static BigDecimal round(double v, int place) {
        return BigDecimal.valueOf(v).setScale(-place, RoundingMode.HALF_UP);
    }

    /** Whether numbers up to this magnitude print as plain decimals. */
    private static boolean plain(BigDecimal magnitude) {
        return magnitude.compareTo(PLAIN_FROM) >= 0 && magnitude.compareTo(PLAIN_BELOW) < 0;
    }

    /** A rounded decimal, plain or as {@code d.ddde-n}, keeping its digits; 0 whatever its scale. */
    private static String text(BigDecimal d, boolean plain) {
        if (d.signum() == 0) {
            return "0";
        }
        if (plain) {
            return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
        }
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
    }
}
