/**
 * The numerically stable softmax shared by every Boltzmann policy: probabilities,
 * log-probabilities, entropy and inverse-CDF sampling at a temperature in [0, +infinity].
 */
package kelvin.agents.softmax;
