import java.util.List;
import kelvin.agents.schedule.Schedule;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;

/**
 * my-cooling, the reference solution of assignment (a): a warm start, then geometric cooling to a
 * floor, T_t = max(min, initial * decay^t).
 *
 * <p>At decay = 0.99 the temperature halves every 69 steps, so after about 300 steps the policy is
 * nearly greedy on estimates that have seen every arm several times; the floor keeps a little
 * exploration for the arms whose estimates are still close.
 *
 * <p>Config: {@code temperature: {schedule: my-cooling}} (the defaults are the tuned values).
 */
public final class MyCooling implements Schedule {

    private final double initial;
    private final double decay;
    private final double min;
    private final Per per;

    private MyCooling(double initial, double decay, double min, Per per) {
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
        /** Declares my-cooling with the keys initial, decay, min and per. */
        public Declaration() {
            super(Kind.SCHEDULE, "my-cooling", "T_t = max(min, initial * decay^t)", "", List.of(
                    Key.optional("initial", ValueType.Num.positive(), 1.0, "the temperature at t = 0"),
                    Key.optional("decay", ValueType.Num.closed(0, 1), 0.99, "factor per step"),
                    Key.optional("min", ValueType.Num.atLeast(0), 0.02, "the floor"),
                    Schedule.PER));
        }

        @Override
        public Schedule create(Settings settings) {
            return new MyCooling(settings.num("initial"), settings.num("decay"), settings.num("min"),
                    Schedule.per(settings));
        }
    }
}
