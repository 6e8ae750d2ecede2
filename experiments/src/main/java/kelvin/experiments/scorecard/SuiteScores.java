package kelvin.experiments.scorecard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The score tables of several agents on the same suite: every agent has the same environments in
 * the same order (run counts may differ between agents and environments).
 */
public final class SuiteScores {
    private final Map<String, ScoreTable> tables;
    private final List<String> agents;

    private SuiteScores(Map<String, ScoreTable> tables) {
        this.tables = tables;
        this.agents = List.copyOf(tables.keySet());
    }

    /**
     * The suite, agents in the map's iteration order.
     *
     * @param tables each agent's table, by agent name
     * @return the suite
     * @throws IllegalArgumentException if there are no agents, a name is blank, or an agent's
     *     environments differ from the first agent's (names or order)
     */
    public static SuiteScores of(Map<String, ScoreTable> tables) {
        if (tables == null || tables.isEmpty()) {
            throw new IllegalArgumentException("suite scores: no agents");
        }
        Map<String, ScoreTable> copy = new LinkedHashMap<>();
        List<String> environments = null;
        String first = null;
        for (Map.Entry<String, ScoreTable> entry : tables.entrySet()) {
            String agent = entry.getKey();
            if (agent == null || agent.isBlank()) {
                throw new IllegalArgumentException("suite scores: an agent has no name");
            }
            if (entry.getValue() == null) {
                throw new IllegalArgumentException("suite scores: agent \"" + agent + "\" has no score table");
            }
            List<String> envs = entry.getValue().environments();
            if (environments == null) {
                environments = envs;
                first = agent;
            } else if (!environments.equals(envs)) {
                throw new IllegalArgumentException("suite scores: agent \"" + agent + "\" has environments " + envs
                        + " but agent \"" + first + "\" has " + environments + " (same names, same order)");
            }
            copy.put(agent, entry.getValue());
        }
        return new SuiteScores(Collections.unmodifiableMap(copy));
    }

    /**
     * The agents, in order.
     *
     * @return an unmodifiable list
     */
    public List<String> agents() {
        return agents;
    }

    /**
     * One agent's table.
     *
     * @param agent the agent's name
     * @return its table
     * @throws IllegalArgumentException if the suite has no such agent
     */
    public ScoreTable table(String agent) {
        ScoreTable table = tables.get(agent);
        if (table == null) {
            throw new IllegalArgumentException("suite scores: no agent \"" + agent + "\"; there are " + agents);
        }
        return table;
    }

    /**
     * The environments every agent shares.
     *
     * @return the names, in row order
     */
    public List<String> environments() {
        return tables.get(agents.get(0)).environments();
    }

    /**
     * The tables in agent order.
     *
     * @return a new list
     */
    List<ScoreTable> tables() {
        return new ArrayList<>(tables.values());
    }
}
