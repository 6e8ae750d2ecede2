/**
 * Planning on the exact model of a tabular environment, where the environment's model and the
 * agents' softmax core meet: soft (entropy-regularised) value iteration, the reference that
 * {@code kelvin solve --temperature} prints and soft Q-learning converges to.
 */
package kelvin.experiments.planning;
