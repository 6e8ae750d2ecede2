package kelvin.experiments.shard;

import java.util.LinkedHashMap;
import java.util.Map;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.run.Moments;
import kelvin.experiments.run.RunRows;
import kelvin.experiments.run.Runner;
import kelvin.experiments.run.Simulation;

/**
 * Seconds per run of each kind of cell (each agent of the config), measured on this machine by
 * running blocks of its first cell's runs on one thread, as the runner does: blocks of 1, 2, 4, ...
 * runs up to a full block, or until about {@link #TARGET_NANOS} have passed, the smaller blocks
 * warming the code up; the last, largest block gives the time per run. Sweep points of one agent are taken to
 * cost alike; a measurement, so it varies from machine to machine and run to run.
 */
public final class Calibration {
    /** Time after which no larger block of a kind of cell is started. */
    static final long TARGET_NANOS = 250_000_000L;

    private final Map<String, Double> secondsPerRun;
    private final Map<String, Integer> runsTimed;

    private Calibration(Map<String, Double> secondsPerRun, Map<String, Integer> runsTimed) {
        this.secondsPerRun = secondsPerRun;
        this.runsTimed = runsTimed;
    }

    /**
     * Measures every kind of cell of an experiment.
     *
     * @param e a validated experiment
     * @return the seconds per run of each agent
     */
    public static Calibration measure(Experiment e) {
        Simulation simulation = Simulation.of(e);
        int columns = Simulation.runColumns(e);
        Map<String, Double> perRun = new LinkedHashMap<>();
        Map<String, Integer> timed = new LinkedHashMap<>();
        for (Cell c : e.cells()) {
            if (perRun.containsKey(c.agentName())) {
                continue;
            }
            int largest = Math.min(e.runs(), Runner.BLOCK);
            long spent = 0;
            int size = 1;
            while (true) {
                int n = Math.min(size, largest);
                long start = System.nanoTime();
                simulation.runBlock(c, 0, n, new Moments(simulation.slots(), simulation.tallies()),
                        new RunRows(columns, n));
                long took = System.nanoTime() - start;
                spent += took;
                perRun.put(c.agentName(), took / 1e9 / n);
                timed.put(c.agentName(), n);
                if (n == largest || spent >= TARGET_NANOS) {
                    break;
                }
                size *= 2;
            }
        }
        return new Calibration(perRun, timed);
    }

    /**
     * The measured seconds of one run of a cell.
     *
     * @param c a cell of the measured experiment
     * @return seconds on one core of this machine
     */
    public double secondsPerRun(Cell c) {
        return secondsPerRun.get(c.agentName());
    }

    /**
     * Every kind measured, in config order.
     *
     * @return seconds per run by agent name
     */
    public Map<String, Double> secondsPerRun() {
        return secondsPerRun;
    }

    /**
     * The runs of the block timed per kind (the warm-up blocks before it excluded).
     *
     * @return runs by agent name
     */
    public Map<String, Integer> runsTimed() {
        return runsTimed;
    }
}
