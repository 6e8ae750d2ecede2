package kelvin.agents.schedule;

import java.util.List;
import java.util.Objects;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;

/**
 * Linear annealing ({@code linear}): value at index t =
 * <pre>
 *   max(min, initial - (initial - min) * t / steps)
 * </pre>
 * falling in a straight line from {@code initial} at t = 0 to {@code min} at t = steps and staying
 * there.
 *
 * <p>Reference: V. Mnih et al., "Human-level control through deep reinforcement learning",
 * <i>Nature</i> 518, 2015, 529-533 (epsilon annealed linearly from 1.0 to 0.1 over the first
 * million frames, then fixed).
 */
public final class Linear implements Schedule {

    private final double initial;
    private final double min;
    private final long steps;
    private final Per per;

    private Linear(double initial, double min, long steps, Per per) {
        this.initial = initial;
        this.min = min;
        this.steps = steps;
        this.per = per;
    }

    /**
     * Linear annealing from {@code initial} to {@code min} over {@code steps} indices.
     *
     * @param initial the value at t = 0, finite and &gt; 0
     * @param min the final value, in [0, initial]
     * @param steps the index at which {@code min} is reached, at least 1
     * @return the schedule
     * @throws IllegalArgumentException if a parameter is out of range or NaN
     */
    public static Linear of(double initial, double min, long steps) {
        Checks.positiveFinite("initial", initial);
        Checks.floor(min, initial);
        Checks.atLeastOne("steps", steps);
        return new Linear(initial, min, steps, Per.STEP);
    }

    /**
     * The same schedule with index t counting {@code per}.
     *
     * @param per steps or episodes
     * @return the schedule
     */
    public Linear withPer(Per per) {
        return new Linear(initial, min, steps, Checks.per(per));
    }

    @Override
    public double temperature(long t) {
        Checks.index(t);
        double drop = (initial - min) * t / steps;
        if (drop == Double.POSITIVE_INFINITY) {
            // (initial - min) * t overflowed (initial near the largest double): divide first
            drop = (initial - min) * ((double) t / steps);
        }
        return Math.max(min, initial - drop);
    }

    /**
     * The value at t = 0, where the straight line starts.
     *
     * @return initial, finite and &gt; 0
     */
    public double initial() {
        return initial;
    }

    /**
     * The final value, reached at t = steps and kept from then on.
     *
     * @return min, in [0, initial]
     */
    public double min() {
        return min;
    }

    /**
     * The index at which the final value is reached; the line falls by (initial - min) / steps per
     * index until then.
     *
     * @return steps, at least 1
     */
    public long steps() {
        return steps;
    }

    @Override
    public Per per() {
        return per;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Linear s && Double.compare(initial, s.initial) == 0
            && Double.compare(min, s.min) == 0 && steps == s.steps && per == s.per;
    }

    @Override
    public int hashCode() {
        return Objects.hash(initial, min, steps, per);
    }

    @Override
    public String toString() {
        return "linear(initial=" + initial + ", min=" + min + ", steps=" + steps + Checks.perSuffix(per) + ")";
    }


    /** The {@code linear} schedule of configs. */
    public static final class Declaration extends Component<Schedule> {
        /** Declares the keys. */
        public Declaration() {
            super(Kind.SCHEDULE, "linear", "T_t = max(min, initial - (initial - min) t / steps)",
                    "", List.of(
                    Key.required("initial", ValueType.Num.positive(), "temperature at t = 0"),
                    Key.optional("min", ValueType.Num.atLeast(0), 0.0, "temperature from t = steps on"),
                    Key.required("steps", new ValueType.Int(1, Long.MAX_VALUE), "t at which min is reached"),
                    Schedule.PER));
        }

        @Override
        public Schedule create(Settings v) {
            return of(v.num("initial"), Schedule.floor(v), v.integer("steps")).withPer(Schedule.per(v));
        }
    }
}
