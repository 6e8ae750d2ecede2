package kelvin.agents.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import kelvin.agents.schedule.Fixed;
import kelvin.agents.schedule.Schedule;
import kelvin.agents.softmax.Softmax;
import kelvin.agents.testing.TestRngs;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * {@link Boltzmann}'s options, applied in the order top-k, top-p (Holtzman et al. 2020, "The curious
 * case of neural text degeneration"), floor (Vowpal Wabbit's softmax explorer with epsilon), on
 * hand-computed examples.
 */
class BoltzmannOptionsTest {

    private static final long SEED = 0x70_9C_0001L;
    private static final double[] Q = {2, 1, 0.1}; // DESIGN.md's softmax example: at T = 1, (0.659001, 0.242433, 0.098566)
    private static final Schedule T1 = Fixed.of(1.0);
    private static final double E1 = Math.exp(-1);
    private static final double E2 = Math.exp(-2);

    @Test
    void topKIsTheSoftmaxOverTheKHighestValues() {
        // k = 2: weights 1 and e^-1 over their sum; action 2 is cut
        assertDistribution(new double[] {1 / (1 + E1), E1 / (1 + E1), 0}, Boltzmann.of(T1, 2, 1, 0), Q);
        assertDistribution(new double[] {0.731059, 0.268941, 0}, Boltzmann.of(T1, 2, 1, 0), Q, 1e-6);
        assertDistribution(new double[] {1, 0, 0}, Boltzmann.of(T1, 1, 1, 0), Q);
        // k >= K changes nothing
        double[] softmax = new double[3];
        Softmax.probabilities(Q, 3, 1.0, softmax);
        assertDistribution(softmax, Boltzmann.of(T1, 3, 1, 0), Q);
        assertDistribution(softmax, Boltzmann.of(T1).withTopK(50), Q);
        // the ranking is by value, not by index: Q = (0, 3, 1, 2) with k = 2 keeps actions 1 and 3
        assertDistribution(new double[] {0, 1 / (1 + E1), 0, E1 / (1 + E1)}, Boltzmann.of(T1, 2, 1, 0),
            new double[] {0, 3, 1, 2});
    }

    @Test
    void topKBreaksTiesAtTheBoundaryByLowerIndex() {
        // Q = (1, 0, 1, 1), k = 2: three actions tie at 1; the lower indices 0 and 2 stay
        assertDistribution(new double[] {0.5, 0, 0.5, 0}, Boltzmann.of(T1, 2, 1, 0), new double[] {1, 0, 1, 1});
        // at T = 0 that also decides which tied maxima stay: greedy over actions 0 and 1 only
        assertDistribution(new double[] {0.5, 0.5, 0, 0}, Boltzmann.of(Fixed.of(0), 2, 1, 0), new double[] {1, 1, 1, 0});
        // at T = +inf: uniform over the top k
        assertDistribution(new double[] {0, 0.5, 0, 0.5}, Boltzmann.of(Fixed.of(Double.POSITIVE_INFINITY), 2, 1, 0),
            new double[] {0, 3, 1, 2});
    }

    @Test
    void topPKeepsTheSmallestPrefixWhoseMassReachesP() {
        // softmax (0.659, 0.242, 0.099): p = 0.6 keeps the first action (0.659 >= 0.6) ...
        assertDistribution(new double[] {1, 0, 0}, Boltzmann.of(T1, Boltzmann.NO_TOP_K, 0.6, 0), Q);
        // ... p = 0.8 the first two (0.659 < 0.8 <= 0.901), renormalised ...
        assertDistribution(new double[] {1 / (1 + E1), E1 / (1 + E1), 0}, Boltzmann.of(T1).withTopP(0.8), Q);
        // ... p = 0.95 all three (0.901 < 0.95)
        double[] softmax = new double[3];
        Softmax.probabilities(Q, 3, 1.0, softmax);
        assertDistribution(softmax, Boltzmann.of(T1).withTopP(0.95), Q);
        // a tiny p still keeps the first action
        assertDistribution(new double[] {1, 0, 0}, Boltzmann.of(T1).withTopP(1e-9), Q);
        // uniform over 10 actions with p = 0.8 keeps 8 (0.1 summed 8 times is 0.7999999999999999: the tolerance)
        double[] ten = new double[10];
        double[] expected = new double[10];
        Arrays.fill(expected, 0, 8, 1.0 / 8);
        assertDistribution(expected, Boltzmann.of(Fixed.of(Double.POSITIVE_INFINITY)).withTopP(0.8), ten);
    }

