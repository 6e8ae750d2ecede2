package kelvin.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kelvin.experiments.SuiteSession;
import kelvin.experiments.model.Suite;
import kelvin.experiments.results.Interval;
import kelvin.experiments.results.ValueFormat;
import kelvin.experiments.scorecard.AggregateStatistic;
import kelvin.experiments.scorecard.Estimate;
import kelvin.experiments.scorecard.Scorecard;

/** What {@code kelvin run} prints after a suite: each environment's size, then the scorecard's aggregates. */
final class SuiteSummary {

    private SuiteSummary() {
    }

    static void print(PrintWriter w, SuiteSession.Result result, double seconds, int threads, Path dir, boolean plots) {
        Suite suite = result.suite();
        w.printf(Locale.ROOT, "%s: %d environments in %.1f s (%d thread%s)%n", suite.name(),
                suite.environments().size(), seconds, threads, threads == 1 ? "" : "s");
        for (Suite.Environment env : suite.environments()) {
            w.printf(Locale.ROOT, "  %-20s %s%s%n", env.name(), env.experiment().size(), skipped(env));
        }
        Scorecard card = result.scorecard();
        if (card != null) {
            List<AggregateStatistic> stats = card.statistics();
            List<List<String>> table = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("variant"));
            for (AggregateStatistic s : stats) {
                header.add(s.name());
            }
            header.add("average rank");
            table.add(header);
            double[] ranks = card.ranks().averageRanks();
            List<String> agents = card.ranks().agents();
            for (String agent : card.suite().agents()) {
                List<String> row = new ArrayList<>(List.of(agent));
                for (AggregateStatistic s : stats) {
                    row.add(estimate(card.aggregate(agent, s)));
                }
                row.add(String.format(Locale.ROOT, "%.2f", ranks[agents.indexOf(agent)]));
                table.add(row);
            }
            w.println("scorecard (normalised score: 0 = uniform random, 1 = optimal; "
                    + Math.round(card.bootstrap().level() * 100) + "% stratified bootstrap intervals, "
                    + card.bootstrap().resamples() + " resamples):");
            Tables.print(w, table);
        }
        for (String note : result.notes()) {
            w.println("note: " + note);
        }
        w.println("results: " + dir + (plots ? " (open " + dir.resolve("report.html") + ")" : ""));
        w.flush();
    }

    /** The agents an environment left out, as a suffix of its line: empty, or {@code ; skipped: ...}. */
    static String skipped(Suite.Environment env) {
        return env.skipped().isEmpty() ? "" : "; skipped: " + Suite.Skipped.describe(env.skipped());
    }

    /** A bootstrap estimate as the other intervals print: digits from the interval's half-width. */
    static String estimate(Estimate e) {
        return ValueFormat.PLAIN.interval(new Interval(e.value(), Double.NaN, e.low(), e.high(), 2));
    }
}
