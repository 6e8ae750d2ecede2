package kelvin.experiments.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import kelvin.experiments.model.Experiment;
import org.junit.jupiter.api.Test;

class ResultWriterTest {

    @Test
    void theHeadersWallTimeIsTheOneManifestJsonKeepsSoARedrawMatches() {
        Experiment e = Experiment.load(Path.of("examples/quickstart.yaml"));
        Instant at = Instant.parse("2026-12-06T10:26:28Z");
        // 0.0549 s reads "0.05 s" if formatted directly, but the manifest keeps 0.055, which reads "0.06 s".
        String fromRun = ResultWriter.facts(e, "v", 0.0549, 2, "m", at).get("Wall time");
        String fromManifest = ResultWriter.facts(e, "v", 0.055, 2, "m", at).get("Wall time");
        assertEquals(fromManifest, fromRun);
        assertEquals("0.06 s on 2 threads", fromRun);
    }
}
