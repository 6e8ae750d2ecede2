package kelvin.api;

/**
 * What a factory may need to know beyond its own keys: the experiment's environment and horizon.
 * Agents use it to check that they fit the environment and to choose defaults (Exp3's gamma from
 * the horizon, Thompson's prior from the kind of rewards, a TD learner's discount).
 *
 * @param environment the environment, or null while the environment itself is built (and when a
 *     component is built outside an experiment)
 * @param horizon the steps (bandits) or episodes (tabular MDPs) of a run, or 0 when unknown
 */
public record Context(Environment environment, long horizon) {

    /** No environment, no horizon. */
    public static final Context NONE = new Context(null, 0);

    /**
     * The number of actions.
     *
     * @return K, or 0 when the environment is not known
     */
    public int actions() {
        return environment == null ? 0 : environment.actions();
    }

    /**
     * Whether the number of actions is known.
     *
     * @return true when there is an environment
     */
    public boolean knowsActions() {
        return environment != null;
    }
}
