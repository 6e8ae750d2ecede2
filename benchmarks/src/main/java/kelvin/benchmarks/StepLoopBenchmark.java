package kelvin.benchmarks;

import java.util.concurrent.TimeUnit;
import kelvin.agents.bandit.ActionValueAgent;
import kelvin.agents.bandit.BanditLearner;
import kelvin.agents.policy.Boltzmann;
import kelvin.agents.policy.EpsilonGreedy;
import kelvin.agents.policy.Policy;
import kelvin.agents.schedule.Exponential;
import kelvin.env.bandit.BanditEnv;
import kelvin.env.bandit.BanditRun;
import kelvin.env.bandit.GaussianBandit;
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
 * One agent-step of the 10-armed testbed as {@code kelvin run} takes it between checkpoints (select,
 * pseudo-regret from bestMean and mean, pull, learn), for the three workloads of {@code kelvin bench}:
 * Boltzmann at T = 0.2, Boltzmann with exponential annealing (1.0, decay 0.9995, min 0.01) and
 * epsilon-greedy 0.1.
 *
 * <p>A run is restarted (fresh bandit and learner, the next seeds) every {@code steps} calls, as in
 * {@code kelvin bench} (2000 runs x 10,000 steps), so the annealed temperature sweeps its whole curve
 * instead of sitting on its floor. The restart is part of the measured cost, amortised over
 * {@code steps} calls. The baseline draws the reward only (no agent). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar StepLoopBenchmark -prof gc} (alloc.rate.norm
 * should be about 0 B/op apart from the amortised restart).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class StepLoopBenchmark {

    @Param({"boltzmann-fixed", "boltzmann-annealed", "epsilon-greedy"})
    public String policy;

    @Param({"10000"})
    public int steps;

    private ActionValueAgent agent;
    private BanditEnv env;
    private BanditRun bandit;
    private BanditLearner learner;
    private long seed;
    private int left;
    private double regret;

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
            case "epsilon-greedy":
                p = EpsilonGreedy.of(0.1);
                break;
            default:
                throw new IllegalArgumentException("unknown policy " + policy);
        }
        agent = ActionValueAgent.sampleAverage(0, p);
        env = GaussianBandit.testbed(10);
        seed = 1;
        restart();
    }

    private void restart() {
        UniformRandomProvider envRng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed++);
        bandit = env.start(envRng);
        learner = agent.start(bandit.arms(), RandomSource.XO_RO_SHI_RO_128_PP.create(seed++));
        left = steps;
        regret = 0;
    }

    @Benchmark
    public double baselinePull() {
        if (--left < 0) {
            restart();
        }
        return bandit.pull(3);
    }

    @Benchmark
    public double step() {
        if (--left < 0) {
            restart();
        }
        int arm = learner.select();
        regret += bandit.bestMean() - bandit.mean(arm);
        learner.update(arm, bandit.pull(arm));
        return regret;
    }
}
