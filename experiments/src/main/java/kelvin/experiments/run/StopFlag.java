package kelvin.experiments.run;

/**
 * A request, shared by every thread of one simulation, that runs end early: a loop looks at it at
 * the start of each run, episode or checkpoint, and between those every 65,536 steps, since a
 * volatile read on every step would slow the hot loops for a request that comes once at most.
 */
final class StopFlag {
    private static final int EVERY_STEPS_MASK = 0xFFFF;

    private volatile boolean raised;

    /** Asks every loop that checks this flag to end its run. */
    void raise() {
        raised = true;
    }

    /**
     * Ends the run when the flag is raised.
     *
     * @throws RunStopped when raised
     */
    void check() {
        if (raised) {
            throw new RunStopped();
        }
    }

    /**
     * Ends the run when the flag is raised, looking at it only at one step in 65,536.
     *
     * @param step the loop's step count
     * @throws RunStopped when looked at and raised
     */
    void checkAt(int step) {
        if ((step & EVERY_STEPS_MASK) == 0 && raised) {
            throw new RunStopped();
        }
    }
}
