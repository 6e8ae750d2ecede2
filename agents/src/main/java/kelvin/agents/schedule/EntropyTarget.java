package kelvin.agents.schedule;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;

/**
 * Entropy targeting ({@code entropy-target}): an adaptive, stateful temperature that moves log T
 * so that the entropy of the policy tracks a target. T_0 = {@code initial}; after the step with
 * index t, whose action was chosen by a distribution pi_t of entropy H(pi_t) nats,
 * <pre>
 *   log T_{t+1} = log T_t - rate * (H(pi_t) - target)
 * </pre>
 * computed as T_{t+1} = T_t * exp(-rate * (H(pi_t) - target)) and then clamped to
 * [initial / 10^4, initial * 10^4] (within the positive finite doubles), so T never reaches 0 or
 * +infinity, and a target the policy cannot reach leaves T at a bound instead of running away. Too
 * much entropy cools, too little heats. With the action values held fixed this is the fixed-point
 * iteration x &lt;- x - rate (H(e^x) - target) on x = log T, which converges to the T with
 * H(T) = target when 0 &lt; rate * dH/d(log T) &lt; 2 there (e.g. logits 2, 1, 0.1 and target 0.5
 * nats: T = 0.536764, where dH/d(log T) = 0.652).
 *
 * <p>The target is given in nats ({@link #of(double, double, double)}) or as a fraction of ln K,
 * the largest entropy over K actions ({@link #ofFraction(double, double, double)}); either way it
 * must lie in (0, ln K], which is checked when a policy starts a run and K is known
 * ({@link #newRun(int)}). A fraction needs K, so such a schedule has no {@link #newRun()}.
 *
 * <p>State: a schedule is an immutable value; every run gets its own T. The run asks for the
 * entropy ({@link ScheduleRun#needsEntropy()} is true) and ignores the reward; a NaN entropy is an
 * error (the policy did not report its entropy). In a run, {@code temperature(t)} at the current
 * index (the number of observations so far) is T of that step; at a later index it is the same
 * value (with no feedback T does not move), and an earlier index is an error. The schedule's own
 * {@link #temperature(long)}, the preview without feedback, is {@code initial} for every t.
 *
 * <p>Reference: the same rule adapts the temperature of soft actor-critic to a target entropy
 * (T. Haarnoja et al., "Soft actor-critic algorithms and applications", arXiv:1812.05905, 2018,
 * section 5, with the gradient step on log alpha); here it is applied step by step to the
 * Boltzmann temperature of a tabular policy.
 */
public final class EntropyTarget implements Schedule {

    /** The clamp range is [initial / RANGE, initial * RANGE]. */
    public static final double RANGE = 1e4;

    private final double initial;
    /** The target in nats, or NaN when given as a fraction. */
    private final double target;
    /** The target as a fraction of ln K, or NaN when given in nats. */
    private final double fraction;
    private final double rate;
    private final Per per;

    private EntropyTarget(double initial, double target, double fraction, double rate, Per per) {
        this.initial = initial;
        this.target = target;
        this.fraction = fraction;
        this.rate = rate;
        this.per = per;
    }

    /**
     * Entropy targeting with the target in nats.
     *
     * @param initial T_0, finite and &gt; 0
     * @param target the target entropy in nats, finite and &gt; 0 (at most ln K, checked per run)
     * @param rate the step size on log T per nat of entropy error, finite and &gt; 0
     * @return the schedule
     * @throws IllegalArgumentException if a parameter is out of range or NaN
     */
    public static EntropyTarget of(double initial, double target, double rate) {
        Checks.positiveFinite("initial", initial);
        Checks.positiveFinite("target", target);
        Checks.positiveFinite("rate", rate);
        return new EntropyTarget(initial, target, Double.NaN, rate, Per.STEP);
    }

