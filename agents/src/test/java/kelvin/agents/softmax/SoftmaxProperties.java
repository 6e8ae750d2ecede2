package kelvin.agents.softmax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * DESIGN.md's promise "no NaN or infinity ever leaves the softmax, for any finite action values and
 * any T in [0, +inf]", checked on generated logits (including magnitudes up to Double.MAX_VALUE,
 * ties and near-ties) and temperatures (0, +inf, subnormal, huge).
 */
class SoftmaxProperties {

    @Property(tries = 1000)
    void probabilitiesAreFiniteAndSumToOne(@ForAll("logits") double[] z, @ForAll("temperatures") double t) {
        int k = z.length;
        double[] p = new double[k];
        Softmax.probabilities(z, k, t, p);
        double sum = 0;
        for (double pi : p) {
            assertTrue(pi >= 0 && pi <= 1, () -> "p = " + Arrays.toString(p));
            sum += pi;
        }
        assertEquals(1.0, sum, 1e-12, () -> "p = " + Arrays.toString(p));
    }

    @Property(tries = 1000)
    void logProbabilitiesAreMinusInfinityOnlyWhereTheProbabilityIsZero(
            @ForAll("logits") double[] z, @ForAll("temperatures") double t) {
        int k = z.length;
        double[] p = new double[k];
        double[] logp = new double[k];
        Softmax.probabilities(z, k, t, p);
        Softmax.logProbabilities(z, k, t, logp);
        for (int i = 0; i < k; i++) {
            double li = logp[i];
            String where = "i = " + i + ", p = " + Arrays.toString(p) + ", log p = " + Arrays.toString(logp);
            assertTrue(!Double.isNaN(li) && li <= 0, where);
            if (li == Double.NEGATIVE_INFINITY) {
                assertEquals(0.0, p[i], 0.0, where);
            }
        }
    }

    @Property(tries = 1000)
    void entropyIsFiniteAndBetweenZeroAndLogK(@ForAll("logits") double[] z, @ForAll("temperatures") double t) {
        double h = Softmax.entropy(z, z.length, t);
        assertTrue(h >= 0 && h <= Math.log(z.length), "H = " + h);
    }

    @Property(tries = 1000)
    void samplesNeverPickAZeroWeight(@ForAll("logits") double[] z, @ForAll("temperatures") double t,
                                     @ForAll("uniforms") double u) {
        int k = z.length;
        double[] scratch = new double[k];
        int a = Softmax.sample(z, k, t, u, scratch);
        assertTrue(a >= 0 && a < k);
        assertTrue(scratch[a] > 0, () -> "a = " + a + ", w = " + Arrays.toString(scratch));
        double[] logp = new double[k];
        Softmax.logProbabilities(z, k, t, logp);
        assertTrue(logp[a] > Double.NEGATIVE_INFINITY);
    }

    @Provide
    Arbitrary<double[]> logits() {
        Arbitrary<Double> value = Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.doubles().between(-10, 10).ofScale(12)),
            Tuple.of(2, Arbitraries.integers().between(-2, 2).map(Integer::doubleValue)), // ties
            Tuple.of(2, Arbitraries.doubles()), // the whole finite range
            Tuple.of(1, Arbitraries.of(1e300, -1e300, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE,
                -Double.MIN_VALUE, 0.0, -0.0, 1e-300, 745.0, -745.0)));
        return value.list().ofMinSize(1).ofMaxSize(12).map(SoftmaxProperties::toArray);
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
    Arbitrary<Double> uniforms() {
        return Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.doubles().between(0, true, 1, false).ofScale(16)),
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
