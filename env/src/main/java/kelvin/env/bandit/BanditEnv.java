package kelvin.env.bandit;

import kelvin.api.Environment;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * An immutable description of a multi-armed bandit, shared by every thread: what an environment
 * component of a bandit creates.
 *
 * <p>Each run calls {@link #start(UniformRandomProvider)} with that run's environment stream (as
 * Gymnasium's {@code reset(seed)} does: the stream is the seed). Under common random numbers every
 * cell passes the same stream for run r, so every cell meets the same arm means and the same reward
 * noise. To keep that pairing exact, an instance must consume its stream in an order that does not
 * depend on which arms are pulled (for example one noise draw per step whatever the arm).
 */
public interface BanditEnv extends Environment {

    /**
     * The number of arms.
     *
     * @return K, at least 1
     */
    int arms();

    /**
     * {@inheritDoc} For a bandit: the arms.
     */
    @Override
    default int actions() {
        return arms();
    }

    /**
     * Creates the per-run instance. Arm means that are drawn per run are drawn here, first, from
     * {@code rng}; the instance keeps {@code rng} for its reward noise.
     *
     * @param rng the run's environment stream
     * @return a fresh, mutable instance owned by one run
     */
    BanditRun start(UniformRandomProvider rng);
}
