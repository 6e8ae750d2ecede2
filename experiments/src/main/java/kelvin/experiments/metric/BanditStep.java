package kelvin.experiments.metric;

/**
 * One step of a bandit run as metrics see it: after the reward, before the agent learns from it.
 * Everything describes the step's own arm choice; {@link #entropy()} and {@link #temperature()}
 * are computed when first asked and cached for the step.
 */
public interface BanditStep {

    /**
     * The step's own quantities, for recorders whose value is one of them
     * ({@link Metric.BanditRecorder#quantity()}): the simulation reads those directly at a
     * checkpoint instead of calling the recorder.
     */
    enum Quantity {
        /** {@link #regret()}. */
        REGRET,
        /** {@link #reward()}. */
        REWARD,
        /** {@link #averageReward()}. */
        AVERAGE_REWARD,
        /** 1 when {@link #optimal()}, else 0. */
        OPTIMAL,
        /** {@link #entropy()}. */
        ENTROPY,
        /** {@link #temperature()}. */
        TEMPERATURE
    }

    /**
     * The step.
     *
     * @return t, 0 for the first step of the run
     */
    long t();

    /**
     * The arm chosen.
     *
     * @return the arm, in [0, K)
     */
    int arm();

    /**
     * The number of arms.
     *
     * @return K
     */
    int arms();

    /**
     * The reward received.
     *
     * @return what the chosen arm paid at this step (a draw, not the arm's mean)
     */
    double reward();

    /**
     * Whether the arm chosen had the largest mean at this step (any tied best arm counts).
     *
     * @return true for an optimal choice
     */
    boolean optimal();

    /**
     * The cumulative pseudo-regret: the sum over steps 0 to t of mu* - mu of the chosen arm.
     *
     * @return the regret so far
     */
    double regret();

    /**
     * The mean reward of steps 0 to t.
     *
     * @return the running average reward
     */
    double averageReward();

    /**
     * The entropy in nats of the action distribution that chose this step's arm.
     *
     * @return the entropy, in [0, ln K]
     */
    double entropy();

    /**
     * The temperature that chose this step's arm.
     *
     * @return the temperature, or NaN when the agent has none
     */
    double temperature();
}
