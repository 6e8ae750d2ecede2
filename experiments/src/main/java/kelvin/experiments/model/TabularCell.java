package kelvin.experiments.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import kelvin.agents.schedule.Schedule;
import kelvin.agents.tabular.TabularAgent;
import kelvin.env.mdp.TabularTask;

/**
 * A cell on a tabular MDP.
 *
 * @param index position in the config
 * @param label {@code agent} or {@code agent[segment=value,...]}
 * @param agentName the agent's name under {@code agents}
 * @param params swept key to value as written
 * @param agent the agent at this sweep point; each run starts its own learner from it
 * @param environment the MDP with its step limit and discount
 * @param temperature the agent's temperature schedule, or null
 * @param resolved the agent's resolved spec
 */
public record TabularCell(int index, String label, String agentName, Map<String, String> params, TabularAgent agent,
                          TabularTask environment, Schedule temperature, Map<String, Object> resolved) implements Cell {

    /**
     * Keeps unmodifiable copies of the maps, in their order.
     *
     * @param index position in the config
     * @param label {@code agent} or {@code agent[segment=value,...]}
     * @param agentName the agent's name under {@code agents}
     * @param params swept key to value as written
     * @param agent the agent at this sweep point; each run starts its own learner from it
     * @param environment the MDP with its step limit and discount
     * @param temperature the agent's temperature schedule, or null
     * @param resolved the agent's resolved spec
     */
    public TabularCell {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        resolved = Collections.unmodifiableMap(new LinkedHashMap<>(resolved));
    }
}
