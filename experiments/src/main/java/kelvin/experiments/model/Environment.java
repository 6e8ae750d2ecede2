package kelvin.experiments.model;

import kelvin.env.bandit.BanditEnv;
import kelvin.env.mdp.TabularEnv;

/**
 * The environment of an experiment (or of one of its env-sweep points): a bandit, counted in steps,
 * or a tabular MDP, counted in episodes, with the run's step limit and the discount its values use.
 */
public sealed interface Environment {

    /** Number of actions (arms for a bandit). */
    int actions();

    /** What the horizon counts: "step" or "episode". */
    String timeUnit();

    /** A bandit: the horizon counts steps. */
    record Bandit(BanditEnv env) implements Environment {
        @Override
        public int actions() {
            return env.arms();
        }

        @Override
        public String timeUnit() {
            return "step";
        }
    }

    /**
     * A tabular MDP: the horizon counts episodes.
     *
     * @param env the MDP
     * @param maxSteps an episode is truncated (not terminated) after this many steps
     * @param gamma discount of V*, regret and greedy-value
     * @param success what counts as a successful episode (for {@code first-success})
     */
    record Tabular(TabularEnv env, int maxSteps, double gamma, Success success) implements Environment {
        @Override
        public int actions() {
            return env.actions();
        }

        @Override
        public String timeUnit() {
            return "episode";
        }
    }

    /** What a successful episode is, per kind of MDP. */
    enum Success {
        /** The episode ended in a goal cell G (gridworlds). */
        GOAL,
        /** The episode's return is positive (deep sea: only the treasure pays). */
        POSITIVE_RETURN,
        /** The episode reached the last state of the chain (RiverSwim's far bank). */
        LAST_STATE
    }
}
