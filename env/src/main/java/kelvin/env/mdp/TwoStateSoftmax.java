package kelvin.env.mdp;

import java.util.List;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Asadi &amp; Littman's two-state MDP ({@code asadi-littman-2-state}), on which value iteration with
 * the Boltzmann softmax backup does not converge and the mellowmax backup does.
 *
 * <h2>Description</h2>
 * One decision state s1 and one terminal state s2. Both actions pay a fixed reward and usually stay
 * in s1; a pays more per step but ends the episode sooner. With gamma = 0.98, always b is optimal:
 * V*(s1) = 0.033 / (1 - 0.98 * 0.99) = 1.1074, Q*(s1, a) = 0.122 + 0.98 * 0.66 * V*(s1) = 0.8383.
 * The Boltzmann softmax operator sum_b softmax(beta Q)_b Q_b is not a non-expansion, and the paper
 * uses this MDP with beta = 16.55 to show learning with it misbehaving (action values that do not
 * settle), where the mellowmax operator, a non-expansion, converges.
 *
 * <h2>Actions</h2>
 * 0 = a, 1 = b. In s2 (never acted in: entering it ends the episode) both actions loop with reward 0.
 *
 * <h2>State encoding</h2>
 * 0 = s1, 1 = s2, on a 1 x 2 layout.
 *
 * <h2>Transitions and rewards</h2>
 * <pre>
 *   s1, a:   stay s1 (0.66), to s2 (0.34, terminal); reward 0.122 on both outcomes
 *   s1, b:   stay s1 (0.99), to s2 (0.01, terminal); reward 0.033 on both outcomes
 * </pre>
 * Outcome order: stay, then terminate. Start: s1.
 *
 * <h2>Parameters</h2>
 * {@code gamma}, default 0.98 (the paper's); {@code max-steps}, default 1000 (a run's truncation:
 * an episode under b alone lasts 100 steps on average).
 *
 * <h2>References</h2>
 * K. Asadi and M. L. Littman, "An alternative softmax operator for reinforcement learning",
 * <i>ICML 2017</i>, PMLR 70, 243-252, section 4 and Figure 1 (the MDP; gamma = 0.98 and beta = 16.55
 * for the Boltzmann backup). The numbers above were checked against public reimplementations of the
 * figure (which agree with each other), not against the paper's own text.
 *
 * <h2>Version history</h2>
 * v1: first version.
 */
public final class TwoStateSoftmax implements TabularEnv {

    /** The decision state s1. */
    public static final int S1 = 0;
    /** The terminal state s2. */
    public static final int S2 = 1;
    /** Action a: reward 0.122, ends the episode with probability 0.34. */
    public static final int A = 0;
    /** Action b: reward 0.033, ends the episode with probability 0.01. */
    public static final int B = 1;
    /** The paper's discount. */
    public static final double GAMMA = 0.98;

    private static final TwoStateSoftmax INSTANCE = new TwoStateSoftmax();

    private final TabularModel model;

    private TwoStateSoftmax() {
        TabularModel.Builder b = TabularModel.builder(2, 2);
        b.add(S1, A, 0.66, S1, 0.122, false);
        b.add(S1, A, 0.34, S2, 0.122, true);
        b.add(S1, B, 0.99, S1, 0.033, false);
        b.add(S1, B, 0.01, S2, 0.033, true);
        b.add(S2, A, 1.0, S2, 0.0, true);
        b.add(S2, B, 1.0, S2, 0.0, true);
        b.start(S1, 1.0);
        this.model = b.build();
    }

    /**
     * The MDP (it has no parameters).
     *
     * @return the shared instance
     */
    public static TwoStateSoftmax of() {
        return INSTANCE;
    }

    /**
     * The transition table, computed once.
     *
     * @return the model: 2 states on a 1 x 2 layout, 2 actions
     */
    public TabularModel model() {
        return model;
    }

    /** {@inheritDoc} Here: the fixed model; nothing is drawn. */
    @Override
    public TabularModel model(UniformRandomProvider rng) {
        return model;
    }

    @Override
    public int states() {
        return 2;
    }

    @Override
    public int actions() {
        return 2;
    }

    @Override
    public long outcomes() {
        return model.outcomes();
    }

    /** {@inheritDoc} One row: s1, s2. */
    @Override
    public List<String> layout() {
        return List.of("..");
    }

    @Override
    public String toString() {
        return "asadi-littman-2-state";
    }

    /** The {@code asadi-littman-2-state} of configs. */
    public static final class Declaration extends Component<TabularTask> {
        /** Declares the keys: max-steps, gamma. */
        public Declaration() {
            super(Kind.ENVIRONMENT, "asadi-littman-2-state",
                    "s1 --a: r 0.122, stay 0.66 / end 0.34; b: r 0.033, stay 0.99 / end 0.01: the MDP on which the "
                            + "Boltzmann softmax backup (beta 16.55, gamma 0.98) does not converge",
                    "Asadi & Littman (2017), An alternative softmax operator for reinforcement learning, ICML, "
                            + "section 4", List.of(
                    Key.optional("max-steps", new ValueType.Int(1, 10_000_000), 1000, "episode length"),
                    Key.optional("gamma", ValueType.Num.closed(0, 1), GAMMA, "discount (the paper's 0.98)")));
        }

        @Override
        public TabularTask create(Settings v) {
            return new TabularTask(of(), v.intValue("max-steps"), v.num("gamma"));
        }
    }
}
