package kelvin.experiments.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import kelvin.experiments.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarginTest {

    @Test
    void readsUnitsAndStandardErrors() {
        assertEquals(new Margin(4, true), Margin.parse("4se"));
        assertEquals(new Margin(2.5, true), Margin.parse("2.5 se"));
        assertEquals(new Margin(0.02, false), Margin.parse("0.02"));
        assertEquals(new Margin(1e3, false), Margin.parse("1e3"));
        assertEquals("4se", Margin.parse("4se").toString());
        assertEquals(8.0 * Math.sqrt(2), Margin.parse("4se").inUnits(new Sample(10, 20, 100)), 1e-12);
        assertEquals(5.0, Margin.parse("5").inUnits(new Sample(10, 20, 100)), 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-1", "0se", "4sd", "se", "abc", "1e999", "NaN", "4 se se", "--3"})
    void refusesAnythingElseNamingTheOption(String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> Margin.parse(text));
        assertEquals("--margin: '" + text + "' is not a margin; give a number > 0 in the metric's units (e.g. 5) "
                + "or in standard errors (e.g. 4se)", e.getMessage());
    }
}
