package kelvin.env.mdp;

import java.util.OptionalInt;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * An immutable description of a tabular MDP (gridworld, deep sea, river swim), shared by every
 * thread.
 *
 * <p>Each run calls {@link #start(UniformRandomProvider)} with that run's environment stream. Most
 * environments have one fixed {@link TabularModel}; some draw the run's MDP instance from the stream
 * first (deep sea draws its per-cell action mapping), which is why the model is asked for with
 * {@link #model(UniformRandomProvider)}. Under common random numbers every cell passes the same
 * stream for run r, so every cell meets the same MDP instance and the same stream of transition
 * noise (one uniform per reset and per step, see {@link TabularRun}).
 */
public interface TabularEnv {

    /** Number of states S. */
    int states();

    /** Number of actions A. */
    int actions();

    /**
     * The run's model. Environments with a fixed model return it and draw nothing; randomized ones
     * ({@link #isRandomized()}) draw the instance from {@code rng}, in a documented order.
     *
     * @param rng the run's environment stream
     * @return the model of this run's MDP instance
     */
    TabularModel model(UniformRandomProvider rng);

    /** Whether {@link #model(UniformRandomProvider)} draws from its stream (the instance is per run). */
    default boolean isRandomized() {
        return false;
    }

    /**
     * The episode length that is part of the benchmark's definition, if any (RiverSwim's osband
     * variant: 20). It is a default for the run's step limit, never a termination of the model.
     *
     * @return the horizon, or empty
     */
    default OptionalInt horizon() {
        return OptionalInt.empty();
    }

    /**
     * Creates the per-run simulator: draws the run's model with {@link #model(UniformRandomProvider)}
     * and keeps {@code rng} for the transition noise.
     *
     * @param rng the run's environment stream
     * @return a fresh simulator owned by one run
     */
    default TabularRun start(UniformRandomProvider rng) {
        return TabularRun.of(model(rng), rng);
    }
}
