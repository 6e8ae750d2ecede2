package kelvin.experiments.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import kelvin.experiments.cli.Main;
import kelvin.experiments.model.Experiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The work and memory that grow with the model are estimated at validation from the sizes the
 * components report, and a config beyond the budget or the heap is refused with what it needs and
 * the option that accepts it.
 */
class WorkBudgetTest {
    private static final long MB = 1 << 20;

    @TempDir
    Path tmp;

    /** An open N x N gridworld given inline, S top left and G bottom right. */
    private static String openGrid(int n, int episodes) {
        StringBuilder sb = new StringBuilder("name: big\nruns: 1\nepisodes: " + episodes
                + "\nenv:\n  type: gridworld\n  rows:\n");
        for (int r = 0; r < n; r++) {
            String row = ".".repeat(n);
            if (r == 0) {
                row = "S" + row.substring(1);
            }
            if (r == n - 1) {
                row = row.substring(1) + "G";
            }
            sb.append("    - \"").append(row).append("\"\n");
        }
        return sb.append("agents:\n  q: {type: q-learning, policy: {type: epsilon-greedy, epsilon: 0.1}}\n")
                .toString();
    }

    private static Experiment bind(String text, Limits.Budget budget) {
        return ExperimentLoader.bind(YamlTrees.parse("big.yaml", text), Registry.builtIns(), budget);
    }

    @Test
    void budgetsAreDurationsOrUnlimited() {
        assertEquals(90, Limits.Budget.parse("90s").seconds());
        assertEquals(1800, Limits.Budget.parse("30m").seconds());
        assertEquals(5400, Limits.Budget.parse("1.5h").seconds());
        assertEquals(2 * 86_400, Limits.Budget.parse("2d").seconds());
        assertTrue(Limits.Budget.parse("unlimited").unlimited());
        assertEquals(3600, Limits.Budget.DEFAULT.seconds());
        for (String bad : new String[] {"", "0s", "-1h", "2", "1 h", "h", "1e3s", "1w", "x".repeat(1000)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Limits.Budget.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("--budget is 'unlimited' or a duration"), e.getMessage());
            assertTrue(e.getMessage().length() < 150, "echoes at most 40 characters: " + e.getMessage());
        }
    }

    /** The 700 x 700 inline map: 484 MB measured for one run of one episode. */
    @Test
    void aModelBeyondTheHeapIsRefusedSayingWhatItNeeds() {
        Experiment e = bind(openGrid(700, 1), Limits.Budget.UNLIMITED);
        ConfigNode.MapNode root = (ConfigNode.MapNode) YamlTrees.parse("big.yaml", openGrid(700, 1));
        ConfigException refused = assertThrows(ConfigException.class,
                () -> Limits.checkBudget(e, root, Limits.Budget.DEFAULT, 256 * MB, 2));
        String m = refused.getMessage();
        assertTrue(m.startsWith("big.yaml:5:3: env: "), m);
        assertTrue(m.contains("490000 states x 4 actions"), m);
        assertTrue(m.contains("Java may use at most 256 MB"), m);
        assertTrue(m.matches(".*needs about (4[0-9][0-9]) MB of memory.*"), "about the 484 MB measured: " + m);
        assertTrue(m.contains("JAVA_OPTS=-Xmx") && m.contains("--budget unlimited"), m);
        assertDoesNotThrow(() -> Limits.checkBudget(e, root, Limits.Budget.DEFAULT, 1024 * MB, 2));
        assertDoesNotThrow(() -> Limits.checkBudget(e, root, Limits.Budget.UNLIMITED, 256 * MB, 2));
    }

    /** Greedy-value evaluates the model at every checkpoint: 700 x 700 over 3000 episodes is days. */
    @Test
    void workBeyondTheBudgetIsRefusedSayingHowMuchItNeeds() {
        String text = openGrid(700, 3000);
        long start = System.nanoTime();
        ConfigException refused = assertThrows(ConfigException.class, () -> bind(text, Limits.Budget.DEFAULT));
        double seconds = (System.nanoTime() - start) / 1e9;
        String m = refused.getMessage();
        assertTrue(m.contains("env: the experiment needs about"), m);
        assertTrue(m.contains("greedy-value at 200 checkpoints"), m);
        assertTrue(m.contains("the budget is 1.0 h") && m.contains("--budget unlimited"), m);
        assertTrue(seconds < 5, "validation answers quickly: " + seconds + " s");
        assertDoesNotThrow(() -> bind(text, Limits.Budget.parse("30d")));
    }

    /** Measured on this model: 3 episodes took 344 s (greedy-value and V* sweeping 1,960,000 outcomes). */
    @Test
    void theEstimateOfTheBigGridworldIsNearWhatItTook() {
        String m = assertThrows(ConfigException.class, () -> bind(openGrid(700, 3), Limits.Budget.parse("60s")))
                .getMessage();
        assertTrue(m.contains("needs about 6 m of computing"), m);
    }

    @Test
    void thompsonsEntropyEstimateIsCountedPerCheckpoint() {
        String text = "name: t\nruns: 1\nsteps: 3\nenv: {type: gaussian-bandit, arms: 100000}\n"
                + "metrics: [regret, entropy]\nagents:\n  t: {type: thompson, estimate-draws: 1000000}\n";
        String m = assertThrows(ConfigException.class, () -> bind(text, Limits.Budget.DEFAULT)).getMessage();
        assertTrue(m.startsWith("big.yaml:7:") && m.contains("agents.t: the experiment needs about 1.7 h"), m);
        assertTrue(m.contains("3 checkpoints x 100000000000 draws"), m);
        assertTrue(m.contains("--budget 2.6h"), m);
        assertDoesNotThrow(() -> bind(text, Limits.Budget.parse("2.6h")));
        // without the entropy metric the estimate is never made
        assertDoesNotThrow(() -> bind(text.replace(", entropy", ""), Limits.Budget.DEFAULT));
    }

    @Test
    void theCommandLineTakesTheBudgetAndRefusesABadOne() throws Exception {
        Path config = tmp.resolve("t.yaml");
        Files.writeString(config, "name: t\nruns: 1\nsteps: 3\nenv: {type: gaussian-bandit, arms: 100000}\n"
                + "metrics: [regret, entropy]\nagents:\n  t: {type: thompson, estimate-draws: 1000000}\n");
        assertEquals(2, execute("validate", config.toString()));
        assertEquals(0, execute("validate", config.toString(), "--budget", "3h"));
        assertEquals(0, execute("validate", config.toString(), "--budget", "unlimited"));
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[] {"validate", config.toString(), "--budget", "soon"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(2, exit);
        assertTrue(err.toString().contains("--budget is 'unlimited' or a duration above 0 such as 90s"), err.toString());
        Path out = tmp.resolve("out");
        assertEquals(2, execute("run", config.toString(), "--out", out.toString(), "--quiet"));
        assertTrue(!Files.exists(out), "nothing written");
    }

    private static int execute(String... args) {
        return Main.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
    }
}
