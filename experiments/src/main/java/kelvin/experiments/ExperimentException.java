package kelvin.experiments;

import java.util.regex.Pattern;

/** A failure while running an experiment that is not the config's fault (exit code 1). */
public class ExperimentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The class name that a wrapping exception puts before its cause's message. */
    private static final Pattern WRAPPED =
            Pattern.compile("\\b(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error)(?::\\s*|\\b)");
    /** A package before a class name, as in messages that name types ({@code java.lang.String}). */
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+(?=[A-Z])");

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

    /**
     * What went wrong, in the failure's own words and never by the name of its class: the message
     * on one line, without the class names that wrapping exceptions put in front and without the
     * packages of the types it names, or for the few failures that come without one, what they mean.
     *
     * @param failure an exception or error
     * @return one line
     */
    public static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (message != null) {
            message = QUALIFIED.matcher(WRAPPED.matcher(message).replaceAll("")).replaceAll("")
                    .strip().replaceAll("\\s*\\R\\s*", " ");
        }
        if (message != null && !message.isBlank()) {
            return message;
        }
        if (failure instanceof StackOverflowError) {
            return "the call stack overflowed (a recursion too deep)";
        }
        if (failure instanceof ArithmeticException) {
            return "an arithmetic error";
        }
        return "an internal error without a message";
    }
}
