package kelvin.agents.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kelvin.agents.schedule.Fixed;
import kelvin.agents.schedule.SimulatedAnnealing;
import kelvin.agents.testing.RecordingSchedule;
import kelvin.agents.testing.TestRngs;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * {@link Metropolis}: Guo, Liu and Malec (2004), "A new Q-learning algorithm based on the
 * Metropolis criterion": a uniform random action a_r is taken instead of the greedy a_p when
 * u &lt; exp((Q(a_r) - Q(a_p)) / T).
 */
class MetropolisTest {

    private static final long SEED = 0x3E7_2004L;
    private static final double[] Q = {1, 0.5, -1};

    @Test
    void inducedProbabilitiesByHand() {
        PolicyRun run = Metropolis.of(1.0).start(3, TestRngs.seeded(SEED));
        double[] out = new double[3];
        run.distribution(Q, 0, out);
        // non-greedy a: (1/K) exp((Q(a) - Q*) / T); the greedy action gets the rest
        double p1 = Math.exp(0.5 - 1) / 3;
        double p2 = Math.exp(-1 - 1) / 3;
        assertArrayEquals(new double[] {1 - p1 - p2, p1, p2}, out, 1e-15);
        assertArrayEquals(new double[] {0.752711, 0.202177, 0.045112}, out, 1e-6);
        double h = -(out[0] * Math.log(out[0]) + out[1] * Math.log(out[1]) + out[2] * Math.log(out[2]));
        assertEquals(h, run.entropy(Q, 0), 1e-15);
        assertEquals(1.0, run.temperature(0), 0.0);
    }

    @Test
    void selectionFrequenciesMatchTheDistribution() {
        PolicyRun run = Metropolis.of(1.0).start(3, TestRngs.seeded(SEED));
        int n = 100_000;
        long[] counts = new long[3];
        for (int i = 0; i < n; i++) {
            counts[run.select(Q, i)]++;
        }
        double[] p = new double[3];
        run.distribution(Q, 0, p);
        for (int a = 0; a < 3; a++) {
            double fourSe = 4 * Math.sqrt(p[a] * (1 - p[a]) / n);
            assertEquals(p[a], (double) counts[a] / n, fourSe, "arm " + a + ": " + Arrays.toString(counts));
        }
    }

    @Test
    void tiedMaximaShareTheRest() {
        // Q = (1, 0, 1) at T = 2: P(1) = exp(-1/2) / 3; the two maxima share 1 - P(1) equally
        PolicyRun run = Metropolis.of(2.0).start(3, TestRngs.seeded(SEED));
        double[] q = {1, 0, 1};
        double[] out = new double[3];
        run.distribution(q, 0, out);
        double p1 = Math.exp(-0.5) / 3;
        assertArrayEquals(new double[] {(1 - p1) / 2, p1, (1 - p1) / 2}, out, 1e-15);
        int n = 60_000;
        long[] counts = new long[3];
        for (int i = 0; i < n; i++) {
            counts[run.select(q, i)]++;
        }
        for (int a = 0; a < 3; a++) {
            double fourSe = 4 * Math.sqrt(out[a] * (1 - out[a]) / n);
            assertEquals(out[a], (double) counts[a] / n, fourSe, "arm " + a + ": " + Arrays.toString(counts));
        }
    }

