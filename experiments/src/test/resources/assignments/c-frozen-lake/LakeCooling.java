import java.util.List;
import kelvin.agents.schedule.Schedule;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;

/**
 * lake-cooling, the reference solution of assignment (c): per-episode geometric cooling to a floor,
 * T_e = max(min, initial * decay^e), e the episode.
 *
 * <p>At decay = 0.998 the temperature halves every 350 episodes: the first thousand episodes
 * explore enough for Q-learning to rank the actions of the states that matter, the last ones are
 * nearly greedy and collect the reward. Cooling faster (decay 0.99) earns more early but freezes
 * estimates that are still wrong, and the greedy policy's value drops.
 *
 * <p>Config: {@code temperature: {schedule: lake-cooling, per: episode}} (the defaults are the
 * tuned values).
 */
public final class LakeCooling implements Schedule {

    private final double initial;
    private final double decay;
    private final double min;
    private final Per per;

    private LakeCooling(double initial, double decay, double min, Per per) {
        this.initial = initial;
        this.decay = decay;
        this.min = min;
        this.per = per;
    }

    @Override
    public double temperature(long t) {
        if (t < 0) {
            throw new IllegalArgumentException("t is negative: " + t);
        }
        return Math.max(min, initial * Math.pow(decay, t));
    }

    @Override
    public Per per() {
        return per;
    }

    @Override
    public double upperBound() {
        return temperature(0);
    }

    /** The config name, keys and factory. */
    public static final class Declaration extends Component<Schedule> {
        /** Declares lake-cooling with the keys initial, decay, min and per. */
        public Declaration() {
            super(Kind.SCHEDULE, "lake-cooling", "T_e = max(min, initial * decay^e)", "", List.of(
                    Key.optional("initial", ValueType.Num.positive(), 1.0, "the temperature at episode 0"),
                    Key.optional("decay", ValueType.Num.closed(0, 1), 0.998, "factor per episode"),
                    Key.optional("min", ValueType.Num.atLeast(0), 0.01, "the floor"),
                    Schedule.PER));
        }

        @Override
        public Schedule create(Settings settings) {
            return new LakeCooling(settings.num("initial"), settings.num("decay"), settings.num("min"),
                    Schedule.per(settings));
        }
    }
}
