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
 * The same student's UCB1 with a deliberate mistake for the grading example: the index is
 * Q_a + c sqrt(n / N_a), with n where ln n belongs, so the bonus of a rarely pulled arm keeps
 * growing like sqrt(n) and the agent goes on exploring long after it should have settled.
 * {@code kelvin compare reference/ student/ --equivalent --margin 4se} exits 1 on it and says by
 * how much its regret exceeds the built-in's.
 *
 * <p>Config: {@code {type: student-ucb1, c: 1.4142135623730951}}.
 */
public final class StudentUcb1 implements BanditAgent {

    private final double c;

    private StudentUcb1(double c) {
        this.c = c;
    }

    @Override
    public BanditLearner start(int arms, UniformRandomProvider rng) {
        return new Learner(arms, rng);
    }

    /** One run: the sums of rewards and the pull counts. */
    private final class Learner implements BanditLearner {
        private final int k;
        private final UniformRandomProvider rng;
        private final double[] sums;
        private final long[] pulls;
        private long n;

        Learner(int k, UniformRandomProvider rng) {
            this.k = k;
            this.rng = rng;
            this.sums = new double[k];
            this.pulls = new long[k];
        }

        private double index(int a) {
            return sums[a] / pulls[a] + Math.sqrt(c * c * n / pulls[a]); // the mistake: n where ln n belongs
        }

        @Override
        public int select() {
            for (int a = 0; a < k; a++) {
                if (pulls[a] == 0) {
                    return a;
                }
            }
            int pick = 0;
            int ties = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < k; a++) {
                double u = index(a);
                if (u > best) {
                    best = u;
                    pick = a;
                    ties = 1;
                } else if (u == best && rng.nextInt(++ties) == 0) {
                    pick = a;
                }
            }
            return pick;
        }

        @Override
        public void update(int arm, double reward) {
            pulls[arm]++;
            sums[arm] += reward;
            n++;
        }

        @Override
        public void distribution(double[] out) {
            Arrays.fill(out, 0, k, 0.0);
            for (int a = 0; a < k; a++) {
                if (pulls[a] == 0) {
                    out[a] = 1;
                    return;
                }
            }
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < k; a++) {
                best = Math.max(best, index(a));
            }
            int ties = 0;
            for (int a = 0; a < k; a++) {
                ties += index(a) == best ? 1 : 0;
            }
            for (int a = 0; a < k; a++) {
                out[a] = index(a) == best ? 1.0 / ties : 0;
            }
        }

        @Override
        public double entropy() {
            double[] p = new double[k];
            distribution(p);
            double h = 0;
            for (double x : p) {
                h -= x > 0 ? x * Math.log(x) : 0;
            }
            return h;
        }

        @Override
        public double temperature() {
            return Double.NaN; // UCB1 has no temperature
        }
    }

    /** The config name, keys and factory. */
    public static final class Declaration extends Component<BanditAgent> {
        /** Declares student-ucb1 with the key c. */
        public Declaration() {
            super(Kind.BANDIT_AGENT, "student-ucb1", "a student's UCB1: each arm once, then argmax Q_a + c sqrt(ln n "
                    + "/ N_a), ties uniform", "Auer, Cesa-Bianchi & Fischer (2002), Finite-time analysis of the "
                    + "multiarmed bandit problem, Machine Learning 47", List.of(
                    Key.optional("c", ValueType.Num.scale(), Math.sqrt(2), "exploration weight; sqrt(2) in the "
                            + "paper")));
        }

        @Override
        public BanditAgent create(Settings settings) {
            return new StudentUcb1(settings.num("c"));
        }
    }
}
