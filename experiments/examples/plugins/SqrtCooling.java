import java.util.List;
import kelvin.agents.schedule.Schedule;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;

/**
 * A temperature schedule written as a plug-in: T_t = c / sqrt(t + 1), slower than exponential
 * cooling and faster than logarithmic. A schedule is a pure function of its index t (a step, or an
 * episode with {@code per: episode}); Kelvin asks it for T at every step and checks the value is a
 * number >= 0 (or inf).
 *
 * <p>Config: {@code temperature: {schedule: sqrt-cooling, c: 1.0}}.
 */
public final class SqrtCooling implements Schedule {

    private final double c;
    private final Per per;

    private SqrtCooling(double c, Per per) {
        this.c = c;
        this.per = per;
    }

    @Override
    public double temperature(long t) {
        if (t < 0) {
            throw new IllegalArgumentException("t is negative: " + t);
        }
        return c / Math.sqrt(t + 1.0);
    }

    @Override
    public Per per() {
        return per;
    }

    /** What a config may write: the name, the keys with their types, defaults and docs, and how to build it. */
    public static final class Declaration extends Component<Schedule> {
        /** Declares sqrt-cooling with the keys c and per. */
        public Declaration() {
            super(Kind.SCHEDULE, "sqrt-cooling", "T_t = c / sqrt(t + 1)", "", List.of(
                    Key.required("c", ValueType.Num.positive(), "the temperature at t = 0"),
                    Schedule.PER));
        }

        @Override
        public Schedule create(Settings settings) {
            return new SqrtCooling(settings.num("c"), Schedule.per(settings));
        }
    }
}
