package kelvin.experiments;

/** A failure while running an experiment that is not the config's fault (exit code 1). */
public class ExperimentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure described by one line.
     *
     * @param message what went wrong, as the CLI prints it after "error: "
     */
    public ExperimentException(String message) {
        super(message);
    }

    /**
     * A failure with the exception that caused it (shown with {@code --debug}).
     *
     * @param message what went wrong, as the CLI prints it after "error: "
     * @param cause the underlying exception
     */
    public ExperimentException(String message, Throwable cause) {
        super(message, cause);
    }
}
