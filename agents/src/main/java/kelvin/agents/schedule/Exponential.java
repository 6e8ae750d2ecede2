package kelvin.agents.schedule;

import java.util.List;
import java.util.Objects;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;

/**
 * Exponential (geometric) cooling ({@code exponential}): value at index t =
 * <pre>
 *   max(min, initial * decay^t)
 * </pre>
 * computed as a power, {@code initial * Math.pow(decay, t)}, not as a running product, so the value
 * at any t is reproducible on its own and matches the numpy peer (NOTES.md rule 3). With
 * initial = 1 and decay = 0.995, T_999 = 0.995^999 = 0.0066874.
 *
 * <p>Reference: S. Kirkpatrick, C. D. Gelatt Jr. and M. P. Vecchi, "Optimization by simulated
 * annealing", <i>Science</i> 220(4598), 1983, 671-680 (temperature multiplied by a constant factor
 * below 1 at each stage).
 */
public final class Exponential implements Schedule {

    private final double initial;
    private final double decay;
    private final double min;
    private final Per per;
    /** The values at t = 0, 1, ..., shared by the runs (not part of the value: see equals). */
    private final ValueTable table = new ValueTable(this::temperature);

    private Exponential(double initial, double decay, double min, Per per) {
        this.initial = initial;
        this.decay = decay;
        this.min = min;
        this.per = per;
    }

    /**
     * Exponential cooling without a floor ({@code min} = 0).
     *
     * @param initial the value at t = 0, finite and &gt; 0
     * @param decay the factor per index, in (0, 1]
     * @return the schedule
     * @throws IllegalArgumentException if a parameter is out of range or NaN
     */
    public static Exponential of(double initial, double decay) {
        return of(initial, decay, 0.0);
    }

    /**
     * Exponential cooling with a floor.
     *
     * @param initial the value at t = 0, finite and &gt; 0
     * @param decay the factor per index, in (0, 1]
     * @param min the floor, in [0, initial]
     * @return the schedule
     * @throws IllegalArgumentException if a parameter is out of range or NaN
     */
    public static Exponential of(double initial, double decay, double min) {
        Checks.positiveFinite("initial", initial);
        Checks.unitFactor("decay", decay);
        Checks.floor(min, initial);
        return new Exponential(initial, decay, min, Per.STEP);
    }

    /**
     * The same schedule with index t counting {@code per}.
     *
     * @param per steps or episodes
     * @return the schedule
     */
    public Exponential withPer(Per per) {
        return new Exponential(initial, decay, min, Checks.per(per));
    }

    @Override
    public double temperature(long t) {
        Checks.index(t);
        return Math.max(min, initial * Math.pow(decay, t));
    }

    /**
     * The value at t = 0.
     *
     * @return initial, finite and &gt; 0
     */
    public double initial() {
        return initial;
    }

    /**
     * The factor per index: T_t = max(min, initial * decay^t).
     *
     * @return decay, in (0, 1] (1 keeps the value at initial)
     */
    public double decay() {
        return decay;
    }

    /**
     * The floor the values never fall below.
     *
     * @return min, in [0, initial]; 0 when there is no floor
     */
    public double min() {
        return min;
    }

    /**
     * {@inheritDoc} Here: a view of a table of the values, computed once per index and shared by
     * every run, so a run pays an array read per step instead of the formula (the values are the
     * same to the last bit).
     */
    @Override
    public ScheduleRun newRun() {
        return table.newRun();
    }

    @Override
    public Per per() {
        return per;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Exponential s && Double.compare(initial, s.initial) == 0
            && Double.compare(decay, s.decay) == 0 && Double.compare(min, s.min) == 0 && per == s.per;
    }

    @Override
    public int hashCode() {
        return Objects.hash(initial, decay, min, per);
    }

    @Override
    public String toString() {
        return "exponential(initial=" + initial + ", decay=" + decay + ", min=" + min + Checks.perSuffix(per) + ")";
    }


    /** The {@code exponential} schedule of configs. */
    public static final class Declaration extends Component<Schedule> {
        /** Declares the keys. */
        public Declaration() {
            super(Kind.SCHEDULE, "exponential", "T_t = max(min, initial * decay^t)",
                    "Kirkpatrick, Gelatt & Vecchi (1983), Optimization by simulated annealing, Science 220", List.of(
                    Key.required("initial", ValueType.Num.positive(), "temperature at t = 0"),
                    Key.required("decay", new ValueType.Num(0, true, 1, false, false), "factor per step, in (0, 1]"),
                    Key.optional("min", ValueType.Num.atLeast(0), 0.0, "floor"),
                    Schedule.PER));
        }

        @Override
        public Schedule create(Settings v) {
            return of(v.num("initial"), v.num("decay"), Schedule.floor(v)).withPer(Schedule.per(v));
        }
    }
}
