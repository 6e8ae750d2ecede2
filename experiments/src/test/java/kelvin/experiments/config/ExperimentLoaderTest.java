package kelvin.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.ResultWriter;
import org.junit.jupiter.api.Test;

class ExperimentLoaderTest {

    static final Path EXAMPLES = Paths.get("examples");

    @Test
    void everyExampleValidatesAndItsResolvedConfigLoadsToTheSameConfig() throws IOException {
        List<Path> examples;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            examples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(true, examples.size() >= 5, "at least five examples: " + examples);
        for (Path p : examples) {
            for (Experiment e : SuiteLoader.experiments(p, Registry.builtIns())) {
                String resolved = ResultWriter.configYaml(e);
                Experiment again = ExperimentLoader.bind(YamlTrees.parse("resolved", resolved), Registry.builtIns());
                assertEquals(resolved, ResultWriter.configYaml(again), p.toString());
                assertEquals(e.cells().size(), again.cells().size());
            }
        }
    }

    @Test
    void sweepExpandsOnlyAgentsThatHaveThePathWithDesignLabels() {
        String yaml = "name: s\nruns: 3\nsteps: 10\nenv: {type: gaussian-bandit}\nagents:\n"
                + "  fixed: {type: action-value, policy: {type: boltzmann, temperature: {schedule: fixed, value: 1}}}\n"
                + "  eps: {type: action-value, policy: {type: epsilon-greedy, epsilon: 0.1}}\n"
                + "sweep:\n  policy.temperature.value: [0.05, 0.5]\n  initial: [0, 5]\n";
        Experiment e = ExperimentLoader.bind(YamlTrees.parse("s.yaml", yaml), Registry.builtIns());
        List<String> labels = e.cells().stream().map(Cell::label).toList();
        assertEquals(List.of("fixed[value=0.05,initial=0]", "fixed[value=0.05,initial=5]",
                "fixed[value=0.5,initial=0]", "fixed[value=0.5,initial=5]", "eps[initial=0]", "eps[initial=5]"), labels);
        assertEquals(List.of("value", "initial"), e.sweepKeys());
        assertEquals(0.05, e.cells().get(0).temperature().temperature(0), 0);
        assertNull(e.cells().get(4).temperature());
    }

    @Test
    void setOverridesAreValidatedLikeWrittenValues() throws IOException {
        Path p = EXAMPLES.resolve("quickstart.yaml");
        Experiment e = ExperimentLoader.load(p, List.of("runs=7", "agents.eps-0.1.policy.epsilon=0.2"), Registry.builtIns());
        assertEquals(7, e.runs());
        ConfigException bad = assertThrows(ConfigException.class,
                () -> ExperimentLoader.load(p, List.of("agents.eps-0.1.policy.epsilon=2"), Registry.builtIns()));
        assertEquals("agents.eps-0.1.policy.epsilon", bad.path());
        ConfigException missing = assertThrows(ConfigException.class,
                () -> ExperimentLoader.load(p, List.of("agents.nobody.alpha=0.1"), Registry.builtIns()));
        assertNotNull(missing.getMessage());
    }

    @Test
    void temperatureShorthandIsAFixedSchedule() {
        String yaml = "name: s\nruns: 3\nsteps: 10\nenv: {type: gaussian-bandit}\nagents:\n"
                + "  b: {type: action-value, policy: {type: boltzmann, temperature: inf}}\n";
        Experiment e = ExperimentLoader.bind(YamlTrees.parse("s.yaml", yaml), Registry.builtIns());
        assertEquals(Double.POSITIVE_INFINITY, e.cells().get(0).temperature().temperature(5));
    }
}
