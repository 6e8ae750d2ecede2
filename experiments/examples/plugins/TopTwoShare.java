import java.util.List;
import kelvin.api.Component;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.env.bandit.BanditRun;
import kelvin.experiments.metric.BanditStep;
import kelvin.experiments.metric.Better;
import kelvin.experiments.metric.Metric;

/**
 * A metric written as a plug-in: the share of steps 1 to t on which the agent pulled one of the two
 * arms with the largest means, per run (the two best arms are those of the run's means at its start,
 * so on a drifting bandit it is the share on the arms that were best at the start). It sees every
 * step, not only the checkpoints, which keeps those runs off Kelvin's fused fast loop.
 *
 * <p>Config: {@code metrics: [regret, top-two-share]}.
 */
public final class TopTwoShare implements Metric {

    @Override
    public String title() {
        return "Share of steps on the two best arms";
    }

    @Override
    public String axisLabel() {
        return "share of steps 1..t on the two best arms";
    }

    @Override
    public Better better() {
        return Better.HIGHER;
    }

    @Override
    public String caption(boolean episodic) {
        return "Per run, the share of the steps so far that pulled one of the two arms with the largest means.";
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
    public boolean observesEveryStep() {
        return true;
    }

    @Override
    public BanditRecorder startBandit(BanditRun run) {
        int first = -1;
        int second = -1;
        for (int a = 0; a < run.arms(); a++) {
            if (first < 0 || run.mean(a) > run.mean(first)) {
                second = first;
                first = a;
            } else if (second < 0 || run.mean(a) > run.mean(second)) {
                second = a;
            }
        }
        int best = first;
        int runnerUp = second;
        return new BanditRecorder() {
            private long hits;

            @Override
            public void step(BanditStep step) {
                if (step.arm() == best || step.arm() == runnerUp) {
                    hits++;
                }
            }

            @Override
            public double value(BanditStep step) {
                return (double) hits / (step.t() + 1);
            }
        };
    }

    /** The config name and factory; a metric has no keys. */
    public static final class Declaration extends Component<Metric> {
        /** Declares top-two-share. */
        public Declaration() {
            super(Kind.METRIC, "top-two-share", "share of steps 1..t on the two arms with the largest means", "",
                    List.of());
        }

        @Override
        public Metric create(Settings settings) {
            return new TopTwoShare();
        }
    }
}
