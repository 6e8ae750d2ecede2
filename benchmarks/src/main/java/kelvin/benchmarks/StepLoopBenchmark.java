package kelvin.benchmarks;

import java.util.concurrent.TimeUnit;
import kelvin.agents.bandit.ActionValueAgent;
import kelvin.agents.bandit.BanditLearner;
import kelvin.agents.policy.Boltzmann;
import kelvin.agents.policy.EpsilonGreedy;
import kelvin.agents.policy.Policy;
import kelvin.agents.schedule.Exponential;
import kelvin.env.bandit.BanditRun;
import kelvin.env.bandit.GaussianBandit;
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
 * One agent-step of the 10-armed testbed (select, pull, learn), the loop that {@code kelvin run}
 * spends its time in, for three policies. The learner's step counter keeps growing across
 * invocations, so the annealed schedule reaches its floor: that is the steady state of long runs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class StepLoopBenchmark {

    @Param({"boltzmann-fixed", "boltzmann-annealed", "epsilon-greedy"})
    public String policy;

    private BanditRun bandit;
    private BanditLearner learner;

    @Setup
    public void setUp() {
        Policy p;
        switch (policy) {
            case "boltzmann-fixed":
                p = Boltzmann.of(0.2);
                break;
            case "boltzmann-annealed":
                p = Boltzmann.of(Exponential.of(1.0, 0.9995, 0.01));
                break;
            default:
                p = EpsilonGreedy.of(0.1);
                break;
        }
        bandit = GaussianBandit.drawn(10, 0, 1, 1).start(RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        learner = ActionValueAgent.sampleAverage(0, p).start(10, RandomSource.XO_RO_SHI_RO_128_PP.create(2L));
    }

    @Benchmark
    public int step() {
        int arm = learner.select();
        learner.update(arm, bandit.pull(arm));
        return arm;
    }
}
