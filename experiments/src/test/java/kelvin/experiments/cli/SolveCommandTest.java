package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolveCommandTest {

    @TempDir
    Path tmp;

    @Test
    void cliffWalkingJsonGivesMinusThirteenFromTheStart() throws IOException {
        Cli r = Cli.run("solve", "examples/sutton-barto-figure-6-4-cliff-walking.yaml", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(-13.0, json.get("start_value").asDouble(), 1e-9);
        assertEquals(48, json.get("values").size());
        assertEquals(48, json.get("policy").size());
        // Example 6.6: from the start (row 3, column 0, state 36) the optimal first move is up (0)
        assertEquals(0, json.get("policy").get(36).asInt());
    }

    @Test
    void mapPictureAndBanditRefusal() throws IOException {
        Path png = tmp.resolve("cliff.png");
        Cli r = Cli.run("solve", "examples/sutton-barto-figure-6-4-cliff-walking.yaml", "--png", png.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.size(png) > 1000);
        Cli bandit = Cli.run("solve", "examples/quickstart.yaml");
        assertEquals(2, bandit.exit());
        assertTrue(bandit.err().contains("tabular"), bandit.err());
    }
}
