import java.util.List;
import kelvin.agents.schedule.Schedule;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;

/** T = 1 until step {@code after}, then NaN or -1: the guard must stop the run there. */
public final class BadSchedule implements Schedule {
    private final long after;
    private final double bad;

    private BadSchedule(long after, double bad) {
        this.after = after;
        this.bad = bad;
    }

    @Override
    public double temperature(long t) {
        return t < after ? 1.0 : bad;
    }

    @Override
    public Per per() {
        return Per.STEP;
    }

    /** The declaration. */
    public static final class Declaration extends Component<Schedule> {
        /** Declares bad-schedule. */
        public Declaration() {
            super(Kind.SCHEDULE, "bad-schedule", "1 until step after, then a value that is not a temperature", "",
                    List.of(Key.required("after", new ValueType.Int(0, Long.MAX_VALUE), "the first bad step"),
                            Key.required("returns", new ValueType.Choice(List.of("nan", "negative", "fine")),
                                    "what comes after")));
        }

        @Override
        public Schedule create(Settings settings) {
            String returns = settings.str("returns");
            double bad = returns.equals("nan") ? Double.NaN : returns.equals("negative") ? -1.0 : 0.5;
            return new BadSchedule(settings.integer("after"), bad);
        }
    }
}
