/**
 * Tabular MDPs: one transition table per MDP ({@link kelvin.env.mdp.TabularModel}, Gymnasium's
 * {@code P}) drives the per-run simulator ({@link kelvin.env.mdp.TabularRun}), the planners
 * ({@link kelvin.env.mdp.ValueIteration}, {@link kelvin.env.mdp.PolicyEvaluator}) and the tests.
 * Environments ({@link kelvin.env.mdp.TabularEnv}): ASCII gridworlds ({@link kelvin.env.mdp.Gridworld},
 * built-in maps in {@link kelvin.env.mdp.BuiltinMap}), bsuite's deep sea
 * ({@link kelvin.env.mdp.DeepSea}, drawn per run) and RiverSwim ({@link kelvin.env.mdp.RiverSwim}).
 * Models report termination; truncation (a step limit) belongs to the run.
 */
package kelvin.env.mdp;
