package kelvin.agents.schedule;

import java.util.List;
import java.util.Objects;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;

/**
 * Logarithmic cooling ({@code logarithmic}), the classic simulated-annealing law: value at
 * index t =
 * <pre>
 *   c / ln(t + t0)        with t0 &gt; 1 (default 2), so the logarithm is positive from t = 0
 * </pre>
 * Geman and Geman proved that annealing at T_t &gt;= c / ln(1 + t) for a large enough c converges
 * to a global minimum; Hajek gave the exact condition (c at least the depth of the deepest
 * non-global local minimum). It cools very slowly: halving the temperature squares t + t0.
 *
 * <p>References:
 * <ul>
 *   <li>S. Geman and D. Geman, "Stochastic relaxation, Gibbs distributions, and the Bayesian
 *       restoration of images", <i>IEEE Transactions on Pattern Analysis and Machine
 *       Intelligence</i> PAMI-6(6), 1984, 721-741.</li>
 *   <li>B. Hajek, "Cooling schedules for optimal annealing", <i>Mathematics of Operations
 *       Research</i> 13(2), 1988, 311-329.</li>
 * </ul>
 */
public final class Logarithmic implements Schedule {

    /** The default offset t0. */
    public static final double DEFAULT_T0 = 2.0;

    private final double c;
    private final double t0;
    private final Per per;
    /** The values at t = 0, 1, ..., shared by the runs (not part of the value: see equals). */
    private final ValueTable table = new ValueTable(this::temperature);

    private Logarithmic(double c, double t0, Per per) {
        this.c = c;
        this.t0 = t0;
        this.per = per;
    }

    /**
     * Logarithmic cooling with t0 = 2: c / ln(t + 2).
     *
     * @param c the constant, finite and &gt; 0
     * @return the schedule
     * @throws IllegalArgumentException if {@code c} is out of range or NaN
     */
    public static Logarithmic of(double c) {
        return of(c, DEFAULT_T0);
    }

    /**
     * Logarithmic cooling c / ln(t + t0).
     *
     * @param c the constant, finite and &gt; 0
     * @param t0 the offset, finite and &gt; 1
     * @return the schedule
     * @throws IllegalArgumentException if a parameter is out of range or NaN
     */
    public static Logarithmic of(double c, double t0) {
        Checks.positiveFinite("c", c);
        if (!(t0 > 1 && t0 < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("t0 is not finite and > 1: " + t0);
        }
        return new Logarithmic(c, t0, Per.STEP);
    }

    /**
     * The same schedule with index t counting {@code per}.
     *
     * @param per steps or episodes
     * @return the schedule
     */
    public Logarithmic withPer(Per per) {
        return new Logarithmic(c, t0, Checks.per(per));
    }

    @Override
    public double temperature(long t) {
        Checks.index(t);
        return c / Math.log(t + t0);
    }

    /**
     * The scale c of T_t = c / ln(t + t0).
     *
     * @return c, finite and &gt; 0
     */
    public double c() {
        return c;
    }

    /**
     * The offset t0 added to t inside the logarithm, so T_0 = c / ln(t0).
     *
     * @return t0, finite and &gt; 1 ({@link #DEFAULT_T0} unless set)
     */
    public double t0() {
        return t0;
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
        return o instanceof Logarithmic s && Double.compare(c, s.c) == 0
            && Double.compare(t0, s.t0) == 0 && per == s.per;
    }

    @Override
    public int hashCode() {
        return Objects.hash(c, t0, per);
    }

    @Override
    public String toString() {
        return "logarithmic(c=" + c + ", t0=" + t0 + Checks.perSuffix(per) + ")";
    }


    /** The {@code logarithmic} schedule of configs. */
    public static final class Declaration extends Component<Schedule> {
        /** Declares the keys. */
        public Declaration() {
            super(Kind.SCHEDULE, "logarithmic", "T_t = c / ln(t + t0)",
                    "Geman & Geman (1984), IEEE PAMI 6; "
                            + "Hajek (1988), Cooling schedules for optimal annealing, Math. OR 13",
                    List.of(
                    Key.required("c", ValueType.Num.positive(), "scale"),
                    Key.optional("t0", new ValueType.Num(1, true, Double.POSITIVE_INFINITY, true, false), 2.0,
                            "offset, > 1"),
                    Schedule.PER));
        }

        @Override
        public Schedule create(Settings v) {
            return of(v.num("c"), v.num("t0")).withPer(Schedule.per(v));
        }
    }
}
