package kelvin.experiments.metric;

import java.util.List;
import kelvin.api.Component;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.env.mdp.TabularModel;

/**
 * The share of the reachable states visited at least once so far in the run ({@code coverage}), on tabular MDPs.
 */
public final class Coverage implements Metric, Metric.EpisodeRecorder {

    @Override
    public String title() {
        return "Coverage";
    }

    @Override
    public String axisLabel() {
        return "share of reachable states visited so far";
    }

    @Override
    public Better better() {
        return Better.HIGHER;
    }

    @Override
    public String caption(boolean episodic) {
        return "Share of the reachable states visited at least once so far in the run.";
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
        return episode.coverage();
    }

    @Override
    public boolean recordedByDefault() {
        return true;
    }

    /** The {@code coverage} metric of configs. */
    public static final class Declaration extends Component<Metric> {
        /** Declares the metric; it has no keys. */
        public Declaration() {
            super(Kind.METRIC, "coverage", "share of reachable states visited so far", "", List.of());
        }

        @Override
        public Metric create(Settings settings) {
            return new Coverage();
        }
    }
}
