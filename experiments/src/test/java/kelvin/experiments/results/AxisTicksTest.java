package kelvin.experiments.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import kelvin.plots.LineChart;
import kelvin.plots.Series;
import org.junit.jupiter.api.Test;

class AxisTicksTest {

    private static LineChart temperatures(double low, double high) {
        double[] x = {1, 2};
        return LineChart.of("Temperature", "step", "temperature T", List.of(
                Series.line("a", x, new double[] {low, low}, 0),
                Series.line("b", x, new double[] {high, high}, 1))).withLogY(true);
    }

    @Test
    void aLogAxisOfNormalValuesGetsOneTwoFiveTicks() {
        LineChart chart = AxisTicks.apply(temperatures(0.01, 1));
        assertNotNull(chart.yTicks());
        assertEquals("0.01", chart.yTicks().labels()[0]);
    }

    /** 10^k underflows to 0 below the smallest normal double, which no tick can start from. */
    @Test
    void aLogAxisReachingSubnormalTemperaturesKeepsTheChartsOwnTicks() {
        assertNull(AxisTicks.apply(temperatures(4.9e-324, 1e-320)).yTicks());
        assertNull(AxisTicks.apply(temperatures(1e-320, 1)).yTicks());
    }
}
