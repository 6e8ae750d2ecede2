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
 * running runs of the agent's first cell on one thread: about {@link #WARMUP_NANOS} untimed to warm
 * the code up, then until about {@link #TARGET_NANOS} have passed. Sweep points of one agent are taken to
 * cost alike; a measurement, so it varies from machine to machine and run to run.
 */
public final class Calibration {
    /** Time spent warming each kind of cell's code up, untimed. */
    static final long WARMUP_NANOS = 100_000_000L;
    /** Time spent measuring each kind of cell, after its warm-up. */
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
            int run = 0;
            long start = System.nanoTime();
            do {
                simulation.runBlock(c, run % e.runs(), run % e.runs() + 1, m, rows);
                run++;
            } while (System.nanoTime() - start < WARMUP_NANOS);
            long warm = (System.nanoTime() - start) / run;
            int runs = 0;
            start = System.nanoTime();
            while (warm < TARGET_NANOS && System.nanoTime() - start < TARGET_NANOS) {
                simulation.runBlock(c, (run + runs) % e.runs(), (run + runs) % e.runs() + 1, m, rows);
                runs++;
                if (rows.runs() >= Runner.BLOCK) {
                    rows = new RunRows(columns, Runner.BLOCK);
                }
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
