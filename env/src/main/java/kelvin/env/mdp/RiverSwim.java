package kelvin.env.mdp;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * RiverSwim ({@code river-swim}): a six-state chain where the big reward is upstream and swimming
 * against the current usually fails, the classic test of directed exploration.
 *
 * <h2>Description</h2>
 * States 0 .. 5 lie along a river; the current flows left. Swimming left always succeeds and pays a
 * small reward at the left bank (state 0). Swimming right succeeds only sometimes, and the large
 * reward is at the right end (state 5). A dithering agent learns to stay at the bank; the optimal
 * policy is "always right".
 *
 * <h2>Actions</h2>
 * 0 left (with the current), 1 right (against it).
 *
 * <h2>State encoding</h2>
 * state = position 0 .. 5 from the left bank, on a 1 x 6 layout.
 *
 * <h2>Variant {@code strehl-littman}</h2>
 * Strehl &amp; Littman (2008), Figure 1 (continuing; no terminal state):
 * <pre>
 *   left,  s = 0:      stay 0 (prob 1), reward 5
 *   left,  s = 1..5:   to s - 1 (prob 1), reward 0
 *   right, s = 0:      stay 0 (0.7), to 1 (0.3)
 *   right, s = 1..4:   to s - 1 (0.1), stay (0.6), to s + 1 (0.3)
 *   right, s = 5:      to 4 (0.7), stay 5 (0.3) with reward 10000
 * </pre>
 * The reward of 10000 is on the transition (5, right, 5), as the figure labels that edge, so the
 * expected reward of (5, right) is 3000. Start: state 1 or 2, probability 1/2 each. There is no
 * horizon: a run must set its own step limit.
 *
 * <h2>Variant {@code osband}</h2>
 * Osband, Russo &amp; Van Roy (2013), Figure 2, rewards scaled to [0, 1]:
 * <pre>
 *   left,  s = 0:      stay 0 (prob 1), reward 0.005 (= 5/1000)
 *   left,  s = 1..5:   to s - 1 (prob 1), reward 0
 *   right, s = 0:      stay 0 (0.4), to 1 (0.6)
 *   right, s = 1..4:   to s - 1 (0.05), stay (0.6), to s + 1 (0.35)
 *   right, s = 5:      to 4 (0.4), stay 5 (0.6); reward 1 on both outcomes
 * </pre>
 * The reward of 1 belongs to the pair (5, right) whatever the outcome, as in the common
 * reimplementations, where it is a state-action reward R[5, right] = 1. Start: state 0 (the paper:
 * "the agent begins at the far left state"). The paper's episodes last tau = 20 steps; the horizon
 * is reported by {@link #horizon()} as the default step limit of a run, and is <em>not</em> a
 * termination of the model (max-steps belongs to the run), so value iteration and
 * discounted values treat both variants as continuing MDPs; {@link ValueIteration#finiteHorizon}
 * gives the optimal 20-step values.
 *
 * <h2>Outcome order</h2>
 * Ascending next state (left neighbour, stay, right neighbour), zero-probability outcomes omitted.
 *
 * <h2>Rewards and termination</h2>
 * As in the tables above; neither variant has a terminal state.
 *
 * <h2>References</h2>
 * <ul>
 *   <li>A. L. Strehl and M. L. Littman, "An analysis of model-based Interval Estimation for Markov
 *       Decision Processes", <i>Journal of Computer and System Sciences</i> 74(8), 2008, 1309-1331,
 *       Figure 1 and section 6.</li>
 *   <li>I. Osband, D. Russo and B. Van Roy, "(More) efficient reinforcement learning via posterior
 *       sampling", <i>Advances in Neural Information Processing Systems 26</i> (NIPS 2013),
 *       3003-3011, section 6 and Figure 2.</li>
 * </ul>
 * The probabilities above follow those figures as public reimplementations reproduce them; they
 * are not checked against the papers' own text here.
 *
 * <h2>Version history</h2>
 * v1: first version.
 */
public final class RiverSwim implements TabularEnv {

    /** The two published variants. */
    public enum Variant {
        /** Strehl &amp; Littman 2008: rewards 5 and 10000, start in state 1 or 2. */
        STREHL_LITTMAN("strehl-littman"),
        /** Osband, Russo &amp; Van Roy 2013: rewards 0.005 and 1, start in state 0, horizon 20. */
        OSBAND("osband");

        private final String key;

        Variant(String key) {
            this.key = key;
        }

        /**
         * The name a config gives as {@code variant:} to choose this variant.
         *
         * @return {@code strehl-littman} or {@code osband}
         */
        public String key() {
            return key;
        }

        /**
         * The variant with the given config name.
         *
         * @param key {@code strehl-littman} or {@code osband}
         * @return the variant
         * @throws IllegalArgumentException for any other name, listing the allowed ones
         */
        public static Variant of(String key) {
            for (Variant v : values()) {
                if (v.key.equals(key)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown river-swim variant '" + key + "'; allowed: "
                + Arrays.stream(values()).map(Variant::key).toList());
        }
    }

    /** Number of states. */
    public static final int STATES = 6;
    /** Action 0: swim left, with the current. */
    public static final int LEFT = 0;
    /** Action 1: swim right, against the current. */
    public static final int RIGHT = 1;
    /** The osband variant's episode length tau. */
    public static final int OSBAND_HORIZON = 20;

    private final Variant variant;
    private final TabularModel model;

    private RiverSwim(Variant variant) {
        this.variant = variant;
        this.model = variant == Variant.STREHL_LITTMAN
            ? build(0.7, 0.3, 0.1, 0.6, 0.3, 0.7, 0.3, 5, 10000, false)
            : build(0.4, 0.6, 0.05, 0.6, 0.35, 0.4, 0.6, 0.005, 1, true);
    }

    /**
     * RiverSwim in the given variant.
     *
     * @param variant the variant
     * @return the environment
     * @throws NullPointerException if {@code variant} is null
     */
    public static RiverSwim of(Variant variant) {
        return new RiverSwim(Objects.requireNonNull(variant, "variant"));
    }

    /**
     * Which published transition and reward table this instance uses.
     *
     * @return the variant
     */
    public Variant variant() {
        return variant;
    }

    /**
     * The name reports and {@link #toString()} show for this instance.
     *
     * @return {@code river-swim/} followed by the variant's config name, e.g.
     *     {@code river-swim/osband}
     */
    public String name() {
        return "river-swim/" + variant.key();
    }

    /**
     * The transition table of this variant, computed once; the same for every run.
     *
     * @return the model: {@value #STATES} states on a 1 x {@value #STATES} layout, 2 actions, no
     *     terminal outcome
     */
    public TabularModel model() {
        return model;
    }

    @Override
    public long outcomes() {
        return model().outcomes();
    }

    /** {@inheritDoc} Here: the fixed model; nothing is drawn. */
    @Override
    public TabularModel model(UniformRandomProvider rng) {
        return model;
    }

    @Override
    public int states() {
        return STATES;
    }

    @Override
    public int actions() {
        return 2;
    }

    /** {@inheritDoc} Here: 20 for {@code osband}, none for {@code strehl-littman}. */
    @Override
    public OptionalInt horizon() {
        return variant == Variant.OSBAND ? OptionalInt.of(OSBAND_HORIZON) : OptionalInt.empty();
    }

    @Override
    public String toString() {
        return name();
    }

    private TabularModel build(double bankStay, double bankUp, double back, double stay, double up, double endBack,
        double endStay, double smallReward, double largeReward, boolean rewardOnPair) {
        int last = STATES - 1;
        TabularModel.Builder b = TabularModel.builder(STATES, 2);
        for (int s = 0; s < STATES; s++) {
            if (s == 0) {
                b.add(s, LEFT, 1.0, 0, smallReward, false);
                b.add(s, RIGHT, bankStay, 0, 0, false);
                b.add(s, RIGHT, bankUp, 1, 0, false);
            } else if (s < last) {
                b.add(s, LEFT, 1.0, s - 1, 0, false);
                b.add(s, RIGHT, back, s - 1, 0, false);
                b.add(s, RIGHT, stay, s, 0, false);
                b.add(s, RIGHT, up, s + 1, 0, false);
            } else {
                b.add(s, LEFT, 1.0, s - 1, 0, false);
                b.add(s, RIGHT, endBack, s - 1, rewardOnPair ? largeReward : 0, false);
                b.add(s, RIGHT, endStay, s, largeReward, false);
            }
        }
        if (variant == Variant.STREHL_LITTMAN) {
            b.start(1, 0.5).start(2, 0.5);
        } else {
            b.start(0, 1.0);
        }
        return b.build();
    }


    /** {@inheritDoc} One row of six states, the bank at the left. */
    @Override
    public List<String> layout() {
        return List.of(".".repeat(STATES));
    }

    /** {@inheritDoc} Here: the far end of the river, the last state. */
    @Override
    public boolean successState(int s) {
        return s == STATES - 1;
    }

    /** The {@code river-swim} of configs. */
    public static final class Declaration extends Component<TabularTask> {
        /** Declares the keys: variant, max-steps, gamma. */
        public Declaration() {
            super(Kind.ENVIRONMENT, "river-swim",
                    "a 6-state chain: swimming right (upstream) is hard and pays at the far end, left pays a little "
                            + "at the bank",
                    "Strehl & Littman (2008), An analysis of model-based interval estimation, JCSS 74", List.of(
                    Key.optional("variant", new ValueType.Choice(List.of("strehl-littman", "osband")), "strehl-littman",
                            "strehl-littman (Strehl & Littman 2008: 5 for left at the bank, 10000 at the far end, "
                                    + "start in state 1 or 2) or osband (Osband, Russo & Van Roy 2013: episodic, 20 "
                                    + "steps, rewards 0.005 and 1)"),
                    Key.optional("max-steps", new ValueType.Int(1, 10_000_000), "episode length; default 1000 "
                            + "(strehl-littman) or 20 (osband)"),
                    Key.optional("gamma", ValueType.Num.closed(0, 1), "discount; default 0.95 (strehl-littman) or 1 "
                            + "(osband)")));
        }

        @Override
        public TabularTask create(Settings v) {
            Variant variant = Variant.of(v.str("variant"));
            boolean osband = variant == Variant.OSBAND;
            int maxSteps = v.has("max-steps") ? v.intValue("max-steps") : osband ? OSBAND_HORIZON : 1000;
            double gamma = v.has("gamma") ? v.num("gamma") : osband ? 1.0 : 0.95;
            return new TabularTask(of(variant), maxSteps, gamma);
        }
    }
}
