package kelvin.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.ValueType;
import kelvin.experiments.ExperimentSession;
import kelvin.experiments.SessionOptions;
import kelvin.experiments.cli.Cli;
import kelvin.experiments.config.Registry;
import kelvin.experiments.metric.Recorded;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.Interval;
import kelvin.experiments.results.ResultData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Degenerate but valid inputs run and give the numbers they must: one arm (no regret, no entropy,
 * for every bandit agent and policy in the registry), one run (no interval, said in words), one
 * step or episode, a goal next to the start, and temperatures 0 and infinity on every policy that
 * takes one.
 */
class DegenerateInputsTest {
    private static final Registry REGISTRY = Registry.builtIns();
    /**
     * The values given to keys that have no default (and to a key a Gaussian bandit needs): a key
     * the registry adds without an entry here fails the test, which then needs one.
     */
    private static final Map<String, String> VALUES = Map.of("alpha", "0.1", "epsilon", "0.1",
            "temperature", "0.5", "reward-range", "[-5, 5]", "omega", "5", "sigma", "0.1");

    /**
     * Policies that mix the softmax with greedy choices at a rate of their own (VDBE-Softmax's eps(s)),
     * so T = infinity is uniform only until that rate moves; their entropy must still lie in [0, ln K].
     */
    private static final Set<String> MIXES_GREEDY = Set.of("vdbe-softmax");

    @TempDir
    Path tmp;

    private Experiment load(String yaml) throws IOException {
        Path file = Files.writeString(Files.createTempFile(tmp, "degenerate", ".yaml"), yaml);
        return Experiment.load(file, List.of(), REGISTRY);
    }

    private static ResultData run(Experiment e) throws Exception {
        return ExperimentSession.of(e).run(SessionOptions.inMemory().withThreads(2));
    }

    /** A flow mapping of a component: its type and a value for each key {@link #VALUES} names. */
    private static String settings(Component<?> c, String policy) {
        StringJoiner s = new StringJoiner(", ", "{", "}");
        s.add(c.kind().discriminator() + ": " + c.name());
        for (Key k : c.keys()) {
            if (k.type() instanceof ValueType.Nested n && n.kind() == Kind.POLICY) {
                s.add(k.name() + ": " + policy);
            } else if (VALUES.containsKey(k.name())) {
                s.add(k.name() + ": " + VALUES.get(k.name()));
            } else if (k.required()) {
                fail(c.name() + " has the required key " + k.name() + ": give it a value in VALUES");
            }
        }
        return s.toString();
    }

    private static boolean takesAPolicy(Component<?> c) {
        return c.keys().stream().anyMatch(k -> k.type() instanceof ValueType.Nested n && n.kind() == Kind.POLICY);
    }

    /** Every bandit agent of the registry, with every policy for those that take one, as agents: lines. */
    private static String everyBanditAgent() {
        StringBuilder agents = new StringBuilder();
        for (Registry.Entry a : REGISTRY.all(Kind.BANDIT_AGENT)) {
            Component<?> agent = a.component();
            if (!takesAPolicy(agent)) {
                agents.append("  ").append(agent.name()).append(": ").append(settings(agent, "")).append('\n');
                continue;
            }
            for (Registry.Entry p : REGISTRY.all(Kind.POLICY)) {
                agents.append("  ").append(agent.name()).append("-").append(p.component().name()).append(": ")
                        .append(settings(agent, settings(p.component(), ""))).append('\n');
            }
        }
        return agents.toString();
    }

