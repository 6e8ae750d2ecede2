package kelvin.env.mdp;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import kelvin.api.Guide;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * An immutable description of a tabular MDP (gridworld, deep sea, river swim), shared by every
 * thread. An environment component wraps it in a {@link TabularTask} with the run's step limit and
 * discount.
 *
 * <p>Each run calls {@link #start(UniformRandomProvider)} with that run's environment stream (the
 * seed of Gymnasium's {@code reset(seed)}); the {@link TabularRun} it returns has Gymnasium's
 * {@code reset()} and {@code step(action)}. Most environments have one fixed {@link TabularModel}
 * (Gymnasium's transition table {@code P}); some draw the run's MDP instance from the stream first
 * (deep sea draws its per-cell action mapping), which is why the model is asked for with
 * {@link #model(UniformRandomProvider)}. Under common random numbers every cell passes the same
 * stream for run r, so every cell meets the same MDP instance and the same stream of transition
 * noise (one uniform per reset and per step, see {@link TabularRun}).
 *
 * <p>Besides the model, an environment may describe itself for reports: a {@link #layout()} to
 * draw visits and policies on, which states count as a {@link #successState success}, and
 * {@link #guides()}.
 */
public interface TabularEnv {

    /**
     * The number of states.
     *
     * @return S
     */
    int states();

    /**
     * The number of actions.
     *
     * @return A
     */
    int actions();

    /**
     * The run's model. Environments with a fixed model return it and draw nothing; randomized ones
     * ({@link #isRandomized()}) draw the instance from {@code rng}, in a documented order.
     *
     * @param rng the run's environment stream (may be null when {@link #isRandomized()} is false)
     * @return the model of this run's MDP instance
     */
    TabularModel model(UniformRandomProvider rng);

    /**
     * The number of stored outcomes (probability, next state, reward) over all states and actions:
     * what a sweep over the model costs and, with the states, what its tables take in memory. Kelvin
     * reads it to estimate the work and memory of an experiment before running it.
     *
     * @return the outcomes; by default states x actions (one outcome each, deterministic moves)
     */
    default long outcomes() {
        return (long) states() * actions();
    }

    /**
     * Whether {@link #model(UniformRandomProvider)} draws from its stream (the instance is per run).
     *
     * @return false for a fixed model
     */
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

    /**
     * The states as a grid to draw on, row-major (state = row * columns + column), one character per
     * cell: {@code .} free, {@code S} start, {@code G} goal, {@code #} wall, {@code H} hole,
     * {@code C} cliff. States beyond the grid (a terminal sink) are not drawn.
     *
     * @return the rows, all of one length, or null when the MDP is not drawn as a grid (the default)
     */
    default List<String> layout() {
        return null;
    }

    /**
     * Whether entering state {@code s} makes the episode a success (the {@code first-success}
     * metric): the goal of a gridworld, the far bank of RiverSwim.
     *
     * @param s a state in [0, S)
     * @return false by default
     */
    default boolean successState(int s) {
        return false;
    }

    /**
     * Whether an episode with a positive undiscounted return is a success (deep sea: only the
     * treasure pays).
     *
     * @return false by default
     */
    default boolean successOnPositiveReturn() {
        return false;
    }

    /**
     * Reference curves for the charts of experiments on this MDP.
     *
     * @return the guides, none by default
     */
    default List<Guide> guides() {
        return List.of();
    }

    /**
     * The reference a normalised score starts from: the value from the start that counts as 0, where
     * V* counts as 1. By default the uniform random policy's expected discounted return over an
     * episode of at most {@code maxSteps} steps, exactly ({@link HorizonValues#policyStart}); an
     * environment with a more telling floor (a do-nothing policy, a published random score) overrides
     * it.
     *
     * @param model the run's model
     * @param gamma the discount of the values
     * @param maxSteps the episode's step limit
     * @return the reference value from the start, finite
     */
    default double scoreFloor(TabularModel model, double gamma, int maxSteps) {
        double[] uniform = new double[model.states() * model.actions()];
        Arrays.fill(uniform, 1.0 / model.actions());
        return HorizonValues.policyStart(model, gamma, uniform, maxSteps);
    }
}
