package kelvin.experiments.lab;

import java.util.List;
import kelvin.agents.schedule.Schedule;
import kelvin.agents.softmax.Softmax;
import kelvin.api.Component;
import kelvin.api.Kind;
import kelvin.api.Settings;

/**
 * The temperature of one gridworld session, set by the page's slider: a schedule whose value at
 * every index is the slider's current value, so the agent's next step uses the new T. It reaches
 * the agent through the config like any schedule ({@code temperature: {schedule: lab-slider}}),
 * bound from a registry of the session's own that adds {@link #declaration()}; the agent is thus
 * built by the same code as {@code kelvin run} builds it. A Boltzmann policy draws one uniform per
 * step whatever T, so with the slider untouched the actions are those of {@code temperature: T}.
 *
 * <p>Written by the request thread that moves the slider and read by the one that steps the
 * session; both hold the session's lock, the field is volatile for reads outside it.
 */
final class GridSlider implements Schedule {
    /** The schedule's config name in a session's registry. */
    static final String NAME = "lab-slider";

    private volatile double value;

    GridSlider(double value) {
        set(value);
    }

    /**
     * Moves the slider.
     *
     * @param t the temperature, in [0, +infinity]
     * @throws IllegalArgumentException when it is negative or NaN
     */
    void set(double t) {
        Softmax.checkTemperature(t);
        value = t;
    }

    double value() {
        return value;
    }

    @Override
    public double temperature(long t) {
        if (t < 0) {
            throw new IllegalArgumentException("schedule index is negative: " + t);
        }
        return value;
    }

    @Override
    public String toString() {
        return "lab-slider(" + value + ")";
    }

    /** The component that hands this slider to the config's binder. */
    Component<Schedule> declaration() {
        GridSlider slider = this;
        return new Component<>(Kind.SCHEDULE, NAME, "the lab's temperature slider: T set live by the page",
                "kelvin lab", List.of()) {
            @Override
            public Schedule create(Settings settings) {
                return slider;
            }
        };
    }
}
