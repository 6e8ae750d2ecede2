package kelvin.agents.schedule;

import java.util.List;
import java.util.Objects;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;

/**
 * Cosine annealing ({@code cosine}): value at index t =
 * <pre>
 *   min + (initial - min) * (1 + cos(pi * min(t, steps) / steps)) / 2
 * </pre>
 * falling smoothly from {@code initial} at t = 0 to {@code min} at t = steps (flat at both ends)
 * and staying there.
 *
 * <p>Reference: I. Loshchilov and F. Hutter, "SGDR: Stochastic Gradient Descent with Warm
 * Restarts", <i>International Conference on Learning Representations</i> (ICLR), 2017, eq. 5
 * (one cycle, no restart).
 */
public final class Cosine implements Schedule {

    private final double initial;
    private final double min;
    private final long steps;
    private final Per per;
    /** The values at t = 0, 1, ..., shared by the runs (not part of the value: see equals). */
    private final ValueTable table = new ValueTable(this::temperature);

    private Cosine(double initial, double min, long steps, Per per) {
        this.initial = initial;
        this.min = min;
        this.steps = steps;
        this.per = per;
    }

    /**
     * Cosine annealing from {@code initial} to {@code min} over {@code steps} indices.
     *
     * @param initial the value at t = 0, finite and &gt; 0
     * @param min the final value, in [0, initial]
     * @param steps the index at which {@code min} is reached, at least 1
     * @return the schedule
     * @throws IllegalArgumentException if a parameter is out of range or NaN
     */
    public static Cosine of(double initial, double min, long steps) {
        Checks.positiveFinite("initial", initial);
        Checks.floor(min, initial);
        Checks.atLeastOne("steps", steps);
        return new Cosine(initial, min, steps, Per.STEP);
    }

    /**
     * The same schedule with index t counting {@code per}.
     *
     * @param per steps or episodes
     * @return the schedule
     */
    public Cosine withPer(Per per) {
        return new Cosine(initial, min, steps, Checks.per(per));
    }

    @Override
    public double temperature(long t) {
        Checks.index(t);
        return min + (initial - min) * (1 + Math.cos(Math.PI * Math.min(t, steps) / steps)) / 2;
    }

    /**
     * The value at t = 0, where the half cosine starts.
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
     * The index at which the final value is reached: the length of the half cosine.
     *
     * @return steps, at least 1
     */
    public long steps() {
        return steps;
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
        return o instanceof Cosine s && Double.compare(initial, s.initial) == 0
            && Double.compare(min, s.min) == 0 && steps == s.steps && per == s.per;
    }

    @Override
    public int hashCode() {
        return Objects.hash(initial, min, steps, per);
    }

    @Override
    public String toString() {
        return "cosine(initial=" + initial + ", min=" + min + ", steps=" + steps + Checks.perSuffix(per) + ")";
    }


    /** The {@code cosine} schedule of configs. */
    public static final class Declaration extends Component<Schedule> {
        /** Declares the keys. */
        public Declaration() {
            super(Kind.SCHEDULE, "cosine", "T_t = min + (initial - min)(1 + cos(pi min(t, steps) / steps)) / 2",
                    "Loshchilov & Hutter (2017), SGDR: stochastic gradient descent with warm restarts, ICLR", List.of(
                    Key.required("initial", ValueType.Num.positive(), "temperature at t = 0"),
                    Key.optional("min", ValueType.Num.atLeast(0), 0.0, "temperature from t = steps on"),
                    Key.required("steps", new ValueType.Int(1, Long.MAX_VALUE), "length of the half cosine"),
                    Schedule.PER));
        }

        @Override
        public Schedule create(Settings v) {
            return of(v.num("initial"), Schedule.floor(v), v.integer("steps")).withPer(Schedule.per(v));
        }
    }
}
