package kelvin.agents.bandit;

/**
 * One run's bandit agent. The runner calls, for every step t = 0, 1, 2, ...:
 * {@link #select()}; optionally (only on recorded steps) {@link #entropy()} and
 * {@link #temperature()}; then {@link #update(int, double)} with the reward. Implementations
 * allocate nothing per step.
 */
public interface BanditLearner {

    /**
     * Chooses the arm for the current step.
     *
     * @return the arm, in [0, K)
     */
    int select();

    /**
     * Learns from the reward of the arm chosen by the last {@link #select()} and advances to the
     * next step.
     *
     * @param arm the arm the last {@link #select()} returned, in [0, K)
     * @param reward the reward that arm paid
     */
    void update(int arm, double reward);

    /**
     * Entropy in nats of the action distribution that made the last {@link #select()} (call it
     * between {@code select} and {@code update}).
     *
     * @return the entropy, in [0, ln K]
     */
    double entropy();

    /**
     * Temperature used by the last {@link #select()}.
     *
     * @return the temperature, or NaN when the agent has no temperature
     */
    double temperature();

    /**
     * Writes the action distribution of the current step into {@code out} (length at least K):
     * the exact choice probabilities where the agent has them.
     *
     * @param out receives the probabilities of arms 0 .. K-1 in {@code out[0..K)}
     */
    void distribution(double[] out);
}
