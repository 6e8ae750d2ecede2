package kelvin.experiments.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kelvin.experiments.SuiteSession;
import kelvin.experiments.model.Suite;

/**
 * Writes a suite's own files into its results folder, beside {@code envs/}: {@code suite.json}
 * (what the folder holds: each environment's folder and the agents it skipped, the variants, the
 * scorecard's resamples and notes), written last and atomically like every results file.
 */
public final class SuiteWriter {

    private SuiteWriter() {
    }

    /**
     * Writes the suite's files.
     *
     * @param result the suite's results
     * @param dir the suite's results folder
     * @param plots whether to draw the charts and report.html
     * @throws IOException when a file cannot be written
     */
    public static void write(SuiteSession.Result result, Path dir, boolean plots) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve("suite.json"), TreeText.json(manifest(result, dir)) + "\n");
    }

    private static Map<String, Object> manifest(SuiteSession.Result result, Path dir) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("suite", result.suite().name());
        m.put("seed", result.suite().seed());
        List<Object> envs = new ArrayList<>();
        for (Suite.Environment e : result.suite().environments()) {
            Map<String, Object> env = new LinkedHashMap<>();
            env.put("name", e.name());
            env.put("folder", dir.relativize(SuiteSession.environmentFolder(dir, e.name())).toString()
                    .replace('\\', '/'));
            env.put("horizon", e.experiment().horizon());
            env.put("unit", e.experiment().timeUnit() + "s");
            List<Object> skipped = new ArrayList<>();
            for (Suite.Skipped s : e.skipped()) {
                skipped.add(Map.of("agent", s.agent(), "reason", s.reason()));
            }
            env.put("skipped", skipped);
            envs.add(env);
        }
        m.put("environments", envs);
        m.put("variants", result.suite().variants());
        if (result.scorecard() != null) {
            m.put("bootstrap_resamples", result.scorecard().bootstrap().resamples());
            m.put("aggregated", result.scorecard().suite().agents());
        }
        m.put("notes", result.notes());
        return m;
    }
}
