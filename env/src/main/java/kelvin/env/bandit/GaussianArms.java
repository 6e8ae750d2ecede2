package kelvin.env.bandit;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A run of stationary Gaussian arms, laid bare for a loop that draws its own rewards
 * ({@link BanditRun#stationaryGaussian()}): arm a pays {@code means[a] + noise * z}, z the next
 * sample of {@code normals}, one per pull.
 *
 * @param means the run's arm means (read-only)
 * @param noise the reward standard deviation
 * @param normals the run's standard normals, drawn from its environment stream
 */
public record GaussianArms(double[] means, double noise, ZigguratSampler.NormalizedGaussian normals) {
}
