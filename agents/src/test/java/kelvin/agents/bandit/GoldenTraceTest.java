package kelvin.agents.bandit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kelvin.agents.policy.Boltzmann;
import kelvin.agents.schedule.Exponential;
import kelvin.agents.schedule.Fixed;
import kelvin.agents.schedule.Schedule;
import kelvin.agents.testing.TestRngs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The numpy peer's golden traces (shared/peers/numpy/NOTES.md, "Comparing", level 1): a
 * sample-average action-value agent with a Boltzmann policy, fed the trace's uniforms u_t through
 * its generator and the trace's arm means and noise z_t for the rewards, must choose exactly the
 * trace's actions and reproduce temperature, reward, Q after the update and cumulative
 * pseudo-regret. Traces (R = 3 runs, S = 50 steps, K = 10, seed 2026): fixed T = 0.2; exponential
 * T_t = 0.9^t; greedy T = 0 (ties at step 0).
 */
class GoldenTraceTest {

    private static final String STEPS_HEADER = "run,step,temperature,u,z,action,reward,q_action_after,cum_regret";
    private static final String MEANS_HEADER = "run,arm,mu";
    private static final int ARMS = 10;
    private static final double TOLERANCE = 1e-12;

    static List<Arguments> traces() {
        return List.of(
            Arguments.of("trace_T0.2_R3_S50", Fixed.of(0.2)),
            Arguments.of("trace_exp_R3_S50", Exponential.of(1.0, 0.9, 0.0)),
            Arguments.of("trace_greedy_R3_S50", Fixed.of(0.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void boltzmannAgentReproducesThePeerTrace(String name, Schedule schedule) throws IOException {
        List<double[]> means = read("/golden/" + name + ".means.csv", MEANS_HEADER);
        List<double[]> steps = read("/golden/" + name + ".steps.csv", STEPS_HEADER);
        int runs = (int) steps.get(steps.size() - 1)[0] + 1;
        assertEquals(ARMS * runs, means.size());
        assertEquals(150, steps.size());
        ActionValueAgent agent = ActionValueAgent.sampleAverage(0.0, Boltzmann.of(schedule));
        int row = 0;
        int exactFloats = 0;
        for (int run = 0; run < runs; run++) {
            double[] mu = new double[ARMS];
            for (double[] m : means) {
                if (m[0] == run) {
                    mu[(int) m[1]] = m[2];
                }
            }
            double muStar = Double.NEGATIVE_INFINITY;
            for (double m : mu) {
                muStar = Math.max(muStar, m);
            }
            List<double[]> runSteps = new ArrayList<>();
            while (row < steps.size() && steps.get(row)[0] == run) {
                runSteps.add(steps.get(row++));
            }
            double[] u = new double[runSteps.size()];
            for (int t = 0; t < u.length; t++) {
                u[t] = runSteps.get(t)[3];
            }
            TestRngs.Replay rng = TestRngs.replaying(u); // throws unless every u replays exactly
            for (double ut : u) {
                assertEquals(ut, (TestRngs.longForUniform(ut) >>> 11) * 0x1.0p-53, 0.0);
            }
            ActionValueAgent.Learner learner = agent.start(ARMS, rng);
            double cumRegret = 0;
            for (int t = 0; t < runSteps.size(); t++) {
                double[] s = runSteps.get(t);
                String where = name + " run " + run + " step " + t;
                assertEquals(t, (int) s[1], where);
                assertEquals(s[2], learner.temperature(), TOLERANCE, where + ": temperature");
                int a = learner.select();
                assertEquals(t + 1, rng.draws(), where + ": exactly one uniform per step");
                assertEquals((int) s[5], a, where + ": action");
                double reward = mu[a] + s[4]; // sigma = 1: r = mu_a + 1.0 * z
                assertEquals(s[6], reward, TOLERANCE, where + ": reward");
                learner.update(a, reward);
                assertEquals(s[7], learner.value(a), TOLERANCE, where + ": q_action_after");
                cumRegret += muStar - mu[a];
                assertEquals(s[8], cumRegret, TOLERANCE, where + ": cum_regret");
                exactFloats += (s[6] == reward ? 1 : 0) + (s[7] == learner.value(a) ? 1 : 0)
                    + (s[8] == cumRegret ? 1 : 0);
            }
        }
        // Beyond the 1e-12 contract: reward, Q and regret use only +, -, / (strict IEEE in Java 17) in the
        // peer's order, so once the actions agree they agree to the last bit. (The temperature goes through
        // Math.pow and the actions through Math.exp, which may differ from C's libm by an ulp.)
        assertEquals(3 * steps.size(), exactFloats, name + ": floats equal to the last bit");
    }

    private static List<double[]> read(String resource, String header) throws IOException {
        try (InputStream in = GoldenTraceTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            assertEquals(header, reader.readLine(), resource + ": columns");
            List<double[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                double[] row = new double[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    row[i] = Double.parseDouble(cells[i]); // Python repr round-trips exactly
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
