package kelvin.env.mdp;

import java.util.List;
import java.util.Objects;
import kelvin.api.Environment;
import kelvin.api.Guide;
import kelvin.api.Key;
import kelvin.api.Settings;
import kelvin.api.ValueType;

/**
 * A tabular MDP as an experiment runs it: what an environment component of a tabular MDP creates.
 * Episodes are truncated (not terminated) after {@code maxSteps} steps, as Gymnasium's
 * {@code TimeLimit} wrapper does, and V*, regret and greedy-value are discounted by {@code gamma}.
 *
 * @param mdp the MDP
 * @param maxSteps an episode is truncated after this many steps; learners bootstrap there
 * @param gamma discount of V*, regret and greedy-value, the default of a learner's own
 */
public record TabularTask(TabularEnv mdp, int maxSteps, double gamma) implements Environment {

    /** The step limit most tabular environments take, with its default. */
    public static final Key MAX_STEPS = Key.optional("max-steps", new ValueType.Int(1, 10_000_000), 10_000L,
            "an episode is truncated (not terminated) after this many steps; learners bootstrap");

    /**
     * A task of an MDP, with its step limit and discount checked.
     *
     * @param mdp the MDP
     * @param maxSteps an episode is truncated after this many steps, at least 1
     * @param gamma discount of V*, regret and greedy-value, in [0, 1]
     * @throws NullPointerException if {@code mdp} is null
     * @throws IllegalArgumentException if {@code maxSteps < 1} or {@code gamma} is not in [0, 1]
     */
    public TabularTask {
        Objects.requireNonNull(mdp, "mdp");
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps is not at least 1: " + maxSteps);
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma is not in [0, 1]: " + gamma);
        }
    }

    /**
     * The discount key most tabular environments take.
     *
     * @param byDefault its default
     * @return the key {@code gamma}
     */
    public static Key gammaKey(double byDefault) {
        return Key.optional("gamma", ValueType.Num.closed(0, 1), byDefault, "discount of V*, regret and "
                + "greedy-value; agents default to it");
    }

    /**
     * The task of {@code mdp} with the {@link #MAX_STEPS} and {@link #gammaKey gamma} of a
     * component's settings.
     *
     * @param mdp the MDP
     * @param s settings holding max-steps and gamma
     * @return the task
     */
    public static TabularTask of(TabularEnv mdp, Settings s) {
        return new TabularTask(mdp, s.intValue("max-steps"), s.num("gamma"));
    }

    @Override
    public int actions() {
        return mdp.actions();
    }

    @Override
    public double discount() {
        return gamma;
    }

    @Override
    public List<Guide> guides() {
        return mdp.guides();
    }

    /**
     * V* of every state, for drawing: value iteration at {@link #gamma()} on the MDP's fixed model.
     *
     * @return the values, or null when the model is drawn per run or has no finite V* (a loop at
     *     gamma = 1)
     */
    public double[] optimalValues() {
        if (mdp.isRandomized()) {
            return null;
        }
        try {
            return ValueIteration.solve(mdp.model(null), gamma).values();
        } catch (IllegalStateException | IllegalArgumentException e) {
            return null;
        }
    }
}
