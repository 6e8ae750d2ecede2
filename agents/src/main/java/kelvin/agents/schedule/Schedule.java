package kelvin.agents.schedule;

import java.util.List;
import java.util.Locale;
import kelvin.api.Key;
import kelvin.api.Settings;
import kelvin.api.ValueType;

/**
 * A temperature schedule: the value at index t = 0, 1, 2, ... of a non-negative quantity that
 * changes over a run. Mostly a temperature T_t for a Boltzmann policy, but any value schedule fits
 * (epsilon-greedy reads its epsilon from one), hence "value at index t" below; the method keeps the
 * name {@link #temperature(long)} because that is the main use.
 *
 * <p>The index counts steps (bandits, and gridworlds with {@link Per#STEP}), episodes
 * ({@link Per#EPISODE}) or the earlier visits to the current state ({@link Per#STATE_VISIT}, a
 * schedule per state); it starts at 0 on the first action, the first episode or the first visit
 * (the README's "Semantics", "Time").
 *
 * <p>A schedule is an immutable value shared by threads. A run asks it for a {@link ScheduleRun}
 * with {@link #newRun()} and talks only to that object, so stateful schedules (simulated annealing
 * with reheating, entropy targeting) keep their state per run and receive feedback through
 * {@link ScheduleRun#observe(double, double)}. For the pure schedules of this package (functions of
 * t alone) {@code newRun()} returns a view of {@link #temperature(long)} and feedback is ignored.
 */
public interface Schedule {

    /** The key every schedule's declaration takes: what its index t counts. */
    Key PER = Key.optional("per", new ValueType.Choice(List.of("step", "episode", "state-visit",
            "state-action-visit")), "step", "what t counts: steps (bandits, gridworlds), episodes (gridworlds) or "
                    + "the earlier visits to the current state (tabular agents; on a bandit the same as step); "
                    + "state-action-visit is refused: a policy choosing among actions has no single (s, a) count");

    /**
     * What the index counts, as the {@link #PER} key of a schedule's settings says.
     *
     * @param settings settings holding {@code per}
     * @return steps, episodes or state visits
     * @throws RuntimeException the settings' config error at {@code per} for {@code state-action-visit}
     */
    static Per per(Settings settings) {
        return switch (settings.str("per")) {
            case "episode" -> Per.EPISODE;
            case "state-visit" -> Per.STATE_VISIT;
            case "state-action-visit" -> throw settings.error("per", "'state-action-visit' has no single count when "
                    + "the policy chooses among actions: each (s, a) has its own count and the schedule gives one "
                    + "temperature for all of them; use per: state-visit");
            default -> Per.STEP;
        };
    }

    /**
     * The refusal of a per-state index by a schedule that keeps state per run: its run asks for
     * the indices 0, 1, 2, ... in order, while a state's visit count jumps between states.
     *
     * @param settings settings holding {@code per}
     * @param name the schedule's config name
     * @return the index, when it is not {@link Per#STATE_VISIT}
     * @throws RuntimeException the settings' config error at {@code per} for {@code state-visit}
     */
    static Per sequentialPer(Settings settings, String name) {
        Per per = per(settings);
        if (per == Per.STATE_VISIT) {
            throw settings.error("per", "'state-visit' does not fit " + name + ", which follows one course per run "
                    + "(t = 0, 1, 2, ... in order); use per: step or per: episode");
        }
        return per;
    }

    /**
     * The floor {@code min} of a cooling schedule, checked against its {@code initial} where it was
     * written, so that the message names the key.
     *
     * @param settings settings holding {@code initial} and {@code min}
     * @return min, at most initial
     * @throws RuntimeException the settings' config error at {@code min} when it exceeds initial
     */
    static double floor(Settings settings) {
        double min = settings.num("min");
        if (min > settings.num("initial")) {
            throw settings.error("min", Key.show(min) + " is above initial = " + Key.show(settings.num("initial"))
                    + "; a floor is at most the starting temperature");
        }
        return min;
    }

    /** What the index t counts. */
    enum Per {
        /** t counts actions (steps): the default. */
        STEP,
        /** t counts episodes. */
        EPISODE,
        /**
         * t is the number of earlier visits to the current state in the run (0 on the first visit):
         * each state has its own schedule. On a bandit (one state) this is the step index.
         */
        STATE_VISIT;

        /**
         * The config spelling: {@code step}, {@code episode} or {@code state-visit}.
         *
         * @return the value of the {@code per} key that means this
         */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * The value at index t. For a stateful schedule this is the preview a fresh run would follow
     * without any feedback.
     *
     * @param t the index, at least 0
     * @return the value at t, in [0, +infinity]
     * @throws IllegalArgumentException if {@code t} is negative
     */
    double temperature(long t);

    /**
     * What the index t counts.
     *
     * @return {@link Per#STEP} unless the schedule was made to count episodes
     */
    default Per per() {
        return Per.STEP;
    }

    /**
     * A fresh per-run view of this schedule. The default suits pure schedules: it returns
     * {@link #temperature(long)} and ignores feedback. Stateful schedules override it to return new
     * state for every run.
     *
     * @return the run's schedule, owned by one run
     */
    default ScheduleRun newRun() {
        return this::temperature;
    }

    /**
     * A fresh per-run view for a policy over {@code arms} actions. Policies call this form, so a
     * schedule whose parameters depend on the number of actions K (the entropy target
     * {@code target-fraction} * ln K of {@link EntropyTarget}) can resolve and check them. The default
     * ignores K and returns {@link #newRun()}.
     *
     * @param arms the number of actions K, at least 1
     * @return the run's schedule, owned by one run
     * @throws IllegalArgumentException if a parameter does not fit K (the message names both)
     */
    default ScheduleRun newRun(int arms) {
        return newRun();
    }

    /**
     * The largest value any run of this schedule can take, for callers that need a bound (an
     * epsilon must stay a probability). The default, the value at t = 0, holds for schedules that
     * never rise above their start; one that can rise says so here.
     *
     * @return an upper bound of the values, in [0, +infinity]
     */
    default double upperBound() {
        return temperature(0);
    }

    /**
     * Whether the schedule steers its value by the policy's entropy (so it is a temperature, and
     * means nothing as a probability).
     *
     * @return false unless it adapts to entropy
     */
    default boolean adaptsToEntropy() {
        return false;
    }
}
