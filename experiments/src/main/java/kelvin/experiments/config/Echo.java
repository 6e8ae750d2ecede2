package kelvin.experiments.config;

import java.util.Locale;

/**
 * What a config wrote, as an error message may repeat it: at most {@link #MAX_CHARS} characters and
 * always on one line. A message is read by a person on one terminal line, so a megabyte-long value,
 * or a file that was never a config, must not be copied into it whole.
 */
public final class Echo {
    /** The most characters of a value a message repeats. */
    public static final int MAX_CHARS = 80;
    /** The longest a whole problem may grow before it is cut as a last resort. */
    static final int MAX_PROBLEM_CHARS = 1000;

    private Echo() {
    }

    /**
     * A value as a message repeats it, without quotes: the value itself when short, else its start
     * followed by {@code ... (N characters)}; control characters are escaped so it stays on one line.
     *
     * @param value what the config wrote
     * @return at most about {@link #MAX_CHARS} characters of it, with its length when cut
     */
    public static String plain(String value) {
        return cut(value, MAX_CHARS, false);
    }

    /**
     * A value in double quotes as a message repeats it: {@code "0.1"}, or
     * {@code "aaaa..." (1000000 characters)} when long.
     *
     * @param value what the config wrote
     * @return the quoted value, cut like {@link #plain}
     */
    public static String quoted(String value) {
        return cut(value, MAX_CHARS, true);
    }

    /**
     * A dotted key path as a message repeats it: each key of it cut like {@link #plain}, so a long
     * agent name does not hide where in the config the problem is.
     *
     * @param path a dotted key path
     * @return the path with each long key cut
     */
    static String path(String path) {
        if (path.length() <= MAX_CHARS && oneLine(path)) {
            return path;
        }
        StringBuilder sb = new StringBuilder();
        for (String key : path.split("\\.", -1)) {
            sb.append(sb.length() > 0 ? "." : "").append(plain(key));
        }
        return sb.toString();
    }

    /**
     * A whole problem text, as a last resort for messages that repeat a value without {@link #plain}
     * (a component's own message): each run of more than {@link #MAX_CHARS} + 20 characters without a
     * space is cut like a value, and the whole is cut at {@link #MAX_PROBLEM_CHARS} characters.
     */
    static String problem(String problem) {
        if (problem.length() <= MAX_CHARS && oneLine(problem)) {
            return problem;
        }
        StringBuilder sb = new StringBuilder();
        int start = 0;
        while (start <= problem.length()) {
            int space = problem.indexOf(' ', start);
            int end = space < 0 ? problem.length() : space;
            String word = problem.substring(start, end);
            sb.append(word.length() > MAX_CHARS + 20 ? plain(word) : word);
            if (space < 0) {
                break;
            }
            sb.append(' ');
            start = space + 1;
        }
        return cut(sb.toString(), MAX_PROBLEM_CHARS, false);
    }

    private static boolean oneLine(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String cut(String value, int max, boolean quote) {
        if (value == null) {
            return "null";
        }
        int length = value.codePointCount(0, value.length());
        boolean longer = length > max;
        String head = longer ? value.substring(0, value.offsetByCodePoints(0, max)) : value;
        StringBuilder sb = new StringBuilder(head.length() + 32);
        if (quote) {
            sb.append('"');
        }
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (Character.isISOControl(c)) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (longer) {
            sb.append("...");
        }
        if (quote) {
            sb.append('"');
        }
        if (longer) {
            sb.append(" (").append(length).append(" characters)");
        }
        return sb.toString();
    }
}
