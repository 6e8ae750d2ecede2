package kelvin.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.ResultWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A quoted scalar is a string in YAML and JSON alike, so where a number, whole number or boolean is
 * expected it is refused, saying to remove the quotes; plain numbers, inf and .inf keep working, and
 * whole-number keys treat 5, 5.0, 1e3, 5.5, "5" and true each in one stated way.
 */
class StrictScalarsTest {

    private static final String TOP = "name: t\nruns: 10\nsteps: 100\nenv: {type: gaussian-bandit}\n";
    private static final String AGENT = "agents:\n  b: {type: action-value, policy: {type: greedy}, alpha: %s}\n";
    private static final String BOLTZMANN = "agents:\n  b: {type: action-value, policy: {type: boltzmann, "
            + "temperature: %s}}\n";

    @TempDir
    Path tmp;

    private static Experiment bind(String yaml) {
        return ExperimentLoader.bind(YamlTrees.parse("bad.yaml", yaml), Registry.builtIns());
    }

    private static ConfigException refused(String yaml) {
        return assertThrows(ConfigException.class, () -> bind(yaml));
    }

    @Test
    void aQuotedNumberIsAStringWithTheKeysTypeAndWhere() {
        ConfigException e = refused(TOP + String.format(AGENT, "\"0.1\""));
        assertEquals("bad.yaml:6:58: agents.b.alpha: \"0.1\" is a string; expected a number in (0, 1] "
                + "(remove the quotes)", e.getMessage());
    }

    @Test
    void quotedRunsAlphaAndTemperatureAreRefusedAlike() {
        ConfigException runs = refused("name: t\nruns: \"5\"\nsteps: 100\nenv: {type: gaussian-bandit}\n"
                + String.format(AGENT, "0.1"));
        assertEquals("bad.yaml:2:7: runs: \"5\" is a string; expected a whole number from 1 to 10000000 "
                + "(remove the quotes)", runs.getMessage());
        ConfigException alpha = refused(TOP + String.format(AGENT, "'0.1'"));
        assertTrue(alpha.getMessage().endsWith("\"0.1\" is a string; expected a number in (0, 1] (remove the quotes)"),
                alpha.getMessage());
        ConfigException temperature = refused(TOP + String.format(BOLTZMANN, "\"0.3\""));
        assertEquals("agents.b.policy.temperature", temperature.path());
        assertTrue(temperature.problem().startsWith("\"0.3\" is a string; expected a number >= 0 (inf allowed), or a "
                + "mapping with schedule: (one of "), temperature.problem());
        assertTrue(temperature.problem().endsWith("(remove the quotes)"), temperature.problem());
    }

    @Test
    void anExplicitStringTagIsAStringToo() {
        ConfigException e = refused(TOP + String.format(AGENT, "!!str 0.1"));
        assertTrue(e.problem().startsWith("\"0.1\" is a string"), e.getMessage());
    }

    @Test
    void quotedInfinityAndQuotedBooleansAreStrings() {
        ConfigException inf = refused(TOP + String.format(BOLTZMANN, "\".inf\""));
        assertTrue(inf.problem().startsWith("\".inf\" is a string"), inf.getMessage());
        ConfigException bool = refused(TOP + "agents:\n  g: {type: gradient-bandit, alpha: 0.1, baseline: \"true\"}\n");
        assertEquals("agents.g.baseline", bool.path());
        assertEquals("\"true\" is a string; expected true or false (remove the quotes)", bool.problem());
    }

    @Test
    void quotedTextThatIsNoNumberSaysWhatWasFound() {
        ConfigException e = refused(TOP + String.format(AGENT, "\"fast\""));
        assertEquals("expected a number in (0, 1], found the string \"fast\"", e.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"inf", ".inf", "+.inf", "Infinity", "1e300", "0", "3"})
    void plainNumbersAndInfinityStillWork(String t) {
        Experiment e = bind(TOP + String.format(BOLTZMANN, t));
        assertEquals(Double.parseDouble(t.replace(".inf", "Infinity").replace("inf", "Infinity")),
                e.cells().get(0).temperature().temperature(0));
    }

    @Test
    void nanAndNegativeInfinityAreRefusedByRangeNotByKind() {
        assertTrue(refused(TOP + String.format(BOLTZMANN, ".nan")).problem().startsWith("NaN is not allowed"));
        assertTrue(refused(TOP + String.format(BOLTZMANN, "-.inf")).problem().startsWith("-.inf is out of range"));
    }