    @Test
    void topPActsOnTheTopKDistribution() {
        // Q = (3, 2, 1, 0), T = 1; the full softmax is (0.6439, 0.2369, 0.0871, 0.0321)
        double[] q = {3, 2, 1, 0};
        double z4 = 1 + E1 + E2 + Math.exp(-3);
        double z3 = 1 + E1 + E2;
        // top-p 0.9 alone: 0.6439 + 0.2369 = 0.8808 < 0.9, so three actions, renormalised
        assertEquals(0.880797, (1 + E1) / z4, 1e-6);
        assertDistribution(new double[] {1 / z3, E1 / z3, E2 / z3, 0}, Boltzmann.of(T1).withTopP(0.9), q);
        // top-k 3 first: (0.6652, 0.2447, 0.0900); then 0.6652 + 0.2447 = 0.9100 >= 0.9: two actions
        assertEquals(0.909969, (1 + E1) / z3, 1e-6);
        assertDistribution(new double[] {1 / (1 + E1), E1 / (1 + E1), 0, 0}, Boltzmann.of(T1, 3, 0.9, 0), q);
    }

    @Test
    void floorGivesEveryActionAMinimumProbability() {
        double[] p = new double[3];
        Softmax.probabilities(Q, 3, 1.0, p);
        // p' = floor + (1 - K floor) p = 0.05 + 0.85 p
        double[] expected = {0.05 + 0.85 * p[0], 0.05 + 0.85 * p[1], 0.05 + 0.85 * p[2]};
        assertDistribution(expected, Boltzmann.of(T1, Boltzmann.NO_TOP_K, 1, 0.05), Q);
        assertDistribution(new double[] {0.610151, 0.256068, 0.133781}, Boltzmann.of(T1).withFloor(0.05), Q, 1e-6);
        // floor = 1/K is uniform; at T = 0 the floor is the exploration of epsilon-greedy with eps = K floor
        assertDistribution(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, Boltzmann.of(T1).withFloor(1.0 / 3), Q);
        assertDistribution(new double[] {0.1 + 0.7, 0.1, 0.1}, Boltzmann.of(Fixed.of(0)).withFloor(0.1), Q);
    }

    @Test
    void theFloorComesLastSoCutActionsGetExactlyTheFloor() {
        // top-k 1 then floor 0.1: (0.1 + 0.7 * 1, 0.1 + 0.7 * 0, 0.1 + 0.7 * 0)
        assertDistribution(new double[] {0.8, 0.1, 0.1}, Boltzmann.of(T1, 1, 1, 0.1), Q);
        // top-k 2, top-p 0.7 (0.731 >= 0.7: one action), floor 0.02: (0.02 + 0.94, 0.02, 0.02, 0.02)
        assertDistribution(new double[] {0.96, 0.02, 0.02}, Boltzmann.of(T1, 2, 0.7, 0.02), Q);
    }

    @Test
    void oneUniformPerStepInvertsTheFinalWeights() {
        // floor 0.05: cumulative (0.610151, 0.866219, 1)
        TestRngs.Replay rng = TestRngs.replaying(0.6, 0.62, 0.87, 0.0, 0.75, 0.9999);
        PolicyRun floor = Boltzmann.of(T1).withFloor(0.05).start(3, rng);
        assertEquals(0, floor.select(Q, 0));
        assertEquals(1, floor.select(Q, 1));
        assertEquals(2, floor.select(Q, 2));
        assertEquals(3, rng.draws());
        // top-k 2: cumulative (0.731059, 1, 1): the cut action is never chosen, even for u near 1
        PolicyRun topK = Boltzmann.of(T1, 2, 1, 0).start(3, rng);
        assertEquals(0, topK.select(Q, 0));
        assertEquals(1, topK.select(Q, 1));
        assertEquals(1, topK.select(Q, 2));
        assertEquals(6, rng.draws());
    }

    @Test
    void selectionFrequenciesMatchTheDistribution() {
        double[] q = {0.5, 2, 1.5, -1, 1.9, 0};
        PolicyRun run = Boltzmann.of(Fixed.of(0.7), 4, 0.9, 0.02).start(6, TestRngs.seeded(SEED));
        double[] p = new double[6];
        run.distribution(q, 0, p);
        int n = 60_000;
        long[] counts = new long[6];
        for (int i = 0; i < n; i++) {
            counts[run.select(q, i)]++;
        }
        for (int a = 0; a < 6; a++) {
            double fourSe = 4 * Math.sqrt(p[a] * (1 - p[a]) / n);
            assertEquals(p[a], (double) counts[a] / n, fourSe, "arm " + a + ": " + Arrays.toString(counts));
        }
    }

