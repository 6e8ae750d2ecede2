package kelvin.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad configs give one ConfigException naming the line, the key path and what is allowed. Each case
 * is a small config with one mistake; the expected line is where the mistake is written.
 */
class ConfigErrorsTest {

    private static final String HEAD = "name: t\nruns: 10\nsteps: 100\nenv: {type: gaussian-bandit}\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(HEAD + "agents:\n  a: {type: action-value, policy: {type: greedy}, alfa: 0.1}\n",
                        6, "agents.a.alfa", "did you mean alpha?"),
                Arguments.of(HEAD + "agents:\n  a: {type: action-valu, policy: {type: greedy}}\n",
                        6, "agents.a.type", "did you mean action-value?"),
                Arguments.of(HEAD + "agents:\n  a: {type: action-value, policy: {type: boltzman, temperature: 1}}\n",
                        6, "agents.a.policy.type", "did you mean boltzmann?"),
                Arguments.of(HEAD + "agents:\n  a:\n    type: action-value\n    policy: {type: epsilon-greedy, epsilon: 1.5}\n",
                        8, "agents.a.policy.epsilon", "[0, 1]"),
                Arguments.of(HEAD + "agents:\n  a:\n    type: action-value\n    policy:\n      type: boltzmann\n"
                                + "      temperature: {schedule: exponential, initial: 1, decay: 1.2}\n",
                        10, "agents.a.policy.temperature.decay", "(0, 1]"),
                Arguments.of(HEAD + "agents:\n  a:\n    type: action-value\n    policy:\n      type: boltzmann\n"
                                + "      temperature: {schedule: exponentail, initial: 1, decay: 0.9}\n",
                        10, "agents.a.policy.temperature.schedule", "did you mean exponential?"),
                Arguments.of(HEAD + "agents:\n  a: {type: action-value, policy: {type: boltzmann, temperature: -1}}\n",
                        6, "agents.a.policy.temperature", "out of range"),
                Arguments.of(HEAD + "agents:\n  a: {type: action-value, policy: {type: boltzmann, temperature: .nan}}\n",
                        6, "agents.a.policy.temperature", "NaN"),
                Arguments.of(HEAD + "agents:\n  a: {type: action-value, policy: {type: boltzmann, temperature: {schedule: logarithmic, c: 1, t0: 1}}}\n",
                        6, "agents.a.policy.temperature.t0", "> 1"),
                Arguments.of(HEAD + "agents:\n  a: {type: action-value, policy: {type: greedy}}\n  a: {type: action-value, policy: {type: greedy}}\n",
                        7, "agents.a", "duplicate key"),
                Arguments.of("name: t\nruns: ten\nsteps: 100\nenv: {type: gaussian-bandit}\nagents:\n  a: {type: action-value, policy: {type: greedy}}\n",
                        2, "runs", "whole number"),
                Arguments.of("name: t\nruns: 0\nsteps: 100\nenv: {type: gaussian-bandit}\nagents:\n  a: {type: action-value, policy: {type: greedy}}\n",
                        2, "runs", "out of range"),
                Arguments.of("name: t\nruns: 10\nenv: {type: gaussian-bandit}\nagents:\n  a: {type: action-value, policy: {type: greedy}}\n",
                        1, "steps", "missing required key"),
                Arguments.of("name: ../escape\nruns: 10\nsteps: 100\nenv: {type: gaussian-bandit}\nagents:\n  a: {type: action-value, policy: {type: greedy}}\n",
                        1, "name", "folder name"),
                Arguments.of("name: t\nruns: 10\nsteps: 100\nenv: {type: gaussian-bandit, means: [0, 1], arms: 3}\nagents:\n  a: {type: action-value, policy: {type: greedy}}\n",
                        4, "env.arms", "one mean per arm"),
                Arguments.of("name: t\nruns: 10\nsteps: 100\nenv: {type: bernoulli-bandit, means: [0.5, 1.5]}\nagents:\n  a: {type: action-value, policy: {type: greedy}}\n",
                        4, "env.means[1]", "[0, 1]"),
                Arguments.of("name: t\nruns: 10\nsteps: 100\nenv: {type: gausian-bandit}\nagents:\n  a: {type: action-value, policy: {type: greedy}}\n",
                        4, "env.type", "did you mean gaussian-bandit?"),
                Arguments.of(HEAD + "agents:\n  a: {type: action-value, policy: {type: greedy}}\nsweep:\n  policy.temperature.value: [0.1]\n",
                        8, "sweep.policy.temperature.value", "no agent has"),
                Arguments.of(HEAD + "agents:\n  a: {type: action-value, policy: {type: boltzmann, temperature: 1}}\nsweep:\n  policy.temperature: []\n",
                        8, "sweep.policy.temperature", "empty"),
                Arguments.of(HEAD + "agents:\n  a: {type: action-value, policy: {type: greedy}}\nmetrics: [regret, regert]\n",
                        7, "metrics[1]", "did you mean regret?"),
                Arguments.of(HEAD + "agents: {}\n", 5, "agents", "empty"),
                Arguments.of(HEAD + "agents:\n  a: {type: action-value, policy: {type: boltzmann, temperature: {schedule: fixed, value: 1, beta: 1}}}\n",
                        6, "agents.a.policy.temperature", "exactly one of value"),
                Arguments.of(HEAD + "agents:\n  a: {type: action-value, policy: {type: boltzmann, temperature: {schedule: fixed, value: 1, per: episode}}}\n",
                        6, "agents.a.policy.temperature.per", "bandits count steps"),
                Arguments.of("- just\n- a list\n", 1, "", "expected a mapping"),
                Arguments.of("name: t\nruns: [1\n", 2, "", "not valid YAML"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void namesLinePathAndWhatIsAllowed(String yaml, int line, String path, String fragment) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ExperimentLoader.bind(YamlTrees.parse("bad.yaml", yaml), Registry.builtIns()));
        assertEquals(path, e.path(), e.getMessage());
        assertEquals(line, e.location().line(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.yaml:" + line + ":"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void emptyFileIsRefusedWithAMessage() {
        ConfigException e = assertThrows(ConfigException.class, () -> YamlTrees.parse("empty.yaml", "  \n"));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void deepNestingIsRefused() {
        String deep = "a: " + "[".repeat(200) + "]".repeat(200) + "\n";
        ConfigException e = assertThrows(ConfigException.class, () -> YamlTrees.parse("deep.yaml", deep));
        assertTrue(e.getMessage().startsWith("deep.yaml"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void hugeFilesAreRefusedBeforeParsing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        java.nio.file.Path big = tmp.resolve("big.yaml");
        java.nio.file.Files.writeString(big, "# " + "x".repeat((int) YamlTrees.MAX_BYTES) + "\n");
        ConfigException e = assertThrows(ConfigException.class, () -> YamlTrees.read(big));
        assertTrue(e.getMessage().contains("limited to"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aliasBombIsRefused() {
        StringBuilder sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'z'; c++) {
            sb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                sb.append(i > 0 ? ", " : "").append('*').append(prev);
            }
            sb.append("]\n");
            prev = c;
        }
        ConfigException e = assertThrows(ConfigException.class, () -> YamlTrees.parse("bomb.yaml", sb.toString()));
        assertTrue(e.getMessage().contains("aliases"), e.getMessage());
    }
}
