package kelvin.agents.bandit;

import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Whole runs of a bandit agent on stationary Gaussian arms in one loop: select, reward and update
 * fused, with no interface call per step. It gives exactly the numbers of the agent's
 * {@link BanditLearner} driven step by step against arms whose reward is
 * {@code means[a] + noise * normals.sample()}: the same draws in the same order, the same
 * arithmetic. An agent offers one through {@link BanditAgent#gaussianRunner(int)} where it has one;
 * one instance serves many runs on one thread and allocates nothing per step.
 */
public interface GaussianRunner {

    /**
     * Told at every checkpoint step, after the reward and before the agent learns from it.
     */
    @FunctionalInterface
    interface Checkpoints {
        /**
         * One checkpoint.
         *
         * @param index the checkpoint's position
         * @param t the 0-based step
         * @param arm the arm chosen
         * @param optimal whether the arm's mean is the best
         * @param reward the step's reward
         * @param rewards the sum of the rewards of steps 0 to t
         * @param regret the cumulative pseudo-regret of steps 0 to t
         */
        void checkpoint(int index, int t, int arm, boolean optimal, double reward, double rewards, double regret);
    }

    /**
     * One run.
     *
     * @param means the run's arm means (read-only)
     * @param noise the reward standard deviation
     * @param normals the run's standard normals, one per step
     * @param rng the agent's stream of the run
     * @param horizon the number of steps
     * @param marks the 1-based checkpoint steps, ascending
     * @param checkpoints told at each of them
     * @return the area under the run's cumulative regret curve (the sum over steps of the regret so far)
     */
    double run(double[] means, double noise, ZigguratSampler.NormalizedGaussian normals, XoRoShiRo128PlusPlus rng,
               int horizon, int[] marks, Checkpoints checkpoints);

    /**
     * During a {@link Checkpoints#checkpoint} call: the entropy in nats of the distribution that chose
     * the step's arm.
     *
     * @return the entropy
     */
    double entropy();

    /**
     * During a {@link Checkpoints#checkpoint} call: the temperature that chose the step's arm.
     *
     * @return the temperature, or NaN when the agent has none
     */
    double temperature();
}
