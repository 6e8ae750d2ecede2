package kelvin.agents.bandit;

import kelvin.agents.policy.Argmax;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Checks and small helpers shared by the reference bandit agents: argument checks whose messages
 * name the parameter and its value, plug-in entropy, point masses, and the Monte Carlo estimate of
 * an action distribution that has no closed form (Thompson sampling, Boltzmann-Gumbel).
 */
final class BanditSupport {

    /** Draws per Monte Carlo estimate of an action distribution. */
    static final int MONTE_CARLO_DRAWS = 1000;

    private BanditSupport() {
    }

    static void checkArms(int arms) {
        if (arms < 1) {
            throw new IllegalArgumentException("arms is not at least 1: " + arms);
        }
    }

    static void checkOut(double[] out, int k) {
        if (out.length < k) {
            throw new IllegalArgumentException("out has length " + out.length + " < arms = " + k);
        }
    }

    /** A finite reward (NaN and infinities would poison the estimates silently). */
    static double finiteReward(double reward) {
        if (!(Math.abs(reward) <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException("reward is not finite: " + reward);
        }
        return reward;
    }

    /** A number of Monte Carlo draws, at least 1. */
    static int checkDraws(int draws) {
        if (draws < 1) {
            throw new IllegalArgumentException("draws is not at least 1: " + draws);
        }
        return draws;
    }

    /** A value in [0, +infinity). */
    static double nonNegativeFinite(String name, double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " is not finite and >= 0: " + value);
        }
        return value;
    }

    /** A value in (0, +infinity). */
    static double positiveFinite(String name, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " is not finite and > 0: " + value);
        }
        return value;
    }

    /** Writes the point mass on {@code arm} into out[0..k). */
    static void pointMass(double[] out, int k, int arm) {
        for (int i = 0; i < k; i++) {
            out[i] = i == arm ? 1.0 : 0.0;
        }
    }

    /**
     * Writes the uniform distribution over the maxima of v[0..k) into out[0..k) and returns the
     * number of maxima.
     */
    static int uniformOverMaxima(double[] v, int k, double[] out) {
        double m = Argmax.max(v, k);
        int ties = Argmax.count(v, k, m);
        double p = 1.0 / ties;
        for (int i = 0; i < k; i++) {
            out[i] = v[i] == m ? p : 0.0;
        }
        return ties;
    }

    /**
     * The plug-in entropy -sum_i p_i ln p_i in nats of p[0..k) (a zero p_i contributes 0, the limit
     * of p ln p), clamped to [0, ln k] against rounding.
     */
    static double entropy(double[] p, int k) {
        double h = 0;
        for (int i = 0; i < k; i++) {
            double pi = p[i];
            if (pi > 0) {
                h -= pi * Math.log(pi);
            }
        }
        return Math.max(0.0, Math.min(h, Math.log(k)));
    }

    /**
     * Credits one Monte Carlo draw: each of the n maxima of scores[0..k) gets 1/n in wins[0..k)
     * (its expected share under uniform tie-breaking, so no random number is spent on ties).
     */
    static void creditWinner(double[] scores, int k, double[] wins) {
        double m = Argmax.max(scores, k);
        int ties = Argmax.count(scores, k, m);
        if (ties == 1) {
            for (int i = 0; i < k; i++) {
                if (scores[i] == m) {
                    wins[i] += 1.0;
                    return;
                }
            }
        }
        double credit = 1.0 / ties;
        for (int i = 0; i < k; i++) {
            if (scores[i] == m) {
                wins[i] += credit;
            }
        }
    }

    /**
     * The private generator of a learner's Monte Carlo estimates, seeded once from the agent's
     * stream (one {@code nextLong()}): XoRoShiRo128++ (Blackman &amp; Vigna 2021) via Commons RNG.
     */
    static UniformRandomProvider monteCarloGenerator(UniformRandomProvider agentStream) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(agentStream.nextLong());
    }
}
