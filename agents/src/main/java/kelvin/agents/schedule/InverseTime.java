package kelvin.agents.schedule;

import java.util.List;
import java.util.Objects;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;

/**
 * Inverse-time cooling ({@code inverse-time}): value at index t =
 * <pre>
 *   initial / (1 + k * t)
 * </pre>
 * This is the closed form of Lundy and Mees' recursion T_{t+1} = T_t / (1 + beta T_t), which gives
 * T_t = T_0 / (1 + beta T_0 t), i.e. k = beta * initial ({@link #lundyMees(double, double)}).
 *
 * <p>Reference: M. Lundy and A. Mees, "Convergence of an annealing algorithm", <i>Mathematical
 * Programming</i> 34(1), 1986, 111-124.
 */
public final class InverseTime implements Schedule {

    private final double initial;
    private final double k;
    private final Per per;

    private InverseTime(double initial, double k, Per per) {
        this.initial = initial;
        this.k = k;
        this.per = per;
    }

    /**
     * Inverse-time cooling.
     *
     * @param initial the value at t = 0, finite and &gt; 0
     * @param k the rate, finite and &gt;= 0 (0 keeps the value constant)
     * @return the schedule
     * @throws IllegalArgumentException if a parameter is out of range or NaN
     */
    public static InverseTime of(double initial, double k) {
        Checks.positiveFinite("initial", initial);
        Checks.nonNegativeFinite("k", k);
        return new InverseTime(initial, k, Per.STEP);
    }

    /**
     * Lundy-Mees cooling: {@code of(initial, beta * initial)}.
     *
     * @param initial the value at t = 0, finite and &gt; 0
     * @param beta Lundy and Mees' beta, finite and &gt;= 0
     * @return the schedule
     * @throws IllegalArgumentException if a parameter is out of range or NaN
     */
    public static InverseTime lundyMees(double initial, double beta) {
        Checks.positiveFinite("initial", initial);
        Checks.nonNegativeFinite("beta", beta);
        return of(initial, beta * initial);
    }

    /**
     * The same schedule with index t counting {@code per}.
     *
     * @param per steps or episodes
     * @return the schedule
     */
    public InverseTime withPer(Per per) {
        return new InverseTime(initial, k, Checks.per(per));
    }

    @Override
    public double temperature(long t) {
        Checks.index(t);
        return initial / (1 + k * t);
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
     * The rate k of T_t = initial / (1 + k * t).
     *
     * @return k, finite and &gt;= 0 (0 keeps the value constant)
     */
    public double k() {
        return k;
    }

    @Override
    public Per per() {
        return per;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InverseTime s && Double.compare(initial, s.initial) == 0
            && Double.compare(k, s.k) == 0 && per == s.per;
    }

    @Override
    public int hashCode() {
        return Objects.hash(initial, k, per);
    }

    @Override
    public String toString() {
        return "inverse-time(initial=" + initial + ", k=" + k + Checks.perSuffix(per) + ")";
    }


    /** The {@code inverse-time} schedule of configs. */
    public static final class Declaration extends Component<Schedule> {
        /** Declares the keys. */
        public Declaration() {
            super(Kind.SCHEDULE, "inverse-time", "T_t = initial / (1 + k t)",
                    "Lundy & Mees (1986), Convergence of an annealing algorithm, Math. Programming 34", List.of(
                    Key.required("initial", ValueType.Num.positive(), "temperature at t = 0"),
                    Key.required("k", ValueType.Num.atLeast(0), "cooling rate"),
                    Schedule.PER));
        }

        @Override
        public Schedule create(Settings v) {
            return of(v.num("initial"), v.num("k")).withPer(Schedule.per(v));
        }
    }
}
