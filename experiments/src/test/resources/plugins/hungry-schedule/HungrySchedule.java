import java.util.List;
import kelvin.agents.schedule.Schedule;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;

/**
 * T = 1 until step {@code after}, where it asks for an array of 16 GiB: more than the tests' heap,
 * so the JVM refuses it at once (an OutOfMemoryError) without filling the heap first.
 */
public final class HungrySchedule implements Schedule {
    private final long after;
    private long[] table;

    private HungrySchedule(long after) {
        this.after = after;
    }

    @Override
    public double temperature(long t) {
        if (t >= after && table == null) {
            table = new long[Integer.MAX_VALUE - 8];
        }
        return 1.0;
    }

    @Override
    public Per per() {
        return Per.STEP;
    }

    /** The declaration. */
    public static final class Declaration extends Component<Schedule> {
        /** Declares hungry-schedule. */
        public Declaration() {
            super(Kind.SCHEDULE, "hungry-schedule", "1 until step after, then it asks for 16 GiB", "",
                    List.of(Key.required("after", new ValueType.Int(0, Long.MAX_VALUE), "the step that allocates")));
        }

        @Override
        public Schedule create(Settings settings) {
            return new HungrySchedule(settings.integer("after"));
        }
    }
}
