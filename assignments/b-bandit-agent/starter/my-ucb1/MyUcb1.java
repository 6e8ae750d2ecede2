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
 * my-ucb1: a bandit agent written as a Kelvin plug-in.
 *
 * <p>As written it is greedy on sample averages: it plays an arm with the largest estimate Q_a
 * (ties uniform), starting from Q_a = initial (optimistic when high, so every arm gets tried) and
 * updating Q_a += (R - Q_a) / N_a. It runs at once; replace the bodies marked TODO with your rule.
 *
 * <p>Config: {@code agents: {mine: {type: my-ucb1, initial: 0}}}.
 */
public final class MyUcb1 implements BanditAgent {

    private final double initial;

    private MyUcb1(double initial) {
        this.initial = initial;
    }

    /**
     * Contract: a fresh learner for one run on K = {@code arms} arms. This object is shared by every
     * run and thread, so all mutable state lives in the learner, and all of its randomness comes from
     * {@code rng}, the run's own stream (never {@code Math.random()} or {@code new Random()}): that
     * keeps results identical for any thread count and after {@code --resume}.
     */
    @Override
    public BanditLearner start(int arms, UniformRandomProvider rng) {
        return new Learner(arms, rng);
    }

    /**
     * One run: the estimates and pull counts. Kelvin calls, every step, select(), then (at recorded
     * steps only) entropy() and temperature(), then update(arm, reward). Allocate nothing per step.
     */
    private final class Learner implements BanditLearner {
        private final int k;
        private final UniformRandomProvider rng;
        private final double[] q;
        private final long[] pulls;
        private final double[] p;

        Learner(int k, UniformRandomProvider rng) {
            this.k = k;
            this.rng = rng;
            this.q = new double[k];
            this.pulls = new long[k];
            this.p = new double[k];
            Arrays.fill(q, initial);
        }

        /** Contract: the arm to pull at this step, in [0, K). */
        @Override
        public int select() {
            // TODO: your rule. As written: an arm with the largest estimate, ties uniform.
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
            throw new IllegalStateException("no greedy arm among " + k);
        }

        /** Contract: learn from the reward of the arm the last select() returned, then move to the next step. */
        @Override
        public void update(int arm, double reward) {
            // TODO: your update. As written: the sample average of the arm's rewards.
            pulls[arm]++;
            q[arm] += (reward - q[arm]) / pulls[arm];
        }

        /**
         * Contract: the probabilities with which select() chooses each arm at the current step,
         * written into out[0..K): finite, non-negative, summing to 1. Draws no random numbers.
         */
        @Override
        public void distribution(double[] out) {
            // TODO: keep this equal to what select does.
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
            for (int a = 0; a < k; a++) {
                out[a] = q[a] == best ? 1.0 / ties : 0;
            }
        }

        /** Contract: the entropy in nats of the distribution that made the last select(), in [0, ln K]. */
        @Override
        public double entropy() {
            distribution(p);
            double h = 0;
            for (int a = 0; a < k; a++) {
                h -= p[a] > 0 ? p[a] * Math.log(p[a]) : 0;
            }
            return h;
        }

        /** Contract: the temperature of the last select(), or NaN when the agent has none (as here). */
        @Override
        public double temperature() {
            return Double.NaN;
        }
    }

    /**
     * What a config may write: the name, a one-line summary, the source it follows, its keys (type,
     * default, what it means) and how to build it from checked settings. Kelvin validates every value
     * against its key's type before {@link #create} runs.
     */
    public static final class Declaration extends Component<BanditAgent> {
        /** Declares my-ucb1 with the key initial. */
        public Declaration() {
            super(Kind.BANDIT_AGENT, "my-ucb1", "greedy on sample averages (TODO: your rule)", "", List.of(
                    Key.optional("initial", ValueType.Num.magnitude(), 0.0, "initial estimate of every arm")));
        }

        @Override
        public BanditAgent create(Settings settings) {
            return new MyUcb1(settings.num("initial"));
        }
    }
}
