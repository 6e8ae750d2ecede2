import java.util.List;
import kelvin.agents.schedule.Schedule;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;

/** T = 1 until step {@code after} of run {@code run}, where it throws: a bug in the middle of a run. */
public final class ThrowingSchedule implements Schedule {
    private final long after;

    private ThrowingSchedule(long after) {
        this.after = after;
    }

    @Override
    public double temperature(long t) {
        if (t >= after) {
            throw new IllegalStateException("the schedule's table has no entry for t = " + t);
        }
        return 1.0;
    }

    @Override
    public Per per() {
        return Per.STEP;
    }

    /** The declaration. */
    public static final class Declaration extends Component<Schedule> {
        /** Declares throwing-schedule. */
        public Declaration() {
            super(Kind.SCHEDULE, "throwing-schedule", "1 until step after, then it throws", "",
                    List.of(Key.required("after", new ValueType.Int(0, Long.MAX_VALUE), "the first failing step")));
        }

        @Override
        public Schedule create(Settings settings) {
            return new ThrowingSchedule(settings.integer("after"));
        }
    }
}
