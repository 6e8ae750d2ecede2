package kelvin.experiments.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kelvin.experiments.ExperimentSession;
import kelvin.experiments.SessionOptions;
import kelvin.experiments.config.ExperimentLoader;
import kelvin.experiments.config.Registry;
import kelvin.experiments.config.YamlTrees;
import kelvin.experiments.model.Cell;
import kelvin.experiments.metric.Recorded;
import kelvin.experiments.model.Experiment;
import kelvin.plots.BoxPlot;
import kelvin.plots.Heatmap;
import kelvin.plots.LineChart;
import org.junit.jupiter.api.Test;

class ReportWriterTest {

    private static ReportWriter writer(String agents, String sweep) throws Exception {
        String yaml = "name: facets\nseed: 3\nruns: 3\nsteps: 20\nenv: {type: gaussian-bandit, arms: 4}\n"
                + "agents:\n" + agents + (sweep.isEmpty() ? "" : "sweep:\n" + sweep) + "metrics: [regret]\n"
                + "record: {points: 5}\n";
        Experiment e = ExperimentLoader.bind(YamlTrees.parse("facets.yaml", yaml), Registry.builtIns());
        ResultData data = ExperimentSession.of(e).run(SessionOptions.inMemory().withThreads(1));
        return new ReportWriter(data, yaml, ReportOptions.DEFAULT);
    }

    private static final String EXPONENTIAL = "  exp: {type: action-value, policy: {type: boltzmann, temperature: "
            + "{schedule: exponential, initial: 1.0, decay: 0.99, min: 0.01}}}\n";
    private static final String FIXED = "  fixed: {type: action-value, policy: {type: boltzmann, temperature: 0.1}}\n";

    private static Recorded regret(ReportWriter w) {
        return w.data().experiment().metric("regret");
    }

    private static List<String> labels(ReportWriter.Facet f) {
        return f.cells().stream().map(Cell::label).collect(Collectors.toList());
    }

    @Test
    void aTwoKeyGridIsFacetedByItsFirstKeyWithTheFixedReferenceInEveryChart() throws Exception {
        ReportWriter w = writer(EXPONENTIAL + FIXED, "  policy.temperature.initial: [0.5, 1, 2]\n"
                + "  policy.temperature.decay: [0.9, 0.95, 0.99, 0.995, 0.999]\n");
        List<ReportWriter.Facet> facets = w.facets();
        assertEquals(3, facets.size(), facets.toString());
        assertEquals("exp, initial=0.5", facets.get(0).name());
        assertEquals(6, facets.get(0).cells().size(), "five decays and the fixed reference");
        assertTrue(labels(facets.get(2)).contains("fixed"));
        assertTrue(facets.stream().allMatch(f -> f.note() == null), "nothing is hidden");

        Map<String, Heatmap> maps = Sensitivity.heatmaps(w.data(), regret(w));
        Heatmap map = maps.get("exp");
        assertEquals(List.of("2", "1", "0.5"), map.rowAxis().labels(), "largest initial T at the top");
        assertEquals(List.of("0.9", "0.95", "0.99", "0.995", "0.999"), map.columnAxis().labels());
        int[] best = map.markedCell();
        double lowest = Double.POSITIVE_INFINITY;
        for (double[] row : map.values()) {
            for (double v : row) {
                lowest = Math.min(lowest, v);
            }
        }
        assertEquals(lowest, map.values()[best[0]][best[1]]);
        String label = "exp[initial=" + map.rowAxis().labels().get(best[0]) + ",decay="
                + map.columnAxis().labels().get(best[1]) + "]";
        Cell cell = w.data().experiment().cells().stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow();
        assertEquals(w.data().last(cell.index(), regret(w)).mean(), lowest, "the cell shows that variant's mean");

        Map<String, LineChart> charts = Sensitivity.gridCharts(w.data(), regret(w));
        assertEquals(List.of("exp-initial", "exp-decay"), List.copyOf(charts.keySet()), "one chart per swept key");
        LineChart byInitial = charts.get("exp-initial");
        assertEquals(5, byInitial.series().size(), "a line per decay");
        assertEquals("decay = 0.9", byInitial.series().get(0).label());
        assertTrue(byInitial.logX(), "0.5, 1, 2 is geometric");
        assertEquals(3, charts.get("exp-decay").series().size(), "a line per initial temperature");
        assertTrue(!charts.get("exp-decay").logX(), "0.9 ... 0.999 is not geometric");
    }

    @Test
    void aLongOneKeySweepIsCutIntoConsecutiveRunsAndAHugeOneIsSampled() throws Exception {
        StringBuilder fifty = new StringBuilder("  policy.temperature.initial: [");
        for (int i = 1; i <= 50; i++) {
            fifty.append(i == 1 ? "" : ", ").append(i / 10.0);
        }
        ReportWriter w = writer(EXPONENTIAL, fifty + "]\n");
        List<ReportWriter.Facet> facets = w.facets();
        assertEquals(5, facets.size());
        assertEquals("exp, variants 1-10 of 50", facets.get(0).name());
        assertEquals(50, facets.stream().mapToInt(f -> f.cells().size()).sum(), "every variant is drawn once");

        StringBuilder many = new StringBuilder("  policy.temperature.initial: [");
        for (int i = 1; i <= 80; i++) {
            many.append(i == 1 ? "" : ", ").append(i / 10.0);
        }
        List<ReportWriter.Facet> sampled = writer(EXPONENTIAL, many + "]\n").facets();
        assertEquals(1, sampled.size());
        assertEquals(ReportWriter.SAMPLED_LINES, sampled.get(0).cells().size());
        assertTrue(sampled.get(0).note().contains("8 of agent exp's 80 variants"), sampled.get(0).note());
    }

    @Test
    void theDistributionPlotHasOneLanePerVariantHoldingEveryRunsFinalRegret() throws Exception {
        ReportWriter w = writer(EXPONENTIAL + FIXED, "");
        BoxPlot plot = w.distribution(regret(w));
        assertEquals(2, plot.groups().size());
        assertEquals("fixed", plot.groups().get(1).label());
        Cell fixed = w.data().experiment().cells().get(1);
        assertEquals(Arrays.toString(w.data().finals(fixed.index(), regret(w))),
                Arrays.toString(plot.groups().get(1).values()));
        assertEquals(3, plot.groups().get(1).values().length);
    }

    @Test
    void noTwoLinesOfAFacetShareAColourWhileThePaletteLasts() throws Exception {
        // 13 temperatures and ucb1: 14 variants, so the swept agent is split in two charts and ucb1
        // (variant 13, which the palette of 12 wraps onto the colour of variant 1) joins both
        ReportWriter w = writer(FIXED + "  ucb: {type: ucb1}\n", "  policy.temperature.value: [0.01, 0.02, 0.03, "
                + "0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.2, 0.3, 0.4]\n");
        List<ReportWriter.Facet> facets = w.facets();
        assertEquals(2, facets.size(), facets.toString());
        for (ReportWriter.Facet f : facets) {
            LineChart chart = w.chart(regret(w), f);
            List<Integer> colours = chart.series().stream().map(s -> Math.floorMod(s.colorIndex(), 12)).toList();
            assertEquals(colours.size(), colours.stream().distinct().count(), f.name() + ": " + colours);
        }
        LineChart first = w.chart(regret(w), facets.get(0));
        assertEquals(0, first.series().get(0).colorIndex(), "a variant keeps its own colour where it is free");
    }
}
