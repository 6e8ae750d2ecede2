package kelvin.experiments.metric;

import java.util.List;
import kelvin.api.Component;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.env.bandit.BanditRun;
import kelvin.env.mdp.TabularModel;

/**
 * The entropy in nats of the action distribution ({@code entropy}): on a bandit, of the
 * distribution that chose step t's arm; on a tabular MDP, the mean over the episode's choices.
 */
public final class Entropy implements Metric, Metric.BanditRecorder, Metric.EpisodeRecorder {

    @Override
    public String title() {
        return "Policy entropy";
    }

    @Override
    public String axisLabel() {
        return "entropy of the action distribution (nats)";
    }

    @Override
    public Better better() {
        return Better.NEITHER;
    }

    @Override
    public String caption(boolean episodic) {
        return "Entropy in nats of the policy's action distribution; ln K means uniform, 0 means deterministic.";
    }

    @Override
    public boolean onBandits() {
        return true;
    }

    @Override
    public boolean onEpisodes() {
        return true;
    }

    @Override
    public boolean recordedByDefault() {
        return true;
    }

    @Override
    public boolean needsEpisodeEntropy() {
        return true;
    }

    @Override
    public int reportRank() {
        return 2;
    }

    @Override
    public BanditRecorder startBandit(BanditRun run) {
        return this;
    }

    @Override
    public double value(BanditStep step) {
        return step.entropy();
    }

    @Override
    public BanditStep.Quantity quantity() {
        return BanditStep.Quantity.ENTROPY;
    }

    @Override
    public EpisodeRecorder startEpisodes(TabularModel model) {
        return this;
    }

    @Override
    public double value(Episode episode) {
        return episode.entropy();
    }

    /** The {@code entropy} metric of configs. */
    public static final class Declaration extends Component<Metric> {
        /** Declares the metric; it has no keys. */
        public Declaration() {
            super(Kind.METRIC, "entropy", "entropy of the action distribution (nats)", "", List.of());
        }

        @Override
        public Metric create(Settings settings) {
            return new Entropy();
        }
    }
}
