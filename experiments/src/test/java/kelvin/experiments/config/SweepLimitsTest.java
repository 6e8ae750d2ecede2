package kelvin.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kelvin.experiments.model.Experiment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of sweep (top-level, an agent's own, the environment's, and their combination) is
 * counted from the lengths of its lists before any point is built, and a config over
 * {@link Limits#MAX_CELLS} variants is refused at once with the sizes; one value written twice in a
 * list (equal as numbers) is refused with both spellings.
 */
class SweepLimitsTest {

    private static final String TOP = "name: t\nruns: 10\nsteps: 100\nenv: {type: gaussian-bandit}\n";
    /** Seven keys of an action-value agent with a simulated-annealing Boltzmann policy. */
    private static final List<String> SEVEN_KEYS = List.of("alpha", "policy.floor", "policy.top-p",
            "policy.temperature.initial", "policy.temperature.cooling", "policy.temperature.plateau",
            "policy.temperature.min");
    private static final String SA_AGENT = "{type: action-value, policy: {type: boltzmann, temperature: "
            + "{schedule: simulated-annealing, initial: 1, cooling: 0.9, plateau: 10}}";

    private static Registry registry;

    @BeforeAll
    static void loadRegistry() {
        registry = Registry.builtIns();
    }

    private static Experiment bind(String yaml) {
        return ExperimentLoader.bind(YamlTrees.parse("s.yaml", yaml), registry);
    }

    private static ConfigException refused(String yaml) {
        return assertThrows(ConfigException.class, () -> bind(yaml));
    }

    /** Twenty distinct values valid for every one of {@link #SEVEN_KEYS}: 0.05, 0.1, ... 1. */
    private static String twentyValues(String key) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            values.add(key.endsWith("plateau") ? Integer.toString(i) : String.format(Locale.ROOT, "%.2f", i * 0.05));
        }
        return "[" + String.join(", ", values) + "]";
    }

    private static String sweep(String indent, List<String> keys) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            sb.append(indent).append(k).append(": ").append(twentyValues(k)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void anAgentsOwnSweepOfSevenKeysByTwentyValuesIsRefusedAtOnce() {
        String config = TOP + "agents:\n  a: " + SA_AGENT + ",\n    sweep: {\n" + sweep("      ", SEVEN_KEYS)
                .replace("]\n", "],\n") + "    }}\n";
        ConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> assertThrows(ConfigException.class, () -> bind(config)));
        assertEquals("agents.a.sweep", e.path());
        assertEquals("agent a: 7 keys x 20 values = 1.28e9 variants, more than the 10000 allowed; sweep fewer keys or values",
                e.problem());
        assertEquals(7, e.location().line());
    }

    @Test
    void aTopLevelSweepIsCountedOverTheAgentsThatHaveEachPath() {
        String yaml = TOP + "agents:\n  a: " + SA_AGENT + "}\n  g: {type: action-value, policy: {type: greedy}}\n"
                + "sweep:\n" + sweep("  ", SEVEN_KEYS);
        ConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> refused(yaml));
        assertEquals("sweep", e.path());
        assertEquals("(agent a: 7 keys x 20 values + agent g: 20 values) = 1.28e9 variants, more than the 10000 "
                + "allowed; sweep fewer keys or values", e.problem());
    }

    @Test
    void envPointsMultiplyEveryAgentsVariants() {
        String yaml = TOP + "agents:\n  a: " + SA_AGENT + ", sweep: {alpha: " + twentyValues("alpha")
                + ", policy.floor: " + twentyValues("floor") + "}}\n  g: {type: action-value, policy: {type: greedy}}\n"
                + "sweep:\n  env.arms: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, "
                + "23, 24, 25, 26]\n";
        ConfigException e = refused(yaml);
        assertEquals("agents.a.sweep", e.path());
        assertEquals("25 env points x (agent a: 2 keys x 20 values + 1 unswept agent) = 10025 variants, more than "
                + "the 10000 allowed; sweep fewer keys or values", e.problem());
    }

    @Test
    void aCountBeyondEveryIntegerTypeDoesNotOverflow() {
        StringBuilder own = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            own.append(own.length() > 0 ? ", " : "").append("k").append(i).append(": [1, 2]");
        }
        ConfigException e = refused(TOP + "agents:\n  a: {type: action-value, policy: {type: greedy}, sweep: {"
                + own + "}}\n");
        assertEquals("agent a: 100 keys x 2 values = 1.27e30 variants, more than the 10000 allowed; sweep fewer keys or "
                + "values", e.problem());
    }

    @Test
    void aSweepAtTheLimitIsExpanded() {
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            values.append(i > 1 ? ", " : "").append(i);
        }
        Experiment e = bind(TOP + "agents:\n  a: {type: action-value, policy: {type: greedy}, sweep: {initial: ["
                + values + "], alpha: [" + values.toString().replace(", ", "e-2, ") + "e-2]}}\nrecord: {points: 10}\n");
        assertEquals(Limits.MAX_CELLS, e.cells().size());
    }

    @Test
    void oneNumberInThreeSpellingsIsRefusedNamingTwo() {
        ConfigException e = refused(TOP + "agents:\n  u: {type: ucb1}\nsweep:\n  c: [1, 1.0, 1e0]\n");
        assertEquals("s.yaml:8:10: sweep.c: 1.0 (item 2) equals 1 (item 1); a sweep computes each value once",
                e.getMessage());
    }

    @Test
    void duplicatesAreRefusedInOwnAndEnvSweepsAndForMappings() {
        ConfigException own = refused(TOP + "agents:\n  u: {type: ucb1, sweep: {c: [2, 0.5, 5e-1]}}\n");
        assertEquals("agents.u.sweep.c", own.path());
        assertEquals("5e-1 (item 3) equals 0.5 (item 2); a sweep computes each value once", own.problem());
        ConfigException env = refused(TOP + "agents:\n  u: {type: ucb1}\nsweep:\n  env.arms: [10, 1e1]\n");
        assertEquals("sweep.env.arms", env.path());
        assertEquals("1e1 (item 2) equals 10 (item 1); a sweep computes each value once", env.problem());
        ConfigException maps = refused(TOP + "agents:\n  b: {type: action-value, policy: {type: boltzmann, "
                + "temperature: 1}}\nsweep:\n  policy.temperature: [{schedule: fixed, value: 1}, "
                + "{value: 1.0, schedule: fixed}]\n");
        assertTrue(maps.problem().contains("(item 2) equals {schedule:fixed value:1} (item 1)"), maps.getMessage());
    }

    @Test
    void distinctValuesAreKeptAndZeroEqualsMinusZero() {
        Experiment e = bind(TOP + "agents:\n  u: {type: ucb1}\n  b: {type: action-value, policy: {type: boltzmann, "
                + "temperature: 1}}\nsweep:\n  c: [0, 1, 2]\n  policy.temperature: [inf, 1e308]\n");
        assertEquals(5, e.cells().size());
        ConfigException zero = refused(TOP + "agents:\n  u: {type: ucb1}\nsweep:\n  c: [0, -0.0]\n");
        assertTrue(zero.problem().startsWith("-0.0 (item 2) equals 0 (item 1)"), zero.getMessage());
    }
}
