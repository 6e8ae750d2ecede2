package kelvin.experiments.metric;

import java.util.List;
import kelvin.api.Component;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.env.mdp.TabularModel;

/**
 * The number of steps of episode t ({@code length}), on tabular MDPs.
 */
public final class EpisodeLength implements Metric, Metric.EpisodeRecorder {

    @Override
    public String title() {
        return "Episode length";
    }

    @Override
    public String axisLabel() {
        return "steps in episode t";
    }

    @Override
    public Better better() {
        return Better.LOWER;
    }

    @Override
    public String caption(boolean episodic) {
        return "Steps per episode (an episode is cut at max-steps).";
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
    public EpisodeRecorder startEpisodes(TabularModel model) {
        return this;
    }

    @Override
    public double value(Episode episode) {
        return episode.length();
    }

    @Override
    public boolean recordedByDefault() {
        return true;
    }

    @Override
    public boolean trimsEarlyTransient() {
        return true;
    }

    /** The {@code length} metric of configs. */
    public static final class Declaration extends Component<Metric> {
        /** Declares the metric; it has no keys. */
        public Declaration() {
            super(Kind.METRIC, "length", "steps in episode t", "", List.of());
        }

        @Override
        public Metric create(Settings settings) {
            return new EpisodeLength();
        }
    }
}
