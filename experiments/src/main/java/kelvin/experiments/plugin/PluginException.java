package kelvin.experiments.plugin;

/** A plug-in that cannot be loaded or used: one line for the user, exit code 2. */
public final class PluginException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure described by one line.
     *
     * @param message what is wrong, naming the plug-in's path
     */
    public PluginException(String message) {
        super(message);
    }

    /**
     * A failure with the exception that caused it.
     *
     * @param message what is wrong, naming the plug-in's path
     * @param cause the underlying error (shown with --debug)
     */
    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
