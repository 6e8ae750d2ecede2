import java.util.Arrays;
import java.util.List;
import kelvin.agents.softmax.Softmax;
import kelvin.agents.tabular.TabularAgent;
import kelvin.agents.tabular.TabularLearner;
import kelvin.api.Component;
import kelvin.api.Environment;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A tabular agent written as a plug-in: Q-learning whose Boltzmann temperature is per state and
 * cools with that state's visits, so rarely seen states stay exploratory while familiar ones turn
 * greedy:
 * <pre>
 *   T(s) = t0 / sqrt(1 + n(s))      n(s) = visits of s before this choice, in this run
 *   a ~ softmax(Q(s, .) / T(s))      (Kelvin's own softmax core, {@link Softmax#sample})
 *   Q(s, a) += alpha (r + gamma max_b Q(s', b) - Q(s, a)),   no bootstrap after termination
 * </pre>
 * One uniform of the run's stream per action.
 *
 * <p>Config: {@code {type: visit-cooled-q, t0: 1.0, alpha: 0.1}}.
 */
public final class VisitCooledQLearning implements TabularAgent {

    private final double t0;
    private final double alpha;
    private final double gamma;

    private VisitCooledQLearning(double t0, double alpha, double gamma) {
        this.t0 = t0;
        this.alpha = alpha;
        this.gamma = gamma;
    }

    @Override
    public TabularLearner start(int states, int actions, UniformRandomProvider rng) {
        return new Learner(states, actions, rng);
    }

    /** One run: Q, the visit counts and buffers for one row. */
    private final class Learner implements TabularLearner {
        private final int states;
        private final int actions;
        private final UniformRandomProvider rng;
        private final double[] q;
        private final long[] visits;
        private final double[] row;
        private final double[] scratch;
        private double lastTemperature = Double.NaN;

        Learner(int states, int actions, UniformRandomProvider rng) {
            this.states = states;
            this.actions = actions;
            this.rng = rng;
            this.q = new double[states * actions];
            this.visits = new long[states];
            this.row = new double[actions];
            this.scratch = new double[actions];
        }

        private double temperatureOf(int s) {
            return t0 / Math.sqrt(1.0 + visits[s]);
        }

        @Override
        public void beginEpisode() {
            // nothing to reset between episodes: Q and the visits carry over
        }

        @Override
        public int act(int s) {
            System.arraycopy(q, s * actions, row, 0, actions);
            lastTemperature = temperatureOf(s);
            visits[s]++;
            return Softmax.sample(row, actions, lastTemperature, rng.nextDouble(), scratch);
        }

        @Override
        public void learn(int s, int a, double r, int s2, boolean terminal) {
            double next = 0;
            if (!terminal) {
                next = Double.NEGATIVE_INFINITY;
                for (int b = 0; b < actions; b++) {
                    next = Math.max(next, q[s2 * actions + b]);
                }
            }
            int i = s * actions + a;
            q[i] += alpha * (r + gamma * next - q[i]);
        }

        @Override
        public void endEpisode() {
            // the episode's end changes nothing here
        }

        @Override
        public double temperature() {
            return lastTemperature;
        }

        @Override
        public void distribution(int s, double[] out) {
            System.arraycopy(q, s * actions, row, 0, actions);
            Softmax.probabilities(row, actions, temperatureOf(s), out);
        }

        @Override
        public int greedyAction(int s) {
            int best = 0;
            for (int a = 1; a < actions; a++) {
                if (q[s * actions + a] > q[s * actions + best]) {
                    best = a;
                }
            }
            return best;
        }

        @Override
        public int states() {
            return states;
        }

        @Override
        public int actions() {
            return actions;
        }

        @Override
        public String toString() {
            return "visit-cooled-q " + Arrays.toString(visits);
        }
    }

    /** The config name, keys and factory. */
    public static final class Declaration extends Component<TabularAgent> {
        /** Declares visit-cooled-q with the keys t0, alpha and gamma. */
        public Declaration() {
            super(Kind.TABULAR_AGENT, "visit-cooled-q",
                    "Q-learning with Boltzmann exploration at T(s) = t0 / sqrt(1 + visits of s)", "", List.of(
                    Key.optional("t0", ValueType.Num.positive(), 1.0, "temperature of a state never visited"),
                    Key.optional("alpha", new ValueType.Num(0, true, 1, false, false), 0.1, "step size"),
                    Key.optional("gamma", ValueType.Num.closed(0, 1), "discount; default: the environment's")));
        }

        @Override
        public TabularAgent create(Settings settings) {
            Environment env = settings.context().environment();
            double gamma = settings.has("gamma") ? settings.num("gamma")
                    : env != null && !Double.isNaN(env.discount()) ? env.discount() : 1.0;
            return new VisitCooledQLearning(settings.num("t0"), settings.num("alpha"), gamma);
        }
    }
}
