package kelvin.agents.policy;

import java.util.List;
import java.util.Objects;
import kelvin.agents.schedule.Fixed;
import kelvin.agents.schedule.Schedule;
import kelvin.agents.schedule.ScheduleRun;
import kelvin.agents.softmax.Softmax;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The Metropolis policy ({@code metropolis}) of SA-Q-learning: a random action is proposed against
 * the greedy one and accepted by the Metropolis criterion at temperature T_t. Each step:
 * <pre>
 *   a_p = a greedy action (argmax Q; ties uniform)
 *   a_r = an action uniform over all K
 *   u   = uniform in [0, 1)
 *   A_t = a_r  if u &lt; exp((Q(a_r) - Q(a_p)) / T_t),  else a_p
 * </pre>
 * Since Q(a_r) &lt;= Q(a_p), the acceptance probability is min(1, exp((Q(a_r) - Q(a_p)) / T)).
 * Limits: T = 0 accepts only a_r with Q(a_r) &gt;= Q(a_p) (another maximum), so the policy is greedy
 * with uniform ties; T = +infinity always accepts, so it is uniform. T_t is the value at index t of
 * the temperature {@link Schedule}, typically {@code simulated-annealing}.
 *
 * <p>Probabilities, with n maximal actions and Q* = max Q:
 * <pre>
 *   P(a) = (1/K) * min(1, exp((Q(a) - Q*) / T))      for a non-maximal action a
 *   P(a) = (1 - sum of the above) / n                  for each maximal action
 * </pre>
 * A maximal action is chosen when it is the greedy proposal and the random one is rejected or is
 * itself, or when it is the random proposal (always accepted); averaged over the tie draw this
 * gives every maximal action the same share of the rest. Example: Q = (1, 0.5, -1), T = 1:
 * P = (1 - e^-0.5/3 - e^-2/3, e^-0.5/3, e^-2/3) = (0.752711, 0.202177, 0.045112).
 * {@code distribution} and {@code entropy} are these exact values, not estimates.
 *
 * <p>Random numbers per step, in this order: {@code rng.nextInt(n)} for the tie among the n maxima
 * only when n &gt; 1 (as {@link Argmax#select}); then always {@code rng.nextInt(K)} for a_r and
 * {@code rng.nextDouble()} for u, even when T = 0 or T = +infinity or a_r = a_p. So apart from
 * ties, the stream consumed does not depend on the action values or the temperature.
 *
 * <p>Reference: M. Guo, Y. Liu and J. Malec, "A new Q-learning algorithm based on the Metropolis
 * criterion", <i>IEEE Transactions on Systems, Man, and Cybernetics, Part B</i> 34(5), 2004,
 * 2140-2143; N. Metropolis, A. W. Rosenbluth, M. N. Rosenbluth, A. H. Teller and E. Teller,
 * "Equation of state calculations by fast computing machines", <i>J. Chem. Phys.</i> 21, 1953,
 * 1087-1092.
 */
public final class Metropolis implements Policy {

    private final Schedule temperature;

    private Metropolis(Schedule temperature) {
        this.temperature = temperature;
    }

    /**
     * The Metropolis policy at a fixed temperature.
     *
     * @param temperature T, in [0, +infinity]
     * @return the policy
     * @throws IllegalArgumentException if {@code temperature} is negative or NaN
     */
    public static Metropolis of(double temperature) {
        Softmax.checkTemperature(temperature);
        return new Metropolis(Fixed.of(temperature));
    }

    /**
     * The Metropolis policy with a temperature schedule.
     *
     * @param temperature the schedule of T_t (values in [0, +infinity])
     * @return the policy
     * @throws NullPointerException if {@code temperature} is null
     */
    public static Metropolis of(Schedule temperature) {
        return new Metropolis(Objects.requireNonNull(temperature, "temperature"));
    }

    /**
     * The temperature schedule of the acceptance test.
     *
     * @return the schedule of T_t, not null
     */
    public Schedule temperature() {
        return temperature;
    }

    /** {@inheritDoc} Here: what the temperature schedule's index counts. */
    @Override
    public Schedule.Per per() {
        return temperature.per();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code arms < 1} or the schedule does not fit K actions
     *     (an entropy target above ln K)
     * @throws NullPointerException if {@code rng} is null
     */
    @Override
    public PolicyRun start(int arms, UniformRandomProvider rng) {
        Argmax.checkArms(arms);
        Objects.requireNonNull(rng, "rng");
        return new Run(arms, rng, temperature.newRun(arms));
    }

    @Override
    public String toString() {
        return "metropolis(temperature=" + temperature + ")";
    }

    /**
     * The Metropolis acceptance probability min(1, exp((qr - qp) / t)) of a proposal with value qr
     * against the greedy value qp &gt;= qr, never NaN for finite values and t in [0, +infinity].
     */
    static double acceptance(double qr, double qp, double t) {
        if (qr >= qp || t == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        if (t == 0) {
            return 0.0;
        }
        double d = qr - qp;
        // qr - qp overflowed: qr < 0 < qp, so scaling first gives -inf at worst, never NaN
        double s = d == Double.NEGATIVE_INFINITY ? qr / t - qp / t : d / t;
        return Math.exp(s);
    }

    /** Metropolis per run: the stream and the schedule's state. */
    private static final class Run implements PolicyRun {
        private final int k;
        private final UniformRandomProvider rng;
        private final ScheduleRun schedule;

        Run(int k, UniformRandomProvider rng, ScheduleRun schedule) {
            this.k = k;
            this.rng = rng;
            this.schedule = schedule;
        }

        private double checkedTemperature(long t) {
            double temp = schedule.temperature(t);
            Softmax.checkTemperature(temp);
            return temp;
        }

        @Override
        public int select(double[] q, long t) {
            double temp = checkedTemperature(t);
            int greedy = Argmax.select(q, k, rng); // checks q
            int proposal = rng.nextInt(k);
            double u = rng.nextDouble();
            return u < acceptance(q[proposal], q[greedy], temp) ? proposal : greedy;
        }

        @Override
        public double entropy(double[] q, long t) {
            double temp = checkedTemperature(t);
            double m = Argmax.max(q, k);
            double rest = 1.0;
            double h = 0;
            int n = 0;
            for (int i = 0; i < k; i++) {
                if (q[i] == m) {
                    n++;
                } else {
                    double p = acceptance(q[i], m, temp) / k;
                    rest -= p;
                    if (p > 0) {
                        h -= p * Math.log(p);
                    }
                }
            }
            double pMax = rest / n; // at least 1/K: the others take at most (K - n)/K
            h -= n * pMax * Math.log(pMax);
            return Math.max(0.0, Math.min(h, Math.log(k)));
        }

        @Override
        public double temperature(long t) {
            return schedule.temperature(t);
        }

        @Override
        public void distribution(double[] q, long t, double[] out) {
            Argmax.checkOut(out, k);
            double temp = checkedTemperature(t);
            double m = Argmax.max(q, k);
            double rest = 1.0;
            int n = 0;
            for (int i = 0; i < k; i++) { // reads q[i] before writing out[i], so out may be q
                if (q[i] == m) {
                    n++;
                    out[i] = Double.NaN; // marks a maximum; filled below
                } else {
                    double p = acceptance(q[i], m, temp) / k;
                    rest -= p;
                    out[i] = p;
                }
            }
            double pMax = rest / n;
            for (int i = 0; i < k; i++) {
                if (Double.isNaN(out[i])) {
                    out[i] = pMax;
                }
            }
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


    /** The {@code metropolis} policy of configs. */
    public static final class Declaration extends Component<Policy> {
        /** Declares the key: temperature. */
        public Declaration() {
            super(Kind.POLICY, "metropolis",
                    "a_p = greedy, a_r uniform over all K; take a_r if u < exp((Q(a_r) - Q(a_p)) / T_t), else a_p "
                            + "(Guo, Liu & Malec 2004)",
                    "Guo, Liu & Malec (2004), A new Q-learning algorithm based on the Metropolis criterion, "
                            + "IEEE SMC-B 34",
                    List.of(Key.required("temperature", new ValueType.NumOrSchedule(ValueType.Num.temperature()),
                            "a number (fixed T) or a schedule")));
        }

        @Override
        public Policy create(Settings v) {
            return of(v.get("temperature", Schedule.class));
        }
    }
}
