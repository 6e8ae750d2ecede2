package kelvin.experiments.scorecard;

import static kelvin.experiments.scorecard.StratifiedBootstrapTest.rng;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import kelvin.plots.ChartRenderer;
import kelvin.plots.Heatmap;
import kelvin.plots.IntervalPlot;
import kelvin.plots.LineChart;
import kelvin.plots.Series;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scorecard's charts: what each shows on a hand-made suite, and that all of them render. */
class ScorecardChartsTest {
    private static final ChartRenderer RENDERER = new ChartRenderer();

    @Test
    void theHeatmapHasAnAgentPerRowAndTheMeanWithItsIntervalInEachCell() {
        Heatmap map = ScorecardCharts.scores(ScorecardData.of(ScorecardFilesTest.card()));
        assertEquals(List.of("fixed", "cosine"), map.rowAxis().labels());
        assertEquals(List.of("bandit", "cliff"), map.columnAxis().labels());
        assertEquals("agent", map.rowAxis().title());
        assertEquals("environment", map.columnAxis().title());
        assertArrayEquals(new double[] {0.3, 0.85}, map.values()[0], 1e-12);
        assertEquals(new Heatmap.Range(0, 1), map.range());
        // half-widths 0.248 and 0.635: two significant digits set the hundredths
        assertEquals(List.of("0.30\n[0.05, 0.55]", "0.85\n[0.21, 1.49]"), map.cellTexts().get(0));
    }

    @Test
    void theAggregatePlotHasAPanelPerStatisticAndARowPerAgent() {
        IntervalPlot plot = ScorecardCharts.aggregate(ScorecardData.of(ScorecardFilesTest.card()));
        assertEquals(List.of("Median", "IQM", "Mean", "Optimality gap"),
                plot.panels().stream().map(IntervalPlot.Panel::title).toList());
        assertEquals(List.of(new IntervalPlot.Row("fixed", 0), new IntervalPlot.Row("cosine", 1)), plot.rows());
        assertArrayEquals(new double[] {0.5, 0.6}, plot.panels().get(1).estimates(), 1e-12);
        assertTrue(plot.key().contains("optimality gap: lower is better"), plot.key());
        assertEquals("normalised score", plot.panels().get(0).axisLabel());
    }

    @Test
    void theProfilesHaveABandedLinePerAgentOnBothTauAxes() {
        ScorecardData data = ScorecardData.of(ScorecardFilesTest.card());
        for (boolean log : new boolean[] {false, true}) {
            LineChart chart = ScorecardCharts.profiles(data, log);
            assertEquals(log, chart.logX());
            assertEquals(2, chart.series().size());
            assertTrue(chart.series().stream().allMatch(Series::hasBand));
            assertArrayEquals(new double[] {0, 0.5}, chart.series().get(0).x());
            assertArrayEquals(new double[] {1, 0.4}, chart.series().get(0).y(), 1e-12);
            assertTrue(chart.xLabel().startsWith("normalised score threshold"));
            assertEquals("fraction of runs with score > \u03c4", chart.yLabel());
        }
    }

    @Test
    void theImprovementMatrixHasPOfRowOverColumn() {
        Heatmap map = ScorecardCharts.improvement(ScorecardData.of(ScorecardFilesTest.card()));
        double[][] p = map.values();
        assertArrayEquals(new double[] {0.5, 0.3125}, p[0], 1e-12);
        assertArrayEquals(new double[] {0.6875, 0.5}, p[1], 1e-12);
        assertEquals("agent X", map.rowAxis().title());
        assertEquals("agent Y", map.columnAxis().title());
        assertEquals("(itself)", map.cellTexts().get(1).get(1));
        assertTrue(map.cellTexts().get(0).get(1).startsWith("0.31\n["), map.cellTexts().get(0).get(1));
    }

