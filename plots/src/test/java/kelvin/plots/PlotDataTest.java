package kelvin.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The log-axis and non-finite rules documented on LineChart. */
class PlotDataTest {

    private static PlotData.Prepared only(LineChart chart) {
        return PlotData.prepare(chart).get(0);
    }

    @Test
    void linearAxesKeepZeroAndNegativeButDropNonFinite() {
        Series s = Series.line("s", new double[] {0, 1, 2, 3}, new double[] {-1, Double.NaN, 0, 2}, 0);
        PlotData.Prepared p = only(LineChart.of("t", "x", "y", List.of(s)));
        assertArrayEquals(new double[] {0, 2, 3}, p.x());
        assertArrayEquals(new double[] {-1, 0, 2}, p.y());
    }

    @Test
    void logAxesDropNonPositivePoints() {
        Series s = Series.line("s", new double[] {0, 1, 2, 3}, new double[] {5, 0, 4, -1}, 0);
        PlotData.Prepared logX = only(new LineChart("t", "x", "y", true, false, List.of(s)));
        assertArrayEquals(new double[] {1, 2, 3}, logX.x());
        PlotData.Prepared logY = only(new LineChart("t", "x", "y", false, true, List.of(s)));
        assertArrayEquals(new double[] {0, 2}, logY.x());
        assertArrayEquals(new double[] {5, 4}, logY.y());
    }

    @Test
    void bandIsAClosedPolygonAlongHighThenBackAlongLow() {
        Series s = Series.withBand("s", new double[] {1, 2, 3}, new double[] {2, 3, 4}, new double[] {1, 2, 3},
            new double[] {3, 4, 5}, 0);
        PlotData.Prepared p = only(LineChart.of("t", "x", "y", List.of(s)));
        assertArrayEquals(new double[] {1, 2, 3, 3, 2, 1, 1}, p.bandX());
        assertArrayEquals(new double[] {3, 4, 5, 3, 2, 1, 3}, p.bandY());
    }

    @Test
    void onALogYAxisANonPositiveLowEdgeIsClampedToTheSmallestPositiveValue() {
        // smallest positive value on the chart is 0.5 (a low edge); the -1 low edge is raised to it
        Series s = Series.withBand("s", new double[] {1, 2}, new double[] {1, 2}, new double[] {-1, 0.5},
            new double[] {3, 4}, 0);
        PlotData.Prepared p = only(new LineChart("t", "x", "y", false, true, List.of(s)));
        assertArrayEquals(new double[] {3, 4, 0.5, 0.5, 3}, p.bandY());
    }

    @Test
    void swappedEdgesGiveTheSameBand() {
        Series s = Series.withBand("s", new double[] {1, 2}, new double[] {2, 3}, new double[] {3, 4},
            new double[] {1, 2}, 0);
        PlotData.Prepared p = only(LineChart.of("t", "x", "y", List.of(s)));
        assertArrayEquals(new double[] {3, 4, 2, 1, 3}, p.bandY());
    }

    @Test
    void aSinglePointHasNoBandArea() {
        Series s = Series.withBand("s", new double[] {1}, new double[] {2}, new double[] {1}, new double[] {3}, 0);
        PlotData.Prepared p = only(LineChart.of("t", "x", "y", List.of(s)));
        assertEquals(1, p.x().length);
        assertEquals(0, p.bandX().length);
    }

    @Test
    void densifyKeepsEveryOriginalPointAndAddsPointsOnTheSegments() {
        Series s = Series.line("s", new double[] {0, 10}, new double[] {0, 10}, 0);
        LineChart chart = LineChart.of("t", "x", "y", List.of(s));
        PlotData.Prepared p = only(chart);
        double[][] dense = PlotData.densify(p, chart, PlotData.range(List.of(p)), 5, 100);
        assertArrayEquals(new double[] {0, 2, 4, 6, 8, 10}, dense[0], 1e-12);
        assertArrayEquals(dense[0], dense[1], 1e-12);
    }

    @Test
    void densifyInterpolatesInLogSpaceOnALogAxis() {
        Series s = Series.line("s", new double[] {1, 100}, new double[] {1, 1}, 0);
        LineChart chart = new LineChart("t", "x", "y", true, false, List.of(s));
        PlotData.Prepared p = only(chart);
        double[][] dense = PlotData.densify(p, chart, new double[] {1, 100, 0, 2}, 2, 100);
        assertArrayEquals(new double[] {1, 10, 100}, dense[0], 1e-9);
    }

    @Test
    void densifyGivesUpBeyondTheLimit() {
        Series s = Series.line("s", new double[] {0, 1, 2}, new double[] {0, 1, 0}, 0);
        LineChart chart = LineChart.of("t", "x", "y", List.of(s));
        PlotData.Prepared p = only(chart);
        assertNull(PlotData.densify(p, chart, PlotData.range(List.of(p)), 1000, 50));
    }
}
