package kelvin.agents.schedule;

import java.util.List;
import kelvin.agents.softmax.Softmax;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;

/**
 * A constant schedule ({@code fixed}): value at index t = {@code value} for every t.
 *
 * <p>As a temperature, 0 is greedy and +infinity is uniform; it can also be given as an inverse
 * temperature beta = 1/value ({@link #ofBeta(double)}). As an epsilon, it is the fixed exploration
 * rate of Sutton &amp; Barto's Figure 2.2.
 *
 * <p>Reference: R. S. Sutton and A. G. Barto, <i>Reinforcement Learning: An Introduction</i>, MIT
 * Press, 2nd ed., 2018, sections 2.2-2.3 (fixed epsilon); 1st ed., 1998, section 2.3 (softmax with a
 * fixed temperature tau).
 */
public final class Fixed implements Schedule {

    private final double value;
    private final Per per;

    private Fixed(double value, Per per) {
        this.value = value;
        this.per = per;
    }

    /**
     * A constant value.
     *
     * @param value the value, in [0, +infinity] (0 = greedy, +infinity = uniform as a temperature)
     * @return the schedule
     * @throws IllegalArgumentException if {@code value} is negative or NaN
     */
    public static Fixed of(double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException("value is not in [0, +Infinity]: " + value);
        }
        return new Fixed(value, Per.STEP);
    }

    /**
     * A constant temperature given as an inverse temperature: value = 1 / beta (beta = 0 gives
     * +infinity, beta = +infinity gives 0).
     *
     * @param beta the inverse temperature, in [0, +infinity]
     * @return the schedule
     * @throws IllegalArgumentException if {@code beta} is negative or NaN
     */
    public static Fixed ofBeta(double beta) {
        return of(Softmax.temperatureOfBeta(beta));
    }

    /**
     * The same schedule with index t counting {@code per}.
     *
     * @param per steps or episodes
     * @return the schedule
     */
    public Fixed withPer(Per per) {
        return new Fixed(value, Checks.per(per));
    }

    /** {@inheritDoc} Here: {@code value}. */
    @Override
    public double temperature(long t) {
        Checks.index(t);
        return value;
    }

    /**
     * The constant value, T_t = value for every t.
     *
     * @return the value, in [0, +infinity]
     */
    public double value() {
        return value;
    }

    @Override
    public Per per() {
        return per;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fixed f && Double.compare(value, f.value) == 0 && per == f.per;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(value) + per.hashCode();
    }

    @Override
    public String toString() {
        return "fixed(value=" + value + Checks.perSuffix(per) + ")";
    }


    /** The {@code fixed} schedule of configs. */
    public static final class Declaration extends Component<Schedule> {
        /** Declares the keys. */
        public Declaration() {
            super(Kind.SCHEDULE, "fixed", "T_t = value (or 1/beta)",
                    "Sutton & Barto (2018), Reinforcement Learning: An Introduction, 2nd ed.", List.of(
                    Key.optional("value", ValueType.Num.temperature(), "the temperature; 0 = greedy, inf = uniform"),
                    Key.optional("beta", ValueType.Num.temperature(), "inverse temperature 1/T, instead of value"),
                    Schedule.PER));
        }

        @Override
        public Schedule create(Settings v) {
            if (v.has("value") == v.has("beta")) {
                throw v.error("give exactly one of value (temperature) or beta (1/temperature)");
            }
            return (v.has("value") ? of(v.num("value")) : ofBeta(v.num("beta"))).withPer(Schedule.per(v));
        }
    }
}
