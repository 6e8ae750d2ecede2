package kelvin.agents.policy;

import java.util.List;
import java.util.Objects;
import kelvin.agents.schedule.Fixed;
import kelvin.agents.schedule.Schedule;
import kelvin.agents.schedule.ScheduleRun;
import kelvin.agents.softmax.Softmax;
import kelvin.agents.softmax.SoftmaxSampler;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The Boltzmann (softmax) policy ({@code boltzmann}): A_t is drawn from softmax(Q_t / T_t),
 * <pre>
 *   p(a) = exp((Q(a) - max Q) / T_t) / sum_b exp((Q(b) - max Q) / T_t)
 * </pre>
 * where T_t is the value at index t of the temperature {@link Schedule}. T = 0 is greedy with
 * uniform tie-breaking, T = +infinity uniform; the arithmetic is {@link Softmax}'s.
 *
 * <h2>Options</h2>
 * Three optional reshapings of the softmax, applied in this order (each to the result of the one
 * before). Actions are ranked by action value, highest first, ties to the lower index; since the
 * softmax weights grow with Q, this is the order of decreasing probability.
 * <ol>
 *   <li><b>top-k</b> ({@code topK}, an integer &gt;= 1; k &gt;= K changes nothing): the softmax over the
 *       k first actions of the ranking only, the others get probability 0:
 *       p(a) = w_a / sum_{b in top k} w_b for a in the top k, with w_a = exp((Q(a) - max Q) / T).
 *       Ties at the boundary go to the lower index (Q = (1, 1, 1, 0) with k = 2 keeps actions 0
 *       and 1); at T = 0 that also decides which of more than k tied maxima stay.</li>
 *   <li><b>top-p</b>, nucleus sampling ({@code topP} in (0, 1]; 1 changes nothing): the smallest
 *       prefix N of the ranking whose probabilities (after top-k) sum to at least p, renormalised:
 *       p(a) = p_k(a) / sum_{b in N} p_k(b) for a in N, 0 elsewhere. The running sum is compared
 *       as sum &gt;= p - 1e-12, so a prefix whose exact sum is p is not lost to rounding (uniform
 *       over 10 actions with p = 0.8 keeps 8); the first action is always kept.</li>
 *   <li><b>floor</b> ({@code floor} in [0, 1/K]): every action keeps at least the floor,
 *       p'(a) = floor + (1 - K * floor) * p(a), a mixture with the uniform distribution of weight
 *       K * floor (the gamma/K mixing of Exp3); floor = 1/K is uniform. Applied after the
 *       truncations, so an action cut by top-k or top-p gets exactly the floor. (Vowpal Wabbit's
 *       softmax explorer with {@code --epsilon} guarantees the same kind of minimum differently:
 *       its {@code enforce_minimum_probability} raises the actions below epsilon/K to epsilon/K
 *       and scales the others down; the linear mixture here is chosen because it keeps the
 *       ranking and gives a closed form a user can check by hand.)</li>
 * </ol>
 * Example, Q = (2, 1, 0.1) at T = 1 (softmax 0.659001, 0.242433, 0.098566): top-k 2 gives
 * (0.731059, 0.268941, 0); top-p 0.8 gives the same; floor 0.05 gives
 * 0.05 + 0.85 * (0.659001, 0.242433, 0.098566) = (0.610151, 0.256068, 0.133781).
 *
 * <p>Random numbers: exactly one u = {@code rng.nextDouble()} per step, whatever T_t (also at
 * T = 0 and with a single maximum), turned into an action by inversion of the cumulative final
 * weights ({@link Softmax#sample(double[], int, double, double, double[])} without options,
 * {@link Softmax#sampleWeights(double[], int, double)} with them). This is the numpy peer's rule
 * set (NOTES.md rules 4 and 5): fed the peer's u values, this policy without options reproduces
 * its golden traces action for action. Without options the draw goes through a per-run
 * {@link kelvin.agents.softmax.SoftmaxSampler}, which returns exactly the action of
 * {@link Softmax#sample} but recomputes only the weights that changed (one per step for an
 * action-value learner, which names the updated arm through
 * {@link PolicyRun#select(double[], long, int)}; all K when T changes), with a certificate that
 * hands draws near a boundary to the plain path. Nothing is allocated per step: the ranking and
 * weight buffers are allocated in {@link #start(int, UniformRandomProvider)}; the ranking is a
 * heap, so top-k costs O(K + k log K) per step.
 *
 * <p>References: R. S. Sutton and A. G. Barto, <i>Reinforcement Learning: An Introduction</i>, MIT
 * Press, 1st ed., 1998, section 2.3 "Softmax Action Selection"; J. S. Bridle, "Training stochastic model
 * recognition algorithms as networks can lead to maximum mutual information estimation of
 * parameters", <i>NIPS 2</i>, 1990, 211-217; N. Cesa-Bianchi, C. Gentile, G. Lugosi and G. Neu,
 * "Boltzmann exploration done right", <i>NIPS 30</i>, 2017 (why fixed and naively annealed
 * temperatures can fail); A. Holtzman, J. Buys, L. Du, M. Forbes and Y. Choi, "The curious case of
 * neural text degeneration", <i>ICLR</i>, 2020 (top-p, nucleus sampling); Vowpal Wabbit's
 * softmax explorer with epsilon ({@code cb_explore_adf --softmax --epsilon}: a minimum probability
 * per action); P. Auer, N. Cesa-Bianchi, Y. Freund and R. E. Schapire, "The nonstochastic
 * multiarmed bandit problem", <i>SIAM J. Comput.</i> 32(1), 2002 (Exp3's mixture with the
 * uniform distribution).
 */
public final class Boltzmann implements Policy {

    /** The top-k value that keeps every action (no truncation). */
    public static final int NO_TOP_K = Integer.MAX_VALUE;
    /** Tolerance of the top-p comparison: the prefix sum must reach p - TOP_P_TOLERANCE. */
    static final double TOP_P_TOLERANCE = 1e-12;

    private final Schedule temperature;
    private final int topK;
    private final double topP;
    private final double floor;

    private Boltzmann(Schedule temperature, int topK, double topP, double floor) {
        this.temperature = temperature;
        this.topK = topK;
        this.topP = topP;
        this.floor = floor;
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
        return new Boltzmann(Fixed.of(temperature), NO_TOP_K, 1.0, 0.0);
    }

    /**
     * Boltzmann exploration at a fixed inverse temperature beta = 1/T.
     *
     * @param beta the inverse temperature, in [0, +infinity] (0 = uniform, +infinity = greedy)
     * @return the policy
     * @throws IllegalArgumentException if {@code beta} is negative or NaN
     */
    public static Boltzmann ofBeta(double beta) {
        return new Boltzmann(Fixed.ofBeta(beta), NO_TOP_K, 1.0, 0.0);
    }

    /**
     * Boltzmann exploration with a temperature schedule.
     *
     * @param temperature the schedule of T_t (values in [0, +infinity])
     * @return the policy
     * @throws NullPointerException if {@code temperature} is null
     */
    public static Boltzmann of(Schedule temperature) {
        return new Boltzmann(Objects.requireNonNull(temperature, "temperature"), NO_TOP_K, 1.0, 0.0);
    }

    /**
     * Boltzmann exploration with a temperature schedule and the options of the class comment
     * (top-k, then top-p, then floor).
     *
     * @param temperature the schedule of T_t (values in [0, +infinity])
     * @param topK keep the k highest action values, at least 1 ({@link #NO_TOP_K}, or any k &gt;= K,
     *     keeps all)
     * @param topP the nucleus mass, in (0, 1] (1 keeps all)
     * @param floor the minimum probability per action, in [0, 1] here and at most 1/K when a run
     *     starts (0 = none)
     * @return the policy
     * @throws IllegalArgumentException if an option is out of range or NaN
     * @throws NullPointerException if {@code temperature} is null
     */
    public static Boltzmann of(Schedule temperature, int topK, double topP, double floor) {
        return new Boltzmann(Objects.requireNonNull(temperature, "temperature"), checkTopK(topK), checkTopP(topP),
            checkFloor(floor));
    }

    /**
     * The same policy keeping only the {@code topK} highest action values.
     *
     * @param topK at least 1; {@link #NO_TOP_K} (or any k &gt;= K) keeps all
     * @return the policy
     * @throws IllegalArgumentException if {@code topK < 1}
     */
    public Boltzmann withTopK(int topK) {
        return new Boltzmann(temperature, checkTopK(topK), topP, floor);
    }

    /**
     * The same policy with nucleus (top-p) truncation.
     *
     * @param topP the nucleus mass, in (0, 1]; 1 keeps all
     * @return the policy
     * @throws IllegalArgumentException if {@code topP} is not in (0, 1]
     */
    public Boltzmann withTopP(double topP) {
        return new Boltzmann(temperature, topK, checkTopP(topP), floor);
    }

    /**
     * The same policy with a minimum probability per action.
     *
     * @param floor in [0, 1], and at most 1/K when a run starts; 0 = none
     * @return the policy
     * @throws IllegalArgumentException if {@code floor} is not in [0, 1]
     */
    public Boltzmann withFloor(double floor) {
        return new Boltzmann(temperature, topK, topP, checkFloor(floor));
    }

    private static int checkTopK(int topK) {
        if (topK < 1) {
            throw new IllegalArgumentException("top-k is not at least 1: " + topK);
        }
        return topK;
    }

    private static double checkTopP(double topP) {
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p is not in (0, 1]: " + topP);
        }
        return topP;
    }

    private static double checkFloor(double floor) {
        if (!(floor >= 0 && floor <= 1)) {
            throw new IllegalArgumentException("floor is not in [0, 1/K]: " + floor);
        }
        return floor;
    }

    /**
     * The temperature schedule.
     *
     * @return the schedule of T_t, not null
     */
    public Schedule temperature() {
        return temperature;
    }

    /**
     * The top-k option: how many of the highest-ranked actions can be chosen.
     *
     * @return k, at least 1; {@link #NO_TOP_K} when unset
     */
    public int topK() {
        return topK;
    }

    /**
     * The top-p option: the probability mass the kept prefix of the ranking must reach.
     *
     * @return p, in (0, 1]; 1 when unset
     */
    public double topP() {
        return topP;
    }

    /**
     * The probability floor: every action gets at least this probability.
     *
     * @return the floor, in [0, 1]; 0 when unset
     */
    public double floor() {
        return floor;
    }

    /**
     * Whether an option changes the plain softmax for this number of actions: a top-k below it, a
     * top-p below 1 or a floor above 0. Without one, {@code select} samples softmax(Q / T) itself.
     *
     * @param arms the number of actions K
     * @return true when top-k, top-p or the floor applies for K actions
     */
    public boolean reshapes(int arms) {
        return cuts(arms) || floor > 0;
    }

    /** Whether top-k or top-p truncates the ranking for K actions. */
    private boolean cuts(int arms) {
        return topK < arms || topP < 1;
    }

    /** {@inheritDoc} Here: what the temperature schedule's index counts. */
    @Override
    public Schedule.Per per() {
        return temperature.per();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code arms < 1}, the floor is above 1/K, or the schedule
     *     does not fit K actions (an entropy target above ln K)
     * @throws NullPointerException if {@code rng} is null
     */
    @Override
    public PolicyRun start(int arms, UniformRandomProvider rng) {
        Argmax.checkArms(arms);
        Objects.requireNonNull(rng, "rng");
        if (floor > 1.0 / arms && floor * arms > 1) { // 1.0 / K itself is accepted whatever its rounding
            throw new IllegalArgumentException("floor is not in [0, 1/K] = [0, " + 1.0 / arms + "] for K = " + arms
                + " arms: " + floor);
        }
        return new Run(this, arms, rng, temperature.newRun(arms));
    }

    @Override
    public String toString() {
        return "boltzmann(temperature=" + temperature + (topK != NO_TOP_K ? ", top-k=" + topK : "")
            + (topP < 1 ? ", top-p=" + topP : "") + (floor > 0 ? ", floor=" + floor : "") + ")";
    }

    /** Boltzmann per run: the stream, the schedule's state and the weight and ranking buffers. */
    private static final class Run implements PolicyRun {
        private final int k;
        private final UniformRandomProvider rng;
        private final ScheduleRun schedule;
        private final double[] scratch;
        /** Whether an option changes the plain softmax for this K. */
        private final boolean shaped;
        private final int topK;
        private final double topP;
        private final double floor;
        /** 1 - K * floor, at least 0. */
        private final double spread;
        /** The ranking heap; null when neither top-k nor top-p applies. */
        private final int[] order;
        /** Samples the plain softmax (no option) with the same actions as Softmax.sample, faster. */
        private final SoftmaxSampler sampler;
        /** Whether the schedule is {@link Fixed}: its value is then read once, here. */
        private final boolean fixed;
        /** The fixed temperature, when {@link #fixed}. */
        private final double fixedTemperature;

        Run(Boltzmann policy, int k, UniformRandomProvider rng, ScheduleRun schedule) {
            this.k = k;
            this.rng = rng;
            this.schedule = schedule;
            this.scratch = new double[k];
            this.topK = Math.min(policy.topK, k);
            this.topP = policy.topP;
            this.floor = policy.floor;
            this.spread = Math.max(0.0, 1 - k * floor);
            this.order = policy.cuts(k) ? new int[k] : null;
            this.shaped = policy.reshapes(k);
            this.sampler = shaped ? null : SoftmaxSampler.of(k);
            this.fixed = policy.temperature instanceof Fixed;
            this.fixedTemperature = fixed ? ((Fixed) policy.temperature).value() : Double.NaN;
        }

        @Override
        public int select(double[] q, long t) {
            return select(q, t, UNKNOWN);
        }

        /**
         * {@inheritDoc}
         *
         * <p>Without options, the draw goes through a {@link SoftmaxSampler}, which returns exactly the
         * action of {@link Softmax#sample} but mostly without recomputing all K weights.
         */
        @Override
        public int select(double[] q, long t, int changed) {
            // a fixed schedule's value was checked when it was made; a negative t still goes to the schedule,
            // which rejects it
            double temp = fixed && t >= 0 ? fixedTemperature : schedule.temperature(t);
            if (!shaped) {
                double u = rng.nextDouble();
                return changed == UNKNOWN ? sampler.sample(q, temp, u) : sampler.sample(q, temp, u, changed);
            }
            double u = rng.nextDouble();
            shape(q, temp);
            return Softmax.sampleWeights(scratch, k, u);
        }

        @Override
        public double entropy(double[] q, long t) {
            double temp = schedule.temperature(t);
            if (!shaped) {
                return Softmax.entropy(q, k, temp);
            }
            return Softmax.entropyOfWeights(scratch, k, shape(q, temp));
        }

        @Override
        public double temperature(long t) {
            return schedule.temperature(t);
        }

        @Override
        public void distribution(double[] q, long t, double[] out) {
            double temp = schedule.temperature(t);
            if (!shaped) {
                Softmax.probabilities(q, k, temp, out);
                return;
            }
            Argmax.checkOut(out, k);
            double total = shape(q, temp); // into scratch, so out may be q
            for (int i = 0; i < k; i++) {
                out[i] = scratch[i] / total;
            }
        }

        @Override
        public void observe(double reward, double entropy) {
            if (!fixed) { // a fixed schedule ignores feedback
                schedule.observe(reward, entropy);
            }
        }

        @Override
        public boolean needsEntropy() {
            return schedule.needsEntropy();
        }

        /**
         * Writes the final unnormalised weights (top-k, then top-p, then floor) into scratch and
         * returns their left-to-right sum.
         */
        private double shape(double[] q, double temp) {
            double[] w = scratch;
            double total = Softmax.weights(q, k, temp, w); // checks k, q and temp
            if (order != null) {
                total = truncate(q, w, total);
            }
            if (floor > 0) {
                double sum = 0;
                for (int i = 0; i < k; i++) {
                    double wi = floor + spread * (w[i] / total);
                    w[i] = wi;
                    sum += wi;
                }
                total = sum;
            }
            return total;
        }

        /**
         * Zeroes the weights outside the top-k and then the nucleus; returns the sum of the kept
         * weights. The heap holds the unranked actions in order[0, size); the j-th ranked action
         * is popped to order[k - 1 - j].
         */
        private double truncate(double[] q, double[] w, double total) {
            int[] o = order;
            for (int i = 0; i < k; i++) {
                o[i] = i;
            }
            for (int i = k / 2 - 1; i >= 0; i--) {
                siftDown(q, o, i, k);
            }
            int size = k;
            double keptTotal = total;
            if (topK < k) {
                for (int j = 0; j < topK; j++) {
                    size = pop(q, o, size);
                }
                keptTotal = 0;
                for (int j = 0; j < topK; j++) {
                    keptTotal += w[o[k - 1 - j]];
                }
            }
            int kept = topK;
            if (topP < 1) {
                double mass = 0;
                int n = 0;
                while (n < topK) {
                    if (k - size == n) {
                        size = pop(q, o, size);
                    }
                    mass += w[o[k - 1 - n]] / keptTotal;
                    n++;
                    if (mass >= topP - TOP_P_TOLERANCE) {
                        break;
                    }
                }
                kept = n;
            }
            for (int j = 0; j < k - kept; j++) { // the heap and anything popped beyond the kept prefix
                w[o[j]] = 0;
            }
            double sum = 0;
            for (int i = 0; i < k; i++) {
                sum += w[i];
            }
            return sum;
        }

        /** Whether action a ranks before action b: higher value, ties to the lower index. */
        private static boolean before(double[] q, int a, int b) {
            return q[a] > q[b] || (q[a] == q[b] && a < b);
        }

        private static void siftDown(double[] q, int[] o, int i, int size) {
            int x = o[i];
            while (true) {
                int c = 2 * i + 1;
                if (c >= size) {
                    break;
                }
                if (c + 1 < size && before(q, o[c + 1], o[c])) {
                    c++;
                }
                if (!before(q, o[c], x)) {
                    break;
                }
                o[i] = o[c];
                i = c;
            }
            o[i] = x;
        }

        /** Moves the first-ranked action of the heap to order[size - 1]; returns the new size. */
        private static int pop(double[] q, int[] o, int size) {
            int last = size - 1;
            int top = o[0];
            o[0] = o[last];
            o[last] = top;
            siftDown(q, o, 0, last);
            return last;
        }
    }


    /** The {@code boltzmann} policy of configs. */
    public static final class Declaration extends Component<Policy> {
        /** Declares the keys: temperature, top-k, top-p, floor. */
        public Declaration() {
            super(Kind.POLICY, "boltzmann",
                    "sample from softmax(Q / T_t); optionally over the top-k values only, then the smallest set "
                            + "reaching probability top-p (renormalised), then p' = floor + (1 - K floor) p",
                    "Sutton & Barto (1998), Reinforcement Learning: An Introduction, section 2.3 (softmax)", List.of(
                    Key.required("temperature", new ValueType.NumOrSchedule(ValueType.Num.temperature()),
                            "a number (fixed T) or a schedule"),
                    Key.optional("top-k", new ValueType.Int(1, Integer.MAX_VALUE), "only the k highest action values "
                            + "can be chosen (ties by lower index); absent = all"),
                    Key.optional("top-p", new ValueType.Num(0, true, 1, false, false), 1.0,
                            "nucleus: keep the most probable actions until their probability reaches p"),
                    Key.optional("floor", ValueType.Num.closed(0, 1), 0.0,
                            "minimum probability per action, at most 1/K")));
        }

        @Override
        public Policy create(Settings v) {
            if (v.context().knowsActions() && v.num("floor") > 1.0 / v.context().actions()) {
                throw v.error("floor", v.num("floor") + " is above 1/K = " + (1.0 / v.context().actions())
                        + " for " + v.context().actions() + " actions");
            }
            int topK = v.has("top-k") ? (int) Math.min(Integer.MAX_VALUE, v.integer("top-k")) : NO_TOP_K;
            return of(v.get("temperature", Schedule.class), topK, v.num("top-p"), v.num("floor"));
        }
    }
}
