import java.util.List;
import kelvin.agents.schedule.Schedule;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;

/**
 * power-cooling, the reference solution of assignment (a): T_t = initial / (1 + t)^power.
 *
 * <p>power = 1/2 is the c / sqrt(t + 1) cooling, power = 1 the harmonic one; the larger the power,
 * the sooner the policy turns greedy.
 *
 * <p>Config: {@code temperature: {schedule: power-cooling, initial: 1.0, power: 0.5}}.
 */
public final class PowerCooling implements Schedule {

    private final double initial;
    private final double power;
    private final Per per;

    private PowerCooling(double initial, double power, Per per) {
        this.initial = initial;
        this.power = power;
        this.per = per;
    }

    @Override
    public double temperature(long t) {
        if (t < 0) {
            throw new IllegalArgumentException("t is negative: " + t);
        }
        return initial / Math.pow(1.0 + t, power);
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
        /** Declares power-cooling with the keys initial, power and per. */
        public Declaration() {
            super(Kind.SCHEDULE, "power-cooling", "T_t = initial / (1 + t)^power", "", List.of(
                    Key.optional("initial", ValueType.Num.positive(), 1.0, "the temperature at t = 0"),
                    Key.optional("power", ValueType.Num.positive(), 0.5, "how fast T falls: 1/2 as 1/sqrt(t), 1 as 1/t"),
                    Schedule.PER));
        }

        @Override
        public Schedule create(Settings settings) {
            return new PowerCooling(settings.num("initial"), settings.num("power"), Schedule.per(settings));
        }
    }
}
