package kelvin.agents.policy;

import java.util.List;
import java.util.Objects;
import kelvin.api.Component;
import kelvin.api.Kind;
import kelvin.api.Settings;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The greedy policy ({@code greedy}): A_t = argmax_a Q_t(a), ties broken uniformly at random.
 *
 * <p>Probabilities: 1 / n on each of the n maximal actions, 0 elsewhere; entropy ln n.
 * Random numbers: one {@code rng.nextInt(n)} per step when n &gt; 1, none when the maximum is
 * unique. It has no temperature ({@link PolicyRun#temperature(long)} is NaN); the Boltzmann policy
 * at T = 0 chooses with the same probabilities but always draws one uniform.
 *
 * <p>Reference: R. S. Sutton and A. G. Barto, <i>Reinforcement Learning: An Introduction</i>, 2nd
 * ed., MIT Press, 2018, section 2.2, eq. 2.2 (greedy action selection, ties broken arbitrarily,
 * "e.g., randomly").
 */
public final class Greedy implements Policy {

    private static final Greedy INSTANCE = new Greedy();

    private Greedy() {
    }

    /**
     * The greedy policy (it has no parameters).
     *
     * @return the policy
     */
    public static Greedy of() {
        return INSTANCE;
    }

    @Override
    public PolicyRun start(int arms, UniformRandomProvider rng) {
        Argmax.checkArms(arms);
        return new Run(arms, Objects.requireNonNull(rng, "rng"));
    }

    @Override
    public String toString() {
        return "greedy";
    }

    /** Greedy per run: only the stream. */
    private static final class Run implements PolicyRun {
        private final int k;
        private final UniformRandomProvider rng;

        Run(int k, UniformRandomProvider rng) {
            this.k = k;
            this.rng = rng;
        }

        @Override
        public int select(double[] q, long t) {
            return Argmax.select(q, k, rng);
        }

        @Override
        public double entropy(double[] q, long t) {
            return Math.log(Argmax.count(q, k, Argmax.max(q, k)));
        }

        @Override
        public double temperature(long t) {
            return Double.NaN;
        }

        @Override
        public void distribution(double[] q, long t, double[] out) {
            Argmax.checkOut(out, k);
            double m = Argmax.max(q, k);
            double p = 1.0 / Argmax.count(q, k, m);
            for (int i = 0; i < k; i++) {
                out[i] = q[i] == m ? p : 0.0;
            }
        }

        @Override
        public void observe(double reward, double entropy) {
            // no schedule
        }
    }


    /** The {@code greedy} policy of configs. */
    public static final class Declaration extends Component<Policy> {
        /** Declares no keys. */
        public Declaration() {
            super(Kind.POLICY, "greedy", "argmax Q, ties broken uniformly at random",
                    "Sutton & Barto (2018), Reinforcement Learning: An Introduction, 2nd ed., section 2.2", List.of());
        }

        @Override
        public Policy create(Settings v) {
            return of();
        }
    }
}
