package kelvin.agents.schedule;

import java.util.List;
import java.util.Objects;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;

/**
 * The GLIE Boltzmann schedule ({@code glie-boltzmann}) of Singh, Jaakkola, Littman and Szepesvari:
 * a Boltzmann policy whose inverse temperature in state s grows with the logarithm of the visits to s,
 * <pre>
 *   beta_t(s) = ln n_t(s) / C,   T = C / ln n_t(s),   n_t(s) = t + 1
 * </pre>
 * where t is the number of earlier visits to s ({@link Per#STATE_VISIT}, the default here), so
 * n_t(s) counts the current visit too: the first visit is uniform (T = +infinity), the second has
 * T = C / ln 2, the e-th visit (n = e) T = C.
 *
 * <p>Why it explores forever and is greedy in the limit (GLIE): if every action-value difference
 * in s stays within C, each action has probability at least exp(-beta C) / K = 1 / (K n_t(s)), whose
 * sum over the visits diverges, so every action is tried infinitely often in every state visited
 * infinitely often (conditional Borel-Cantelli); and beta_t(s) grows without bound, so the policy
 * becomes greedy. The paper writes the denominator C_t(s), a state- and time-dependent bound on the
 * action-value differences; this schedule takes it constant, which keeps the argument when C bounds
 * those differences (for rewards in [r_min, r_max] and Q started in the range of returns,
 * C = (r_max - r_min) / (1 - gamma) does). Under a GLIE policy SARSA(0) converges to Q* with
 * probability 1 (the paper's Theorem 1) in a finite MDP with a Q table, bounded reward variance,
 * gamma &lt; 1, and step sizes alpha_t(s, a) with sum alpha = infinity and sum alpha^2 &lt; infinity
 * per pair; Kelvin's TD agents use a constant alpha, which does not meet the last condition.
 *
 * <p>Reference: S. Singh, T. Jaakkola, M. L. Littman and C. Szepesvari, "Convergence results for
 * single-step on-policy reinforcement-learning algorithms", <i>Machine Learning</i> 38(3), 2000,
 * 287-308.
 */
public final class GlieBoltzmann implements Schedule {

    private final double c;
    private final Per per;
    /** The values at t = 0, 1, ..., shared by the runs (not part of the value: see equals). */
    private final ValueTable table = new ValueTable(this::temperature);

    private GlieBoltzmann(double c, Per per) {
        this.c = c;
        this.per = per;
    }

    /**
     * The GLIE Boltzmann schedule T = c / ln(t + 1), counting the visits to the current state.
     *
     * @param c the constant C, finite and &gt; 0 (a bound on the action-value differences)
     * @return the schedule, with {@link Per#STATE_VISIT}
     * @throws IllegalArgumentException if {@code c} is out of range or NaN
     */
    public static GlieBoltzmann of(double c) {
        Checks.positiveFinite("c", c);
        return new GlieBoltzmann(c, Per.STATE_VISIT);
    }

    /**
     * The same schedule with index t counting {@code per} (with steps, n_t = t + 1 is the step number).
     *
     * @param per steps, episodes or state visits
     * @return the schedule
     */
    public GlieBoltzmann withPer(Per per) {
        return new GlieBoltzmann(c, Checks.per(per));
    }

    /**
     * {@inheritDoc} Here: c / ln(t + 1), +infinity at t = 0.
     */
    @Override
    public double temperature(long t) {
        Checks.index(t);
        return t == 0 ? Double.POSITIVE_INFINITY : c / Math.log1p(t);
    }

    /**
     * The constant C of beta = ln n / C.
     *
     * @return C, finite and &gt; 0
     */
    public double c() {
        return c;
    }

    /** {@inheritDoc} Here: a view of a table of the values shared by every run. */
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
        return o instanceof GlieBoltzmann s && Double.compare(c, s.c) == 0 && per == s.per;
    }

    @Override
    public int hashCode() {
        return Objects.hash(c, per);
    }

    @Override
    public String toString() {
        return "glie-boltzmann(c=" + c + Checks.perSuffix(per) + ")";
    }

    /** The {@code glie-boltzmann} schedule of configs. */
    public static final class Declaration extends Component<Schedule> {
        /** Declares the keys: c, per (default state-visit). */
        public Declaration() {
            super(Kind.SCHEDULE, "glie-boltzmann", "T = C / ln n, n = t + 1 the visits to the state including this "
                    + "one (beta_t(s) = ln n_t(s) / C; T = inf on the first visit); GLIE when C bounds the "
                    + "action-value differences",
                    "Singh, Jaakkola, Littman & Szepesvari (2000), Convergence results for single-step on-policy "
                            + "reinforcement-learning algorithms, Machine Learning 38",
                    List.of(
                    Key.required("c", ValueType.Num.positive(), "C: a bound on |Q(s,a) - Q(s,b)|"),
                    Key.optional("per", Schedule.PER.type(), "state-visit", "what t counts; default: the earlier "
                            + "visits to the current state")));
        }

        @Override
        public Schedule create(Settings v) {
            return of(v.num("c")).withPer(Schedule.per(v));
        }
    }
}
