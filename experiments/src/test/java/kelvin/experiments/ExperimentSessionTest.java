package kelvin.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import kelvin.experiments.config.Registry;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.Interval;
import kelvin.experiments.results.ResultData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library API as the README shows it: in memory by default, a results folder only when asked. */
class ExperimentSessionTest {
    @TempDir
    Path tmp;

    @Test
    void aSessionInMemoryGivesTheFolderNumbersAndWritesNothing() throws Exception {
        Experiment e = Experiment.load(Path.of("examples/quickstart.yaml"), List.of("runs=40", "steps=300"),
                Registry.builtIns());
        Path defaultFolder = Path.of("results", e.name());
        boolean existed = Files.exists(defaultFolder);
        ResultData data = ExperimentSession.of(e).run(SessionOptions.inMemory().withThreads(2));
        assertEquals(existed, Files.exists(defaultFolder), "a session in memory writes no folder");
        Interval regret = data.summary("boltzmann-0.2", "regret");
        double[] perRun = data.finals("boltzmann-0.2", "regret");
        assertEquals(40, perRun.length);
        assertEquals(Arrays.stream(perRun).average().orElseThrow(), regret.mean(), 1e-9 * Math.abs(regret.mean()));
        assertTrue(regret.low() < regret.mean() && regret.mean() < regret.high());

        Path dir = tmp.resolve("q");
        ResultData written = ExperimentSession.of(e).run(SessionOptions.inMemory().withThreads(1)
                .writingTo(dir, false));
        assertTrue(Files.exists(dir.resolve("summary.csv")) && Files.exists(dir.resolve("manifest.json")));
        assertArrayEquals(perRun, written.finals("boltzmann-0.2", "regret"), "same numbers for any thread count");
        assertEquals(regret, written.summary("boltzmann-0.2", "regret"));
    }
}
