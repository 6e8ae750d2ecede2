import java.util.Arrays;
import java.util.List;
import kelvin.agents.policy.Policy;
import kelvin.agents.policy.PolicyRun;
import kelvin.api.Component;
import kelvin.api.Kind;
import kelvin.api.Settings;
import org.apache.commons.rng.UniformRandomProvider;

/** Selects uniformly but reports a distribution of 0.9 / K per action: it sums to 0.9, not 1. */
public final class ShortPolicy implements Policy {

    @Override
    public PolicyRun start(int arms, UniformRandomProvider rng) {
        return new PolicyRun() {
            @Override
            public int select(double[] q, long t) {
                return rng.nextInt(arms);
            }

            @Override
            public double entropy(double[] q, long t) {
                return Math.log(arms);
            }

            @Override
            public double temperature(long t) {
                return Double.POSITIVE_INFINITY;
            }

            @Override
            public void distribution(double[] q, long t, double[] out) {
                Arrays.fill(out, 0.9 / arms);
            }

            @Override
            public void observe(double reward, double entropy) {
            }
        };
    }

    /** The declaration. */
    public static final class Declaration extends Component<Policy> {
        /** Declares short-policy. */
        public Declaration() {
            super(Kind.POLICY, "short-policy", "uniform choices, a distribution summing to 0.9", "", List.of());
        }

        @Override
        public Policy create(Settings settings) {
            return new ShortPolicy();
        }
    }
}
