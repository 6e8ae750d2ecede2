package kelvin.experiments.results;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kelvin.experiments.metric.Recorded;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.plots.Figure;
import kelvin.plots.Report;
import kelvin.plots.ReportRenderer;
import kelvin.plots.Table;

/** Assembles report.html from an experiment's charts and summary statistics. */
final class Reports {

    private Reports() {
    }

    static String html(ResultData data, String configYaml, List<ReportWriter.Figure> figures, ReportOptions options) {
        Experiment e = data.experiment();
        Report.Builder report = Report.builder("Kelvin report: " + e.name());
        data.facts().forEach(report::fact);
        report.config(configYaml);
        for (ReportWriter.Figure f : figures) {
            report.figure(new Figure(f.title(), f.caption() != null ? f.caption() : caption(f.metric(), e), f.png(),
                    f.svgPath()));
        }
        for (Table t : comparisons(data, options.baseline())) {
            report.table(t);
        }
        report.table(summary(data));
        return ReportRenderer.html(report.build());
    }

    /**
     * Per environment with at least two variants: the ranking by final regret with ties, and each
     * variant's paired difference to the baseline (the given one where it ran on this environment,
     * else the best-ranked variant).
     */
    static List<Table> comparisons(ResultData data, String baseline) {
        Experiment e = data.experiment();
        List<Table> tables = new ArrayList<>();
        if (e.rankingMetric() < 0) {
            return tables;
        }
        List<List<Cell>> groups = Comparisons.byEnvironment(e);
        int g = 0;
        for (List<Cell> group : groups) {
            g++;
            if (group.size() < 2) {
                continue;
            }
            String where = groups.size() == 1 ? "" : String.format(Locale.ROOT, " (environment %d of %d)", g,
                    groups.size());
            List<Comparisons.Place> places = Comparisons.rank(data, group);
            tables.add(ranking(e, places, where));
            Cell base = places.get(0).cell();
            for (Cell c : group) {
                if (c.label().equals(baseline)) {
                    base = c;
                }
            }
            tables.add(paired(data, group, base, where));
        }
        return tables;
    }

    private static Table ranking(Experiment e, List<Comparisons.Place> places, String where) {
        ValueFormat regret = ValueFormat.of(e.metrics().get(e.rankingMetric()).metric());
        List<String> columns = List.of("rank", "variant", "final regret [95% CI]", "area under regret curve [95% CI]",
                "difference to the best [paired 95% CI]");
        List<List<String>> rows = new ArrayList<>();
        for (Comparisons.Place p : places) {
            rows.add(List.of(Integer.toString(p.rank()), p.cell().label(), regret.interval(p.finalValue()),
                    p.area() == null ? "" : ValueFormat.PLAIN.interval(p.area()),
                    p.vsLeader() == null ? "" : regret.signed(p.vsLeader().difference())));
        }
        int pairs = places.size() * (places.size() - 1) / 2;
        return new Table("Ranking by final regret at " + e.timeUnit() + " " + e.horizon() + where
                + ": lower is better; rank = 1 + the number of variants with significantly lower regret by a paired "
                + "t test, Holm-corrected over all " + pairs + " pair" + (pairs == 1 ? "" : "s") + " (family-wise "
                + "error 5%), so variants that cannot be told apart share a rank", columns, rows);
    }

    private static Table paired(ResultData data, List<Cell> group, Cell base, String where) {
        Recorded regret = data.experiment().metrics().get(data.experiment().rankingMetric());
        ValueFormat format = ValueFormat.of(regret.metric());
        List<String> columns = List.of("variant", "final regret minus baseline [paired 95% CI]",
                "unpaired 95% CI (Welch)",
                "paired / unpaired width", "area minus baseline [paired 95% CI]", "verdict");
        List<List<String>> rows = new ArrayList<>();
        List<Comparisons.Difference> finals = new ArrayList<>();
        for (Cell c : group) {
            if (c == base) {
                continue;
            }
            int metrics = data.experiment().metrics().size();
            Comparisons.Difference fin = Comparisons.paired(data, c.index(), base.index(),
                    data.experiment().metrics().indexOf(regret));
            Comparisons.Difference area = Comparisons.paired(data, c.index(), base.index(), metrics);
            Interval d = fin.difference();
            String unpaired = Double.isNaN(fin.unpairedHalfWidth()) ? ""
                    : format.bounds(d.mean() - fin.unpairedHalfWidth(), d.mean() + fin.unpairedHalfWidth());
            String ratio = Double.isNaN(fin.widthRatio()) || Double.isInfinite(fin.widthRatio()) ? ""
                    : String.format(Locale.ROOT, "%.2f", fin.widthRatio());
            String verdict = !d.defined() ? d.missing() : !fin.decided() ? "no detectable difference"
                    : d.mean() < 0 ? "lower regret" : "higher regret";
            rows.add(List.of(c.label(), format.signed(d), unpaired, ratio, ValueFormat.PLAIN.signed(area.difference()),
                    verdict));
            finals.add(fin);
        }
        return new Table("Paired differences against " + base.label() + where
                + " (negative = less regret than the baseline)", columns, rows).withNote(pairingNote(finals));
    }

