package kelvin.agents.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import kelvin.agents.softmax.Mellowmax;
import kelvin.agents.softmax.Softmax;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The maximum-entropy mellowmax policy ({@code mellowmax}): softmax(beta Q) with a beta chosen
 * afresh at every state from the action values, so that the policy's expected value equals
 * mm_omega(Q) (see {@link Mellowmax}), which is at most ln(K) / omega below the best value: omega
 * sets how much value exploring may cost, and each state's temperature 1 / beta follows from it
 * and from how its values are spread (two values that almost tie give beta near omega / 2). Values
 * that all tie give the uniform policy.
 *
 * <p>Random numbers: one {@code rng.nextDouble()} per step, inverted as the Boltzmann policy does
 * ({@link Softmax#sample}). {@link PolicyRun#temperature(long)} is 1 / beta of the last choice (NaN
 * before the first), since beta depends on the values and not on t.
 *
 * <p>Reference: K. Asadi and M. L. Littman, "An alternative softmax operator for reinforcement
 * learning", ICML 2017, section 5.
 */
public final class MellowmaxPolicy implements Policy {

    private final double omega;

    /**
     * The policy for one omega.
     *
     * @param omega w of mm_w, finite and &gt; 0: small is near uniform, large near greedy
     * @throws IllegalArgumentException if omega is not finite and positive
     */
    public MellowmaxPolicy(double omega) {
        this.omega = Mellowmax.checkOmega(omega);
    }

    @Override
    public PolicyRun start(int arms, UniformRandomProvider rng) {
        Argmax.checkArms(arms);
        return new Run(arms, omega, Objects.requireNonNull(rng, "rng"));
    }

    @Override
    public String toString() {
        return "mellowmax(omega=" + omega + ")";
    }

    /**
     * One run: the solver, a weight buffer, the last choice's temperature, and the values the last
     * root was found for, since a learner asks for the entropy or distribution of the values it has
     * just chosen from and one Brent solve per step is enough.
     */
    private static final class Run implements PolicyRun {
        private final int k;
        private final UniformRandomProvider rng;
        private final Mellowmax operator;
        private final double[] scratch;
        private final double[] solvedFor;
        private double solvedTemperature = Double.NaN;
        private double lastTemperature = Double.NaN;

        Run(int k, double omega, UniformRandomProvider rng) {
            this.k = k;
            this.rng = rng;
            this.operator = new Mellowmax(omega);
            this.scratch = new double[k];
            this.solvedFor = new double[k];
        }

        private double temperatureAt(double[] q) {
            if (Double.isNaN(solvedTemperature) || !Arrays.equals(q, 0, k, solvedFor, 0, k)) {
                System.arraycopy(q, 0, solvedFor, 0, k);
                solvedTemperature = Softmax.temperatureOfBeta(operator.beta(q, k));
            }
            return solvedTemperature;
        }

        @Override
        public int select(double[] q, long t) {
            double temperature = temperatureAt(q);
            lastTemperature = temperature;
            return Softmax.sample(q, k, temperature, rng.nextDouble(), scratch);
        }

        @Override
        public double entropy(double[] q, long t) {
            return Softmax.entropy(q, k, temperatureAt(q));
        }

        @Override
        public double temperature(long t) {
            return lastTemperature;
        }

        @Override
        public void distribution(double[] q, long t, double[] out) {
            Argmax.checkOut(out, k);
            Softmax.probabilities(q, k, temperatureAt(q), out);
        }

        @Override
        public void observe(double reward, double entropy) {
            // beta comes from the values alone
        }
    }

    /** The {@code mellowmax} policy of configs. */
    public static final class Declaration extends Component<Policy> {
        /** Declares the key omega. */
        public Declaration() {
            super(Kind.POLICY, "mellowmax", "softmax(beta Q), beta >= 0 solving sum_a exp(beta (Q_a - mm)) (Q_a - mm) "
                    + "= 0 with mm = log(mean_a exp(omega Q_a)) / omega, so the policy's expected value is "
                    + "mellowmax; ties give the uniform policy",
                    "Asadi & Littman (2017), An alternative softmax operator for reinforcement learning, ICML",
                    List.of(Key.required("omega", ValueType.Num.closed(1e-6, 1e6),
                            "w of mellowmax: small is near uniform, large near greedy; the policy's expected "
                            + "value is at most ln(K) / omega below the best")));
        }

        @Override
        public Policy create(Settings v) {
            return new MellowmaxPolicy(v.num("omega"));
        }
    }
}