    private static Recorded metric(Experiment e, String key) {
        return e.metrics().stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void withOneArmEveryBanditAgentHasNoRegretAndNoEntropyAtEveryCheckpoint() throws Exception {
        for (String env : List.of("{type: gaussian-bandit, arms: 1}", "{type: bernoulli-bandit, means: [0.3]}",
                "{type: drifting-bandit, arms: 1}")) {
            Experiment e = load("name: one-arm\nseed: 5\nruns: 70\nsteps: 300\nenv: " + env + "\nmetrics: [regret, "
                    + "entropy, optimal-action]\nagents:\n" + everyBanditAgent());
            assertTrue(e.cells().size() >= REGISTRY.all(Kind.BANDIT_AGENT).size());
            ResultData data = run(e);
            for (Cell c : e.cells()) {
                for (int t = 0; t < e.checkpoints().length; t++) {
                    String where = env + " " + c.label() + " checkpoint " + e.checkpoints()[t];
                    assertEquals(0.0, data.interval(c.index(), metric(e, "regret"), t).mean(), where);
                    assertEquals(0.0, data.interval(c.index(), metric(e, "entropy"), t).mean(), where);
                    assertEquals(1.0, data.interval(c.index(), metric(e, "optimal-action"), t).mean(), where);
                }
            }
        }
    }

    @Test
    void oneRunSaysThereIsNoIntervalInTheSummaryTheReportAndTheComparisons() throws Exception {
        Path out = tmp.resolve("one-run");
        Cli r = Cli.run("run", "examples/quickstart.yaml", "--runs", "1", "--set", "steps=200", "--out",
                out.toString(), "--quiet", "--threads", "2");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains("NaN"), r.out());
        String boltzmann = r.out().lines().filter(l -> l.strip().startsWith("boltzmann-0.2")).findFirst().orElseThrow();
        assertTrue(boltzmann.contains("(n = 1, no interval)"), boltzmann);

        String report = Files.readString(out.resolve("report.html")).replaceAll("data:[^\"]*\"", "\"");
        assertFalse(report.contains("NaN"), "no NaN in the report's text");
        assertTrue(report.contains("(n = 1, no interval)"), "the tables say why there is no interval");
        assertTrue(report.contains("<td>n = 1, no interval</td>"), "the paired comparisons say it as their verdict");
        // the CSV files keep their format: empty stderr and interval, n = 1
        String summary = Files.readString(out.resolve("summary.csv"));
        assertTrue(summary.lines().skip(1).allMatch(l -> l.matches("[^,]+,[^,]+,[^,]+,,,,1")), summary);
    }

    @Test
    void oneStepAndOneEpisodeRunAndRecordOneCheckpoint() throws Exception {
        for (String[] config : new String[][] {{"examples/quickstart.yaml", "steps=1"},
            {"examples/sutton-barto-figure-6-4-cliff-walking.yaml", "episodes=1"}}) {
            Path out = tmp.resolve(config[1]);
            Cli r = Cli.run("run", config[0], "--runs", "3", "--set", config[1], "--out", out.toString(), "--quiet");
            assertEquals(0, r.exit(), r.err());
            List<String> curves = Files.readAllLines(out.resolve("curves.csv"));
            assertTrue(curves.size() > 1 && curves.stream().skip(1).allMatch(l -> l.split(",")[2].equals("1")),
                    config[1] + ": one checkpoint, t = 1: " + curves);
            assertTrue(Files.exists(out.resolve("report.html")));
        }
    }

    @Test
    void aGoalNextToTheStartIsReachedInOneStepWithoutRegret() throws Exception {
        for (String rows : List.of("[\"SG\"]", "[\"S\", \"G\"]", "[\"GS\"]")) {
            Experiment e = load("name: next-to-goal\nseed: 2\nruns: 20\nepisodes: 30\nenv: {type: gridworld, rows: "
                    + rows + "}\nmetrics: [regret, return, coverage, greedy-value]\nagents:\n"
                    + "  q: {type: q-learning, policy: {type: epsilon-greedy, epsilon: 0.1}}\n");
            ResultData data = run(e);
            Cell q = e.cells().get(0);
            for (int t = 0; t < e.checkpoints().length; t++) {
                // every episode ends in G (the map has no other way out), which pays 1, undiscounted: V* = 1
                assertEquals(1.0, data.interval(0, metric(e, "return"), t).mean(), rows);
                assertEquals(0.0, data.interval(0, metric(e, "regret"), t).mean(), rows);
                assertEquals(1.0, data.interval(0, metric(e, "coverage"), t).mean(), rows);
            }
            assertTrue(data.last(q.index(), metric(e, "greedy-value")).mean() <= 1.0, rows);
        }
    }

    /** The policies whose keys take a temperature ([0, inf], infinity allowed). */
    private static List<Component<?>> policiesWithATemperature() {
        List<Component<?>> found = new ArrayList<>();
        for (Registry.Entry p : REGISTRY.all(Kind.POLICY)) {
            if (p.component().keys().stream().anyMatch(k -> k.type() instanceof ValueType.NumOrSchedule n
                    && n.constant().equals(ValueType.Num.temperature()))) {
                found.add(p.component());
            }
        }
        return found;
    }

