package kelvin.experiments.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import kelvin.experiments.model.PlotSettings;
import kelvin.plots.YRange;
import org.junit.jupiter.api.Test;

class CurveViewTest {

    private static double[] steps(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    /** Cliff walking's shape: -1000 at episode 1, -100 at 2 and 3, then a level -20 with noise +-2. */
    private static CurveView.Curve withTransient(String label, double level) {
        double[] y = new double[100];
        for (int i = 0; i < y.length; i++) {
            y[i] = i == 0 ? -1000 : i < 3 ? -100 : level + (i % 2 == 0 ? 2 : -2);
        }
        return new CurveView.Curve(label, 0, steps(100), y, null, null);
    }

    @Test
    void movingAverageIsCentredAndCutAtTheEnds() {
        double[] v = {1, 2, 3, 4, 10};
        // window 3: (1+2)/2, (1+2+3)/3, (2+3+4)/3, (3+4+10)/3, (4+10)/2
        assertArrayEquals(new double[] {1.5, 2, 3, 17 / 3.0, 7}, CurveView.average(v, 3), 1e-12);
        // window 4 takes one point before and two after
        assertArrayEquals(new double[] {2, 2.5, 4.75, 17 / 3.0, 7}, CurveView.average(v, 4), 1e-12);
        assertArrayEquals(v, CurveView.average(v, 1), 0);
    }

    @Test
    void smoothingAveragesTheBandEdgesToo() {
        CurveView.Curve c = new CurveView.Curve("a", 0, steps(3), new double[] {0, 3, 6}, new double[] {-1, 2, 5},
                new double[] {1, 4, 9}).smoothed(3);
        assertArrayEquals(new double[] {1.5, 3, 4.5}, c.y(), 1e-12);
        assertArrayEquals(new double[] {0.5, 2, 3.5}, c.low(), 1e-12);
        assertArrayEquals(new double[] {2.5, 14 / 3.0, 6.5}, c.high(), 1e-12);
    }

    @Test
    void fromDropsTheEarlierPoints() {
        CurveView.Curve c = withTransient("a", -20).from(3);
        assertEquals(98, c.x().length);
        assertEquals(3, c.x()[0]);
        assertEquals(-100, c.y()[0]);
    }

    @Test
    void aTransientThatDwarfsTheRestIsTrimmedAndTheNoteSaysWhatIsCut() {
        CurveView.View view = CurveView.yRange(List.of(withTransient("a", -20), withTransient("b", -50)), List.of(), null,
                true, false, "episode");
        YRange r = view.range();
        assertNotNull(r);
        // the later 90% (episodes >= 10.9) span -52 .. -18; padded by 5% of 34 = 1.7
        assertEquals(-53.7, r.low(), 1e-9);
        assertEquals(-16.3, r.high(), 1e-9);
        assertEquals("\u25bc 6 means below the axis, at episodes 1 to 3 (lowest -1000)", r.belowNote());
        assertEquals("", r.aboveNote());
        assertTrue(view.caption().startsWith("The y axis shows -53.7 to -16.3, the range of the later 90% of the "
                + "episodes; 6 means below it, at episodes 1 to 3 (down to -1000), are cut off"), view.caption());
    }

    @Test
    void curvesThatRiseSteadilyAreNotTrimmed() {
        double[] y = new double[100];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sqrt(i);
        }
        CurveView.View view = CurveView.yRange(List.of(new CurveView.Curve("a", 0, steps(100), y, null, null)),
                List.of(), null, true, false, "episode");
        assertSame(CurveView.View.ALL, view);
    }

    @Test
    void metricsThatDoNotTrimKeepAllTheirData() {
        assertSame(CurveView.View.ALL, CurveView.yRange(List.of(withTransient("a", -20)), List.of(), null, false, false,
                "step"));
    }

    @Test
    void aGuideStaysInView() {
        double[][] guide = {steps(100), new double[100]};
        Arrays.fill(guide[1], -13);
        CurveView.View view = CurveView.yRange(List.of(withTransient("a", -20)), List.<double[][]>of(guide), null, true, false,
                "episode");
        // later span -22 .. -13 (the guide), padded by 0.45 on top
        assertEquals(-12.55, view.range().high(), 1e-9);
    }

    @Test
    void aFixedRangeIsUsedAsGivenAndSaysWhatItCuts() {
        CurveView.View view = CurveView.yRange(List.of(withTransient("a", -20)), List.of(),
                new PlotSettings.Range(-30, -21), false, false, "episode");
        assertEquals(-30, view.range().low());
        assertEquals(-21, view.range().high());
        // three early means below, and the 48 values of -18 above
        assertEquals("\u25bc 3 means below the axis, at episodes 1 to 3 (lowest -1000)", view.range().belowNote());
        assertEquals("\u25b2 48 means above the axis, at episodes 5 to 99 (highest -18)", view.range().aboveNote());
        assertTrue(view.caption().startsWith("The y axis is fixed to -30 to -21 (plot.ylim or kelvin plot --ylim)"),
                view.caption());
    }

    @Test
    void aLogTimeAxisTakesTheLaterPartOfItsLog() {
        // 1..1000 on a log axis: the first 10% of log10 ends at 10^0.3 ~ 2.0, so x = 1 is the transient
        double[] x = new double[100];
        double[] y = new double[100];
        for (int i = 0; i < 100; i++) {
            x[i] = Math.pow(1000, i / 99.0);
            y[i] = i == 0 ? 500 : 1 + (i % 2);
        }
        CurveView.View view = CurveView.yRange(List.of(new CurveView.Curve("a", 0, x, y, null, null)), List.of(),
                null, true, true, "step");
        assertNotNull(view.range());
        assertEquals(2.05, view.range().high(), 1e-9);
        assertEquals(0.95, view.range().low(), 1e-9);
        assertEquals("\u25b2 1 mean above the axis, at step 1 (highest 500)", view.range().aboveNote());
    }
}
