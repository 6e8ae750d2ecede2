package kelvin.agents.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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
 * VDBE-Softmax ({@code vdbe-softmax}): in state s, with probability eps(s) an action drawn from
 * softmax(Q(s, .) / T_t), otherwise a greedy action (ties broken uniformly). Each state's
 * exploration rate eps(s) follows the size of the learner's value changes there: large TD errors
 * keep s exploratory, converged values make it greedy.
 *
 * <h2>Exploration rate</h2>
 * eps(s) starts at {@code initial} (1 in the paper). After each update of Q(s, a) by
 * Delta = Q_new(s, a) - Q_old(s, a) (alpha times the TD error):
 * <pre>
 *   f     = (1 - exp(-|Delta| / sigma)) / (1 + exp(-|Delta| / sigma))   in [0, 1)
 *   eps(s) = delta * f + (1 - delta) * eps(s)
 * </pre>
 * sigma &gt; 0 is the inverse sensitivity (a change of sigma gives f = 0.462) and delta in (0, 1]
 * the weight of one update, by default 1/K as the papers suggest. Only the state whose value
 * changed moves. On a bandit (one state) eps is one number.
 *
 * <h2>Probabilities</h2>
 * With n maximal actions and softmax probabilities b(a) at temperature T_t:
 * <pre>
 *   p(a) = eps(s) b(a) + (1 - eps(s)) / n   for a maximal action
 *   p(a) = eps(s) b(a)                      otherwise
 * </pre>
 * The entropy and distribution metrics describe this mixture; the temperature metric is T_t.
 *
 * <p>Random numbers per step: u = {@code rng.nextDouble()}; if u &lt; eps(s), one more
 * {@code rng.nextDouble()} inverted as the Boltzmann policy does ({@link Softmax#sample});
 * otherwise {@code rng.nextInt(n)} only if n &gt; 1.
 *
 * <p>References: M. Tokic and G. Palm, "Value-difference based exploration: adaptive control
 * between epsilon-greedy and softmax", KI 2011, LNAI 7006, 335-346 (VDBE-Softmax, Algorithm 2);
 * M. Tokic, "Adaptive epsilon-greedy exploration in reinforcement learning based on value
 * differences", KI 2010, LNAI 6359, 203-210 (the function f and delta = 1/|A(s)|).
 */
public final class VdbeSoftmax implements Policy {

    /** Marks delta as 1/K, known once a run starts. */
    private static final double ONE_OVER_K = Double.NaN;

    private final Schedule temperature;
    private final double sigma;
    private final double delta;
    private final double initial;

    private VdbeSoftmax(Schedule temperature, double sigma, double delta, double initial) {
        this.temperature = temperature;
        this.sigma = sigma;
        this.delta = delta;
        this.initial = initial;
    }

    /**
     * VDBE-Softmax with delta = 1/K and every state starting at eps = 1, as in the paper.
     *
     * @param temperature the softmax temperature schedule T_t
     * @param sigma the inverse sensitivity, finite and &gt; 0
     * @return the policy
     * @throws IllegalArgumentException if sigma is not finite and positive
     * @throws NullPointerException if {@code temperature} is null
     */
    public static VdbeSoftmax of(Schedule temperature, double sigma) {
        return of(temperature, sigma, ONE_OVER_K, 1.0);
    }

    /**
     * VDBE-Softmax with every parameter given.
     *
     * @param temperature the softmax temperature schedule T_t
     * @param sigma the inverse sensitivity, finite and &gt; 0
     * @param delta the weight of one update in (0, 1], or NaN for 1/K
     * @param initial eps(s) before the first update of s, in [0, 1]
     * @return the policy
     * @throws IllegalArgumentException on a parameter out of range
     * @throws NullPointerException if {@code temperature} is null
     */
    public static VdbeSoftmax of(Schedule temperature, double sigma, double delta, double initial) {
        Objects.requireNonNull(temperature, "temperature");
        if (!(sigma > 0 && sigma < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("sigma is not finite and > 0: " + sigma);
        }
        if (!Double.isNaN(delta) && !(delta > 0 && delta <= 1)) {
            throw new IllegalArgumentException("delta is not in (0, 1]: " + delta);
        }
        if (!(initial >= 0 && initial <= 1)) {
            throw new IllegalArgumentException("initial is not in [0, 1]: " + initial);
        }
        return new VdbeSoftmax(temperature, sigma, delta, initial);
    }

    /**
     * The exploration-rate update of one state: delta f + (1 - delta) eps with f of the change.
     *
     * @param epsilon eps(s) before the update
     * @param change the value change Delta
     * @param sigma the inverse sensitivity
     * @param delta the weight of the update
     * @return eps(s) after the update
     */
    public static double nextEpsilon(double epsilon, double change, double sigma, double delta) {
        double x = Math.exp(-Math.abs(change) / sigma);
        double f = (1 - x) / (1 + x);
        return delta * f + (1 - delta) * epsilon;
    }

    /** {@inheritDoc} Here: what the temperature schedule's index counts. */
    @Override
    public Schedule.Per per() {
        return temperature.per();
    }

    @Override
    public PolicyRun start(int arms, UniformRandomProvider rng) {
        return start(arms, 1, rng);
    }

    @Override
    public PolicyRun start(int arms, int states, UniformRandomProvider rng) {
        Argmax.checkArms(arms);
        if (states < 1) {
            throw new IllegalArgumentException("states is not at least 1: " + states);
        }
        return new Run(this, arms, states, Objects.requireNonNull(rng, "rng"));
    }

    @Override
    public String toString() {
        return "vdbe-softmax(temperature=" + temperature + ", sigma=" + sigma
            + (Double.isNaN(delta) ? "" : ", delta=" + delta) + (initial == 1 ? "" : ", initial=" + initial) + ")";
    }

    /** One run: eps per state, the current state, the temperature schedule's state and a buffer. */
    private static final class Run implements PolicyRun {
        private final int k;
        private final UniformRandomProvider rng;
        private final ScheduleRun schedule;
        private final double sigma;
        private final double delta;
        private final double[] epsilon;
        private final double[] scratch;
        private int state;

        Run(VdbeSoftmax policy, int k, int states, UniformRandomProvider rng) {
            this.k = k;
            this.rng = rng;
            this.schedule = policy.temperature.newRun(k);
            this.sigma = policy.sigma;
            this.delta = Double.isNaN(policy.delta) ? 1.0 / k : policy.delta;
            this.epsilon = new double[states];
            Arrays.fill(epsilon, policy.initial);
            this.scratch = new double[k];
        }

        @Override
        public int select(double[] q, long t) {
            double temp = schedule.temperature(t);
            if (rng.nextDouble() < epsilon[state]) {
                return Softmax.sample(q, k, temp, rng.nextDouble(), scratch);
            }
            return Argmax.select(q, k, rng);
        }

        @Override
        public double entropy(double[] q, long t) {
            mixture(q, t, scratch);
            return Softmax.entropyOfWeights(scratch, k, 1.0);
        }

        @Override
        public double temperature(long t) {
            return schedule.temperature(t);
        }

        @Override
        public void distribution(double[] q, long t, double[] out) {
            Argmax.checkOut(out, k);
            mixture(q, t, out);
        }

        /** Writes the mixture's probabilities; out may not be q. */
        private void mixture(double[] q, long t, double[] out) {
            double eps = epsilon[state];
            double m = Argmax.max(q, k);
            int n = Argmax.count(q, k, m);
            // q is read for the maximum first: Softmax.probabilities reads q again, and out is a buffer of ours
            // or the caller's, never q
            Softmax.probabilities(q, k, schedule.temperature(t), out);
            double greedy = (1 - eps) / n;
            for (int i = 0; i < k; i++) {
                out[i] = eps * out[i] + (q[i] == m ? greedy : 0.0);
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

        @Override
        public boolean perState() {
            return true;
        }

        @Override
        public void inState(int s) {
            if (s < 0 || s >= epsilon.length) {
                throw new IndexOutOfBoundsException("state " + s + " is not in [0, " + epsilon.length + ")");
            }
            state = s;
        }

        @Override
        public void valueChanged(int s, double change) {
            epsilon[s] = nextEpsilon(epsilon[s], change, sigma, delta);
        }
    }

    /** The {@code vdbe-softmax} policy of configs. */
    public static final class Declaration extends Component<Policy> {
        /** Declares the keys: temperature, sigma, delta, initial. */
        public Declaration() {
            super(Kind.POLICY, "vdbe-softmax", "with probability eps(s) softmax(Q / T_t), else greedy; after each "
                    + "update of Q(s,a) by d, eps(s) = delta f + (1 - delta) eps(s), f = (1 - exp(-|d|/sigma)) / "
                    + "(1 + exp(-|d|/sigma))",
                    "Tokic & Palm (2011), Value-difference based exploration: adaptive control between epsilon-greedy "
                    + "and softmax, KI 2011", List.of(
                    Key.required("temperature", new ValueType.NumOrSchedule(ValueType.Num.temperature()),
                            "the softmax's temperature T_t: a number or a schedule"),
                    Key.required("sigma", new ValueType.Num(0, true, ValueType.Num.MAX_MAGNITUDE, false, false),
                            "inverse sensitivity, in reward units: a value change of sigma gives f = 0.46"),
                    Key.optional("delta", new ValueType.Num(0, true, 1, false, false),
                            "weight of one update in eps(s); default: 1/K"),
                    Key.optional("initial", ValueType.Num.closed(0, 1), 1.0,
                            "eps(s) before the first update of s")));
        }

        /** {@inheritDoc} Refuses a temperature schedule that steers the entropy: the mixture's entropy is not its. */
        @Override
        public Policy create(Settings v) {
            Schedule s = v.get("temperature", Schedule.class);
            if (s.adaptsToEntropy()) {
                throw v.error("temperature", "entropy-target steers a softmax's entropy, but vdbe-softmax mixes the "
                        + "softmax with greedy choices; use another schedule");
            }
            return of(s, v.num("sigma"), v.has("delta") ? v.num("delta") : ONE_OVER_K, v.num("initial"));
        }
    }
}
