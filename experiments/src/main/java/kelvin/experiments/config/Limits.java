package kelvin.experiments.config;

import java.util.Locale;
import kelvin.experiments.model.Experiment;

/**
 * Sizes no sensible experiment needs, refused before any work starts: a config that would run for
 * weeks or need more memory than a laptop has is almost always a typo (an extra zero, a sweep
 * product gone wild).
 */
public final class Limits {
    /** Largest number of agent-steps (cells x runs x steps): about a day of one core's work. */
    public static final double MAX_AGENT_STEPS = 1e12;
    /** Largest number of variants, sweep points included. */
    public static final int MAX_CELLS = 10_000;
    /** Largest number of aggregate slots (cells x metrics x checkpoints), each about 40 bytes. */
    public static final long MAX_SLOTS = 5_000_000;

    private Limits() {
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
}
