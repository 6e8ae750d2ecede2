package kelvin.experiments.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.Metric;
import kelvin.experiments.run.Runner;
import kelvin.plots.Figure;
import kelvin.plots.Report;
import kelvin.plots.ReportRenderer;
import kelvin.plots.Table;

/** Assembles report.html from an experiment's charts and summary statistics. */
final class Reports {

    private Reports() {
    }

    static String html(Experiment e, Runner.Result result, String configYaml, Map<String, String> facts,
                       List<ReportWriter.Figure> figures) {
        Report.Builder report = Report.builder("Kelvin report: " + e.name());
        facts.forEach(report::fact);
        report.config(configYaml);
        for (ReportWriter.Figure f : figures) {
            report.figure(new Figure(f.title(), f.caption() != null ? f.caption() : caption(f.metric(), e), f.png(), f.svgPath()));
        }
        report.table(summary(e, result));
        return ReportRenderer.html(report.build());
    }

    private static String caption(Metric metric, Experiment e) {
        String common = " Lines are means over " + e.runs() + " runs; shaded bands are 95% confidence intervals "
                + "(Student's t).";
        switch (metric) {
            case REGRET:
                if (e.episodic()) {
                    return "Cumulative regret: the sum over episodes of V*(start) - the episode's discounted return "
                            + "(V* over an episode of at most max-steps steps): lower is better." + common;
                }
                return "Cumulative pseudo-regret sum over steps of (mu* - mu of the chosen arm): lower is better." + common;
            case REWARD:
                return "Reward received at each step (noisy: averaged over runs, not over time)." + common;
            case RETURN:
                return "Undiscounted return of each episode." + common;
            case LENGTH:
                return "Steps per episode (an episode is cut at max-steps)." + common;
            case COVERAGE:
                return "Share of the reachable states visited at least once so far in the run." + common;
            case GREEDY_VALUE:
                return "Expected return from the start of the greedy policy of the current Q (ties uniform), "
                        + "evaluated on the model over an episode of at most max-steps steps." + common;
            case FIRST_SUCCESS:
                return "Episodes until the first successful one (goal reached; deep sea: the treasure); "
                        + "horizon + 1 when none." + common;
            case AVERAGE_REWARD:
                return "Mean reward per step from step 1 to t, per run (the y axis of Sutton & Barto's parameter "
                        + "study, Figure 2.6, at t = 1000)." + common;
            case OPTIMAL_ACTION:
                return "Share of runs that chose an optimal arm at each step." + common;
            case ENTROPY:
                return "Entropy in nats of the policy's action distribution; ln K means uniform, 0 means "
                        + "deterministic." + common;
            case TEMPERATURE:
                return "Temperature T used at each step (log axis); stateless schedules give the same line in every run."
                        + common;
            default:
                return common.trim();
        }
    }

    private static Table summary(Experiment e, Runner.Result result) {
        List<String> columns = new ArrayList<>(List.of("variant"));
        for (Metric m : e.metrics()) {
            columns.add(m.key());
        }
        int last = e.checkpoints().length - 1;
        List<List<String>> rows = new ArrayList<>();
        for (Cell c : e.cells()) {
            List<String> row = new ArrayList<>();
            row.add(c.label());
            for (Metric m : e.metrics()) {
                Interval iv = Tables.interval(e, result.cells().get(c.index()), m, last);
                row.add(iv == null ? "" : format(iv));
            }
            rows.add(row);
        }
        return new Table("Final values at " + e.timeUnit() + " " + e.horizon() + ": mean [95% CI] over " + e.runs() + " runs",
                columns, rows);
    }

    private static String format(Interval iv) {
        if (Double.isNaN(iv.low())) {
            return String.format(Locale.ROOT, "%.4g", iv.mean());
        }
        return String.format(Locale.ROOT, "%.4g [%.4g, %.4g]", iv.mean(), iv.low(), iv.high());
    }
}
