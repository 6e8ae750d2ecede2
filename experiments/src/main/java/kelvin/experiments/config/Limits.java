package kelvin.experiments.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kelvin.env.mdp.TabularTask;
import kelvin.experiments.config.ConfigNode.MapNode;
import kelvin.experiments.model.BanditCell;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.TabularCell;

/**
 * Sizes no sensible experiment needs, refused before any work starts: a config that would run for
 * weeks or need more memory than a laptop has is almost always a typo (an extra zero, a sweep
 * product gone wild). Besides the fixed limits, the work and memory that grow with the model are
 * estimated from the sizes the components report (arms, estimate draws, states, actions and
 * outcomes of a tabular model), never by building anything, and compared with a {@link Budget} of
 * time and with the JVM's maximum heap.
 *
 * <h2>Estimates</h2>
 * Work is counted in operations of about a nanosecond on one core, from the loops that dominate:
 * <ul>
 *   <li>bandits: runs x steps x K per variant (selecting and learning touch every arm), plus, at each
 *       checkpoint where {@code entropy} is recorded, the agent's {@code distributionCost(K)} (M K
 *       posterior draws for Thompson sampling and Boltzmann-Gumbel, at {@link #DRAW_NANOS} each);</li>
 *   <li>tabular tasks: runs x episodes x min(max-steps, states) x actions per variant (an episode
 *       rarely outlasts a walk over every state), plus, at each checkpoint where {@code greedy-value}
 *       is recorded, one evaluation of the greedy policy over at most min(max-steps, states) sweeps of
 *       the model's outcomes, at {@link #SWEEP_NANOS} per outcome; and the model's V* once per variant
 *       (per run when it is drawn per run).</li>
 * </ul>
 * Memory: a tabular model takes about {@link #BYTES_PER_OUTCOME} bytes per outcome and 4 per
 * state-action; each run in flight holds Q, the policy table and the evaluation's work arrays, about
 * 24 bytes per state-action, 64 per state and 4 per outcome (and its own model when the model is
 * drawn per run); V* adds about 8 bytes per state-action and 24 per state. As many runs are in
 * flight as there are cores, and the total is multiplied by {@link #HEAP_HEADROOM} for the garbage
 * collector and the transient copies of building the model. Measured: a 700 x 700 open gridworld
 * (490,000 states, 1,960,000 outcomes) took 484 MB for one run; the estimate says 426 MB.
 */
public final class Limits {
    /** Largest number of agent-steps (cells x runs x steps): about a day of one core's work. */
    public static final double MAX_AGENT_STEPS = 1e12;
    /** Largest number of variants, sweep points included. */
    public static final int MAX_CELLS = 10_000;
    /** Largest number of aggregate slots (cells x metrics x checkpoints), each about 40 bytes. */
    public static final long MAX_SLOTS = 5_000_000;
    /** Nanoseconds of one posterior or perturbation draw (a Gaussian or two Gamma variates). */
    static final double DRAW_NANOS = 20;
    /**
     * Nanoseconds of one outcome in one sweep of value iteration or policy evaluation. Measured: the
     * 700 x 700 open gridworld ran 3 episodes (greedy-value at 3 checkpoints and V* once, each up to
     * 10,000 sweeps of 1,960,000 outcomes) in 344 s; the estimate says 316 s.
     */
    static final double SWEEP_NANOS = 4;
    /** Bytes of one stored outcome: probability, cumulative probability, reward, next state, terminal. */
    static final double BYTES_PER_OUTCOME = 29;
    /** Factor on the live tables for the collector's headroom and the copies made while building. */
    static final double HEAP_HEADROOM = 2.5;

    private Limits() {
    }

