package kelvin.experiments.run;

import kelvin.experiments.ExperimentException;

/**
 * A run failed: one line naming the run, the variant and the step (or episode) where it happened,
 * then the failure's own words, e.g. {@code run 17 of variant fixed, step 4031: logit 0 is not
 * finite: Infinity}. The cause keeps the stack trace that {@code --debug} prints; the cells finished
 * before the failure stay saved.
 */
public final class RunFailure extends ExperimentException {
    private static final long serialVersionUID = 1L;

    private RunFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Where a failure happened, as every located message starts.
     *
     * @param variant the cell's label
     * @param run the 0-based run
     * @return {@code run N of variant LABEL}, N 1-based
     */
    static String where(String variant, int run) {
        return "run " + (run + 1) + " of variant " + variant;
    }

    /**
     * A failure located in a run.
     *
     * @param variant the cell's label
     * @param run the 0-based run
     * @param step where in the run, e.g. {@code step 4031}, or empty when it is not known
     * @param cause what went wrong
     * @return the located failure
     */
    static RunFailure of(String variant, int run, String step, Throwable cause) {
        return new RunFailure(where(variant, run) + (step.isEmpty() ? "" : ", " + step) + ": "
                + ExperimentException.describe(cause), cause);
    }

    /**
     * What a failure inside run {@code run} of a variant becomes: a plug-in's contract violation
     * names the run, a request to stop passes through, a failure inside a step names the step, and
     * anything else names the run.
     *
     * @param failure what the run threw
     * @param variant the cell's label
     * @param run the 0-based run
     * @return the exception to throw
     */
    static RuntimeException located(RuntimeException failure, String variant, int run) {
        if (failure instanceof ContractViolation v) {
            return v.in(variant, run);
        }
        if (failure instanceof RunStopped) {
            return failure;
        }
        if (failure instanceof StepFailure f) {
            return of(variant, run, f.where, f.getCause());
        }
        return of(variant, run, "", failure);
    }

    /**
     * Whether {@link #located} would name only the run: the failure says nothing of where it was.
     *
     * @param failure what the run threw
     * @return false for contract violations, stop requests and step failures
     */
    static boolean unlocated(RuntimeException failure) {
        return !(failure instanceof ContractViolation || failure instanceof RunStopped
                || failure instanceof StepFailure);
    }
}
