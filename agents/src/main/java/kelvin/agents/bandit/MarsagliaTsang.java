package kelvin.agents.bandit;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Gamma(shape, 1) variates for shape &gt;= 1 by Marsaglia &amp; Tsang's squeeze/rejection method,
 * with the shape passed per call, so a posterior whose shape changes every step needs no new
 * sampler object.
 *
 * <p>With d = shape - 1/3 and c = (1/3) / sqrt(d): repeat { x = standard normal; v = (1 + c x)^3;
 * if v &gt; 0: u = uniform; accept d v if u &lt; 1 - 0.0331 x^4 or ln u &lt; x^2 / 2 + d (1 - v + ln v) }.
 *
 * <p>Implementation note: this is, operation for operation and draw for draw, the
 * {@code MarsagliaTsangGammaSampler} inside Commons RNG's
 * {@code AhrensDieterMarsagliaTsangGammaSampler} (1.6), which that class uses for shape &gt;= 1
 * (the test {@code ThompsonTest} checks bit-equality). The library fixes the shape when the sampler
 * is built; a Thompson learner would have to build one per arm per step, which allocates, hence
 * this copy of the loop taking d and c as arguments (precomputed by the caller on update).
 *
 * <p>Reference: G. Marsaglia and W. W. Tsang, "A simple method for generating gamma variables",
 * <i>ACM Transactions on Mathematical Software</i> 26(3), 2000, 363-372.
 */
final class MarsagliaTsang {

    private static final double ONE_THIRD = 1.0 / 3;

    private MarsagliaTsang() {
    }

    /** d = shape - 1/3 for shape &gt;= 1. */
    static double d(double shape) {
        return shape - ONE_THIRD;
    }

    /** c = (1/3) / sqrt(d). */
    static double c(double d) {
        return ONE_THIRD / Math.sqrt(d);
    }

    /**
     * One Gamma(shape, 1) variate, given d = {@link #d(double)} and c = {@link #c(double)} of the
     * shape (&gt;= 1).
     */
    static double sample(double d, double c, NormalizedGaussianSampler gaussian, UniformRandomProvider rng) {
        while (true) {
            double x = gaussian.sample();
            double oPcTx = 1 + c * x;
            double v = oPcTx * oPcTx * oPcTx;
            if (v <= 0) {
                continue;
            }
            double x2 = x * x;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x2 * x2) { // squeeze
                return d * v;
            }
            if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
