package kelvin.agents.tabular;

import kelvin.agents.softmax.Softmax;

/**
 * One run's soft Q-learner ({@link SoftQLearning}): the Q table and the behaviour policy's run state
 * of a {@link TdLearner}, whose runner protocol, schedule index, schedule feedback and entropy
 * bookkeeping it keeps unchanged, with the soft target in place of q-learning's max. Owned by one
 * thread; allocates nothing per step.
 *
 * <p>Implementation note: {@link #learn} computes the soft target from Q(s', .) before the step,
 * lets the TD learner do its step (the bookkeeping and a q-learning update of Q(s, a)), then sets
 * Q(s, a) to the soft update of its old value. This keeps one copy of the acting and feedback logic
 * and leaves the TD learners' own step untouched, for the price of one discarded max over A.
 */
public final class SoftQLearner implements TabularLearner {

    private final TdLearner acting;
    private final double alpha;
    private final double gamma;
    private final double tau;
    private final int actions;
    private final double[] nextRow;

    SoftQLearner(TdLearner acting, double alpha, double gamma, double tau) {
        this.acting = acting;
        this.alpha = alpha;
        this.gamma = gamma;
        this.tau = tau;
        this.actions = acting.actions();
        this.nextRow = new double[actions];
    }

    @Override
    public int states() {
        return acting.states();
    }

    @Override
    public int actions() {
        return actions;
    }

    @Override
    public void beginEpisode() {
        acting.beginEpisode();
    }

    @Override
    public int act(int s) {
        return acting.act(s);
    }

    /**
     * One soft TD update from the step (s, a, r, s2): Q(s, a) += alpha (r + gamma next - Q(s, a)),
     * next = tau ln sum_b exp(Q(s2, b) / tau), or 0 if s2 was entered by termination.
     *
     * @param s the state the action was taken in
     * @param a the action taken
     * @param r the reward received
     * @param s2 the next state
     * @param terminal whether entering s2 ended the episode (true termination, not truncation)
     * @throws IllegalStateException outside an episode
     * @throws IndexOutOfBoundsException if a state or the action is out of range
     */
    @Override
    public void learn(int s, int a, double r, int s2, boolean terminal) {
        double old = acting.value(s, a);
        double next = terminal ? 0 : softValue(s2);
        acting.learn(s, a, r, s2, terminal);
        acting.setValue(s, a, old + alpha * (r + gamma * next - old));
    }

    @Override
    public void endEpisode() {
        acting.endEpisode();
    }

    @Override
    public double temperature() {
        return acting.temperature();
    }

    @Override
    public void distribution(int s, double[] out) {
        acting.distribution(s, out);
    }

    @Override
    public int greedyAction(int s) {
        return acting.greedyAction(s);
    }

    @Override
    public void greedyPolicy(double[] out) {
        acting.greedyPolicy(out);
    }

    @Override
    public void trackEntropy(boolean on) {
        acting.trackEntropy(on);
    }

    @Override
    public double episodeEntropy() {
        return acting.episodeEntropy();
    }

    /**
     * The soft value of a state under the current Q: tau ln sum_b exp(Q(s, b) / tau).
     *
     * @param s the state, in [0, S)
     * @return the soft maximum of Q(s, .) at tau
     * @throws IndexOutOfBoundsException if s is out of range
     */
    public double softValue(int s) {
        for (int b = 0; b < actions; b++) {
            nextRow[b] = acting.value(s, b);
        }
        return Softmax.logSumExp(nextRow, actions, tau);
    }

    /**
     * The current action value of one state-action pair.
     *
     * @param s the state, in [0, S)
     * @param a the action, in [0, A)
     * @return Q(s, a)
     * @throws IndexOutOfBoundsException if s or a is out of range
     */
    public double value(int s, int a) {
        return acting.value(s, a);
    }

    /**
     * A copy of the Q table.
     *
     * @return a new array of S * A values, Q(s, a) at index s * A + a
     */
    public double[] values() {
        return acting.values();
    }
}
