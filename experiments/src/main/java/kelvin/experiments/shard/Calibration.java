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
 * running a few runs of the agent's first cell on one thread: one untimed run to warm the code up,
 * then runs until about {@link #TARGET_NANOS} have passed. Sweep points of one agent are taken to
 * cost alike; a measurement, so it varies from machine to machine and run to run.
 */
public final class Calibration {
    /** Time spent measuring each kind of cell, after its warm-up run. */
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
            RunRows rows = new RunRows(columns, Runner.BLOCK);
            Moments m = new Moments(simulation.slots(), simulation.tallies());
            long start = System.nanoTime();
            simulation.runBlock(c, 0, 1, m, rows);
            long warm = System.nanoTime() - start;
            int runs = 0;
            start = System.nanoTime();
            while (runs + 1 < e.runs() && System.nanoTime() - start < TARGET_NANOS && warm < TARGET_NANOS) {
                runs++;
                simulation.runBlock(c, runs, runs + 1, m, rows);
            }
            long spent = System.nanoTime() - start;
            perRun.put(c.agentName(), runs == 0 ? warm / 1e9 : spent / 1e9 / runs);
            timed.put(c.agentName(), Math.max(runs, 1));
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
     * The runs timed per kind (the warm-up run excluded, unless it was the only one).
     *
     * @return runs by agent name
     */
    public Map<String, Integer> runsTimed() {
        return runsTimed;
    }
}
