package kelvin.agents.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import kelvin.agents.schedule.Fixed;
import kelvin.agents.testing.TestRngs;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * DESIGN.md's promise "no NaN or infinity ever leaves" extended to the reshaped Boltzmann policy
 * (top-k, top-p, floor) and the Metropolis policy: for any finite action values, T in [0, +inf]
 * and valid options, the distribution is finite, non-negative and sums to 1 within 1e-12, the
 * entropy lies in [0, ln K], and a sampled action has positive probability.
 */
class PolicyDistributionProperties {

    @Property(tries = 1000)
    void reshapedBoltzmannIsAProbabilityDistribution(@ForAll("values") double[] q, @ForAll("temperatures") double t,
            @ForAll @IntRange(min = 1, max = 14) int topK, @ForAll("topPs") double topP,
            @ForAll @DoubleRange(min = 0, max = 1) double floorShare, @ForAll("uniforms") double u) {
        int k = q.length;
        double floor = floorShare == 1 ? 1.0 / k : floorShare / k; // in [0, 1/K], 1/K included
        Boltzmann policy = Boltzmann.of(Fixed.of(t), topK, topP, floor);
        PolicyRun run = policy.start(k, TestRngs.replaying(u));
        checkDistribution(run, q, policy.toString());
        if (floor > 0) {
            double[] p = new double[k];
            run.distribution(q, 0, p);
            for (double pi : p) {
                assertTrue(pi >= floor * (1 - 1e-12), () -> policy + ": " + Arrays.toString(p));
            }
        }
    }

    @Property(tries = 1000)
    void metropolisIsAProbabilityDistribution(@ForAll("values") double[] q, @ForAll("temperatures") double t) {
        Metropolis policy = Metropolis.of(t);
        checkDistribution(policy.start(q.length, TestRngs.seeded(Arrays.hashCode(q))), q, policy.toString());
    }

    private static void checkDistribution(PolicyRun run, double[] q, String policy) {
        int k = q.length;
        double[] p = new double[k];
        run.distribution(q, 0, p);
        double sum = 0;
        for (double pi : p) {
            assertTrue(pi >= 0 && pi <= 1, () -> policy + " on " + Arrays.toString(q) + ": " + Arrays.toString(p));
            sum += pi;
        }
        assertEquals(1.0, sum, 1e-12, () -> policy + " on " + Arrays.toString(q) + ": " + Arrays.toString(p));
        double h = run.entropy(q, 0);
        assertTrue(h >= 0 && h <= Math.log(k), () -> policy + ": H = " + h);
        int a = run.select(q, 0);
        assertTrue(p[a] > 0, () -> policy + " chose " + a + " with p = " + Arrays.toString(p));
    }

    @Provide
    Arbitrary<double[]> values() {
        Arbitrary<Double> value = Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.doubles().between(-10, 10).ofScale(12)),
            Tuple.of(2, Arbitraries.integers().between(-2, 2).map(Integer::doubleValue)), // ties
            Tuple.of(2, Arbitraries.doubles()), // the whole finite range
            Tuple.of(1, Arbitraries.of(1e300, -1e300, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE,
                -Double.MIN_VALUE, 0.0, -0.0, 1e-300, 745.0, -745.0)));
        return value.list().ofMinSize(1).ofMaxSize(12).map(PolicyDistributionProperties::toArray);
    }

    @Provide
    Arbitrary<Double> temperatures() {
        return Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.doubles().between(1e-3, 1e3).ofScale(6)),
            Tuple.of(2, Arbitraries.doubles().between(0, Double.MAX_VALUE)),
            Tuple.of(2, Arbitraries.of(0.0, Double.POSITIVE_INFINITY, Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300,
                1e300, Double.MAX_VALUE, 1.0)));
    }

    @Provide
    Arbitrary<Double> topPs() {
        return Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.doubles().between(0, false, 1, true).ofScale(12)),
            Tuple.of(1, Arbitraries.of(1.0, 1e-12, 0.5, Math.nextDown(1.0))));
    }

    /** Multiples of 2^-53 in [0, 1), as {@link TestRngs#replaying(double...)} needs. */
    @Provide
    Arbitrary<Double> uniforms() {
        return Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.longs().between(0, (1L << 53) - 1).map(j -> j * 0x1.0p-53)),
            Tuple.of(1, Arbitraries.of(0.0, Math.nextDown(1.0), 0.5)));
    }

    private static double[] toArray(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }
}
