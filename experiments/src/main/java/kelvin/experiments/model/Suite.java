package kelvin.experiments.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A validated suite: one {@link Experiment} per environment of the config's {@code envs}, each run
 * into its own results folder, and the agents compared across them on the normalised {@code score}.
 *
 * @param name the suite's name (its results folder)
 * @param environments the environments in config order
 */
public record Suite(String name, List<Environment> environments) {

    /**
     * Copies the list.
     *
     * @param name the suite's name
     * @param environments the environments in config order
     */
    public Suite {
        environments = List.copyOf(environments);
    }

    /**
     * One environment of a suite.
     *
     * @param name its name under {@code envs}
     * @param experiment the experiment it runs: the suite's agents that fit it on this environment
     * @param skipped the agents that do not fit it, with the reason
     */
    public record Environment(String name, Experiment experiment, List<Skipped> skipped) {
        /**
         * Copies the list.
         *
         * @param name its name under {@code envs}
         * @param experiment the experiment it runs
         * @param skipped the agents left out
         */
        public Environment {
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * An agent left out of one environment.
     *
     * @param agent its name under {@code agents}
     * @param reason why, in words
     */
    public record Skipped(String agent, String reason) {
        /**
         * Agents left out, in words: {@code a (reason); b (reason)}.
         *
         * @param skipped the agents
         * @return the text, empty for none
         */
        public static String describe(List<Skipped> skipped) {
            StringBuilder s = new StringBuilder();
            for (Skipped k : skipped) {
                s.append(s.length() == 0 ? "" : "; ").append(k.agent()).append(" (").append(k.reason()).append(')');
            }
            return s.toString();
        }
    }

    /**
     * The variants (cell labels) of every environment, in order of first appearance.
     *
     * @return the labels
     */
    public List<String> variants() {
        Set<String> all = new LinkedHashSet<>();
        for (Environment e : environments) {
            for (Cell c : e.experiment().cells()) {
                all.add(c.label());
            }
        }
        return List.copyOf(all);
    }

    /**
     * The seed of the suite (every environment's experiment has it).
     *
     * @return the master seed
     */
    public long seed() {
        return environments.get(0).experiment().seed();
    }
}