    /**
     * Entropy targeting with the target a fraction of ln K: target = fraction * ln K.
     *
     * @param initial T_0, finite and &gt; 0
     * @param fraction the target as a fraction of ln K, in (0, 1]
     * @param rate the step size on log T per nat of entropy error, finite and &gt; 0
     * @return the schedule
     * @throws IllegalArgumentException if a parameter is out of range or NaN
     */
    public static EntropyTarget ofFraction(double initial, double fraction, double rate) {
        Checks.positiveFinite("initial", initial);
        Checks.unitFactor("target-fraction", fraction);
        Checks.positiveFinite("rate", rate);
        return new EntropyTarget(initial, Double.NaN, fraction, rate, Per.STEP);
    }

    /**
     * The same schedule with index t counting {@code per}.
     *
     * @param per steps or episodes
     * @return the schedule
     * @throws IllegalArgumentException for {@link Per#STATE_VISIT}: this schedule needs its t in order
     */
    public EntropyTarget withPer(Per per) {
        return new EntropyTarget(initial, target, fraction, rate, Checks.sequentialPer(per));
    }

    /** {@inheritDoc} Here: {@code initial} for every t (without feedback T does not move). */
    @Override
    public double temperature(long t) {
        Checks.index(t);
        return initial;
    }

    /**
     * A fresh run with the target in nats.
     *
     * @throws IllegalStateException if the target is a fraction of ln K, which needs
     *     {@link #newRun(int)}
     */
    @Override
    public ScheduleRun newRun() {
        if (Double.isNaN(target)) {
            throw new IllegalStateException("entropy-target with target-fraction = " + fraction
                + " needs the number of actions: start it with newRun(arms)");
        }
        return new Run(this, target);
    }

    /**
     * A fresh run for K = {@code arms} actions: resolves a fraction to fraction * ln K and checks
     * that the target lies in (0, ln K].
     *
     * @throws IllegalArgumentException if {@code arms < 1} or the target is not in (0, ln K]
     */
    @Override
    public ScheduleRun newRun(int arms) {
        return new Run(this, targetFor(arms));
    }

