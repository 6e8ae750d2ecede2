package kelvin.experiments;

/** A failure while running an experiment that is not the config's fault (exit code 1). */
public class ExperimentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExperimentException(String message) {
        super(message);
    }

    public ExperimentException(String message, Throwable cause) {
        super(message, cause);
    }
}
