package kelvin.experiments.model;

import java.util.Map;
import kelvin.agents.schedule.Schedule;

/**
 * One agent variant at one sweep point: what is run {@code runs} times and drawn as one line.
 *
 * @param index position in the config (agents in order, then sweep points), also the colour index
 * @param label {@code agent} or {@code agent[segment=value,...]}
 * @param agentName the agent's name under {@code agents}
 * @param params swept key (last path segment) to value as written
 * @param agent the built agent: a BanditAgent or a TdAgent, as the environment needs
 * @param environment the environment this cell runs on (differs between env-sweep points)
 * @param temperature the policy's temperature schedule, or null when the policy has none
 * @param resolved the agent's fully resolved spec, for config.yaml and the config hash
 */
public record Cell(int index, String label, String agentName, Map<String, String> params, Object agent,
                   Environment environment, Schedule temperature, Object resolved) {

    public Cell {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }
}
