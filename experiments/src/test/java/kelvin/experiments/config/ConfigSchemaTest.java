package kelvin.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.Suite;
import kelvin.experiments.results.ResultWriter;
import org.junit.jupiter.api.Test;

/** The generated JSON Schema accepts every example (and its resolved form) and rejects bad configs. */
class ConfigSchemaTest {
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(new ObjectMapper().valueToTree(ConfigSchema.schema(Registry.builtIns())));
    private static final YAMLMapper YAML = new YAMLMapper();

    private static Set<ValidationMessage> validate(String yaml) throws IOException {
        JsonNode node = YAML.readTree(yaml);
        return SCHEMA.validate(node);
    }

    @Test
    void everyExampleAndItsResolvedConfigValidate() throws IOException {
        List<Path> examples;
        try (Stream<Path> s = Files.list(Paths.get("examples"))) {
            examples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path p : examples) {
            assertEquals(Set.of(), validate(Files.readString(p)), p.toString());
            if (SuiteLoader.isSuite(p)) {
                Suite suite = SuiteLoader.load(p, List.of(), Registry.builtIns(), Limits.Budget.DEFAULT);
                for (Suite.Environment env : suite.environments()) {
                    assertEquals(Set.of(), validate(ResultWriter.configYaml(env.experiment())),
                            "resolved " + p + ", environment " + env.name());
                }
                continue;
            }
            Experiment e = Experiment.load(p);
            assertEquals(Set.of(), validate(ResultWriter.configYaml(e)), "resolved " + p);
        }
    }

    @Test
    void badConfigsAreRejected() throws IOException {
        String head = "name: t\nruns: 10\nsteps: 100\nenv: {type: gaussian-bandit}\n";
        assertFalse(validate(head + "agents:\n  a: {type: action-value, policy: {type: greedy}, alfa: 1}\n").isEmpty());
        assertFalse(validate(head + "agents:\n  a: {type: action-value, policy: {type: epsilon-greedy, epsilon: 2}}\n")
                .isEmpty());
        assertFalse(validate(head + "agents: {}\n").isEmpty());
        assertFalse(validate("name: ../x\nruns: 1\nsteps: 1\nenv: {type: gaussian-bandit}\n"
                + "agents:\n  a: {type: action-value, policy: {type: greedy}}\n").isEmpty());
        assertTrue(validate(head + "agents:\n  a: {type: action-value, policy: {type: boltzmann, temperature: inf}}\n")
                .isEmpty());
        String suite = "name: t\nruns: 10\nenvs:\n  b: {env: {type: gaussian-bandit}, steps: 100}\n"
                + "agents:\n  a: {bandit: {type: action-value, policy: {type: greedy}}}\n";
        assertTrue(validate(suite).isEmpty(), validate(suite).toString());
        assertFalse(validate(suite.replace("runs: 10", "runs: 10\nsteps: 5")).isEmpty(), "horizons go under envs");
        assertFalse(validate(suite + "env: {type: gaussian-bandit}\n").isEmpty(), "env or envs, not both");
        assertFalse(validate(suite.replace("steps: 100}", "steps: 100, colour: red}")).isEmpty());
    }
}
