package kelvin.experiments.config;

/**
 * A problem with a config that the user must fix: where it is, which key path, what was wrong and
 * what is allowed. The CLI prints {@link #getMessage()} as one line and exits with code 2; a long key
 * in the path, and a problem far longer than any Kelvin writes, are cut there ({@link Echo}).
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Location location;
    /** The dotted key path of the value at fault. */
    private final String path;
    /** What was wrong and what is allowed. */
    private final String problem;

    /**
     * A problem at a place in a config; the message is {@code FILE:LINE:COL: PATH: PROBLEM}.
     *
     * @param location where the value was written, or null when no place applies
     * @param path the dotted key path ({@code agents.eps.policy.epsilon}), empty for the document itself
     * @param problem what was wrong and what is allowed
     */
    public ConfigException(Location location, String path, String problem) {
        super(format(location, path, problem));
        this.location = location;
        this.path = path;
        this.problem = problem == null ? "" : Echo.problem(problem);
    }

    private static String format(Location location, String path, String problem) {
        StringBuilder sb = new StringBuilder();
        if (location != null) {
            sb.append(location).append(": ");
        }
        if (path != null && !path.isEmpty()) {
            sb.append(Echo.path(path)).append(": ");
        }
        return sb.append(problem == null ? "" : Echo.problem(problem)).toString();
    }

    /**
     * Where the value at fault was written.
     *
     * @return the location, or null when no place applies
     */
    public Location location() {
        return location;
    }

    /**
     * The dotted key path of the value at fault.
     *
     * @return the path, empty for the document itself
     */
    public String path() {
        return path;
    }

    /**
     * What was wrong, without the location and path.
     *
     * @return the problem and what is allowed
     */
    public String problem() {
        return problem;
    }
}
