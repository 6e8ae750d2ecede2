package kelvin.benchmarks;

import java.util.concurrent.TimeUnit;
import kelvin.env.bandit.BanditRun;
import kelvin.env.bandit.GaussianBandit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The random numbers of one bandit step: the generator Kelvin's streams use (XoRoShiRo128++), a
 * uniform double, a ziggurat standard normal (McFarland 2016, Commons RNG) and a Gaussian bandit
 * pull (one normal, scaled and shifted), against a baseline that returns a field. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar RandomBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class RandomBenchmark {

    private UniformRandomProvider rng;
    private ZigguratSampler.NormalizedGaussian normal;
    private BanditRun bandit;
    private double value;
    private int arm;

    @Setup
    public void setUp() {
        rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        normal = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP.create(8L));
        bandit = GaussianBandit.testbed(10).start(RandomSource.XO_RO_SHI_RO_128_PP.create(9L));
        value = 0.5;
        arm = 3;
    }

    @Benchmark
    public double baseline() {
        return value;
    }

    @Benchmark
    public long nextLong() {
        return rng.nextLong();
    }

    @Benchmark
    public double nextDouble() {
        return rng.nextDouble();
    }

    @Benchmark
    public double zigguratNormal() {
        return normal.sample();
    }

    @Benchmark
    public double gaussianPull() {
        return bandit.pull(arm);
    }
}