    @Test
    void temperaturesZeroAndInfinityRunOnEveryPolicyThatTakesOne() throws Exception {
        List<Component<?>> policies = policiesWithATemperature();
        assertTrue(policies.size() >= 2, "boltzmann and metropolis at least: " + policies);
        for (String temperature : List.of("0", "inf", "{schedule: fixed, beta: 0}", "{schedule: fixed, beta: inf}")) {
            StringBuilder bandit = new StringBuilder();
            StringBuilder grid = new StringBuilder();
            for (Component<?> p : policies) {
                StringBuilder policy = new StringBuilder("{type: " + p.name() + ", temperature: " + temperature);
                for (Key k : p.keys()) {
                    if (k.required() && !k.name().equals("temperature")) {
                        assertTrue(VALUES.containsKey(k.name()), p.name() + " has the required key " + k.name()
                                + ": give it a value in VALUES");
                        policy.append(", ").append(k.name()).append(": ").append(VALUES.get(k.name()));
                    }
                }
                policy.append('}');
                bandit.append("  ").append(p.name()).append(": {type: action-value, policy: ").append(policy)
                        .append("}\n");
                grid.append("  ").append(p.name()).append(": {type: q-learning, policy: ").append(policy)
                        .append("}\n");
            }
            boolean uniform = temperature.contains("inf") == !temperature.contains("beta");
            Experiment b = load("name: t\nseed: 4\nruns: 70\nsteps: 200\nenv: {type: gaussian-bandit, arms: 4}\n"
                    + "metrics: [regret, entropy, temperature]\nagents:\n" + bandit);
            Experiment g = load("name: t\nseed: 4\nruns: 10\nepisodes: 20\nenv: {type: gridworld, map: "
                    + "frozen-lake-4x4}\nmetrics: [regret, entropy, temperature]\nagents:\n" + grid);
            for (Experiment e : List.of(b, g)) {
                ResultData data = run(e);
                double lnK = Math.log(4); // four arms, and four moves on the grid
                for (Cell c : e.cells()) {
                    for (int t = 0; t < e.checkpoints().length; t++) {
                        String where = "T = " + temperature + ", " + c.label() + (e.episodic() ? " on a gridworld" : "")
                                + " at checkpoint " + e.checkpoints()[t];
                        Interval regret = data.interval(c.index(), metric(e, "regret"), t);
                        Interval entropy = data.interval(c.index(), metric(e, "entropy"), t);
                        Interval temp = data.interval(c.index(), metric(e, "temperature"), t);
                        assertTrue(Double.isFinite(regret.mean()), where + ": regret " + regret);
                        assertEquals(uniform ? Double.POSITIVE_INFINITY : 0.0, temp.mean(), where);
                        if (uniform && !MIXES_GREEDY.contains(c.label())) {
                            assertEquals(lnK, entropy.mean(), 1e-12, where + ": uniform");
                        } else {
                            assertTrue(entropy.mean() >= 0 && entropy.mean() <= lnK + 1e-12,
                                    where + ": greedy, uniform among ties only: " + entropy);
                        }
                    }
                }
            }
        }
    }

    @Test
    void infiniteValuesAverageToTheirInfinity() {
        Moments all = new Moments(3);
        for (int run = 0; run < 5; run++) {
            all.add(0, Double.POSITIVE_INFINITY);
            all.add(1, run == 2 ? Double.POSITIVE_INFINITY : run);
            all.add(2, run == 2 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        assertEquals(Double.POSITIVE_INFINITY, all.mean(0));
        assertEquals(0.0, all.variance(0), "a constant series has no spread, infinite or not");
        assertEquals(Double.POSITIVE_INFINITY, all.mean(1));
        assertEquals(Double.POSITIVE_INFINITY, all.variance(1));
        assertTrue(Double.isNaN(all.mean(2)), "+inf and -inf have no mean");
        Moments merged = new Moments(1);
        Moments block = new Moments(1);
        block.add(0, Double.POSITIVE_INFINITY);
        merged.merge(block);
        merged.merge(block);
        assertEquals(Double.POSITIVE_INFINITY, merged.mean(0));
        assertEquals(0.0, merged.variance(0));
        Interval iv = Interval.of(5, all.mean(0), all.variance(0));
        assertEquals(Double.POSITIVE_INFINITY, iv.low());
        assertEquals(Double.POSITIVE_INFINITY, iv.high());
    }
}
