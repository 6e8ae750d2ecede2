package kelvin.agents.schedule;

import java.util.List;
import kelvin.api.Key;
import kelvin.api.Settings;
import kelvin.api.ValueType;

/**
 * A temperature schedule: the value at index t = 0, 1, 2, ... of a non-negative quantity that
 * changes over a run. Mostly a temperature T_t for a Boltzmann policy, but any value schedule fits
 * (epsilon-greedy reads its epsilon from one), hence "value at index t" below; the method keeps the
 * name {@link #temperature(long)} because that is the main use.
 *
 * <p>The index counts steps (bandits, and gridworlds with {@link Per#STEP}) or episodes
 * ({@link Per#EPISODE}); it starts at 0 on the first action or the first episode (the README's
 * "Semantics", "Time").
 *
 * <p>A schedule is an immutable value shared by threads. A run asks it for a {@link ScheduleRun}
 * with {@link #newRun()} and talks only to that object, so stateful schedules (simulated annealing
 * with reheating, entropy targeting) keep their state per run and receive feedback through
 * {@link ScheduleRun#observe(double, double)}. For the pure schedules of this package (functions of
 * t alone) {@code newRun()} returns a view of {@link #temperature(long)} and feedback is ignored.
 */
public interface Schedule {

    /** The key every schedule's declaration takes: what its index t counts. */
    Key PER = Key.optional("per", new ValueType.Choice(List.of("step", "episode")), "step",
            "what t counts: steps (bandits, gridworlds) or episodes (gridworlds)");

    /**
     * What the index counts, as the {@link #PER} key of a schedule's settings says.
     *
     * @param settings settings holding {@code per}
     * @return steps or episodes
     */
    static Per per(Settings settings) {
        return "episode".equals(settings.str("per")) ? Per.EPISODE : Per.STEP;
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
        EPISODE
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
