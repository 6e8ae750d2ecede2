package kelvin.agents.testing;

import java.util.ArrayList;
import java.util.List;
import kelvin.agents.schedule.Schedule;
import kelvin.agents.schedule.ScheduleRun;

/**
 * A stateful test schedule standing in for the later simulated-annealing and entropy-target
 * schedules: its value halves after every observation, it asks for the entropy, and it records the
 * feedback it receives, so tests can check that policies and agents forward it.
 */
public final class RecordingSchedule implements Schedule {

    private final double initial;
    /** The runs created so far, in order. */
    public final List<Run> runs = new ArrayList<>();

    public RecordingSchedule(double initial) {
        this.initial = initial;
    }

    @Override
    public double temperature(long t) {
        return initial;
    }

    @Override
    public Run newRun() {
        Run run = new Run(initial);
        runs.add(run);
        return run;
    }

    /** One run's state: the current value and the feedback seen. */
    public static final class Run implements ScheduleRun {
        private double value;
        /** Observed (reward, entropy) pairs. */
        public final List<double[]> observed = new ArrayList<>();
        /** The indices t asked for. */
        public final List<Long> asked = new ArrayList<>();

        Run(double value) {
            this.value = value;
        }

        @Override
        public double temperature(long t) {
            asked.add(t);
            return value;
        }

        @Override
        public void observe(double reward, double entropy) {
            observed.add(new double[] {reward, entropy});
            value /= 2;
        }

        @Override
        public boolean needsEntropy() {
            return true;
        }
    }
}
