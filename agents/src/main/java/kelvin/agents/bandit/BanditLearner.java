package kelvin.agents.bandit;

/**
 * One run's bandit agent. The runner calls, for every step t = 0, 1, 2, ...:
 * {@link #select()}; optionally (only on recorded steps) {@link #entropy()} and
 * {@link #temperature()}; then {@link #update(int, double)} with the reward. Implementations
 * allocate nothing per step.
 */
public interface BanditLearner {

    /** Chooses the arm for the current step. */
    int select();

    /**
     * Learns from the reward of the arm chosen by the last {@link #select()} and advances to the
     * next step.
     */
    void update(int arm, double reward);

    /**
     * Entropy in nats of the action distribution that made the last {@link #select()} (call it
     * between {@code select} and {@code update}).
     */
    double entropy();

    /**
     * Temperature used by the last {@link #select()}, or NaN when the agent has no temperature.
     */
    double temperature();

    /**
     * Writes the action distribution of the current step into {@code out} (length at least K):
     * the exact choice probabilities where the agent has them.
     */
    void distribution(double[] out);
}
