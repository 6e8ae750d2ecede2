package kelvin.experiments.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import kelvin.agents.schedule.Schedule;
import kelvin.agents.schedule.ScheduleRun;
import kelvin.experiments.ExperimentException;
import kelvin.experiments.model.BanditCell;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.AtomicFiles;
import kelvin.experiments.results.Mappers;
import kelvin.experiments.results.ResultWriter;
import kelvin.experiments.run.BanditSimulation;
import kelvin.plots.ChartRenderer;
import kelvin.plots.LineChart;
import kelvin.plots.Series;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kelvin schedule CONFIG}: the temperature every variant would use, without running agents. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Preview the temperature schedule of every variant of a config: a table (or JSON rows "
                + "{variant, t, temperature}), and with --png FILE a PNG chart on a log temperature axis; "
                + "without --png no file is written. t is the 0-based schedule index (t = 0 is the first step).")
public final class ScheduleCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The experiment config.")
    Path config;

    @Option(names = "--at", split = ",", paramLabel = "T",
            description = "Indices to print (default: 0, 1, 10, 100, ... and the last step).")
    List<Long> at;

    @Option(names = "--json", description = "JSON rows {variant, t, temperature}, one per line; no chart.")
    boolean json;

    @Option(names = "--png", paramLabel = "FILE",
            description = "Write the chart to FILE (whole or not at all; its folder is created when missing). "
                    + "Not with --json.")
    Path png;

    @Mixin
    CommonOptions common;

    @Mixin
    PluginOptions plugins;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        if (json && png != null) {
            throw new CommandLine.ParameterException(cl, "--png: --json prints rows only, without a chart; "
                    + "give one of --json and --png");
        }
        Experiment e = Experiment.load(config, common.overrides, plugins.registry());
        List<Long> indices = at != null ? at : defaultIndices(e.horizon());
        for (long t : indices) {
            if (t < 0) {
                throw new CommandLine.ParameterException(cl, "--at: " + t + " is negative; t counts from 0");
            }
        }
        List<Cell> withSchedule = new ArrayList<>();
        for (Cell c : e.cells()) {
            if (c.temperature() != null) {
                withSchedule.add(c);
            }
        }
        PrintWriter out = cl.getOut();
        if (withSchedule.isEmpty()) {
            out.println("no variant of " + e.name() + " has a temperature (only boltzmann policies do)");
            out.flush();
            return 0;
        }
        long[] ts = indices.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        boolean simulate = !e.episodic() && ts[ts.length - 1] < e.horizon();
        if (!json) {
            out.println(simulate
                    ? "# temperatures of run 0 of each variant, simulated with the experiment's streams: stateful "
                            + "schedules (simulated annealing, entropy-target) react to that run's rewards; pure "
                                    + "ones are the same in every run"
                    : "# schedules without feedback (stateful ones neither reheat nor adapt here), no simulation: "
                            + (e.episodic() ? "t counts each schedule's own unit (steps, episodes, or for per: "
                                    + "state-visit the earlier visits to a state, the same schedule in every state)"
                                    : "some t are beyond the horizon of " + e.horizon() + " steps"));
        }
        // columns as wide as the longest label and index name, so every T lines up
        int labelWidth = 30;
        int indexWidth = 1;
        for (Cell c : withSchedule) {
            labelWidth = Math.max(labelWidth, c.label().length());
            indexWidth = Math.max(indexWidth, indexName(c).length());
        }
        String line = "%-" + labelWidth + "s %-" + indexWidth + "s = %-10d T = %.6g%n";
        BanditSimulation simulation = new BanditSimulation(e);
        for (Cell c : withSchedule) {
            double[] values = simulate ? simulation.temperatureTrace((BanditCell) c, 0, ts) : formula(c, ts);
            for (int i = 0; i < ts.length; i++) {
                long t = ts[i];
                double temperature = values[i];
                if (json) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("variant", c.label());
                    row.put("t", t);
                    row.put("temperature", Double.isInfinite(temperature) ? (Object) "inf" : (Object) temperature);
                    out.println(Mappers.JSON.writer().without(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(row));
                } else {
                    out.printf(Locale.ROOT, line, c.label(), indexName(c), t, temperature);
                }
            }
        }
        if (png != null) {
            try {
                AtomicFiles.write(png, new ChartRenderer().png(chart(e, withSchedule)));
            } catch (IOException ex) {
                throw new ExperimentException("could not write " + png + ": " + RunCommand.describe(ex, png), ex);
            }
            out.println("chart: " + png);
        } else if (!json) {
            out.println("# no chart written; --png FILE draws one");
        }
        out.flush();
        return 0;
    }

    /** Whether the cell's schedule has one course per state, indexed by the visits to it. */
    private static String indexName(Cell c) {
        return perState(c) ? "t (earlier visits)" : "t";
    }

    private static boolean perState(Cell c) {
        return c.temperature().per() == Schedule.Per.STATE_VISIT;
    }

    private static double[] formula(Cell c, long[] at) {
        ScheduleRun run = c.temperature().newRun(c.environment().actions());
        double[] values = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            values[i] = run.temperature(at[i]);
        }
        return values;
    }

    private static List<Long> defaultIndices(int steps) {
        List<Long> list = new ArrayList<>();
        for (long t = 0; t < steps; t = t == 0 ? 1 : t * 10) {
            list.add(t);
        }
        if (list.get(list.size() - 1) != steps - 1) {
            list.add((long) steps - 1);
        }
        return list;
    }

    /** Temperature over every step (or 2000 evenly spaced ones), x = step 1..H as in the run charts. */
    static LineChart chart(Experiment e, List<Cell> cells) {
        int points = Math.min(e.horizon(), 2000);
        long[] at = new long[points];
        double[] x = new double[points];
        for (int i = 0; i < points; i++) {
            at[i] = points == 1 ? 0 : Math.round((double) i * (e.horizon() - 1) / (points - 1));
            x[i] = at[i] + 1;
        }
        List<Series> series = new ArrayList<>();
        if (e.episodic()) {
            boolean allPerState = true;
            for (Cell c : cells) {
                series.add(Series.line(c.label(), x, formula(c, at), c.index()));
                allPerState &= perState(c);
            }
            return ResultWriter.readableTicks(LineChart.temperatures(e.name() + ": temperature schedules (no feedback)",
                    allPerState ? "visits to the state, n = t + 1" : "schedule index t + 1 (per: state-visit: visits "
                            + "to the state)", series));
        }
        BanditSimulation simulation = new BanditSimulation(e);
        for (Cell c : cells) {
            series.add(Series.line(c.label(), x, simulation.temperatureTrace((BanditCell) c, 0, at), c.index()));
        }
        return ResultWriter.readableTicks(LineChart.temperatures(e.name() + ": temperature in run 0 of each variant",
                "step", series));
    }
}
