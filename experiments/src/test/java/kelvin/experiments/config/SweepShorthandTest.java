package kelvin.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.ResultWriter;
import org.junit.jupiter.api.Test;

/**
 * A sweep path sees a plain number at a number-or-schedule key as the mapping it stands for,
 * {@code {schedule: fixed, value: N}}, and a path that still cannot be followed says what stands in
 * the way.
 */
class SweepShorthandTest {

    private static final String HEAD = "name: s\nruns: 3\nsteps: 10\nenv: {type: gaussian-bandit}\nagents:\n";

    private static Experiment bind(String yaml) {
        return ExperimentLoader.bind(YamlTrees.parse("s.yaml", yaml), Registry.builtIns());
    }

    @Test
    void theTemperatureShorthandIsSweptLikeItsExpandedForm() {
        Experiment shorthand = bind(HEAD
                + "  b: {type: action-value, policy: {type: boltzmann, temperature: 1}}\n"
                + "  eps: {type: action-value, policy: {type: epsilon-greedy, epsilon: 0.1}}\n"
                + "sweep:\n  policy.temperature.value: [0.05, 0.5]\n");
        Experiment expanded = bind(HEAD
                + "  b: {type: action-value, policy: {type: boltzmann, temperature: {schedule: fixed, value: 1}}}\n"
                + "  eps: {type: action-value, policy: {type: epsilon-greedy, epsilon: 0.1}}\n"
                + "sweep:\n  policy.temperature.value: [0.05, 0.5]\n");
        List<String> labels = shorthand.cells().stream().map(Cell::label).toList();
        assertEquals(List.of("b[value=0.05]", "b[value=0.5]", "eps"), labels);
        assertEquals(labels, expanded.cells().stream().map(Cell::label).toList());
        assertEquals(0.05, shorthand.cells().get(0).temperature().temperature(0), 0);
        assertEquals(0.5, shorthand.cells().get(1).temperature().temperature(7), 0);
        // The resolved config.yaml keeps the agent as written and the sweep beside it: it loads back
        // to the same variants.
        Experiment again = ExperimentLoader.bind(YamlTrees.parse("resolved", ResultWriter.configYaml(shorthand)),
                Registry.builtIns());
        assertEquals(labels, again.cells().stream().map(Cell::label).toList());
    }

    @Test
    void anAgentsOwnSweepAndAnEpsilonShorthandAreExpandedToo() {
        Experiment e = bind(HEAD
                + "  b:\n    type: action-value\n    policy: {type: boltzmann, temperature: 2}\n"
                + "    sweep: {policy.temperature.value: [0.1, 0.2, 0.4]}\n"
                + "  eps: {type: action-value, policy: {type: epsilon-greedy, epsilon: 0.1}}\n"
                + "sweep:\n  policy.epsilon.value: [0.01, 0.3]\n");
        assertEquals(List.of("b[value=0.1]", "b[value=0.2]", "b[value=0.4]", "eps[value=0.01]", "eps[value=0.3]"),
                e.cells().stream().map(Cell::label).toList());
        assertEquals(0.4, e.cells().get(2).temperature().temperature(0), 0);
    }

    @Test
    void anUnwrittenScheduleIsNamedAsWhatStandsInTheWay() {
        ConfigException bad = assertThrows(ConfigException.class, () -> bind(HEAD
                + "  a: {type: action-value, policy: {type: metropolis}}\n"
                + "sweep:\n  policy.temperature.value: [0.1, 0.2]\n"));
        assertEquals("sweep.policy.temperature.value", bad.path());
        assertTrue(bad.getMessage().contains("no agent has this key path: in agent a, policy.temperature is not "
                + "written, so there is nothing inside it to sweep; write it out"), bad.getMessage());
    }

    @Test
    void aKeyOfAMappingThatIsSweptWholeSaysSo() {
        ConfigException bad = assertThrows(ConfigException.class, () -> bind(HEAD
                + "  sa: {type: action-value, policy: {type: boltzmann, temperature: {schedule: simulated-annealing, "
                + "initial: 1, cooling: 0.9, plateau: 10, reheat: {patience: 20, to: 0.5}}}}\n"
                + "sweep:\n  policy.temperature.reheat.patience: [10, 20]\n"));
        assertTrue(bad.getMessage().contains("in agent sa, policy.temperature.reheat is a mapping {patience, to} "
                + "that is swept whole: sweep policy.temperature.reheat with a list of such values"),
                bad.getMessage());
    }

    @Test
    void aPathNoAgentComesNearKeepsTheGeneralHint() {
        ConfigException bad = assertThrows(ConfigException.class, () -> bind(HEAD
                + "  a: {type: action-value, policy: {type: greedy}}\n"
                + "sweep:\n  policy.temperature.value: [0.1]\n"));
        assertTrue(bad.getMessage().contains("no agent has this key path; a path starts inside an agent"),
                bad.getMessage());
    }
}
