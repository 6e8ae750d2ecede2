package kelvin.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a config key accepts. Each type describes itself in words for error messages,
 * {@code kelvin list} and the README, so the allowed values are stated in exactly one place.
 * {@link Nested} and {@link NumOrSchedule} name a kind of component; the names of that kind are
 * added to their description by whoever knows the registered components.
 */
public sealed interface ValueType {

    /**
     * Words for "what is allowed".
     *
     * @return e.g. "a number in (0, 1]"
     */
    String describe();

    /**
     * A real number in an interval; infinity only where {@code allowInfinity}; NaN never.
     *
     * @param min the lower end
     * @param minOpen whether the lower end is excluded
     * @param max the upper end
     * @param maxOpen whether the upper end is excluded
     * @param allowInfinity whether +infinity (or -infinity) is accepted when in range
     */
    record Num(double min, boolean minOpen, double max, boolean maxOpen, boolean allowInfinity)
            implements ValueType {

        /**
         * The largest magnitude of a reward, a mean, a noise sd, an initial value or a scale that
         * multiplies them. Sums of such values over 10^8 steps stay below about 1e60, so their squares
         * (running moments) and the squares of those variances (Welch's degrees of freedom of a paired
         * comparison) stay below 1e250, and so do the preferences a step size of this size builds; no
         * experiment needs rewards beyond it.
         */
        public static final double MAX_MAGNITUDE = 1e50;

        /**
         * Any finite number.
         *
         * @return the type
         */
        public static Num any() {
            return new Num(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, false);
        }

        /**
         * A number of at most {@link #MAX_MAGNITUDE} in absolute value: a reward, a mean or an initial
         * value, which sums and squares must keep finite.
         *
         * @return the type [-1e50, 1e50]
         */
        public static Num magnitude() {
            return closed(-MAX_MAGNITUDE, MAX_MAGNITUDE);
        }

        /**
         * A scale from 0 to {@link #MAX_MAGNITUDE}: a noise sd, an exploration weight.
         *
         * @return the type [0, 1e50]
         */
        public static Num scale() {
            return closed(0, MAX_MAGNITUDE);
        }

        /**
         * A finite number at least {@code min}.
         *
         * @param min the smallest value allowed
         * @return the type
         */
        public static Num atLeast(double min) {
            return new Num(min, false, Double.POSITIVE_INFINITY, true, false);
        }

        /**
         * A finite number above 0.
         *
         * @return the type
         */
        public static Num positive() {
            return new Num(0, true, Double.POSITIVE_INFINITY, true, false);
        }

        /**
         * A number in [min, max].
         *
         * @param min the lower end
         * @param max the upper end
         * @return the type
         */
        public static Num closed(double min, double max) {
            return new Num(min, false, max, false, false);
        }

        /**
         * A temperature: [0, +infinity], infinity allowed (the uniform policy).
         *
         * @return the type
         */
        public static Num temperature() {
            return new Num(0, false, Double.POSITIVE_INFINITY, false, true);
        }

        /**
         * Whether {@code v} is allowed.
         *
         * @param v a number
         * @return true when in range (and finite unless infinity is allowed)
         */
        public boolean accepts(double v) {
            if (Double.isNaN(v)) {
                return false;
            }
            if (Double.isInfinite(v) && !allowInfinity) {
                return false;
            }
            boolean aboveMin = minOpen ? v > min : v >= min;
            boolean belowMax = maxOpen ? v < max : v <= max;
            return aboveMin && belowMax;
        }

        @Override
        public String describe() {
            boolean noMin = min == Double.NEGATIVE_INFINITY;
            boolean noMax = max == Double.POSITIVE_INFINITY;
            String suffix = allowInfinity ? " (inf allowed)" : "";
            if (noMin && noMax) {
                return "a finite number";
            }
            if (noMax) {
                return "a number " + (minOpen ? "> " : ">= ") + fmt(min) + suffix;
            }
            return "a number in " + (minOpen ? "(" : "[") + fmt(min) + ", " + fmt(max) + (maxOpen ? ")" : "]") + suffix;
        }
    }