    @Test
    void yamlOneOneBooleansKeepTheirValue() {
        Experiment off = bind(TOP + "agents:\n  g: {type: gradient-bandit, alpha: 0.1, baseline: no}\n");
        Experiment on = bind(TOP + "agents:\n  g: {type: gradient-bandit, alpha: 0.1, baseline: yes}\n");
        assertEquals(false, resolvedAgent(off).get("baseline"));
        assertEquals(true, resolvedAgent(on).get("baseline"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolvedAgent(Experiment e) {
        return (Map<String, Object>) ((Map<String, Object>) e.resolved().get("agents")).get("g");
    }

    @Test
    void jsonStringsAreStringsAndJsonNumbersAreNumbers() {
        String json = "{\"name\": \"t\", \"runs\": 10, \"steps\": 100, \"env\": {\"type\": \"gaussian-bandit\"},"
                + " \"agents\": {\"b\": {\"type\": \"action-value\", \"policy\": {\"type\": \"greedy\"}, \"alpha\": %s}}}";
        ConfigException e = refused(String.format(json, "\"0.1\""));
        assertEquals("agents.b.alpha", e.path());
        assertTrue(e.problem().endsWith("(remove the quotes)"), e.getMessage());
        assertEquals(1, bind(String.format(json, "0.1")).cells().size());
    }

    @Test
    void setValuesArePlainUnlessQuoted() throws IOException {
        Path file = tmp.resolve("c.yaml");
        Files.writeString(file, TOP + String.format(AGENT, "0.5"));
        Experiment e = ExperimentLoader.load(file, List.of("runs=100", "agents.b.alpha=0.1",
                "agents.b.policy={type: boltzmann, temperature: inf}"), Registry.builtIns());
        assertEquals(100, e.runs());
        assertEquals(Double.POSITIVE_INFINITY, e.cells().get(0).temperature().temperature(0));
        ConfigException quoted = assertThrows(ConfigException.class,
                () -> ExperimentLoader.load(file, List.of("runs=\"5\""), Registry.builtIns()));
        assertEquals("--set runs:1:1: runs: \"5\" is a string; expected a whole number from 1 to 10000000 "
                + "(remove the quotes)", quoted.getMessage());
    }

    @Test
    void wholeNumberKeysTakeWholeValuesInAnySpellingAndSaySo() {
        String rest = "steps: 100\nenv: {type: gaussian-bandit}\n" + String.format(AGENT, "0.1");
        assertEquals(5, bind("name: t\nruns: 5.0\n" + rest).runs());
        assertEquals(1000, bind("name: t\nruns: 1e3\n" + rest).runs());
        assertEquals(1000, bind("name: t\nruns: 1_000\n" + rest).runs());
        assertEquals(16, bind("name: t\nruns: 0x10\n" + rest).runs());
        assertEquals("5.5 is not a whole number; expected a whole number from 1 to 10000000 (5, 5.0 and 5e0 are "
                + "whole; 1e3 is 1000)", refused("name: t\nruns: 5.5\n" + rest).problem());
        assertEquals("expected a whole number from 1 to 10000000, found the boolean true",
                refused("name: t\nruns: true\n" + rest).problem());
        assertEquals("1e30 is out of range; expected a whole number from 1 to 10000000",
                refused("name: t\nruns: 1e30\n" + rest).problem());
        assertTrue(refused("name: t\nruns: \"5\"\n" + rest).problem().endsWith("(remove the quotes)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"inf", "Infinity", "+inf", ".inf", "+.inf"})
    void theResolvedConfigOfASweptInfinityReadsBackTheSame(String inf) {
        String yaml = TOP + "agents:\n  b: {type: action-value, policy: {type: boltzmann, temperature: .inf}}\n"
                + "  c: {type: action-value, policy: {type: boltzmann, temperature: {schedule: fixed, value: 1}}}\n"
                + "sweep:\n  policy.temperature.value: [" + inf + ", 0.5]\n";
        Experiment e = bind(yaml);
        String resolved = ResultWriter.configYaml(e);
        Experiment again = bind(resolved);
        assertEquals(resolved, ResultWriter.configYaml(again));
        assertEquals(e.cells().size(), again.cells().size());
        // Both agents are swept, b through its shorthand: b[value=inf], b[value=0.5], c[value=inf], ...
        assertEquals(Double.POSITIVE_INFINITY, again.cells().get(0).temperature().temperature(0));
        assertEquals(Double.POSITIVE_INFINITY, again.cells().get(2).temperature().temperature(0));
    }

    @Test
    void aSweepRefusesOneNumberWrittenTwice() {
        ConfigException e = refused(TOP + String.format(BOLTZMANN, "1") + "sweep:\n  policy.temperature: [inf, 0.5, "
                + "Infinity]\n");
        assertEquals("sweep.policy.temperature", e.path());
        assertEquals("Infinity (item 3) equals inf (item 1); a sweep computes each value once", e.problem());
    }
}
