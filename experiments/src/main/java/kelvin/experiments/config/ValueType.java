package kelvin.experiments.config;

import java.util.List;
import java.util.Locale;

/**
 * What a config key accepts. Each type can describe itself in words for error messages, for
 * {@code kelvin list} and for the README, so the allowed values are stated in exactly one place.
 */
public sealed interface ValueType {

    /** Words for "what is allowed", e.g. "a number in (0, 1]". */
    String describe();

    /** A real number in an interval; infinity only where {@code allowInfinity}. NaN never. */
    record Num(double min, boolean minOpen, double max, boolean maxOpen, boolean allowInfinity)
            implements ValueType {

        public static Num any() {
            return new Num(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, false);
        }

        public static Num atLeast(double min) {
            return new Num(min, false, Double.POSITIVE_INFINITY, true, false);
        }

        public static Num positive() {
            return new Num(0, true, Double.POSITIVE_INFINITY, true, false);
        }

        public static Num closed(double min, double max) {
            return new Num(min, false, max, false, false);
        }

        /** A temperature: [0, +inf], infinity allowed (uniform policy). */
        public static Num temperature() {
            return new Num(0, false, Double.POSITIVE_INFINITY, false, true);
        }

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

    /** A whole number in [min, max]. */
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

    /** A string matching a pattern, described in words. */
    record Str(String regex, String what) implements ValueType {
        @Override
        public String describe() {
            return what;
        }
    }

    /** One of a fixed set of words. */
    record Choice(List<String> values) implements ValueType {
        @Override
        public String describe() {
            return "one of " + String.join(", ", values);
        }
    }

    /** A list of numbers, each of the element type, with a minimum length. */
    record NumList(Num element, int minSize) implements ValueType {
        @Override
        public String describe() {
            return "a list of at least " + minSize + " numbers, each " + element.describe();
        }
    }

    /** A list of strings (e.g. the rows of a map), at least one. */
    record StrList(String what) implements ValueType {
        @Override
        public String describe() {
            return what;
        }
    }

    /** A list of words, each one of {@code element}. */
    record ChoiceList(Choice element) implements ValueType {
        @Override
        public String describe() {
            return "a list of " + String.join(", ", element.values());
        }
    }

    /** A mapping whose {@code kind.discriminator()} key names its type in the catalog. */
    record Nested(Kind kind) implements ValueType {
        @Override
        public String describe() {
            return "a mapping with " + kind.discriminator() + ": (one of " + String.join(", ", Catalog.names(kind)) + ")";
        }
    }

    /**
     * Either a plain number (a constant, as the {@code fixed} schedule) or a schedule mapping. Used
     * for epsilon and temperature, which may change over time.
     */
    record NumOrSchedule(Num constant) implements ValueType {
        @Override
        public String describe() {
            return constant.describe() + ", or a mapping with schedule: (one of "
                    + String.join(", ", Catalog.names(Kind.SCHEDULE)) + ")";
        }
    }

    /** A small mapping of its own keys (e.g. {@code reheat: {patience, to}}), bound to {@link Values}. */
    record Group(String what, List<Key> keys) implements ValueType {
        public Group {
            keys = List.copyOf(keys);
        }

        @Override
        public String describe() {
            List<String> names = new java.util.ArrayList<>();
            for (Key k : keys) {
                names.add(k.name());
            }
            return "a mapping {" + String.join(", ", names) + "}";
        }
    }

    /**
     * Arm means: a list of numbers, or {distribution: normal, mean, sd} to draw them per run.
     */
    record Means(Num element) implements ValueType {
        @Override
        public String describe() {
            return "a list of numbers (each " + element.describe() + ") or {distribution: normal, mean, sd}";
        }
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return Double.toString(v);
    }
}