    /**
     * A whole number in [min, max].
     *
     * @param min the smallest value
     * @param max the largest value ({@code Long.MAX_VALUE}: no upper limit)
     */
    record Int(long min, long max) implements ValueType {
        @Override
        public String describe() {
            return max == Long.MAX_VALUE ? "a whole number >= " + min : "a whole number from " + min + " to " + max;
        }
    }

    /** true or false. */
    record Bool() implements ValueType {
        @Override
        public String describe() {
            return "true or false";
        }
    }

    /**
     * A string matching a pattern, described in words.
     *
     * @param regex the whole string must match it
     * @param what the description
     */
    record Str(String regex, String what) implements ValueType {
        @Override
        public String describe() {
            return what;
        }
    }

    /**
     * One of a fixed set of words.
     *
     * @param values the words allowed, in the order listings show them
     */
    record Choice(List<String> values) implements ValueType {
        /**
         * Copies the words.
         *
         * @param values the words allowed
         */
        public Choice {
            values = List.copyOf(values);
        }

        @Override
        public String describe() {
            return "one of " + String.join(", ", values);
        }
    }

    /**
     * A list of numbers, each of the element type, with a minimum length.
     *
     * @param element what each number must be
     * @param minSize the fewest numbers allowed
     */
    record NumList(Num element, int minSize) implements ValueType {
        @Override
        public String describe() {
            return "a list of at least " + minSize + " numbers, each " + element.describe();
        }
    }

    /**
     * A list of strings (e.g. the rows of a map), at least one.
     *
     * @param what the description
     */
    record StrList(String what) implements ValueType {
        @Override
        public String describe() {
            return what;
        }
    }

    /**
     * A list of distinct words, each one of {@code element}.
     *
     * @param element the words allowed
     */
    record ChoiceList(Choice element) implements ValueType {
        @Override
        public String describe() {
            return "a list of " + String.join(", ", element.values());
        }
    }

    /**
     * A mapping whose discriminator key names a component of {@code kind}; the factory receives the
     * built component.
     *
     * @param kind the kind of component
     */
    record Nested(Kind kind) implements ValueType {
        @Override
        public String describe() {
            return "a mapping with " + kind.discriminator() + ": naming a " + kind.word();
        }
    }

    /**
     * Either a plain number or a schedule mapping; a number n stands for
     * {@code {schedule: fixed, value: n}} (the {@link #CONSTANT} schedule). Used for epsilon and
     * temperature, which may change over time; the factory receives a schedule.
     *
     * @param constant what a plain number must be
     */
    record NumOrSchedule(Num constant) implements ValueType {
        /** The schedule a plain number stands for, and the key that takes the number. */
        public static final String CONSTANT = "fixed";
        /** The key of {@link #CONSTANT} that a plain number fills. */
        public static final String CONSTANT_KEY = "value";

        @Override
        public String describe() {
            return constant.describe() + ", or a mapping with schedule: naming a schedule";
        }
    }

    /**
     * A small mapping of its own keys (e.g. {@code reheat: {patience, to}}); the factory receives
     * its {@link Settings} through {@link Settings#group(String)}.
     *
     * @param what the mapping in words, for messages
     * @param keys its keys
     */
    record Group(String what, List<Key> keys) implements ValueType {
        /**
         * Copies the keys.
         *
         * @param what the mapping in words
         * @param keys its keys
         */
        public Group {
            keys = List.copyOf(keys);
        }

        @Override
        public String describe() {
            List<String> names = new ArrayList<>();
            for (Key k : keys) {
                names.add(k.name());
            }
            return "a mapping {" + String.join(", ", names) + "}";
        }
    }

    /**
     * A list of numbers or a mapping of the group's keys (arm means: a list, or a distribution to
     * draw them from). The factory asks {@link Settings#isList(String)} which was written.
     *
     * @param list the list form
     * @param group the mapping form
     */
    record ListOrGroup(NumList list, Group group) implements ValueType {
        @Override
        public String describe() {
            return "a list of numbers (each " + list.element().describe() + ") or " + group.describe();
        }
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        // 1e100 rather than 1.0E100: the way a config would write it
        return Double.toString(v).replace(".0E", "e").replace('E', 'e');
    }
}
