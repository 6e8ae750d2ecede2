package kelvin.experiments.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kelvin.experiments.config.ExperimentLoader;
import kelvin.experiments.config.Registry;
import kelvin.experiments.config.SuiteLoader;
import kelvin.experiments.model.Experiment;
import org.junit.jupiter.api.Test;

/** TreeText must give the bytes of the object mappers it stands in for: results folders and cell hashes depend on them. */
class TreeTextTest {

    @Test
    void resolvedConfigsOfEveryShippedConfigMatchTheObjectMapper() throws IOException {
        List<Path> configs = new ArrayList<>();
        for (String dir : List.of("examples", "bench")) {
            try (Stream<Path> s = Files.list(Paths.get(dir))) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(configs::add);
            }
        }
        assertEquals(true, configs.size() >= 8, "configs found: " + configs);
        for (Path p : configs) {
            for (Experiment e : SuiteLoader.experiments(p, Registry.builtIns())) {
                assertEquals(Mappers.YAML.writeValueAsString(e.resolved()), TreeText.yaml(e.resolved()), p.toString());
                assertEquals(Mappers.JSON.writeValueAsString(e.resolved()), TreeText.json(e.resolved()), p.toString());
            }
        }
    }

    @Test
    void awkwardScalarsAndShapesMatchTheObjectMapper() throws IOException {
        Map<String, Object> tree = new LinkedHashMap<>();
        List<String> strings = List.of("", "yes", "no", "true", "null", "~", "1.0", "0x1F", "1e3", "-", "a: b", "#x",
                "x #y", "- item", "[1]", "{a}", "'q'", "\"dq\"", "two\nlines", " lead", "trail ", "tab\there", "é ü",
                "@at", "`tick`", "%p", "*star", "&amp", "!bang", "|pipe", ">gt", "?q", "a,b", "back\\slash");
        tree.put("strings", strings);
        tree.put("numbers", Arrays.asList(0, -1, Integer.MAX_VALUE, Long.MIN_VALUE, 0.0, -0.0, 1e-300, 0.1, 2.5e10,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0 / 3));
        tree.put("flags", Arrays.asList(true, false, null));
        tree.put("ints", new int[] {1, 10, 1000});
        tree.put("longs", new long[] {-5L, 1L << 40});
        tree.put("doubles", new double[] {0.5, 1e21});
        tree.put("empty map", new LinkedHashMap<>());
        tree.put("empty list", List.of());
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("inner", List.of(Map.of("k", "v"), List.of(List.of(1, 2), "x")));
        nested.put("7", null);
        tree.put("nested: key", nested);
        assertEquals(Mappers.YAML.writeValueAsString(tree), TreeText.yaml(tree));
        assertEquals(Mappers.JSON.writeValueAsString(tree), TreeText.json(tree));
    }

    @Test
    void aValueWithNoPlainFormIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TreeText.yaml(Map.of("x", new Object())));
    }
}