    @Test
    void withoutEffectiveOptionsTheStreamAndActionsAreThoseOfThePlainPolicy() {
        double[] q = {0.3, -0.2, 0.9, 0.9, 0.1};
        UniformRandomProvider a = TestRngs.seeded(SEED);
        UniformRandomProvider b = TestRngs.seeded(SEED);
        PolicyRun plain = Boltzmann.of(Fixed.of(0.4)).start(5, a);
        PolicyRun options = Boltzmann.of(Fixed.of(0.4), 5, 1.0, 0.0).start(5, b); // k = K, p = 1, no floor
        for (int t = 0; t < 500; t++) {
            assertEquals(plain.select(q, t), options.select(q, t));
        }
        assertEquals(a.nextLong(), b.nextLong());
    }

    @Test
    void entropyIsThatOfTheReshapedDistribution() {
        PolicyRun run = Boltzmann.of(T1, 2, 1, 0.05).start(3, TestRngs.seeded(SEED));
        double[] p = new double[3];
        run.distribution(Q, 0, p);
        double h = -(p[0] * Math.log(p[0]) + p[1] * Math.log(p[1]) + p[2] * Math.log(p[2]));
        assertEquals(h, run.entropy(Q, 0), 1e-15);
        // with a cut action the 0 * ln 0 term is 0: top-k 2 alone
        PolicyRun cut = Boltzmann.of(T1, 2, 1, 0).start(3, TestRngs.seeded(SEED));
        double p0 = 1 / (1 + E1);
        assertEquals(-(p0 * Math.log(p0) + (1 - p0) * Math.log(1 - p0)), cut.entropy(Q, 0), 1e-15);
    }

    @Test
    void validationAndDescription() {
        assertMessage("top-k is not at least 1: 0", () -> Boltzmann.of(T1, 0, 1, 0));
        assertMessage("top-p is not in (0, 1]: 0.0", () -> Boltzmann.of(T1, 2, 0, 0));
        assertMessage("top-p is not in (0, 1]: 1.5", () -> Boltzmann.of(T1).withTopP(1.5));
        assertMessage("top-p is not in (0, 1]: NaN", () -> Boltzmann.of(T1).withTopP(Double.NaN));
        assertMessage("floor is not in [0, 1/K]: -0.1", () -> Boltzmann.of(T1).withFloor(-0.1));
        assertMessage("floor is not in [0, 1/K]: NaN", () -> Boltzmann.of(T1).withFloor(Double.NaN));
        assertMessage("floor is not in [0, 1/K] = [0, 0.3333333333333333] for K = 3 arms: 0.5",
            () -> Boltzmann.of(T1).withFloor(0.5).start(3, TestRngs.seeded(1)));
        for (int k = 1; k <= 100; k++) { // 1/K itself is accepted whatever K * (1/K) rounds to
            Boltzmann.of(T1).withFloor(1.0 / k).start(k, TestRngs.seeded(1));
        }
        assertThrows(NullPointerException.class, () -> Boltzmann.of(null, 2, 1, 0));
        assertEquals("boltzmann(temperature=fixed(value=1.0))", Boltzmann.of(1.0).toString());
        assertEquals("boltzmann(temperature=fixed(value=1.0), top-k=2, top-p=0.9, floor=0.01)",
            Boltzmann.of(T1, 2, 0.9, 0.01).toString());
        Boltzmann b = Boltzmann.of(T1).withTopK(3).withTopP(0.5).withFloor(0.1);
        assertEquals(3, b.topK());
        assertEquals(0.5, b.topP(), 0.0);
        assertEquals(0.1, b.floor(), 0.0);
        assertEquals(Boltzmann.NO_TOP_K, Boltzmann.of(T1).topK());
    }

    private static void assertDistribution(double[] expected, Boltzmann policy, double[] q) {
        assertDistribution(expected, policy, q, 1e-15);
    }

    private static void assertDistribution(double[] expected, Boltzmann policy, double[] q, double delta) {
        double[] out = new double[q.length];
        policy.start(q.length, TestRngs.seeded(SEED)).distribution(q, 0, out);
        assertArrayEquals(expected, out, delta, () -> policy + " on " + Arrays.toString(q) + ": " + Arrays.toString(out));
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }
}
