package kelvin.experiments.run;

/**
 * A failure inside a simulation's loop, carrying where in the run it happened ({@code step 4031},
 * {@code episode 12, step 40}) up to the loop over runs, which adds the run and the variant
 * ({@link RunFailure}). Only the cause's stack trace matters.
 */
final class StepFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Where in the run, 1-based, as the message shows it. */
    final String where;

    StepFailure(String where, RuntimeException cause) {
        super(where, cause, false, false);
        this.where = where;
    }
}
