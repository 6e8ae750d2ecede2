package kelvin.experiments.run;

/**
 * Thrown inside a simulation that was asked to stop ({@link Simulation#stop}): the block in progress
 * is abandoned between two runs or at a checkpoint. It carries no stack trace, as it is not a
 * failure of its own.
 */
final class RunStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RunStopped() {
        super("stopped", null, false, false);
    }
}
