import java.util.Arrays;
import java.util.List;
import kelvin.agents.bandit.BanditAgent;
import kelvin.agents.bandit.BanditLearner;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A bandit agent written from scratch as a plug-in: the epsilon_n-greedy rule of Auer, Cesa-Bianchi
 * &amp; Fischer (2002, "Finite-time analysis of the multiarmed bandit problem", Machine Learning 47,
 * section 3). At step n = 1, 2, ... it explores with probability
 * <pre>
 *   epsilon_n = min(1, c K / (d^2 n))
 * </pre>
 * (an arm uniform over all K), otherwise it plays an arm with the largest sample mean (ties uniform).
 * d is a lower bound on the gap between the best and the second-best mean; the paper shows a regret
 * logarithmic in n when c &gt; 5 and d is below the gap.
 *
 * <p>Random numbers: every step one uniform u of the run's stream (explore when u &lt; epsilon_n),
 * then one {@code nextInt(K)} when exploring, or one {@code nextInt(ties)} when several arms are
 * greedy. All of them come from the stream Kelvin hands to {@link #start}, so results are the same
 * for any thread count and after {@code --resume}.
 *
 * <p>Config: {@code {type: decaying-epsilon, c: 5, d: 0.5}}.
 */
public final class DecayingEpsilonGreedy implements BanditAgent {

    private final double c;
    private final double d;

    private DecayingEpsilonGreedy(double c, double d) {
        this.c = c;
        this.d = d;
    }

    @Override
    public BanditLearner start(int arms, UniformRandomProvider rng) {
        return new Learner(arms, rng);
    }

    /** One run: the sample means, the pull counts and the step counter. */
    private final class Learner implements BanditLearner {
        private final int k;
        private final UniformRandomProvider rng;
        private final double[] q;
        private final long[] pulls;
        private long n = 1;

        Learner(int k, UniformRandomProvider rng) {
            this.k = k;
            this.rng = rng;
            this.q = new double[k];
            this.pulls = new long[k];
        }

        private double epsilon() {
            return Math.min(1.0, c * k / (d * d * n));
        }

        @Override
        public int select() {
            if (rng.nextDouble() < epsilon()) {
                return rng.nextInt(k);
            }
            int ties = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < k; a++) {
                if (q[a] > best) {
                    best = q[a];
                    ties = 1;
                } else if (q[a] == best) {
                    ties++;
                }
            }
            int pick = ties == 1 ? 0 : rng.nextInt(ties);
            for (int a = 0; a < k; a++) {
                if (q[a] == best && pick-- == 0) {
                    return a;
                }
            }
            throw new IllegalStateException("no greedy arm");
        }

        @Override
        public void update(int arm, double reward) {
            pulls[arm]++;
            q[arm] += (reward - q[arm]) / pulls[arm];
            n++;
        }

        @Override
        public void distribution(double[] out) {
            double eps = epsilon();
            double best = Double.NEGATIVE_INFINITY;
            int ties = 0;
            for (int a = 0; a < k; a++) {
                if (q[a] > best) {
                    best = q[a];
                    ties = 1;
                } else if (q[a] == best) {
                    ties++;
                }
            }
            Arrays.fill(out, 0, k, eps / k);
            for (int a = 0; a < k; a++) {
                if (q[a] == best) {
                    out[a] += (1 - eps) / ties;
                }
            }
        }

        @Override
        public double entropy() {
            double[] p = new double[k]; // only at checkpoints, not per step
            distribution(p);
            double h = 0;
            for (double x : p) {
                h -= x > 0 ? x * Math.log(x) : 0;
            }
            return h;
        }

        @Override
        public double temperature() {
            return Double.NaN; // epsilon-greedy has no temperature
        }
    }

    /** The config name, keys and factory. */
    public static final class Declaration extends Component<BanditAgent> {
        /** Declares decaying-epsilon with the keys c and d. */
        public Declaration() {
            super(Kind.BANDIT_AGENT, "decaying-epsilon",
                    "epsilon_n-greedy: explore with probability min(1, c K / (d^2 n)) at step n, else greedy",
                    "Auer, Cesa-Bianchi & Fischer (2002), Finite-time analysis of the multiarmed bandit problem, "
                            + "Machine Learning 47", List.of(
                    Key.optional("c", ValueType.Num.positive(), 5.0, "exploration constant (the paper: c > 5)"),
                    Key.optional("d", new ValueType.Num(0, true, 1, false, false), 0.5,
                            "assumed gap between the best and second-best mean, in (0, 1]")));
        }

        @Override
        public BanditAgent create(Settings settings) {
            return new DecayingEpsilonGreedy(settings.num("c"), settings.num("d"));
        }
    }
}
