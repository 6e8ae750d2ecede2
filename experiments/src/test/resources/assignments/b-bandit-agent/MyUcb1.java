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
 * my-ucb1, the reference solution of assignment (b): UCB1 (Auer, Cesa-Bianchi &amp; Fischer 2002)
 * from scratch. Each arm once, in index order; then an arm with the largest index
 * Q_a + c sqrt(ln n / N_a), n the pulls so far, Q_a the mean of arm a's N_a rewards, ties uniform.
 *
 * <p>Config: {@code agents: {mine: {type: my-ucb1, c: 1.4142135623730951}}}.
 */
public final class MyUcb1 implements BanditAgent {

    private final double c;

    private MyUcb1(double c) {
        this.c = c;
    }

    @Override
    public BanditLearner start(int arms, UniformRandomProvider rng) {
        return new Learner(arms, rng);
    }

    /** One run: the means, the pull counts and the total pulls. */
    private final class Learner implements BanditLearner {
        private final int k;
        private final UniformRandomProvider rng;
        private final double[] q;
        private final long[] pulls;
        private final double[] p;
        private long n;

        Learner(int k, UniformRandomProvider rng) {
            this.k = k;
            this.rng = rng;
            this.q = new double[k];
            this.pulls = new long[k];
            this.p = new double[k];
        }

        private double index(int a) {
            return q[a] + c * Math.sqrt(Math.log(n) / pulls[a]);
        }

        /** The first arm not yet pulled, or -1 once every arm has been. */
        private int untried() {
            for (int a = 0; a < k; a++) {
                if (pulls[a] == 0) {
                    return a;
                }
            }
            return -1;
        }

        @Override
        public int select() {
            int first = untried();
            if (first >= 0) {
                return first;
            }
            double best = Double.NEGATIVE_INFINITY;
            int ties = 0;
            for (int a = 0; a < k; a++) {
                double u = index(a);
                if (u > best) {
                    best = u;
                    ties = 1;
                } else if (u == best) {
                    ties++;
                }
            }
            int pick = ties == 1 ? 0 : rng.nextInt(ties);
            for (int a = 0; a < k; a++) {
                if (index(a) == best && pick-- == 0) {
                    return a;
                }
            }
            throw new IllegalStateException("no arm with the largest index among " + k);
        }

        @Override
        public void update(int arm, double reward) {
            pulls[arm]++;
            n++;
            q[arm] += (reward - q[arm]) / pulls[arm];
        }

        @Override
        public void distribution(double[] out) {
            Arrays.fill(out, 0, k, 0.0);
            int first = untried();
            if (first >= 0) {
                out[first] = 1;
                return;
            }
            double best = Double.NEGATIVE_INFINITY;
            int ties = 0;
            for (int a = 0; a < k; a++) {
                double u = index(a);
                if (u > best) {
                    best = u;
                    ties = 1;
                } else if (u == best) {
                    ties++;
                }
            }
            for (int a = 0; a < k; a++) {
                out[a] = index(a) == best ? 1.0 / ties : 0;
            }
        }

        @Override
        public double entropy() {
            distribution(p);
            double h = 0;
            for (int a = 0; a < k; a++) {
                h -= p[a] > 0 ? p[a] * Math.log(p[a]) : 0;
            }
            return h;
        }

        @Override
        public double temperature() {
            return Double.NaN;
        }
    }

    /** The config name, keys and factory. */
    public static final class Declaration extends Component<BanditAgent> {
        /** Declares my-ucb1 with the key c. */
        public Declaration() {
            super(Kind.BANDIT_AGENT, "my-ucb1", "UCB1: each arm once, then argmax Q_a + c sqrt(ln n / N_a)",
                    "Auer, Cesa-Bianchi & Fischer (2002), Finite-time analysis of the multiarmed bandit problem, "
                            + "Machine Learning 47", List.of(
                    Key.optional("c", ValueType.Num.scale(), Math.sqrt(2), "exploration weight; sqrt(2) in the "
                            + "paper")));
        }

        @Override
        public BanditAgent create(Settings settings) {
            return new MyUcb1(settings.num("c"));
        }
    }
}
