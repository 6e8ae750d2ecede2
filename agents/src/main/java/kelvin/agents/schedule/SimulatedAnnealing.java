package kelvin.agents.schedule;

import java.util.List;
import java.util.Objects;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.Settings;
import kelvin.api.ValueType;

/**
 * Simulated annealing ({@code simulated-annealing}): a stateful staircase with optional reheating.
 * The temperature of the step with index t is
 * <pre>
 *   T_t = max(min, base * cooling^floor(k / plateau))
 * </pre>
 * where k is the number of steps since the start of the run or the last reheat (k = t when the
 * run never reheats), and base = {@code initial} at the start and {@code to * initial} after a
 * reheat. The temperature is held for {@code plateau} steps, then multiplied by {@code cooling};
 * the power is computed directly ({@code Math.pow}), not as a running product.
 *
 * <p><b>When the reward has stalled</b> (only with {@code reheat: {patience, to}}). The schedule
 * keeps the last {@code patience} rewards. Once it has seen {@code patience} rewards since the
 * start or the last reheat, it computes after every step the mean of the last {@code patience}
 * rewards (the window mean). The first window mean becomes the best; after that, a window mean
 * strictly greater than the best becomes the new best, and any other window mean counts as one
 * step without improvement. When {@code patience} consecutive steps pass without improvement, the
 * reward has stalled and the schedule reheats: the next step has temperature
 * max(min, to * initial), cooling restarts from there (k = 0), and the window and the best are
 * cleared. So a reheat comes at the earliest 2 * patience steps after the start or the previous
 * reheat. The window mean is the sum of the window's rewards, oldest first, divided by
 * {@code patience}, recomputed in full every step (no running sum, so rounding can never fake an
 * improvement on a flat reward).
 *
 * <p>State: a schedule is an immutable value; {@link #newRun()} gives every run its own state
 * (the window is allocated there, so a step allocates nothing). In a run, {@code temperature(t)}
 * at the current index (the number of observations so far) is the temperature of that step and
 * stays the same until {@link ScheduleRun#observe(double, double)} moves the run on; at a later
 * index it is the value the run would reach with no reheat in between, and an earlier index is an
 * error. {@link #temperature(long)} on the schedule itself is the preview without feedback: it
 * never reheats, and equals {@code step(initial, cooling, plateau, min)}. Rewards must be finite
 * when reheating is on; the entropy is ignored.
 *
 * <p>References: S. Kirkpatrick, C. D. Gelatt Jr. and M. P. Vecchi, "Optimization by simulated
 * annealing", <i>Science</i> 220(4598), 1983, 671-680 (a temperature held while the system
 * equilibrates, then lowered by a constant factor); L. Ingber, "Very fast simulated re-annealing",
 * <i>Mathematical and Computer Modelling</i> 12(8), 1989, 967-973 (re-annealing: raising the
 * temperature again during the search).
 */
public final class SimulatedAnnealing implements Schedule {

    private final double initial;
    private final double cooling;
    private final long plateau;
    private final double min;
    /** The reheat patience, or 0 without reheating. */
    private final int patience;
    /** The reheat base as a multiple of initial, or NaN without reheating. */
    private final double to;
    private final Per per;

    private SimulatedAnnealing(double initial, double cooling, long plateau, double min, int patience, double to,
                               Per per) {
        this.initial = initial;
        this.cooling = cooling;
        this.plateau = plateau;
        this.min = min;
        this.patience = patience;
        this.to = to;
        this.per = per;
    }

    /**
     * Simulated annealing without reheating.
     *
     * @param initial the temperature of the first plateau, finite and &gt; 0
     * @param cooling the factor applied after every plateau, in (0, 1]
     * @param plateau the number of steps per temperature level, at least 1
     * @param min the floor, in [0, initial]
     * @return the schedule
     * @throws IllegalArgumentException if a parameter is out of range or NaN
     */
    public static SimulatedAnnealing of(double initial, double cooling, long plateau, double min) {
        Checks.positiveFinite("initial", initial);
        Checks.unitFactor("cooling", cooling);
        Checks.atLeastOne("plateau", plateau);
        Checks.floor(min, initial);
        return new SimulatedAnnealing(initial, cooling, plateau, min, 0, Double.NaN, Per.STEP);
    }

