package kelvin.experiments.lab;

/**
 * A request the lab refuses or cannot answer: the HTTP status and one line for the page to show,
 * in the words the CLI would use (never a class name or stack trace).
 */
public final class LabException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status of the answer. */
    private final int status;

    /**
     * A refusal.
     *
     * @param status the HTTP status, 400 to 599
     * @param message what is wrong, for the user
     */
    public LabException(int status, String message) {
        super(message);
        this.status = status;
    }

    /**
     * The HTTP status of the answer.
     *
     * @return 400 to 599
     */
    public int status() {
        return status;
    }
}
