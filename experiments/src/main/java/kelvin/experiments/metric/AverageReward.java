package kelvin.experiments.metric;

import java.util.List;
import kelvin.api.Component;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.env.bandit.BanditRun;

/**
 * The mean reward of steps 1 to t of each run ({@code average-reward}), on bandits: the y axis of Sutton &amp; Barto's
 * Figure 2.6.
 */
public final class AverageReward implements Metric, Metric.BanditRecorder {

    @Override
    public String title() {
        return "Average reward";
    }

    @Override
    public String axisLabel() {
        return "mean reward over steps 1 to t";
    }

    @Override
    public Better better() {
        return Better.HIGHER;
    }

    @Override
    public String caption(boolean episodic) {
        return "Mean reward per step from step 1 to t, per run (the y axis of Sutton & Barto's parameter "
                + "study, Figure 2.6, at t = 1000).";
    }

    @Override
    public boolean onBandits() {
        return true;
    }

    @Override
    public boolean onEpisodes() {
        return false;
    }

    @Override
    public BanditRecorder startBandit(BanditRun run) {
        return this;
    }

    @Override
    public double value(BanditStep step) {
        return step.averageReward();
    }

    @Override
    public BanditStep.Quantity quantity() {
        return BanditStep.Quantity.AVERAGE_REWARD;
    }

    @Override
    public boolean recordedByDefault() {
        return true;
    }

    /** The {@code average-reward} metric of configs. */
    public static final class Declaration extends Component<Metric> {
        /** Declares the metric; it has no keys. */
        public Declaration() {
            super(Kind.METRIC, "average-reward", "mean reward over steps 1 to t", "Sutton & Barto (2018), Figure 2.6",
                    List.of());
        }

        @Override
        public Metric create(Settings settings) {
            return new AverageReward();
        }
    }
}
