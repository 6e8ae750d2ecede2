package kelvin.experiments.config;

import java.util.Collection;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" hints for near-misses of keys and names. */
public final class Suggestions {
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

    private Suggestions() {
    }

    /**
     * The closest option to {@code given} if it is a plausible typo (at most 2 edits, or 3 for long
     * words, ignoring case and - vs _), else null.
     *
     * @param given what the config says
     * @param options the allowed words
     * @return the closest option, or null
     */
    public static String closest(String given, Collection<String> options) {
        String g = normalise(given);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String option : options) {
            int d = DISTANCE.apply(g, normalise(option));
            if (d >= 0 && d < bestDistance) {
                bestDistance = d;
                best = option;
            }
        }
        int allowed = given.length() >= 8 ? 3 : given.length() >= 4 ? 2 : 1;
        return bestDistance <= allowed ? best : null;
    }

    /**
     * The "did you mean" suffix of an error message.
     *
     * @param given what the config says
     * @param options the allowed words
     * @return " (did you mean x?)" when {@link #closest} finds one, else ""
     */
    public static String hint(String given, Collection<String> options) {
        String c = closest(given, options);
        return c == null ? "" : " (did you mean " + c + "?)";
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
