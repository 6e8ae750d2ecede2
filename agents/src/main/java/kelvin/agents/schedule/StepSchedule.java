package kelvin.agents.schedule;

import java.util.List;
import java.util.Objects;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;

/**
 * Stepwise (staircase) cooling ({@code step}): value at index t =
 * <pre>
 *   max(min, initial * factor^floor(t / every))
 * </pre>
 * The value is held for {@code every} indices, then multiplied by {@code factor}; the power is
 * computed directly ({@code Math.pow}), not as a running product.
 *
 * <p>Reference: E. Aarts and J. Korst, <i>Simulated Annealing and Boltzmann Machines: A Stochastic
 * Approach to Combinatorial Optimization and Neural Computing</i>, Wiley, 1989 (homogeneous
 * annealing: a Markov chain of fixed length at each temperature, then a geometric decrement).
 */
public final class StepSchedule implements Schedule {

    private final double initial;
    private final double factor;
    private final long every;
    private final double min;
    private final Per per;
    /** The values at t = 0, 1, ..., shared by the runs (not part of the value: see equals). */
    private final ValueTable table = new ValueTable(this::temperature);

    private StepSchedule(double initial, double factor, long every, double min, Per per) {
        this.initial = initial;
        this.factor = factor;
        this.every = every;
        this.min = min;
        this.per = per;
    }

    /**
     * Stepwise cooling.
     *
     * @param initial the value for t in [0, every), finite and &gt; 0
     * @param factor the factor applied every {@code every} indices, in (0, 1]
     * @param every the length of each stage, at least 1
     * @param min the floor, in [0, initial]
     * @return the schedule
     * @throws IllegalArgumentException if a parameter is out of range or NaN
     */
    public static StepSchedule of(double initial, double factor, long every, double min) {
        Checks.positiveFinite("initial", initial);
        Checks.unitFactor("factor", factor);
        Checks.atLeastOne("every", every);
        Checks.floor(min, initial);
        return new StepSchedule(initial, factor, every, min, Per.STEP);
    }

    /**
     * The same schedule with index t counting {@code per}.
     *
     * @param per steps or episodes
     * @return the schedule
     */
    public StepSchedule withPer(Per per) {
        return new StepSchedule(initial, factor, every, min, Checks.per(per));
    }

    @Override
    public double temperature(long t) {
        Checks.index(t);
        return Math.max(min, initial * Math.pow(factor, t / every)); // long division: floor for t >= 0
    }

    /**
     * The value of the first stage, t in [0, every).
     *
     * @return initial, finite and &gt; 0
     */
    public double initial() {
        return initial;
    }

    /**
     * The factor the value is multiplied by at the start of every stage after the first.
     *
     * @return factor, in (0, 1] (1 keeps the value at initial)
     */
    public double factor() {
        return factor;
    }

    /**
     * The length of a stage in indices: stage n covers t in [n * every, (n + 1) * every).
     *
     * @return every, at least 1
     */
    public long every() {
        return every;
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
        return o instanceof StepSchedule s && Double.compare(initial, s.initial) == 0
            && Double.compare(factor, s.factor) == 0 && every == s.every
            && Double.compare(min, s.min) == 0 && per == s.per;
    }

    @Override
    public int hashCode() {
        return Objects.hash(initial, factor, every, min, per);
    }

    @Override
    public String toString() {
        return "step(initial=" + initial + ", factor=" + factor + ", every=" + every + ", min=" + min
            + Checks.perSuffix(per) + ")";
    }


    /** The {@code step} schedule of configs. */
    public static final class Declaration extends Component<Schedule> {
        /** Declares the keys. */
        public Declaration() {
            super(Kind.SCHEDULE, "step", "T_t = max(min, initial * factor^floor(t / every))",
                    "", List.of(
                    Key.required("initial", ValueType.Num.positive(), "temperature at t = 0"),
                    Key.required("factor", new ValueType.Num(0, true, 1, false, false),
                            "factor applied every `every` steps, in (0, 1]"),
                    Key.required("every", new ValueType.Int(1, Long.MAX_VALUE), "length of each level"),
                    Key.optional("min", ValueType.Num.atLeast(0), 0.0, "floor"),
                    Schedule.PER));
        }

        @Override
        public Schedule create(Settings v) {
            return of(v.num("initial"), v.num("factor"), v.integer("every"), Schedule.floor(v))
                    .withPer(Schedule.per(v));
        }
    }
}
