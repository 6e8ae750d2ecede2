package kelvin.agents.policy;

import java.util.Objects;
import kelvin.agents.schedule.Fixed;
import kelvin.agents.schedule.Schedule;
import kelvin.agents.schedule.ScheduleRun;
import kelvin.agents.softmax.Softmax;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The Boltzmann (softmax) policy ({@code boltzmann}): A_t is drawn from softmax(Q_t / T_t),
 * <pre>
 *   p(a) = exp((Q(a) - max Q) / T_t) / sum_b exp((Q(b) - max Q) / T_t)
 * </pre>
 * where T_t is the value at index t of the temperature {@link Schedule}. T = 0 is greedy with
 * uniform tie-breaking, T = +infinity uniform; the arithmetic is {@link Softmax}'s.
 *
 * <p>Random numbers: exactly one u = {@code rng.nextDouble()} per step, whatever T_t (also at
 * T = 0 and with a single maximum), turned into an action by
 * {@link Softmax#sample(double[], int, double, double, double[])} (inversion of the cumulative
 * weights). This is the numpy peer's rule set (NOTES.md rules 4 and 5): fed the peer's u values,
 * this policy reproduces its golden traces action for action.
 *
 * <p>References: R. S. Sutton and A. G. Barto, <i>Reinforcement Learning: An Introduction</i>, MIT
 * Press, 1st ed., 1998, section 2.3 "Softmax Action Selection"; J. S. Bridle, "Training stochastic model
 * recognition algorithms as networks can lead to maximum mutual information estimation of
 * parameters", <i>NIPS 2</i>, 1990, 211-217; N. Cesa-Bianchi, C. Gentile, G. Lugosi and G. Neu,
 * "Boltzmann exploration done right", <i>NIPS 30</i>, 2017 (why fixed and naively annealed
 * temperatures can fail).
 */
public final class Boltzmann implements Policy {

    private final Schedule temperature;

    private Boltzmann(Schedule temperature) {
        this.temperature = temperature;
    }

    /**
     * Boltzmann exploration at a fixed temperature.
     *
     * @param temperature T, in [0, +infinity]
     * @return the policy
     * @throws IllegalArgumentException if {@code temperature} is negative or NaN
     */
    public static Boltzmann of(double temperature) {
        Softmax.checkTemperature(temperature);
        return new Boltzmann(Fixed.of(temperature));
    }

    /**
     * Boltzmann exploration at a fixed inverse temperature beta = 1/T.
     *
     * @param beta the inverse temperature, in [0, +infinity] (0 = uniform, +infinity = greedy)
     * @return the policy
     * @throws IllegalArgumentException if {@code beta} is negative or NaN
     */
    public static Boltzmann ofBeta(double beta) {
        return new Boltzmann(Fixed.ofBeta(beta));
    }

    /**
     * Boltzmann exploration with a temperature schedule.
     *
     * @param temperature the schedule of T_t (values in [0, +infinity])
     * @return the policy
     * @throws NullPointerException if {@code temperature} is null
     */
    public static Boltzmann of(Schedule temperature) {
        return new Boltzmann(Objects.requireNonNull(temperature, "temperature"));
    }

    /** The temperature schedule. */
    public Schedule temperature() {
        return temperature;
    }

    @Override
    public PolicyRun start(int arms, UniformRandomProvider rng) {
        Argmax.checkArms(arms);
        return new Run(arms, Objects.requireNonNull(rng, "rng"), temperature.newRun());
    }

    @Override
    public String toString() {
        return "boltzmann(temperature=" + temperature + ")";
    }

    /** Boltzmann per run: the stream, the schedule's state and the weight buffer. */
    private static final class Run implements PolicyRun {
        private final int k;
        private final UniformRandomProvider rng;
        private final ScheduleRun schedule;
        private final double[] scratch;

        Run(int k, UniformRandomProvider rng, ScheduleRun schedule) {
            this.k = k;
            this.rng = rng;
            this.schedule = schedule;
            this.scratch = new double[k];
        }

        @Override
        public int select(double[] q, long t) {
            double temp = schedule.temperature(t);
            return Softmax.sample(q, k, temp, rng.nextDouble(), scratch);
        }

        @Override
        public double entropy(double[] q, long t) {
            return Softmax.entropy(q, k, schedule.temperature(t));
        }

        @Override
        public double temperature(long t) {
            return schedule.temperature(t);
        }

        @Override
        public void distribution(double[] q, long t, double[] out) {
            Softmax.probabilities(q, k, schedule.temperature(t), out);
        }

        @Override
        public void observe(double reward, double entropy) {
            schedule.observe(reward, entropy);
        }

        @Override
        public boolean needsEntropy() {
            return schedule.needsEntropy();
        }
    }
}
