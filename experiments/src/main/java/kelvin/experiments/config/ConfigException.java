package kelvin.experiments.config;

/**
 * A problem with a config that the user must fix: where it is, which key path, what was wrong and
 * what is allowed. The CLI prints {@link #getMessage()} as one line and exits with code 2.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Location location;
    private final String path;
    private final String problem;

    public ConfigException(Location location, String path, String problem) {
        super(format(location, path, problem));
        this.location = location;
        this.path = path;
        this.problem = problem;
    }

    private static String format(Location location, String path, String problem) {
        StringBuilder sb = new StringBuilder();
        if (location != null) {
            sb.append(location).append(": ");
        }
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(problem).toString();
    }

    public Location location() {
        return location;
    }

    /** The dotted key path, empty for the document itself. */
    public String path() {
        return path;
    }

    /** What was wrong, without the location and path. */
    public String problem() {
        return problem;
    }
}
