package kelvin.experiments.metric;

import java.util.List;
import kelvin.api.Component;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.env.mdp.TabularModel;

/**
 * The episode of the run's first success, 1-based, or the horizon + 1 when none succeeded ({@code first-success});
 * recorded at the last checkpoint only. What a success is, the environment says ({@link
 * kelvin.env.mdp.TabularEnv#successState}).
 */
public final class FirstSuccess implements Metric, Metric.EpisodeRecorder {

    @Override
    public String title() {
        return "Episodes to first success";
    }

    @Override
    public String axisLabel() {
        return "episodes until the first successful one (horizon + 1 if none)";
    }

    @Override
    public Better better() {
        return Better.LOWER;
    }

    @Override
    public String caption(boolean episodic) {
        return "Episodes until the first successful one (goal reached; deep sea: the treasure); "
                + "horizon + 1 when none.";
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
        return !episode.lastCheckpoint() ? Double.NaN
                : episode.firstSuccess() == 0 ? episode.episodes() + 1 : episode.firstSuccess();
    }

    /** The {@code first-success} metric of configs. */
    public static final class Declaration extends Component<Metric> {
        /** Declares the metric; it has no keys. */
        public Declaration() {
            super(Kind.METRIC, "first-success", "episodes until the first successful one (horizon + 1 if none)",
                    "Osband et al. (2019), bsuite deep sea", List.of());
        }

        @Override
        public Metric create(Settings settings) {
            return new FirstSuccess();
        }
    }
}
