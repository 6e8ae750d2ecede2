package kelvin.benchmarks;

import java.util.concurrent.TimeUnit;
import kelvin.agents.softmax.Softmax;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The softmax core: one Boltzmann draw (weights, then inversion) and the entropy, for K arms, against
 * a baseline that only draws the uniform. Run: {@code java -jar benchmarks/target/benchmarks.jar
 * SoftmaxBenchmark -prof gc} (the gc profiler's alloc.rate.norm should be about 0 B/op).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class SoftmaxBenchmark {

    @Param({"2", "10", "100"})
    public int arms;

    @Param({"0.2"})
    public double temperature;

    private double[] q;
    private double[] scratch;
    private UniformRandomProvider rng;

    @Setup
    public void setUp() {
        rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        q = new double[arms];
        for (int i = 0; i < arms; i++) {
            q[i] = rng.nextDouble() * 2 - 1;
        }
        scratch = new double[arms];
    }

    @Benchmark
    public double baselineUniform() {
        return rng.nextDouble();
    }

    @Benchmark
    public int sample() {
        return Softmax.sample(q, arms, temperature, rng.nextDouble(), scratch);
    }

    @Benchmark
    public double entropy() {
        return Softmax.entropy(q, arms, temperature);
    }
}
