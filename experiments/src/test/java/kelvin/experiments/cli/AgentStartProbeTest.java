package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check an agent makes only when a run starts (here a plug-in that needs at least 3 arms and says
 * so only in {@code start}) is reported by {@code validate}, at the agent, with exit 2, and
 * {@code run} refuses the config with the same line before writing anything.
 */
class AgentStartProbeTest {
    private static final String PLUGIN = """
            import java.util.List;
            import kelvin.agents.bandit.BanditAgent;
            import kelvin.agents.bandit.BanditLearner;
            import kelvin.api.Component;
            import kelvin.api.Kind;
            import kelvin.api.Settings;
            import org.apache.commons.rng.UniformRandomProvider;

            public final class Picky implements BanditAgent {
                public BanditLearner start(int arms, UniformRandomProvider rng) {
                    if (arms < 3) {
                        throw new IllegalArgumentException("picky needs at least 3 arms, got " + arms);
                    }
                    return new BanditLearner() {
                        public int select() { return 0; }
                        public void update(int arm, double reward) { }
                        public double entropy() { return 0; }
                        public double temperature() { return Double.NaN; }
                        public void distribution(double[] out) {
                            java.util.Arrays.fill(out, 0, arms, 0);
                            out[0] = 1;
                        }
                    };
                }

                public static final class Declaration extends Component<BanditAgent> {
                    public Declaration() {
                        super(Kind.BANDIT_AGENT, "picky", "always arm 0, on 3 arms or more", "", List.of());
                    }

                    public BanditAgent create(Settings s) {
                        return new Picky();
                    }
                }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void aCheckMadeOnlyAtTheStartOfARunIsReportedByValidate() throws Exception {
        Path plugin = Files.createDirectories(tmp.resolve("plugin"));
        Files.writeString(plugin.resolve("Picky.java"), PLUGIN);
        Path config = tmp.resolve("picky.yaml");
        Files.writeString(config, "name: picky\nruns: 2\nsteps: 5\nenv: {type: gaussian-bandit, arms: 2}\n"
                + "agents:\n  p: {type: picky}\n");
        Cli v = Cli.run("validate", config.toString(), "--plugin", plugin.toString());
        assertEquals(2, v.exit(), v.out() + v.err());
        assertEquals(config + ":6:6: agents.p: picky needs at least 3 arms, got 2", v.err().strip().replace(
                "error: ", ""));
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", config.toString(), "--plugin", plugin.toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, r.exit());
        assertEquals(v.err().strip(), r.err().strip());
        assertFalse(Files.exists(out));

        Files.writeString(config, Files.readString(config).replace("arms: 2", "arms: 3"));
        Cli ok = Cli.run("validate", config.toString(), "--plugin", plugin.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().startsWith("ok: "), ok.out());
    }
}