    @Test
    void everyChartIsWrittenAsPngAndSvgAndDrawnTheSameFromTheCsvFiles(@TempDir Path dir) throws IOException {
        Scorecard card = ScorecardFilesTest.card();
        List<ScorecardCharts.Figure> figures = ScorecardCharts.write(dir.resolve("plots"), card, RENDERER);
        assertEquals(List.of("scorecard", "aggregate", "profiles", "profiles-log", "improvement"),
                figures.stream().map(ScorecardCharts.Figure::name).toList());
        for (ScorecardCharts.Figure f : figures) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(f.png()));
            assertNotNull(image, f.name());
            assertEquals(ChartRenderer.DEFAULT_WIDTH, image.getWidth());
            assertArrayEquals(f.png(), Files.readAllBytes(dir.resolve("plots").resolve(f.pngFile())));
            assertTrue(Files.readString(dir.resolve("plots").resolve(f.svgFile())).contains("<svg"));
            assertFalse(f.caption().isBlank());
            assertFalse(f.title().isBlank());
        }
        ScorecardFiles.write(dir, card);
        List<ScorecardCharts.Figure> redrawn = ScorecardCharts.write(dir.resolve("again"), ScorecardFiles.read(dir),
                RENDERER);
        for (int i = 0; i < figures.size(); i++) {
            assertArrayEquals(figures.get(i).png(), redrawn.get(i).png(), figures.get(i).name());
        }
    }

    @Test
    void aSuiteOfOneAgentHasNoImprovementMatrix(@TempDir Path dir) throws IOException {
        Map<String, ScoreTable> tables = new LinkedHashMap<>();
        tables.put("solo", ScoreTable.of(List.of("bandit", "cliff"), new double[][] {{0.2, 0.4}, {0.9, 1.3}}));
        Scorecard card = Scorecard.of(SuiteScores.of(tables), AggregateStatistic.standard(), TauGrid.linear(0, 1, 5),
                StratifiedBootstrap.of(50, 0.95), rng(3));
        assertEquals(List.of("scorecard", "aggregate", "profiles", "profiles-log"),
                ScorecardCharts.write(dir, card, RENDERER).stream().map(ScorecardCharts.Figure::name).toList());
    }

    /**
     * Synthetic suites rendered into a temp folder, and into the folder named by the system property
     * {@code scorecard.gallery} when it is set, for looking at the charts: four schedules on five
     * environments, and seven on twelve, the size of the shipped schedule suite.
     */
    @Test
    void syntheticSuitesRender(@TempDir Path dir) throws IOException {
        String gallery = System.getProperty("scorecard.gallery");
        Path out = gallery == null ? dir : Path.of(gallery);
        String[] small = {"exponential", "logarithmic", "simulated annealing (reheat)", "fixed T = 0.1"};
        String[] smallEnvs = {"testbed", "bernoulli", "drifting", "cliff-walking", "frozen-lake-8x8"};
        String[] large = {"fixed", "exponential", "logarithmic", "cosine", "simulated annealing",
            "simulated annealing with reheat", "entropy target"};
        String[] largeEnvs = {"testbed", "bernoulli", "drifting", "cliff-walking", "frozen-lake-8x8", "four-rooms",
            "deep-sea-10", "testbed-hard", "bernoulli-20", "drifting-fast", "cliff-slippery", "chain-12"};
        assertEquals(5, render(out.resolve("small"), small, smallEnvs));
        assertEquals(5, render(out.resolve("large"), large, largeEnvs));
    }

    /** Writes the tables and charts of a suite with 10 runs per environment, scores spread around 0.1 to 1.1. */
    private static int render(Path out, String[] agents, String[] envs) throws IOException {
        UniformRandomProvider rng = rng(25);
        Map<String, ScoreTable> tables = new LinkedHashMap<>();
        for (String agent : agents) {
            double[][] scores = new double[envs.length][10];
            for (int e = 0; e < envs.length; e++) {
                double level = 0.1 + rng.nextDouble();
                for (int r = 0; r < 10; r++) {
                    scores[e][r] = level + 0.15 * (rng.nextDouble() - 0.5) * (1 + e % 3);
                }
            }
            tables.put(agent, ScoreTable.of(List.of(envs), scores));
        }
        Scorecard card = Scorecard.of(SuiteScores.of(tables), AggregateStatistic.standard(), TauGrid.linear(0, 1.2, 49),
                StratifiedBootstrap.of(500, 0.95), rng);
        ScorecardFiles.write(out, card);
        return ScorecardCharts.write(out.resolve("plots"), ScorecardFiles.read(out), RENDERER).size();
    }
}
