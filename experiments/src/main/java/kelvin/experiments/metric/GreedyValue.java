package kelvin.experiments.metric;

import java.util.List;
import kelvin.api.Component;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.env.mdp.HorizonValues;
import kelvin.env.mdp.TabularModel;

/**
 * The value from the start of the learner's current greedy policy (ties split uniformly),
 * evaluated exactly on the model over an episode of at most max-steps steps ({@code greedy-value}),
 * on tabular MDPs.
 */
public final class GreedyValue implements Metric {

    @Override
    public String title() {
        return "Greedy-policy value";
    }

    @Override
    public String axisLabel() {
        return "value of the greedy policy from the start";
    }

    @Override
    public Better better() {
        return Better.HIGHER;
    }

    @Override
    public String caption(boolean episodic) {
        return "Expected return from the start of the greedy policy of the current Q (ties uniform), "
                + "evaluated on the model over an episode of at most max-steps steps.";
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
        return true;
    }

    /** {@inheritDoc} Each run gets its own table of greedy probabilities. */
    @Override
    public EpisodeRecorder startEpisodes(TabularModel model) {
        double[] greedy = new double[model.states() * model.actions()];
        return episode -> {
            episode.learner().greedyPolicy(greedy);
            return HorizonValues.policyStart(episode.model(), episode.gamma(), greedy, episode.maxSteps());
        };
    }

    @Override
    public boolean trimsEarlyTransient() {
        return true;
    }

    /** The {@code greedy-value} metric of configs. */
    public static final class Declaration extends Component<Metric> {
        /** Declares the metric; it has no keys. */
        public Declaration() {
            super(Kind.METRIC, "greedy-value", "value of the greedy policy from the start", "", List.of());
        }

        @Override
        public Metric create(Settings settings) {
            return new GreedyValue();
        }
    }
}
