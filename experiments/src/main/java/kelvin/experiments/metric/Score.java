package kelvin.experiments.metric;

import java.util.List;
import kelvin.api.Component;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.env.bandit.BanditRun;
import kelvin.env.mdp.TabularModel;

/**
 * The normalised score ({@code score}): a number comparable across environments, 0 at the
 * environment's floor and 1 at the optimum, which suites aggregate (IQM, performance profiles).
 * <ul>
 *   <li>On a bandit: 1 - regret_t / U_t, with U_t the uniform random policy's expected regret over
 *       the same t steps ({@link BanditRun#uniformRegret(long)}: t (mu* - mean of the means) for
 *       means that never move, the sum along the run's own drift otherwise).</li>
 *   <li>On a tabular MDP the same over episodes: 1 - regret_e / (e (V* - F)), where regret_e sums
 *       V*(start) - the discounted return of each of the first e episodes and F is the
 *       environment's floor ({@link kelvin.env.mdp.TabularEnv#scoreFloor}, by default the uniform
 *       random policy's value from the start): the mean over the episodes so far of
 *       (G - F) / (V* - F), with V* and F exact on the run's model over an episode of at most
 *       max-steps steps.</li>
 * </ul>
 * Both measure what exploring cost along the way, as regret does, on one scale: 0 is the
 * uniform random policy's expectation, 1 no regret at all. It can fall below 0 (worse than random)
 * and is NaN where the floor is the optimum (every arm or policy equally good), where no score can
 * tell agents apart.
 */
public final class Score implements Metric {

    @Override
    public String title() {
        return "Normalised score";
    }

    @Override
    public String axisLabel() {
        return "score (0 = uniform random, 1 = optimal)";
    }

    @Override
    public Better better() {
        return Better.HIGHER;
    }

    @Override
    public String caption(boolean episodic) {
        if (episodic) {
            return "Normalised score: the mean over the episodes so far of (G - F) / (V* - F), G an episode's "
                    + "discounted return, F the uniform random policy's value and V* the optimum, from the start "
                    + "(1 - regret / the uniform policy's regret): 0 is random, 1 optimal.";
        }
        return "Normalised score 1 - regret / the uniform random policy's expected regret over the same steps: 0 "
                + "is random, 1 optimal.";
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
        return step -> {
            double uniform = run.uniformRegret(step.t() + 1);
            return separates(uniform, step.regret()) ? 1 - step.regret() / uniform : Double.NaN;
        };
    }

    @Override
    public EpisodeRecorder startEpisodes(TabularModel model) {
        return episode -> {
            double floor = episode.scoreFloor();
            double uniform = (episode.index() + 1) * (episode.optimalValue() - floor);
            return separates(uniform, episode.regret()) ? 1 - episode.regret() / uniform : Double.NaN;
        };
    }

    /** Whether the floor-to-optimum range is more than round-off next to the measured part. */
    private static boolean separates(double range, double part) {
        return range > 1e-12 * Math.max(1.0, Math.abs(part));
    }

    /** The {@code score} metric of configs. */
    public static final class Declaration extends Component<Metric> {
        /** Declares the metric; it has no keys. */
        public Declaration() {
            super(Kind.METRIC, "score", "normalised score 1 - regret / the uniform random policy's expected regret "
                    + "over the same steps or episodes (on MDPs: the mean over episodes of (return - F) / (V* - F), F "
                    + "the uniform policy's value); 0 random, 1 optimal",
                    "Agarwal et al. (2021), Deep Reinforcement Learning at the Edge of the Statistical Precipice, "
                            + "NeurIPS (normalised scores)", List.of());
        }

        @Override
        public Metric create(Settings settings) {
            return new Score();
        }
    }
}
