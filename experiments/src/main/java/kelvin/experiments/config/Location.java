package kelvin.experiments.config;

/**
 * Where a config value was written: a file (or a pseudo-source such as {@code --set}), a 1-based
 * line and a 1-based column. Line 0 means "no position known" (for example a default value).
 *
 * @param source the file's path as given, or a pseudo-source such as {@code --set}
 * @param line the 1-based line, or 0 when no position is known
 * @param column the 1-based column, or 0 when no position is known
 */
public record Location(String source, int line, int column) {

    /**
     * A location for values that come from no file position.
     *
     * @param source what to name as the source ({@code --set}, a default)
     * @return a location with line and column 0
     */
    public static Location of(String source) {
        return new Location(source, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ":" + column : source;
    }
}
