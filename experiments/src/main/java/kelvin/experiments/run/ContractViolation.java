package kelvin.experiments.run;

import kelvin.experiments.ExperimentException;

/**
 * A plug-in broke the contract Kelvin relies on (a NaN temperature, an action out of range, a
 * distribution that does not sum to 1, an infinite reward): the run stops with one line naming the
 * plug-in, the value and where it happened. Cells finished before it stay saved.
 */
public final class ContractViolation extends ExperimentException {
    private static final long serialVersionUID = 1L;

    /**
     * A violation not yet located in the experiment (see {@link #in}).
     *
     * @param message the plug-in, what it returned and at which step
     */
    public ContractViolation(String message) {
        super(message);
    }

    /**
     * The same violation, saying where in the experiment it happened.
     *
     * @param variant the cell's label
     * @param run the 0-based run
     * @return a violation whose message starts with the 1-based run and the variant, as a
     *     {@link RunFailure}'s does
     */
    public ContractViolation in(String variant, int run) {
        return new ContractViolation(RunFailure.where(variant, run) + ": " + getMessage());
    }
}
