package kelvin.agents.policy;

import java.util.List;
import java.util.Objects;
import kelvin.agents.schedule.Fixed;
import kelvin.agents.schedule.Schedule;
import kelvin.agents.schedule.ScheduleRun;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The epsilon-greedy policy ({@code epsilon-greedy}): with probability eps_t an action uniform over
 * all K actions, otherwise a greedy action (ties broken uniformly). eps_t is the value at index t
 * of a {@link Schedule} (a number is a {@link Fixed} schedule) and must lie in [0, 1].
 *
 * <p>Probabilities, with n maximal actions:
 * <pre>
 *   p(a) = eps/K + (1 - eps)/n   for a maximal action
 *   p(a) = eps/K                 otherwise
 * </pre>
 * and the entropy is -n p_max ln p_max - (K - n) p_other ln p_other (a zero p_other contributes 0).
 *
 * <p>Random numbers per step: u = {@code rng.nextDouble()}; if u &lt; eps_t, one
 * {@code rng.nextInt(K)}; otherwise {@code rng.nextInt(n)} only if n &gt; 1.
 *
 * <p>Reference: R. S. Sutton and A. G. Barto, <i>Reinforcement Learning: An Introduction</i>, 2nd
 * ed., MIT Press, 2018, section 2.2 and Figure 2.2 (epsilon = 0, 0.01, 0.1 on the 10-armed
 * testbed); C. J. C. H. Watkins, <i>Learning from Delayed Rewards</i>, PhD thesis, University of
 * Cambridge, 1989.
 */
public final class EpsilonGreedy implements Policy {

    private final Schedule epsilon;

    private EpsilonGreedy(Schedule epsilon) {
        this.epsilon = epsilon;
    }

    /**
     * Epsilon-greedy with a fixed epsilon.
     *
     * @param epsilon the exploration probability, in [0, 1]
     * @return the policy
     * @throws IllegalArgumentException if {@code epsilon} is outside [0, 1] or NaN
     */
    public static EpsilonGreedy of(double epsilon) {
        checkEpsilon(epsilon);
        return new EpsilonGreedy(Fixed.of(epsilon));
    }

    /**
     * Epsilon-greedy with a scheduled epsilon; a value outside [0, 1] at some t is reported when
     * that step is taken.
     *
     * @param epsilon the schedule of eps_t
     * @return the policy
     * @throws NullPointerException if {@code epsilon} is null
     */
    public static EpsilonGreedy of(Schedule epsilon) {
        return new EpsilonGreedy(Objects.requireNonNull(epsilon, "epsilon"));
    }

    /**
     * The exploration schedule: eps_t is read as the schedule's value at index t.
     *
     * @return the schedule of eps_t, not null
     */
    public Schedule epsilon() {
        return epsilon;
    }

    /** {@inheritDoc} Here: what the epsilon schedule's index counts. */
    @Override
    public Schedule.Per per() {
        return epsilon.per();
    }

    @Override
    public PolicyRun start(int arms, UniformRandomProvider rng) {
        Argmax.checkArms(arms);
        return new Run(arms, Objects.requireNonNull(rng, "rng"), epsilon.newRun(arms));
    }

    @Override
    public String toString() {
        return "epsilon-greedy(epsilon=" + epsilon + ")";
    }

    private static double checkEpsilon(double eps) {
        if (!(eps >= 0 && eps <= 1)) {
            throw new IllegalArgumentException("epsilon is not in [0, 1]: " + eps);
        }
        return eps;
    }

    /** Epsilon-greedy per run: the stream and the epsilon schedule's state. */
    private static final class Run implements PolicyRun {
        private final int k;
        private final UniformRandomProvider rng;
        private final ScheduleRun epsilon;

        Run(int k, UniformRandomProvider rng, ScheduleRun epsilon) {
            this.k = k;
            this.rng = rng;
            this.epsilon = epsilon;
        }

        /** eps_t, checked. */
        double epsilon(long t) {
            return checkEpsilon(epsilon.temperature(t));
        }

        @Override
        public int select(double[] q, long t) {
            double eps = epsilon(t);
            if (rng.nextDouble() < eps) {
                return rng.nextInt(k);
            }
            return Argmax.select(q, k, rng);
        }

        @Override
        public double entropy(double[] q, long t) {
            double eps = epsilon(t);
            int n = Argmax.count(q, k, Argmax.max(q, k));
            double pOther = eps / k;
            double pMax = pOther + (1 - eps) / n;
            double h = -n * pMax * Math.log(pMax);
            if (pOther > 0 && n < k) {
                h -= (k - n) * pOther * Math.log(pOther);
            }
            return Math.max(0.0, h); // -0.0 or a rounding below 0 for a one-hot distribution
        }

        @Override
        public double temperature(long t) {
            return Double.NaN;
        }

        @Override
        public void distribution(double[] q, long t, double[] out) {
            Argmax.checkOut(out, k);
            double eps = epsilon(t);
            double m = Argmax.max(q, k);
            int n = Argmax.count(q, k, m);
            double pOther = eps / k;
            double pMax = pOther + (1 - eps) / n;
            for (int i = 0; i < k; i++) {
                out[i] = q[i] == m ? pMax : pOther;
            }
        }

        @Override
        public void observe(double reward, double entropy) {
            epsilon.observe(reward, entropy);
        }

        @Override
        public boolean needsEntropy() {
            return epsilon.needsEntropy();
        }
    }


    /** The {@code epsilon-greedy} policy of configs. */
    public static final class Declaration extends Component<Policy> {
        /** Declares the key: epsilon. */
        public Declaration() {
            super(Kind.POLICY, "epsilon-greedy", "uniform over all K actions with probability epsilon, else greedy",
                    "Sutton & Barto (2018), Reinforcement Learning: An Introduction, 2nd ed., section 2.2", List.of(
                    Key.required("epsilon", new ValueType.NumOrSchedule(ValueType.Num.closed(0, 1)),
                            "exploration probability: a number in [0, 1] or a schedule")));
        }

        /**
         * {@inheritDoc} An epsilon schedule must stay a probability: its {@link Schedule#upperBound()}
         * at most 1, and not one that steers entropy.
         */
        @Override
        public Policy create(Settings v) {
            Schedule s = v.get("epsilon", Schedule.class);
            if (s.adaptsToEntropy()) {
                throw v.error("epsilon", "entropy-target adapts a temperature, not a probability; use another "
                        + "schedule");
            }
            double highest = s.upperBound();
            if (!(highest <= 1)) {
                throw v.error("epsilon", "the schedule reaches " + highest + "; epsilon is a probability, at most 1");
            }
            return of(s);
        }
    }
}
