package kelvin.experiments.metric;

import java.util.List;
import kelvin.api.Component;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.env.bandit.BanditRun;

/**
 * 1 when step t chose an optimal arm (any tied best arm counts), else 0 ({@code optimal-action}); its mean over runs is
 * the share of runs choosing an optimal arm, charted in percent.
 */
public final class OptimalAction implements Metric, Metric.BanditRecorder {

    @Override
    public String title() {
        return "Optimal action";
    }

    @Override
    public String axisLabel() {
        return "share of runs choosing an optimal arm";
    }

    @Override
    public Better better() {
        return Better.HIGHER;
    }

    @Override
    public String caption(boolean episodic) {
        return "Share of runs that chose an optimal arm at each step.";
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
        return step.optimal() ? 1.0 : 0.0;
    }

    @Override
    public BanditStep.Quantity quantity() {
        return BanditStep.Quantity.OPTIMAL;
    }

    @Override
    public boolean recordedByDefault() {
        return true;
    }

    @Override
    public double chartScale() {
        return 100;
    }

    @Override
    public String chartAxisLabel() {
        return "% of runs choosing an optimal arm";
    }

    /** The {@code optimal-action} metric of configs. */
    public static final class Declaration extends Component<Metric> {
        /** Declares the metric; it has no keys. */
        public Declaration() {
            super(Kind.METRIC, "optimal-action", "share of runs choosing an optimal arm",
                    "Sutton & Barto (2018), Figure 2.2", List.of());
        }

        @Override
        public Metric create(Settings settings) {
            return new OptimalAction();
        }
    }
}
