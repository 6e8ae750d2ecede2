import java.util.List;
import kelvin.agents.schedule.Schedule;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;

/**
 * lake-cooling: a temperature schedule written as a Kelvin plug-in.
 *
 * <p>As written it returns the constant T_t = initial, so it runs at once (it then behaves like the
 * built-in {@code fixed} schedule). Replace the body of {@link #temperature(long)} with your rule,
 * keep the declaration below in step with the keys you use, and run the configs next to this file.
 *
 * <p>Config: {@code temperature: {schedule: lake-cooling, initial: 1.0}} (add {@code per: episode} on a
 * gridworld to count episodes instead of steps).
 */
public final class LakeCooling implements Schedule {

    private final double initial;
    private final Per per;

    private LakeCooling(double initial, Per per) {
        this.initial = initial;
        this.per = per;
    }

    /**
     * The temperature at index t.
     *
     * <p>Contract: t counts from 0 (the first step, or the first episode with {@code per: episode});
     * the same t always gives the same value (a schedule is a pure function of t, shared by every
     * run and thread: keep no state in fields that change); the value is a number >= 0 or
     * {@code Double.POSITIVE_INFINITY} (0 is greedy, infinity uniform). Kelvin checks the value at
     * run time and stops a run that gets NaN or a negative number.
     */
    @Override
    public double temperature(long t) {
        if (t < 0) {
            throw new IllegalArgumentException("t is negative: " + t);
        }
        // TODO: your schedule. For example, T_t = initial / (1 + t) cools like 1/t.
        return initial;
    }

    /** Contract: what t counts, as the config's {@code per} key says (steps unless {@code per: episode}). */
    @Override
    public Per per() {
        return per;
    }

    /**
     * Contract: the largest value any run can take (an epsilon schedule must stay at most 1). The
     * value at t = 0 is right for a schedule that never rises above its start; change it if yours
     * can rise.
     */
    @Override
    public double upperBound() {
        return temperature(0);
    }

    /**
     * What a config may write: the name, a one-line summary, the source it follows, its keys (type,
     * default, what it means) and how to build it from checked settings. Kelvin validates every value
     * against its key's type before {@link #create} runs.
     */
    public static final class Declaration extends Component<Schedule> {
        /** Declares lake-cooling with the keys initial and per. */
        public Declaration() {
            super(Kind.SCHEDULE, "lake-cooling", "T_t = initial (TODO: your formula)", "", List.of(
                    Key.optional("initial", ValueType.Num.positive(), 1.0, "the temperature at t = 0"),
                    Schedule.PER));
        }

        @Override
        public Schedule create(Settings settings) {
            return new LakeCooling(settings.num("initial"), Schedule.per(settings));
        }
    }
}
