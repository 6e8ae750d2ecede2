package kelvin.experiments.model;

import java.util.Map;
import kelvin.agents.schedule.Schedule;
import kelvin.api.Environment;

/**
 * One agent variant at one sweep point: what is run {@code runs} times and drawn as one line. A
 * bandit cell holds a bandit agent and its bandit, a tabular cell a tabular agent and its task.
 */
public sealed interface Cell permits BanditCell, TabularCell {

    /**
     * The cell's position.
     *
     * @return its index in the config (agents in order, then sweep points), also its colour
     */
    int index();

    /**
     * The label of curves and CSV rows.
     *
     * @return {@code agent} or {@code agent[segment=value,...]}
     */
    String label();

    /**
     * The agent's name under {@code agents}.
     *
     * @return the key the agent is written under, shared by all its sweep points
     */
    String agentName();

    /**
     * The swept values.
     *
     * @return swept key (last path segment) to value as written
     */
    Map<String, String> params();

    /**
     * The environment this cell runs on (env-sweep points differ).
     *
     * @return the same object for every cell of one environment point
     */
    Environment environment();

    /**
     * The agent's temperature schedule, for previews.
     *
     * @return the schedule written at a {@code temperature} key inside the agent, or null
     */
    Schedule temperature();

    /**
     * The agent's fully resolved spec, for config.yaml and the cell's hash.
     *
     * @return maps, lists and scalars, every default filled in
     */
    Map<String, Object> resolved();
}
