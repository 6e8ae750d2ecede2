package kelvin.experiments.compare;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.Location;

/**
 * The equivalence margin of {@code --margin}: a number in the metric's units ({@code 5}, {@code 0.02})
 * or a number of standard errors ({@code 4se}). A standard error is that of the difference of two
 * independent means with A's spread, sqrt(2) sd_A / sqrt(n_A): the spread a correct B drawn like A
 * shows against A when nothing is paired. It is read from A, the reference, alone, so a noisier B
 * cannot widen the margin. A correct B with independent runs then fails {@code 4se} about 1.9% of
 * the time per metric (the TOST needs |d| / se_d below 4 - 1.645), {@code 5se} about 0.08%; runs
 * paired under common random numbers fail less, as their differences vary less.
 *
 * @param amount the number given, finite and &gt; 0
 * @param standardErrors whether it counts standard errors of a difference with A's spread rather than
 *     the metric's units
 */
public record Margin(double amount, boolean standardErrors) {

    private static final Pattern FORM = Pattern.compile("\\s*([0-9.eE+-]+)\\s*(se)?\\s*");

    /**
     * Reads {@code --margin}.
     *
     * @param text {@code X} (metric units) or {@code Xse} (standard errors of a difference with A's spread)
     * @return the margin
     * @throws ConfigException (exit 2) when the text is not a positive finite number, optionally followed by se
     */
    public static Margin parse(String text) {
        Matcher m = FORM.matcher(text);
        double x = Double.NaN;
        if (m.matches()) {
            try {
                x = Double.parseDouble(m.group(1));
            } catch (NumberFormatException e) {
                x = Double.NaN;
            }
        }
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new ConfigException(Location.of("--margin"), "", "'" + text + "' is not a margin; give a number > 0 "
                    + "in the metric's units (e.g. 5) or in standard errors (e.g. 4se)");
        }
        return new Margin(x, m.group(2) != null);
    }

    /**
     * The margin in the metric's units for one comparison.
     *
     * @param a side A of the comparison
     * @return amount, or amount * sqrt(2) * A's standard error of the mean
     */
    public double inUnits(Sample a) {
        return standardErrors ? amount * Math.sqrt(2) * a.standardError() : amount;
    }

    @Override
    public String toString() {
        String x = amount == Math.rint(amount) && Math.abs(amount) < 1e15
                ? Long.toString((long) amount) : Double.toString(amount);
        return standardErrors ? x + "se" : x;
    }
}
