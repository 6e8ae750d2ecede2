package kelvin.experiments.metric;

import java.util.List;
import kelvin.api.Component;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.env.bandit.BanditRun;

/**
 * The reward of step t ({@code reward}), on bandits.
 */
public final class Reward implements Metric, Metric.BanditRecorder {

    @Override
    public String title() {
        return "Reward";
    }

    @Override
    public String axisLabel() {
        return "reward at step t";
    }

    @Override
    public Better better() {
        return Better.HIGHER;
    }

    @Override
    public String caption(boolean episodic) {
        return "Reward received at each step (noisy: averaged over runs, not over time).";
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
        return step.reward();
    }

    @Override
    public BanditStep.Quantity quantity() {
        return BanditStep.Quantity.REWARD;
    }

    @Override
    public boolean recordedByDefault() {
        return true;
    }

    /** The {@code reward} metric of configs. */
    public static final class Declaration extends Component<Metric> {
        /** Declares the metric; it has no keys. */
        public Declaration() {
            super(Kind.METRIC, "reward", "reward at step t", "", List.of());
        }

        @Override
        public Metric create(Settings settings) {
            return new Reward();
        }
    }
}
