package kelvin.experiments.metric;

import java.util.List;
import kelvin.api.Component;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.env.mdp.TabularModel;

/**
 * The undiscounted return of episode t ({@code return}), on tabular MDPs.
 */
public final class EpisodeReturn implements Metric, Metric.EpisodeRecorder {

    @Override
    public String title() {
        return "Return";
    }

    @Override
    public String axisLabel() {
        return "undiscounted return of episode t";
    }

    @Override
    public Better better() {
        return Better.HIGHER;
    }

    @Override
    public String caption(boolean episodic) {
        return "Undiscounted return of each episode.";
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
        return episode.undiscountedReturn();
    }

    @Override
    public boolean recordedByDefault() {
        return true;
    }

    @Override
    public boolean trimsEarlyTransient() {
        return true;
    }

    /** The {@code return} metric of configs. */
    public static final class Declaration extends Component<Metric> {
        /** Declares the metric; it has no keys. */
        public Declaration() {
            super(Kind.METRIC, "return", "undiscounted return of episode t", "", List.of());
        }

        @Override
        public Metric create(Settings settings) {
            return new EpisodeReturn();
        }
    }
}