    @Test
    void limits() {
        double[] out = new double[3];
        // T = 0: only proposals as good as the greedy action are accepted, i.e. greedy
        Metropolis.of(0.0).start(3, TestRngs.seeded(SEED)).distribution(Q, 0, out);
        assertArrayEquals(new double[] {1, 0, 0}, out, 0.0);
        Metropolis.of(0.0).start(3, TestRngs.seeded(SEED)).distribution(new double[] {2, 2, 1}, 0, out);
        assertArrayEquals(new double[] {0.5, 0.5, 0}, out, 0.0);
        assertEquals(0.0, Metropolis.of(0.0).start(3, TestRngs.seeded(SEED)).entropy(Q, 0), 0.0);
        // T = +inf: every proposal is accepted, i.e. uniform
        Metropolis.of(Double.POSITIVE_INFINITY).start(3, TestRngs.seeded(SEED)).distribution(Q, 0, out);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, out, 1e-15);
        // values near +-Double.MAX_VALUE: Q(a_r) - Q(a_p) overflows but (Q(a_r) - Q(a_p)) / T is -2
        double[] huge = {Double.MAX_VALUE, -Double.MAX_VALUE};
        Metropolis.of(Double.MAX_VALUE).start(2, TestRngs.seeded(SEED)).distribution(huge, 0, out);
        assertEquals(Math.exp(-2) / 2, out[1], 1e-15);
        assertEquals(1 - Math.exp(-2) / 2, out[0], 1e-15);
    }

    @Test
    void drawsTiesThenProposalThenUniformAndAcceptsByTheMetropolisRule() {
        // Q = (1, 0.5, -1), T = 1: acceptance exp(-0.5) = 0.60653 for a_r = 1, exp(-2) = 0.13534 for a_r = 2
        Scripted rng = new Scripted();
        PolicyRun run = Metropolis.of(1.0).start(3, rng);
        rng.queueInts(1).queueDoubles(0.6);
        assertEquals(1, run.select(Q, 0)); // 0.6 < 0.60653: the proposal
        rng.queueInts(1).queueDoubles(0.61);
        assertEquals(0, run.select(Q, 1)); // 0.61 >= 0.60653: the greedy action
        rng.queueInts(2).queueDoubles(0.13);
        assertEquals(2, run.select(Q, 2)); // 0.13 < 0.13534
        rng.queueInts(0).queueDoubles(0.999);
        assertEquals(0, run.select(Q, 3)); // a_r = a_p: accepted, and it is the greedy action anyway
        assertEquals(List.of("int 3", "double", "int 3", "double", "int 3", "double", "int 3", "double"), rng.calls);
        // with two maxima the tie is drawn first: Q = (1, 1, 0), tie draw 1 -> a_p = 1; a_r = 2 rejected
        rng.calls.clear();
        rng.queueInts(1, 2).queueDoubles(0.9);
        assertEquals(1, run.select(new double[] {1, 1, 0}, 4));
        assertEquals(List.of("int 2", "int 3", "double"), rng.calls);
        // T = 0 and T = +inf draw the same numbers
        rng.calls.clear();
        rng.queueInts(1).queueDoubles(0.0);
        assertEquals(0, Metropolis.of(0.0).start(3, rng).select(Q, 0)); // exp(-inf) = 0: even u = 0 rejects
        rng.queueInts(2).queueDoubles(0.999);
        assertEquals(2, Metropolis.of(Double.POSITIVE_INFINITY).start(3, rng).select(Q, 0));
        assertEquals(List.of("int 3", "double", "int 3", "double"), rng.calls);
    }

    @Test
    void theStreamConsumedDoesNotDependOnTheActionValues() {
        UniformRandomProvider a = TestRngs.seeded(SEED);
        UniformRandomProvider b = TestRngs.seeded(SEED);
        PolicyRun runA = Metropolis.of(0.5).start(4, a);
        PolicyRun runB = Metropolis.of(SimulatedAnnealing.of(3.0, 0.5, 7, 0.0)).start(4, b);
        for (int t = 0; t < 1000; t++) {
            runA.select(new double[] {t % 7, 1.5, -2, 0.25}, t); // unique maxima, changing
            runB.select(new double[] {-1, 0, 8, Math.sin(t)}, t);
        }
        assertEquals(a.nextLong(), b.nextLong());
    }

    @Test
    void temperatureAndFeedbackComeFromTheRunsSchedule() {
        PolicyRun sa = Metropolis.of(SimulatedAnnealing.of(1.0, 0.5, 2, 0.0)).start(3, TestRngs.seeded(SEED));
        assertEquals(1.0, sa.temperature(0), 0.0);
        sa.observe(1, Double.NaN);
        sa.observe(1, Double.NaN);
        assertEquals(0.5, sa.temperature(2), 0.0);
        RecordingSchedule schedule = new RecordingSchedule(1.0);
        PolicyRun run = Metropolis.of(schedule).start(3, TestRngs.seeded(SEED));
        assertTrue(run.needsEntropy());
        run.observe(2.0, 0.7);
        assertArrayEquals(new double[] {2.0, 0.7}, schedule.runs.get(0).observed.get(0), 0.0);
        assertEquals(0.5, run.temperature(1), 0.0);
    }

    @Test
    void validation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metropolis.of(-1.0));
        assertEquals("temperature is not in [0, +Infinity]: -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Metropolis.of(1.0).start(0, TestRngs.seeded(1)));
        assertEquals("arms is not at least 1: 0", e.getMessage());
        assertThrows(NullPointerException.class, () -> Metropolis.of(1.0).start(3, null));
        assertThrows(NullPointerException.class, () -> Metropolis.of((kelvin.agents.schedule.Schedule) null));
        PolicyRun run = Metropolis.of(Fixed.of(1)).start(3, TestRngs.seeded(1));
        e = assertThrows(IllegalArgumentException.class, () -> run.select(new double[] {1, Double.NaN, 0}, 0));
        assertEquals("action value 1 is not finite: NaN", e.getMessage());
        assertEquals("metropolis(temperature=fixed(value=1.0))", Metropolis.of(1.0).toString());
    }

    /** A generator that returns scripted nextInt(n) and nextDouble() values and records each call. */
    private static final class Scripted implements UniformRandomProvider {
        final List<String> calls = new ArrayList<>();
        private final ArrayDeque<Integer> ints = new ArrayDeque<>();
        private final ArrayDeque<Double> doubles = new ArrayDeque<>();

        Scripted queueInts(int... values) {
            for (int v : values) {
                ints.add(v);
            }
            return this;
        }

        Scripted queueDoubles(double... values) {
            for (double v : values) {
                doubles.add(v);
            }
            return this;
        }

        @Override
        public int nextInt(int n) {
            calls.add("int " + n);
            int v = ints.remove();
            if (v < 0 || v >= n) {
                throw new AssertionError("scripted " + v + " is not in [0, " + n + ")");
            }
            return v;
        }

        @Override
        public double nextDouble() {
            calls.add("double");
            return doubles.remove();
        }

        @Override
        public long nextLong() {
            throw new AssertionError("unexpected nextLong()");
        }
    }
}
