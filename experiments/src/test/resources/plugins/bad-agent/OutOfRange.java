import java.util.Arrays;
import java.util.List;
import kelvin.agents.bandit.BanditAgent;
import kelvin.agents.bandit.BanditLearner;
import kelvin.api.Component;
import kelvin.api.Kind;
import kelvin.api.Settings;
import org.apache.commons.rng.UniformRandomProvider;

/** Plays arms uniformly, until step 10, where it answers K: one past the last arm. */
public final class OutOfRange implements BanditAgent {

    @Override
    public BanditLearner start(int arms, UniformRandomProvider rng) {
        return new BanditLearner() {
            private int t;

            @Override
            public int select() {
                t++;
                return t == 10 ? arms : rng.nextInt(arms);
            }

            @Override
            public void update(int arm, double reward) {
            }

            @Override
            public double entropy() {
                return Math.log(arms);
            }

            @Override
            public double temperature() {
                return Double.POSITIVE_INFINITY;
            }

            @Override
            public void distribution(double[] out) {
                Arrays.fill(out, 1.0 / arms);
            }
        };
    }

    /** The declaration. */
    public static final class Declaration extends Component<BanditAgent> {
        /** Declares out-of-range. */
        public Declaration() {
            super(Kind.BANDIT_AGENT, "out-of-range", "uniform, then action K at step 10", "", List.of());
        }

        @Override
        public BanditAgent create(Settings settings) {
            return new OutOfRange();
        }
    }
}
