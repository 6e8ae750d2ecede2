package kelvin.experiments.scaffold;

/**
 * A {@code kelvin new} request that cannot be honoured as asked (an unknown kind, a bad or taken
 * name, a file that exists): the user's to fix, reported as one line with exit code 2, and nothing
 * has been written.
 */
public final class ScaffoldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A refusal.
     *
     * @param message what is wrong and what is allowed, in the user's terms
     */
    public ScaffoldException(String message) {
        super(message);
    }
}