    /** What pairing does, said under every paired-differences table before what it did there. */
    static final String PAIRING_EXPLANATION = "Run r of every variant draws its environment from the same random "
            + "stream (common random numbers): the same arm values or MDP, the same reward noise. The difference "
            + "between two variants is therefore taken run by run, which cancels the luck both runs shared: when "
            + "the two variants' runs go up and down together, the paired interval (t on the n per-run differences) "
            + "is narrower than the unpaired Welch interval of the same difference, and fewer runs tell two "
            + "schedules apart. The gain is large when the environment's draw drives the result (bandits with "
            + "random arm values) and the ratio is near 1 when little luck is shared (a fixed, deterministic map).";

    /**
     * The note under a paired-differences table: what pairing does, then what it did for these
     * rows, read from their width ratios (see {@link Comparisons.Width}), then the caveat on
     * multiple comparisons.
     *
     * @param differences each compared variant's difference in final regret, in table order
     * @return the note, whose claim about the widths holds for every row it counts
     */
    static String pairingNote(List<Comparisons.Difference> differences) {
        return PAIRING_EXPLANATION + " " + widthSentence(differences)
                + "Intervals are not corrected for multiple comparisons.";
    }

    /** The sentence on how the rows' paired intervals compare in width, or "" when no row has a ratio. */
    private static String widthSentence(List<Comparisons.Difference> differences) {
        Map<Comparisons.Width, List<Double>> byWidth = new EnumMap<>(Comparisons.Width.class);
        int undefined = 0;
        for (Comparisons.Difference d : differences) {
            Comparisons.Width w = d.width();
            if (w == null) {
                undefined++;
            } else {
                byWidth.computeIfAbsent(w, k -> new ArrayList<>()).add(d.widthRatio());
            }
        }
        int defined = differences.size() - undefined;
        if (defined == 0) {
            return "";
        }
        StringBuilder s = new StringBuilder("Here the paired interval is ");
        if (byWidth.size() == 1) {
            Map.Entry<Comparisons.Width, List<Double>> only = byWidth.entrySet().iterator().next();
            s.append(only.getKey().words()).append(" the unpaired one ")
                    .append(defined == 1 ? "for the one variant with a ratio"
                            : defined == 2 ? "for both variants" : "for all " + defined + " variants")
                    .append(" (ratio ").append(range(only.getValue())).append(")")
                    .append(CONSEQUENCE.get(only.getKey()));
        } else {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<Comparisons.Width, List<Double>> entry : byWidth.entrySet()) {
                int count = entry.getValue().size();
                String what = parts.isEmpty() ? entry.getKey().words() + " the unpaired one for " + count + " of "
                        + defined + " variants" : entry.getKey().adjective() + " for " + count;
                parts.add(what + " (ratio " + range(entry.getValue()) + ")");
            }
            s.append(String.join(", ", parts.subList(0, parts.size() - 1))).append(" and ")
                    .append(parts.get(parts.size() - 1));
        }
        if (undefined > 0) {
            s.append(String.format(Locale.ROOT, "; no ratio for %d of %d variants (fewer than two runs, or no "
                    + "spread in either interval)", undefined, differences.size()));
        }
        return s.append(". ").toString();
    }

    /** What a uniform outcome means for the number of runs, said after the ratio range. */
    private static final Map<Comparisons.Width, String> CONSEQUENCE = Map.of(
            Comparisons.Width.NARROWER, ", so pairing saves runs here",
            Comparisons.Width.ABOUT_AS_WIDE, ", so pairing gains little here",
            Comparisons.Width.WIDER, ", so pairing does not pay off here");

    /** The smallest and largest of some ratios as the table prints them, one number if they print alike. */
    private static String range(List<Double> ratios) {
        String low = String.format(Locale.ROOT, "%.2f", ratios.stream().mapToDouble(Double::doubleValue).min()
                .orElseThrow());
        String high = String.format(Locale.ROOT, "%.2f", ratios.stream().mapToDouble(Double::doubleValue).max()
                .orElseThrow());
        return low.equals(high) ? low : low + " to " + high;
    }

    /**
     * The caption under a metric's chart: the metric's own words, then how lines and bands are made.
     *
     * @param metric the metric, or null for a figure that is not a metric's curve
     * @param e the experiment, for its run count and kind of environment
     * @return one or more sentences; only the note on lines and bands when {@code metric} is null
     */
    static String caption(Recorded metric, Experiment e) {
        String common = e.runs() < 2 ? "Lines are the values of the one run (n = 1, no interval)."
                : "Lines are means over " + e.runs() + " runs; shaded bands are 95% confidence intervals "
                + "(Student's t).";
        return metric == null ? common : metric.metric().caption(e.episodic()) + " " + common;
    }

    private static Table summary(ResultData data) {
        Experiment e = data.experiment();
        List<String> columns = new ArrayList<>(List.of("variant"));
        for (Recorded m : e.metrics()) {
            columns.add(m.key());
        }
        List<List<String>> rows = new ArrayList<>();
        for (Cell c : e.cells()) {
            List<String> row = new ArrayList<>();
            row.add(c.label());
            for (Recorded m : e.metrics()) {
                Interval iv = data.last(c.index(), m);
                row.add(iv == null ? "" : ValueFormat.of(m.metric()).interval(iv));
            }
            rows.add(row);
        }
        return new Table("Final values at " + e.timeUnit() + " " + e.horizon() + ": mean [95% CI] over "
                + runs(e.runs()),
                columns, rows);
    }

    /**
     * A count of runs as a sentence says it.
     *
     * @param n the runs
     * @return {@code 1 run} or {@code N runs}
     */
    static String runs(long n) {
        return n == 1 ? "1 run" : n + " runs";
    }
}