    /**
     * Simulated annealing with reheating.
     *
     * @param initial the temperature of the first plateau, finite and &gt; 0
     * @param cooling the factor applied after every plateau, in (0, 1]
     * @param plateau the number of steps per temperature level, at least 1
     * @param min the floor, in [0, initial]
     * @param patience the window length and the number of steps without improvement that make a
     *     stall, at least 1
     * @param to the temperature after a reheat, as a multiple of {@code initial}: finite, &gt; 0,
     *     with {@code to * initial} finite
     * @return the schedule
     * @throws IllegalArgumentException if a parameter is out of range or NaN
     */
    public static SimulatedAnnealing of(double initial, double cooling, long plateau, double min, int patience,
                                        double to) {
        return of(initial, cooling, plateau, min).withReheat(patience, to);
    }

    /**
     * The same schedule, reheating when the reward stalls (see the class comment).
     *
     * @param patience the window length and the number of steps without improvement that make a
     *     stall, at least 1
     * @param to the temperature after a reheat, as a multiple of {@code initial}: finite, &gt; 0,
     *     with {@code to * initial} finite
     * @return the schedule
     * @throws IllegalArgumentException if a parameter is out of range or NaN
     */
    public SimulatedAnnealing withReheat(int patience, double to) {
        Checks.atLeastOne("patience", patience);
        Checks.positiveFinite("to", to);
        if (!(to * initial < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("to * initial is not finite: " + to + " * " + initial);
        }
        return new SimulatedAnnealing(initial, cooling, plateau, min, patience, to, per);
    }

    /**
     * The same schedule with index t counting {@code per}.
     *
     * @param per steps or episodes
     * @return the schedule
     * @throws IllegalArgumentException for {@link Per#STATE_VISIT}: this schedule needs its t in order
     */
    public SimulatedAnnealing withPer(Per per) {
        return new SimulatedAnnealing(initial, cooling, plateau, min, patience, to, Checks.sequentialPer(per));
    }

    /**
     * {@inheritDoc} Here: the preview without feedback, max(min, initial * cooling^floor(t /
     * plateau)); it never reheats.
     */
    @Override
    public double temperature(long t) {
        Checks.index(t);
        return level(initial, t);
    }

    /** max(min, base * cooling^floor(k / plateau)) for k &gt;= 0. */
    private double level(double base, long k) {
        return Math.max(min, base * Math.pow(cooling, k / plateau)); // long division: floor for k >= 0
    }

    /** A fresh run: k = 0, base = initial, an empty window. */
    @Override
    public ScheduleRun newRun() {
        return new Run(this);
    }

    /**
     * The temperature of the first plateau (before the floor {@link #min()} is applied).
     *
     * @return initial, finite and &gt; 0
     */
    public double initial() {
        return initial;
    }

    /**
     * The factor the temperature is multiplied by after every plateau.
     *
     * @return cooling, in (0, 1] (1 keeps the temperature at its base)
     */
    public double cooling() {
        return cooling;
    }

    /**
     * The number of steps per temperature level.
     *
     * @return plateau, at least 1
     */
    public long plateau() {
        return plateau;
    }

    /**
     * The floor no temperature falls below, reheated or not.
     *
     * @return min, in [0, initial]
     */
    public double min() {
        return min;
    }

    /**
     * Whether the schedule reheats when the reward stalls.
     *
     * @return true when made with a reheat patience ({@link #withReheat(int, double)})
     */
    public boolean reheats() {
        return patience > 0;
    }

    /**
     * The reheat patience: the length of the reward window and the number of steps without
     * improvement that make a stall.
     *
     * @return patience, at least 1, or 0 without reheating
     */
    public int patience() {
        return patience;
    }

    /**
     * The base temperature after a reheat, as a multiple of {@code initial}.
     *
     * @return to, finite and &gt; 0, or NaN without reheating
     */
    public double reheatTo() {
        return to;
    }

    @Override
    public double upperBound() {
        return reheats() ? Math.max(temperature(0), to * initial) : temperature(0);
    }

    @Override
    public Per per() {
        return per;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimulatedAnnealing s && Double.compare(initial, s.initial) == 0
            && Double.compare(cooling, s.cooling) == 0 && plateau == s.plateau
            && Double.compare(min, s.min) == 0 && patience == s.patience && Double.compare(to, s.to) == 0
            && per == s.per;
    }

    @Override
    public int hashCode() {
        return Objects.hash(initial, cooling, plateau, min, patience, to, per);
    }

    @Override
    public String toString() {
        return "simulated-annealing(initial=" + initial + ", cooling=" + cooling + ", plateau=" + plateau
            + ", min=" + min + (reheats() ? ", reheat={patience=" + patience + ", to=" + to + "}" : "")
            + Checks.perSuffix(per) + ")";
    }

    /** One run's state: the index, k, the base, and the reward window with its best mean. */
    private static final class Run implements ScheduleRun {
        private final SimulatedAnnealing s;
        /** The last {@code patience} rewards, a ring buffer; empty without reheating. */
        private final double[] window;
        /** The current index: the number of observations so far. */
        private long index;
        /** Steps since the start or the last reheat. */
        private long k;
        private double base;
        /** The next slot of the window to write, which also holds the oldest reward once full. */
        private int next;
        /** Rewards in the window, up to {@code patience}. */
        private int filled;
        /** The best window mean since the last reheat, or NaN before the first full window. */
        private double best = Double.NaN;
        /** Consecutive full-window steps without a strictly greater mean. */
        private int stale;
        /** The temperature at {@code index}, cached so repeated calls agree bit for bit. */
        private double current;

        Run(SimulatedAnnealing s) {
            this.s = s;
            this.window = new double[s.patience];
            this.base = s.initial;
            this.current = s.level(base, 0);
        }

        @Override
        public double temperature(long t) {
            if (t == index) {
                return current;
            }
            Checks.index(t);
            if (t < index) {
                throw new IllegalArgumentException("t = " + t + " is before the run's current index " + index
                    + " (a stateful schedule cannot go back)");
            }
            return s.level(base, k + (t - index)); // ahead: no feedback, so no reheat in between
        }

        @Override
        public void observe(double reward, double entropy) {
            index++;
            k++;
            if (s.patience > 0) {
                if (!Double.isFinite(reward)) {
                    throw new IllegalArgumentException("reward is not finite: " + reward);
                }
                record(reward);
            }
            current = s.level(base, k);
        }

        /** Adds the reward to the window and reheats when the window mean has stalled. */
        private void record(double reward) {
            int p = s.patience;
            window[next] = reward;
            next = next + 1 == p ? 0 : next + 1;
            if (filled < p) {
                filled++;
                if (filled < p) {
                    return;
                }
            }
            double sum = 0;
            for (int i = 0, j = next; i < p; i++, j = j + 1 == p ? 0 : j + 1) { // oldest first
                sum += window[j];
            }
            double mean = sum / p;
            if (Double.isNaN(best) || mean > best) {
                best = mean;
                stale = 0;
            } else if (++stale == p) {
                k = 0;
                base = s.to * s.initial;
                filled = 0;
                next = 0;
                best = Double.NaN;
                stale = 0;
            }
        }
    }


    /** The {@code simulated-annealing} schedule of configs. */
    public static final class Declaration extends Component<Schedule> {
        /** Declares the keys. */
        public Declaration() {
            super(Kind.SCHEDULE, "simulated-annealing",
                    "T = max(min, base * cooling^floor(k / plateau)), k = steps since the last reheat; "
                            + "base = initial, or to * initial after a reheat. "
                            + "The reward has stalled when the mean of the last `patience` rewards "
                            + "has not risen above its best for `patience` consecutive steps; then T reheats",
                    "Kirkpatrick, Gelatt & Vecchi (1983), Optimization by simulated annealing, Science 220",
                    List.of(
                    Key.required("initial", ValueType.Num.positive(), "temperature at t = 0"),
                    Key.required("cooling", new ValueType.Num(0, true, 1, false, false),
                            "factor per plateau, in (0, 1]"),
                    Key.required("plateau", new ValueType.Int(1, Long.MAX_VALUE), "steps per temperature level"),
                    Key.optional("min", ValueType.Num.atLeast(0), 0.0, "floor"),
                    Key.optional("reheat", new ValueType.Group("reheat", List.of(
                            Key.required("patience", new ValueType.Int(1, 1_000_000), "window and patience, in steps"),
                            Key.required("to", ValueType.Num.positive(), "reheat to this multiple of initial"))),
                            "reheat when the reward stalls; absent = never"),
                    Schedule.PER));
        }

        @Override
        public Schedule create(Settings v) {
            SimulatedAnnealing sa = of(v.num("initial"), v.num("cooling"), v.integer("plateau"), Schedule.floor(v));
            if (v.has("reheat")) {
                Settings r = v.group("reheat");
                sa = sa.withReheat(r.intValue("patience"), r.num("to"));
            }
            return sa.withPer(Schedule.sequentialPer(v, "simulated-annealing"));
        }
    }
}