    /**
     * How much computing a user accepts for one experiment: a duration of estimated work on one core,
     * or no limit at all (which also lifts the check against the JVM's maximum heap).
     *
     * @param seconds the estimated seconds of work allowed; +infinity for no limit
     */
    public record Budget(double seconds) {
        /** The default: one hour of one core's work. */
        public static final Budget DEFAULT = new Budget(3600);
        /** No limit on time or memory. */
        public static final Budget UNLIMITED = new Budget(Double.POSITIVE_INFINITY);
        private static final Pattern DURATION = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,6})?)(s|m|h|d)");

        /**
         * Checks the duration.
         *
         * @param seconds the estimated seconds of work allowed, above 0 (+infinity: no limit)
         * @throws IllegalArgumentException if {@code seconds} is not above 0
         */
        public Budget {
            if (!(seconds > 0)) {
                throw new IllegalArgumentException("a budget is a positive duration: " + seconds);
            }
        }

        /**
         * Reads a budget as the {@code --budget} option writes it.
         *
         * @param text {@code unlimited}, or a number and a unit: {@code 90s}, {@code 30m}, {@code 2h},
         *     {@code 1.5d}
         * @return the budget
         * @throws IllegalArgumentException saying what is allowed, if the text is neither
         */
        public static Budget parse(String text) {
            if ("unlimited".equals(text)) {
                return UNLIMITED;
            }
            Matcher m = DURATION.matcher(text == null ? "" : text);
            double value = m.matches() ? Double.parseDouble(m.group(1)) : 0;
            if (!(value > 0)) {
                String shown = text == null ? "" : text.length() > 40 ? text.substring(0, 40) + "..." : text;
                throw new IllegalArgumentException("--budget is 'unlimited' or a duration above 0 such as 90s, 30m, "
                        + "2h or 1.5d, not '" + shown + "'");
            }
            double unit = switch (m.group(2)) {
                case "s" -> 1;
                case "m" -> 60;
                case "h" -> 3600;
                default -> 86_400;
            };
            return new Budget(value * unit);
        }

        /**
         * Whether nothing is limited.
         *
         * @return true for {@link #UNLIMITED}
         */
        public boolean unlimited() {
            return seconds == Double.POSITIVE_INFINITY;
        }
    }

    /**
     * Refuses an experiment too large to run: more than {@link #MAX_CELLS} variants, more than
     * {@link #MAX_AGENT_STEPS} agent-steps or more than {@link #MAX_SLOTS} aggregate slots.
     *
     * @param e the bound experiment
     * @param where the location to name in the message
     * @throws ConfigException naming the limit and what the config asks for
     */
    public static void check(Experiment e, Location where) {
        int cells = e.cells().size();
        if (cells > MAX_CELLS) {
            throw new ConfigException(where, "sweep", cells + " variants (agents x sweep points) is more than the "
                    + MAX_CELLS + " allowed; sweep fewer values");
        }
        double work = (double) cells * e.runs() * e.horizon();
        if (work > MAX_AGENT_STEPS) {
            throw new ConfigException(where, "runs", String.format(Locale.ROOT, "%d variants x %d runs x %d steps = "
                    + "%.3g agent-steps is more than the %.0e allowed (days of computing); reduce runs, steps or the "
                    + "sweep", cells, e.runs(), e.horizon(), work, MAX_AGENT_STEPS));
        }
        long slots = (long) cells * e.metrics().size() * e.checkpoints().length;
        if (slots > MAX_SLOTS) {
            throw new ConfigException(where, "record.points", String.format(Locale.ROOT, "%d variants x %d metrics x "
                    + "%d checkpoints = %d statistics is more than the %d allowed (memory); record fewer points",
                    cells, e.metrics().size(), e.checkpoints().length, slots, MAX_SLOTS));
        }
    }

    /**
     * Refuses an experiment whose estimated memory exceeds the JVM's maximum heap, or whose
     * estimated work exceeds the budget (see the class comment for the estimates), saying what it
     * would need and how to allow it. An unlimited budget checks neither.
     *
     * @param e the bound experiment
     * @param root the config, to locate the key the largest cost comes from
     * @param budget the work allowed
     * @param maxHeap the bytes the JVM may use ({@link Runtime#maxMemory()})
     * @param cores the runs that may be in flight at once
     * @throws ConfigException naming the estimate, the limit and the option that lifts it
     */
    static void checkBudget(Experiment e, MapNode root, Budget budget, long maxHeap, int cores) {
        if (budget.unlimited()) {
            return;
        }
        Cost largest = null;
        Cost biggest = null;
        double seconds = 0;
        for (Cell c : e.cells()) {
            Cost cost = cost(e, c, cores);
            seconds += cost.seconds;
            if (largest == null || cost.seconds > largest.seconds) {
                largest = cost;
            }
            if (biggest == null || cost.bytes > biggest.bytes) {
                biggest = cost;
            }
        }
        if (largest == null) {
            return;
        }
        double bytes = biggest.bytes;
        if (bytes > maxHeap) {
            throw new ConfigException(root.get("env").location(), "env", String.format(Locale.ROOT,
                    "%s needs about %s of memory and Java may use at most %s; give it more with "
                            + "JAVA_OPTS=-Xmx%dm, or try anyway with --budget unlimited", biggest.what, size(bytes),
                    size(maxHeap), (long) Math.ceil(bytes / (1 << 20) * 1.2)));
        }
        if (seconds > budget.seconds()) {
            ConfigNode node = largest.agent == null ? root.get(largest.key)
                    : ((MapNode) root.get("agents")).get(largest.agent);
            String path = largest.agent == null ? largest.key : "agents." + largest.agent;
            throw new ConfigException(node == null ? root.location() : node.location(), path, String.format(
                    Locale.ROOT, "the experiment needs about %s of computing on one core (%s); the budget is %s: "
                            + "make it smaller, or accept it with --budget %s (or --budget unlimited)",
                    duration(seconds), largest.what, duration(budget.seconds()), duration(seconds * 1.5)
                            .replace(" ", "")));
        }
    }

    /**
     * The estimated seconds of one core's work of one variant, by the estimates above: a pure function
     * of the config, the same on every machine.
     *
     * @param e the bound experiment
     * @param c one of its cells
     * @return the seconds its runs take, by the cost model (not measured)
     */
    public static double workSeconds(Experiment e, Cell c) {
        return cost(e, c, 1).seconds;
    }

    /**
     * The estimated peak memory of running an experiment: that of its largest variant with
     * {@code cores} runs in flight.
     *
     * @param e the bound experiment
     * @param cores the runs in flight at once
     * @return bytes, the collector's headroom included; 0 when the variants keep no model (bandits)
     */
    public static double memoryBytes(Experiment e, int cores) {
        return e.cells().stream().mapToDouble(c -> cost(e, c, cores).bytes).max().orElse(0);
    }

    private static Cost cost(Experiment e, Cell c, int cores) {
        return c instanceof BanditCell b ? bandit(e, b) : tabular(e, (TabularCell) c, cores);
    }

    /** What one variant costs: seconds of work, bytes in memory, and where in the config it comes from. */
    private record Cost(double seconds, double bytes, String what, String agent, String key) {
    }

    private static Cost bandit(Experiment e, BanditCell c) {
        int k = c.environment().actions();
        double steps = (double) e.runs() * e.horizon() * k;
        double draws = 0;
        String what = String.format(Locale.ROOT, "%s: %d runs x %d steps x %d arms", c.label(), e.runs(),
                e.horizon(), k);
        if (e.metricIndex("entropy") >= 0) {
            long cost = c.agent().distributionCost(k);
            draws = (double) e.runs() * e.checkpoints().length * cost;
            if (cost > k) {
                what = String.format(Locale.ROOT, "%s: the entropy estimate, %d runs x %d checkpoints x %d draws per "
                        + "estimate (estimate-draws x arms)", c.label(), e.runs(), e.checkpoints().length, cost);
            }
        }
        double nanos = steps + draws * DRAW_NANOS;
        return new Cost(nanos / 1e9, 0, what, draws * DRAW_NANOS > steps ? c.agentName() : null, "steps");
    }

    private static Cost tabular(Experiment e, TabularCell c, int cores) {
        TabularTask task = c.environment();
        double states = task.mdp().states();
        double actions = task.actions();
        double outcomes = task.mdp().outcomes();
        double sweeps = Math.min(task.maxSteps(), states);
        double stepping = (double) e.runs() * e.horizon() * sweeps * actions;
        double evaluations = e.metricIndex("greedy-value") >= 0 ? (double) e.runs() * e.checkpoints().length : 0;
        double solves = task.mdp().isRandomized() ? e.runs() : 1;
        double model = outcomes * BYTES_PER_OUTCOME + states * actions * 4;
        double perRun = states * actions * 24 + states * 64 + outcomes * 4
                + (task.mdp().isRandomized() ? model : 0);
        double inFlight = Math.max(1, Math.min(cores, e.runs()));
        double bytes = HEAP_HEADROOM * (model + states * actions * 8 + states * 24 + inFlight * perRun);
        double nanos = stepping + (evaluations + solves) * sweeps * outcomes * SWEEP_NANOS;
        String what = String.format(Locale.ROOT, "%s: a model of %.0f states x %.0f actions with %.0f outcomes, "
                + "%d runs x %d episodes%s", c.label(), states, actions, outcomes, e.runs(), e.horizon(),
                evaluations > 0 ? String.format(Locale.ROOT, ", greedy-value at %d checkpoints of up to %.0f sweeps",
                        e.checkpoints().length, sweeps) : "");
        return new Cost(nanos / 1e9, bytes, what, null, "env");
    }

    private static String size(double bytes) {
        double mb = bytes / (1 << 20);
        return mb >= 1024 ? String.format(Locale.ROOT, "%.1f GB", mb / 1024) : String.format(Locale.ROOT, "%.0f MB",
                Math.ceil(mb));
    }

    private static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.0f s", Math.ceil(seconds));
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%.0f m", Math.ceil(seconds / 60));
        }
        if (seconds < 86_400 * 2) {
            return String.format(Locale.ROOT, "%.1f h", Math.ceil(seconds / 360) / 10);
        }
        return String.format(Locale.ROOT, "%.1f d", Math.ceil(seconds / 8640) / 10);
    }
}
