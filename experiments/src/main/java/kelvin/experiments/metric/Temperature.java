package kelvin.experiments.metric;

import java.util.List;
import kelvin.api.Component;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.env.bandit.BanditRun;
import kelvin.env.mdp.TabularModel;

/**
 * The temperature the policy used ({@code temperature}): on a bandit, at step t; on a tabular MDP,
 * the mean over the episode's steps. NaN (not recorded) for agents without one.
 */
public final class Temperature implements Metric, Metric.BanditRecorder, Metric.EpisodeRecorder {

    @Override
    public String title() {
        return "Temperature";
    }

    @Override
    public String axisLabel() {
        return "temperature T";
    }

    @Override
    public Better better() {
        return Better.NEITHER;
    }

    @Override
    public String caption(boolean episodic) {
        return "Temperature T used at each step (log axis); stateless schedules give the same line in every run.";
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
    public boolean needsStepTemperatures() {
        return true;
    }

    @Override
    public boolean logScale() {
        return true;
    }

    @Override
    public int reportRank() {
        return 1;
    }

    @Override
    public BanditRecorder startBandit(BanditRun run) {
        return this;
    }

    @Override
    public double value(BanditStep step) {
        return step.temperature();
    }

    @Override
    public BanditStep.Quantity quantity() {
        return BanditStep.Quantity.TEMPERATURE;
    }

    @Override
    public EpisodeRecorder startEpisodes(TabularModel model) {
        return this;
    }

    @Override
    public double value(Episode episode) {
        return episode.meanTemperature();
    }

    /** The {@code temperature} metric of configs. */
    public static final class Declaration extends Component<Metric> {
        /** Declares the metric; it has no keys. */
        public Declaration() {
            super(Kind.METRIC, "temperature", "temperature T", "", List.of());
        }

        @Override
        public Metric create(Settings settings) {
            return new Temperature();
        }
    }
}
