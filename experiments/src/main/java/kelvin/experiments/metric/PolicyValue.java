package kelvin.experiments.metric;

import java.util.List;
import kelvin.api.Component;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.env.mdp.HorizonValues;
import kelvin.env.mdp.TabularModel;

/**
 * The value from the start of the learner's own current policy, its action probabilities in every
 * state ({@code policy-value}), evaluated exactly on the model over an episode of at most max-steps
 * steps, on tabular MDPs. Unlike {@code greedy-value}, it moves with every change of a soft policy,
 * so it shows whether the action values a Boltzmann or mellowmax policy reads have settled
 * (Asadi &amp; Littman 2017's two-state example) or keep oscillating.
 */
public final class PolicyValue implements Metric {

    @Override
    public String title() {
        return "Policy value";
    }

    @Override
    public String axisLabel() {
        return "value of the learner's policy from the start";
    }

    @Override
    public Better better() {
        return Better.HIGHER;
    }

    @Override
    public String caption(boolean episodic) {
        return "Expected return from the start of the learner's current action probabilities (its behaviour "
                + "policy on the current Q), evaluated on the model over an episode of at most max-steps steps.";
    }

    @Override
    public boolean onBandits() {
        return false;
    }

    @Override
    public boolean onEpisodes() {
        return true;
    }

    @Override
    public boolean recordedByDefault() {
        return false;
    }

    /** {@inheritDoc} Each run gets its own probability table and row buffer. */
    @Override
    public EpisodeRecorder startEpisodes(TabularModel model) {
        int actions = model.actions();
        double[] pi = new double[model.states() * actions];
        double[] row = new double[actions];
        return episode -> {
            for (int s = 0; s < model.states(); s++) {
                episode.learner().distribution(s, row);
                System.arraycopy(row, 0, pi, s * actions, actions);
            }
            return HorizonValues.policyStart(episode.model(), episode.gamma(), pi, episode.maxSteps());
        };
    }

    /** The {@code policy-value} metric of configs. */
    public static final class Declaration extends Component<Metric> {
        /** Declares the metric; it has no keys. */
        public Declaration() {
            super(Kind.METRIC, "policy-value", "value of the learner's own (behaviour) policy from the start", "",
                    List.of());
        }

        @Override
        public Metric create(Settings settings) {
            return new PolicyValue();
        }
    }
}
