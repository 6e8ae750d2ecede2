package kelvin.experiments.metric;

import java.util.List;
import kelvin.api.Component;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.env.bandit.BanditRun;
import kelvin.env.mdp.TabularModel;

/**
 * Cumulative regret ({@code regret}): on a bandit the pseudo-regret sum over steps of mu* - mu of the chosen arm (mu*
 * the best mean at that step, so a drifting bandit's current best); on a tabular MDP the sum over episodes of V*(start)
 * - the episode's discounted return. The metric variants are ranked by; runs.csv adds the area under its curve.
 */
public final class Regret implements Metric, Metric.BanditRecorder, Metric.EpisodeRecorder {

    @Override
    public String title() {
        return "Cumulative regret";
    }

    @Override
    public String axisLabel() {
        return "cumulative regret";
    }

    @Override
    public Better better() {
        return Better.LOWER;
    }

    @Override
    public String caption(boolean episodic) {
        if (episodic) {
            return "Cumulative regret: the sum over episodes of V*(start) - the episode's discounted return "
                    + "(V* over an episode of at most max-steps steps): lower is better.";
        }
        return "Cumulative pseudo-regret sum over steps of (mu* - mu of the chosen arm): lower is better.";
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
    public BanditRecorder startBandit(BanditRun run) {
        return this;
    }

    @Override
    public double value(BanditStep step) {
        return step.regret();
    }

    @Override
    public BanditStep.Quantity quantity() {
        return BanditStep.Quantity.REGRET;
    }

    @Override
    public EpisodeRecorder startEpisodes(TabularModel model) {
        return this;
    }

    @Override
    public double value(Episode episode) {
        return episode.regret();
    }

    @Override
    public boolean recordedByDefault() {
        return true;
    }

    @Override
    public int reportRank() {
        return 0;
    }

    @Override
    public boolean ranksVariants() {
        return true;
    }

    /** The {@code regret} metric of configs. */
    public static final class Declaration extends Component<Metric> {
        /** Declares the metric; it has no keys. */
        public Declaration() {
            super(Kind.METRIC, "regret",
                    "cumulative regret: bandits sum_s (mu* - mu of the chosen arm); tabular MDPs sum over episodes "
                            + "of V*(start) - the discounted return",
                                    "Lai & Robbins (1985); Sutton & Barto (2018), section 2.3", List.of());
        }

        @Override
        public Metric create(Settings settings) {
            return new Regret();
        }
    }
}
