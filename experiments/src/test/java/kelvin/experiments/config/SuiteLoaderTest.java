package kelvin.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.Suite;
import org.junit.jupiter.api.Test;

/** Suites in the config: envs, per-kind agent sections, per-environment values, misfits and errors. */
class SuiteLoaderTest {

    private static final String SUITE = """
            name: s
            seed: 4
            runs: 3
            envs:
              bandit: {env: {type: gaussian-bandit, arms: 4}, steps: 50}
              grid:
                env: {type: gridworld, map: four-rooms}
                episodes: 5
                set: {agents.both.policy.temperature: 0.5}
            agents:
              both:
                policy: {type: boltzmann, temperature: 0.2}
                bandit: {type: action-value}
                tabular: {type: q-learning, alpha: 0.3}
              bandit-only: {type: ucb1, c: 2}
            """;

    private static Suite load(String yaml) {
        return SuiteLoader.bind(YamlTrees.parse("suite.yaml", yaml), Registry.builtIns(), Limits.Budget.DEFAULT);
    }

    private static ConfigException error(String yaml) {
        return assertThrows(ConfigException.class, () -> load(yaml));
    }

    @Test
    void eachEnvironmentIsAnExperimentWithItsOwnHorizonAndTheAgentsThatFit() {
        Suite s = load(SUITE);
        assertEquals(List.of("bandit", "grid"), s.environments().stream().map(Suite.Environment::name).toList());
        Experiment bandit = s.environments().get(0).experiment();
        Experiment grid = s.environments().get(1).experiment();
        assertEquals(50, bandit.horizon());
        assertTrue(!bandit.episodic() && grid.episodic());
        assertEquals(5, grid.horizon());
        assertEquals(List.of("both", "bandit-only"), bandit.cells().stream().map(c -> c.label()).toList());
        assertEquals(List.of("both"), grid.cells().stream().map(c -> c.label()).toList());
        assertEquals("s-grid", grid.name());
        assertTrue(grid.metricIndex("score") >= 0 && bandit.metricIndex("score") >= 0, "every environment scores");
        assertEquals(List.of(new Suite.Skipped("bandit-only", "ucb1 is a bandit agent")),
                s.environments().get(1).skipped());
        // the tabular section and the environment's set are both in the resolved agent
        String resolved = grid.cells().get(0).resolved().toString();
        assertTrue(resolved.contains("alpha=0.3") && resolved.contains("temperature=0.5"), resolved);
        assertEquals(4, s.seed());
    }

    @Test
    void anAgentWithoutASectionForAKindIsSkippedThere() {
        String yaml = SUITE.replace("    tabular: {type: q-learning, alpha: 0.3}\n", "")
                .replace("set: {agents.both.policy.temperature: 0.5}", "set: {}");
        Suite s = load(yaml.replace("  bandit-only: {type: ucb1, c: 2}\n", "  bandit-only: {type: ucb1, c: 2}\n"
                + "  q: {type: q-learning, policy: {type: greedy}}\n"));
        assertEquals(List.of(new Suite.Skipped("both", "it has no type for tabular environments (no tabular: section)"),
                new Suite.Skipped("bandit-only", "ucb1 is a bandit agent")), s.environments().get(1).skipped());
        assertEquals(List.of(new Suite.Skipped("q", "q-learning is a tabular agent")), s.environments().get(0).skipped());
        String none = error(yaml).getMessage();
        assertTrue(none.contains("envs.grid: no agent runs on this environment: both (it has no type"), none);
    }

    @Test
    void problemsSayWhereAndWhich() {
        assertTrue(error(SUITE.replace("runs: 3\n", "runs: 3\nsteps: 10\n")).getMessage()
                .contains("suite.yaml:4:1: steps: a suite gives each environment its env and horizon under envs.NAME"));
        assertTrue(error(SUITE.replace(", steps: 50}", "}")).getMessage()
                .contains("envs.bandit: give exactly one horizon"));
        assertTrue(error(SUITE.replace("steps: 50}", "steps: 50, colour: red}")).getMessage()
                .contains("envs.bandit.colour: is not a key of an environment of a suite"));
        String inside = error(SUITE.replace("arms: 4", "arms: 0")).getMessage();
        assertTrue(inside.contains("suite.yaml:5:47: envs.bandit.env.arms: 0 is out of range"), inside);
        String agent = error(SUITE.replace("alpha: 0.3", "alpha: 3")).getMessage();
        assertTrue(agent.contains("agents.both.alpha") && agent.endsWith("(in environment grid)"), agent);
        String set = error(SUITE.replace("agents.both.policy.temperature: 0.5", "agents.nobody.policy: 1"))
                .getMessage();
        assertTrue(set.contains("suite.yaml:9:11") && set.contains("agents.nobody"), set);
        assertTrue(error("name: s\nruns: 2\nenvs: {}\nagents: {a: {type: ucb1}}\n").getMessage()
                .contains("envs: names no environment"));
    }
}
