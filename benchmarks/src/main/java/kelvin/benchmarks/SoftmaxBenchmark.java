package kelvin.benchmarks;

import java.util.concurrent.TimeUnit;
import kelvin.agents.softmax.Softmax;
import kelvin.agents.softmax.SoftmaxSampler;
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
 * The softmax core for K arms: one Boltzmann draw with the plain {@link Softmax#sample} (K calls of
 * exp) and with the per-run {@link SoftmaxSampler}, in the two situations of a bandit run, and the
 * entropy; against a baseline that only draws the uniform.
 *
 * <ul>
 *   <li>{@code *OneChanged}: before each draw one logit changes (round robin), as after an
 *       action-value update at a fixed temperature: the sampler recomputes one weight
 *       ({@code Hinted}: told which, as the action-value learner does; otherwise it compares all K).</li>
 *   <li>{@code *NewTemperature}: before each draw the temperature changes (cycling through 1024
 *       values in [0.1, 1.1)), as with an annealed schedule: the sampler recomputes every weight.</li>
 * </ul>
 * Every method does the same bookkeeping, so differences are the sampling. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar SoftmaxBenchmark -prof gc} (alloc.rate.norm
 * should be about 0 B/op).
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
    private SoftmaxSampler sampler;
    private int next;

    @Setup
    public void setUp() {
        rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        q = new double[arms];
        for (int i = 0; i < arms; i++) {
            q[i] = rng.nextDouble() * 2 - 1;
        }
        scratch = new double[arms];
        sampler = SoftmaxSampler.of(arms);
        next = 0;
    }

    /** Changes one logit, round robin, keeping it in [-1, 1); returns its index. */
    private int changeOne() {
        int i = next;
        next = i + 1 == arms ? 0 : i + 1;
        q[i] = rng.nextDouble() * 2 - 1;
        return i;
    }

    /** A new temperature in [0.1, 1.1) every call. */
    private double newTemperature() {
        int i = next;
        next = (i + 1) & 1023;
        return 0.1 + i * 0x1p-10;
    }

    @Benchmark
    public double baselineUniform() {
        return rng.nextDouble();
    }

    @Benchmark
    public int plainSample() {
        return Softmax.sample(q, arms, temperature, rng.nextDouble(), scratch);
    }

    @Benchmark
    public int samplerSample() {
        return sampler.sample(q, temperature, rng.nextDouble());
    }

    @Benchmark
    public int plainOneChanged() {
        changeOne();
        return Softmax.sample(q, arms, temperature, rng.nextDouble(), scratch);
    }

    @Benchmark
    public int samplerOneChanged() {
        changeOne();
        return sampler.sample(q, temperature, rng.nextDouble());
    }

    @Benchmark
    public int samplerOneChangedHinted() {
        int changed = changeOne();
        return sampler.sample(q, temperature, rng.nextDouble(), changed);
    }

    @Benchmark
    public int plainNewTemperature() {
        return Softmax.sample(q, arms, newTemperature(), rng.nextDouble(), scratch);
    }

    @Benchmark
    public int samplerNewTemperature() {
        return sampler.sample(q, newTemperature(), rng.nextDouble());
    }

    @Benchmark
    public double entropy() {
        return Softmax.entropy(q, arms, temperature);
    }
}
