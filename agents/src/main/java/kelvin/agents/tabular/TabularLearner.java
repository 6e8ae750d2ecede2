package kelvin.agents.tabular;

/**
 * One run's tabular learner. Owned by one thread; it should allocate nothing per step. The runner
 * calls, for every episode:
 * <pre>
 *   learner.beginEpisode();
 *   int s = env.reset();
 *   while (true) {
 *       int a = learner.act(s);                 // in [0, A); temperature() describes this choice
 *       int s2 = env.step(a);                   // reward r, terminated
 *       learner.learn(s, a, r, s2, terminated); // terminated: true termination, not truncation
 *       s = s2;
 *       if (terminated || steps == maxSteps) break;
 *   }
 *   learner.endEpisode();
 * </pre>
 * A truncated episode (the step limit) ends without a special call: {@code learn} saw
 * {@code terminated = false} and may bootstrap.
 */
public interface TabularLearner {

    /** Starts an episode. */
    void beginEpisode();

    /**
     * The action to take in a state.
     *
     * @param s the current state, in [0, S)
     * @return the action, in [0, A)
     */
    int act(int s);

    /**
     * Learns from one step.
     *
     * @param s the state the action was taken in
     * @param a the action taken
     * @param r the reward received
     * @param s2 the next state
     * @param terminal whether entering s2 ended the episode (true termination, not truncation)
     */
    void learn(int s, int a, double r, int s2, boolean terminal);

    /** Ends the episode. */
    void endEpisode();

    /**
     * The temperature of the distribution that chose the last action.
     *
     * @return the temperature, or NaN when the learner has none
     */
    double temperature();

    /**
     * The learner's action probabilities in a state at the current index: the distribution the next
     * fresh choice in s would use. Kelvin checks a plug-in's distribution (finite, non-negative,
     * summing to 1) now and then; it must draw no random numbers.
     *
     * @param s the state
     * @param out receives A probabilities
     */
    void distribution(int s, double[] out);

    /**
     * A greedy action in a state (for policy maps).
     *
     * @param s the state
     * @return the action the learner considers best, lowest index on ties
     */
    int greedyAction(int s);

    /**
     * The greedy policy as a probability table pi[s * A + a], for the {@code greedy-value} metric.
     * The default puts probability 1 on {@link #greedyAction(int)}.
     *
     * @param out receives S * A probabilities
     */
    default void greedyPolicy(double[] out) {
        int actions = actions();
        for (int s = 0; s < states(); s++) {
            int g = greedyAction(s);
            for (int a = 0; a < actions; a++) {
                out[s * actions + a] = a == g ? 1.0 : 0.0;
            }
        }
    }

    /**
     * The number of actions.
     *
     * @return A
     */
    int actions();

    /**
     * The number of states.
     *
     * @return S
     */
    int states();

    /**
     * Asks the learner to compute the entropy of every choice of the coming episode, for
     * {@link #episodeEntropy()} (the {@code entropy} metric). The default ignores it.
     *
     * @param on whether to track
     */
    default void trackEntropy(boolean on) {
        // a learner without entropies reports NaN, which metrics skip
    }

    /**
     * The mean entropy in nats of the current (or just ended) episode's choices.
     *
     * @return the mean entropy, or NaN when not tracked (the default)
     */
    default double episodeEntropy() {
        return Double.NaN;
    }
}
