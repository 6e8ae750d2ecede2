package kelvin.env.mdp;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One run's simulator of a {@link TabularModel}: the current state and the run's environment
 * stream. Owned by one thread; allocates nothing per step.
 *
 * <h2>Protocol</h2>
 * <pre>
 *   int s = run.reset();                  // start state, drawn from the start distribution
 *   while (true) {
 *       int s2 = run.step(a);             // next state; then run.reward(), run.terminated()
 *       ...
 *       if (run.terminated()) break;      // or the runner truncates at its step limit
 *   }
 * </pre>
 * The simulator never truncates: a step limit belongs to the run, which simply stops calling
 * {@link #step(int)} and calls {@link #reset()} again. After termination, {@link #step(int)} is an
 * error until the next {@link #reset()}.
 *
 * <h2>Random numbers</h2>
 * Exactly one {@code rng.nextDouble()} per {@link #reset()} (also when the start is deterministic)
 * and exactly one per {@link #step(int)}, whatever the action and even when the move is
 * deterministic. The uniform u selects the outcome by inversion of the cumulative probabilities of
 * (s, a) in table order ({@link TabularModel#sample(int, int, double)}). So the environment's noise
 * is the sequence u_0, u_1, ... indexed by the number of calls, identical for every agent meeting
 * the same stream (common random numbers).
 *
 * <h2>Visits</h2>
 * The runner counts visits itself: {@link #state()} is the state occupied now (after reset or
 * step); states index a grid row-major when the model has a layout ({@link TabularModel#rows()}).
 */
public final class TabularRun {

    private final TabularModel model;
    private final UniformRandomProvider rng;
    private int state = -1;
    private double reward;
    private boolean terminated;
    private int outcome = -1;
    private long steps;

    private TabularRun(TabularModel model, UniformRandomProvider rng) {
        this.model = model;
        this.rng = rng;
    }

    /**
     * A simulator of {@code model} drawing its noise from {@code rng}.
     *
     * @param model the run's model
     * @param rng the run's environment stream
     * @return the simulator; call {@link #reset()} first
     * @throws NullPointerException if an argument is null
     */
    public static TabularRun of(TabularModel model, UniformRandomProvider rng) {
        return new TabularRun(Objects.requireNonNull(model, "model"), Objects.requireNonNull(rng, "rng"));
    }

    /**
     * The model this simulator samples from.
     *
     * @return the run's model (for deep sea, this run's drawn instance)
     */
    public TabularModel model() {
        return model;
    }

    /**
     * Starts an episode: draws the start state from the start distribution with one uniform.
     *
     * @return the start state
     */
    public int reset() {
        state = model.sampleStart(rng.nextDouble());
        reward = 0;
        terminated = false;
        outcome = -1;
        return state;
    }

    /**
     * Takes action {@code a} in the current state: draws one uniform, moves to the selected
     * outcome's next state and records its reward and terminal flag.
     *
     * @param a an action in [0, A)
     * @return the next state
     * @throws IllegalStateException before the first reset or after termination
     * @throws IndexOutOfBoundsException if {@code a} is out of range
     */
    public int step(int a) {
        if (state < 0 || terminated) {
            throw notRunning();
        }
        int i = model.sample(state, a, rng.nextDouble());
        outcome = i;
        state = model.next(i);
        reward = model.reward(i);
        terminated = model.terminal(i);
        steps++;
        return state;
    }

    private IllegalStateException notRunning() {
        return new IllegalStateException(state < 0 ? "step() before reset()"
            : "step() after termination; call reset()");
    }

    /**
     * The state occupied now, after the last {@link #reset()} or {@link #step(int)}; the runner
     * counts visits from it.
     *
     * @return the current state, or -1 before the first reset
     */
    public int state() {
        return state;
    }

    /**
     * The reward the last {@link #step(int)} paid.
     *
     * @return the last step's reward, or 0 right after a reset
     */
    public double reward() {
        return reward;
    }

    /**
     * Whether the last step ended the episode by a terminal outcome (Gymnasium's
     * {@code terminated}); a step limit is the runner's truncation and never shows here.
     *
     * @return true after a terminal outcome, until the next {@link #reset()}
     */
    public boolean terminated() {
        return terminated;
    }

    /**
     * Which outcome of the table the last step selected, for reading its probability, reward or
     * terminal flag from the {@link TabularModel}.
     *
     * @return the global outcome index of the last step, or -1 right after a reset
     */
    public int outcome() {
        return outcome;
    }

    /**
     * How many steps this simulator has taken over the whole run, all episodes together; resets do
     * not count and do not clear it.
     *
     * @return the number of calls of {@link #step(int)} that succeeded
     */
    public long steps() {
        return steps;
    }
}