    /**
     * The target in nats for K = {@code arms} actions, checked to lie in (0, ln K].
     *
     * @param arms the number of actions K, at least 1
     * @return the target in nats
     * @throws IllegalArgumentException if {@code arms < 1} or the target is not in (0, ln K]
     */
    public double targetFor(int arms) {
        if (arms < 1) {
            throw new IllegalArgumentException("arms is not at least 1: " + arms);
        }
        double logK = Math.log(arms);
        double h = Double.isNaN(target) ? fraction * logK : target;
        if (!(h > 0 && h <= logK)) {
            String given = Double.isNaN(target) ? "target-fraction " + fraction + " * ln K = " + h : "target = " + h;
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "entropy target is not in (0, ln K] = (0, %s] for K = %d arms: %s nats", logK, arms, given));
        }
        return h;
    }

    /**
     * T_0, the temperature every run starts from and the centre of the clamp range.
     *
     * @return T_0, finite and &gt; 0
     */
    public double initial() {
        return initial;
    }

    /**
     * The target entropy in nats, when it was given in nats.
     *
     * @return the target, finite and &gt; 0, or NaN when it is a fraction of ln K (resolved per K by
     *     {@link #targetFor(int)})
     */
    public double target() {
        return target;
    }

    /**
     * The target as a fraction of ln K, when it was given that way.
     *
     * @return the fraction, in (0, 1], or NaN when the target is given in nats
     */
    public double targetFraction() {
        return fraction;
    }

    /**
     * The step size on log T per nat of entropy error.
     *
     * @return rate, finite and &gt; 0
     */
    public double rate() {
        return rate;
    }

    /**
     * The smallest temperature a run can reach: initial / {@link #RANGE}.
     *
     * @return initial / {@link #RANGE}, or {@link Double#MIN_VALUE} when that quotient underflows to 0
     */
    public double min() {
        return Math.max(initial / RANGE, Double.MIN_VALUE);
    }

    /**
     * The largest temperature a run can reach: initial * {@link #RANGE}.
     *
     * @return initial * {@link #RANGE}, or {@link Double#MAX_VALUE} when that product overflows
     */
    public double max() {
        return Math.min(initial * RANGE, Double.MAX_VALUE);
    }

    @Override
    public boolean adaptsToEntropy() {
        return true;
    }

    @Override
    public Per per() {
        return per;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntropyTarget s && Double.compare(initial, s.initial) == 0
            && Double.compare(target, s.target) == 0 && Double.compare(fraction, s.fraction) == 0
            && Double.compare(rate, s.rate) == 0 && per == s.per;
    }

    @Override
    public int hashCode() {
        return Objects.hash(initial, target, fraction, rate, per);
    }

    @Override
    public String toString() {
        return "entropy-target(initial=" + initial
            + (Double.isNaN(target) ? ", target-fraction=" + fraction : ", target=" + target)
            + ", rate=" + rate + Checks.perSuffix(per) + ")";
    }

    /** One run's state: the current T and the index. */
    private static final class Run implements ScheduleRun {
        private final double target;
        private final double rate;
        private final double lo;
        private final double hi;
        private double temperature;
        private long index;

        Run(EntropyTarget s, double target) {
            this.target = target;
            this.rate = s.rate;
            this.lo = s.min();
            this.hi = s.max();
            this.temperature = s.initial;
        }

        @Override
        public double temperature(long t) {
            if (t < index) {
                Checks.index(t);
                throw new IllegalArgumentException("t = " + t + " is before the run's current index " + index
                    + " (a stateful schedule cannot go back)");
            }
            return temperature;
        }

        @Override
        public void observe(double reward, double entropy) {
            if (Double.isNaN(entropy)) {
                throw new IllegalArgumentException("entropy is NaN: entropy-target needs the entropy of the "
                    + "distribution that chose the action");
            }
            // T * exp(x) with T in [lo, hi] and x never NaN (rate, target finite): no NaN; 0 and +inf
            // are clamped like any other value out of range
            double next = temperature * Math.exp(-rate * (entropy - target));
            temperature = next < lo ? lo : Math.min(next, hi);
            index++;
        }

        @Override
        public boolean needsEntropy() {
            return true;
        }
    }


    /** The {@code entropy-target} schedule of configs. */
    public static final class Declaration extends Component<Schedule> {
        /** Declares the keys. */
        public Declaration() {
            super(Kind.SCHEDULE, "entropy-target",
                    "after each step log T <- log T - rate (H - target), H = entropy of the policy (nats); "
                            + "T stays within [initial / 1e4, initial * 1e4]",
                    "", List.of(
                    Key.required("initial", ValueType.Num.positive(), "temperature at t = 0"),
                    Key.optional("target", ValueType.Num.positive(), "target entropy in nats, at most ln K"),
                    Key.optional("target-fraction", new ValueType.Num(0, true, 1, false, false),
                            "target as a fraction of ln K (uniform), instead of target"),
                    Key.required("rate", ValueType.Num.positive(), "step size of the update of log T"),
                    Schedule.PER));
        }

        @Override
        public Schedule create(Settings v) {
            if (v.has("target") == v.has("target-fraction")) {
                throw v.error("give exactly one of target (nats) or target-fraction (of ln K)");
            }
            EntropyTarget et = v.has("target") ? of(v.num("initial"), v.num("target"), v.num("rate"))
                    : ofFraction(v.num("initial"), v.num("target-fraction"), v.num("rate"));
            if (v.context().knowsActions() && v.has("target-fraction") && v.context().actions() < 2) {
                throw v.error("target-fraction", "needs at least 2 actions: with K = " + v.context().actions()
                        + " the only policy has entropy ln K = 0, so no target above 0 exists; use another "
                        + "schedule (a fixed temperature, say)");
            }
            if (v.context().knowsActions() && v.has("target")) {
                double max = Math.log(v.context().actions());
                if (v.num("target") > max) {
                    throw v.error("target", v.num("target") + " nats is above ln K = " + max
                            + " (the entropy of the uniform policy over " + v.context().actions()
                            + " actions); give at most that, or use target-fraction");
                }
            }
            return et.withPer(Schedule.sequentialPer(v, "entropy-target"));
        }
    }
}
