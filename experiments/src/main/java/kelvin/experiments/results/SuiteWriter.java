package kelvin.experiments.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kelvin.experiments.SuiteSession;
import kelvin.experiments.model.Suite;
import kelvin.experiments.scorecard.Estimate;
import kelvin.experiments.scorecard.ScorecardCharts;
import kelvin.experiments.scorecard.ScorecardData;
import kelvin.experiments.scorecard.ScorecardFiles;
import kelvin.plots.ChartRenderer;
import kelvin.plots.Figure;
import kelvin.plots.Report;
import kelvin.plots.ReportRenderer;
import kelvin.plots.Table;

/**
 * Writes a suite's own files into its results folder, beside {@code envs/}: the scorecard tables
 * ({@link ScorecardFiles}), with plots its charts ({@link ScorecardCharts}) and {@code report.html}
 * (the environments with links to their reports, the agents each skipped, the aggregate table and
 * the charts), and {@code suite.json} last: what the folder holds, which {@code kelvin plot} reads
 * to redraw everything from the files alone.
 */
public final class SuiteWriter {
    /** The file that marks a suite's results folder. */
    public static final String MANIFEST = "suite.json";

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
        ScorecardData data = result.scorecard() == null ? null : ScorecardData.of(result.scorecard());
        if (data != null) {
            ScorecardFiles.write(dir, data);
        }
        Map<String, Object> manifest = manifest(result, dir);
        if (plots) {
            draw(dir, data, TreeText.json(manifest));
        }
        AtomicFiles.write(dir.resolve(MANIFEST), TreeText.json(manifest) + "\n");
    }

    /**
     * Whether a folder holds a suite's results.
     *
     * @param dir a folder
     * @return true when it has {@link #MANIFEST}
     */
    public static boolean isSuite(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /**
     * The results folders of a suite's environments, as its manifest lists them.
     *
     * @param dir the suite's results folder
     * @return each environment's folder, in config order
     * @throws IOException when the manifest cannot be read
     */
    public static List<Path> environmentFolders(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (JsonNode env : Mappers.JSON.readTree(dir.resolve(MANIFEST).toFile()).path("environments")) {
            out.add(SuiteSession.environmentFolder(dir, env.path("name").asText()));
        }
        return out;
    }

    /**
     * Redraws the suite's charts and report.html from its files (the scorecard tables and the
     * manifest), as {@code kelvin plot} does for an experiment.
     *
     * @param dir the suite's results folder
     * @return the names of the files written
     * @throws IOException when a file cannot be read or written
     */
    public static List<String> redraw(Path dir) throws IOException {
        String manifest = Files.readString(dir.resolve(MANIFEST));
        ScorecardData data = ScorecardFiles.present(dir) ? ScorecardFiles.read(dir) : null;
        return draw(dir, data, manifest.strip());
    }

    private static List<String> draw(Path dir, ScorecardData data, String manifestJson) throws IOException {
        JsonNode manifest = Mappers.JSON.readTree(manifestJson);
        List<String> files = new ArrayList<>();
        Report.Builder report = Report.builder("Kelvin suite: " + manifest.path("suite").asText());
        report.fact("seed", manifest.path("seed").asText());
        for (JsonNode env : manifest.path("environments")) {
            String name = env.path("name").asText();
            String folder = env.path("folder").asText();
            String text = String.format(Locale.ROOT, "%d %s", env.path("horizon").asLong(), env.path("unit").asText());
            if (Files.isRegularFile(dir.resolve(folder).resolve("report.html"))) {
                report.link(name, text + ", report", folder + "/report.html");
            } else {
                report.fact(name, text);
            }
        }
        report.table(environments(manifest));
        if (data != null) {
            report.table(aggregates(data, manifest));
            ChartRenderer renderer = new ChartRenderer();
            for (ScorecardCharts.Figure f : ScorecardCharts.write(dir.resolve("plots"), data, renderer)) {
                report.figure(new Figure(f.title(), f.caption(), f.png(), "plots/" + f.svgFile()));
                files.add("plots/" + f.pngFile());
                files.add("plots/" + f.svgFile());
            }
        }
        AtomicFiles.write(dir.resolve("report.html"), ReportRenderer.html(report.build()));
        files.add("report.html");
        return files;
    }

    /** Each environment, its horizon and the agents it left out. */
    private static Table environments(JsonNode manifest) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode env : manifest.path("environments")) {
            List<String> skipped = new ArrayList<>();
            for (JsonNode s : env.path("skipped")) {
                skipped.add(s.path("agent").asText() + " (" + s.path("reason").asText() + ")");
            }
            rows.add(List.of(env.path("name").asText(), env.path("horizon").asText() + " " + env.path("unit").asText(),
                    env.path("folder").asText(), skipped.isEmpty() ? "" : String.join("; ", skipped)));
        }
        return new Table("Environments: each ran as its own experiment, in its folder with its own report",
                List.of("environment", "horizon", "folder", "agents skipped"), rows);
    }

    /** The aggregate statistics of every variant with their intervals, and the notes on what is left out. */
    private static Table aggregates(ScorecardData data, JsonNode manifest) {
        List<String> stats = new ArrayList<>(data.statistics());
        stats.add(ScorecardData.AVERAGE_RANK);
        List<String> columns = new ArrayList<>(List.of("variant"));
        columns.addAll(stats);
        List<List<String>> rows = new ArrayList<>();
        for (String agent : data.agents()) {
            List<String> row = new ArrayList<>(List.of(agent));
            for (String s : stats) {
                Estimate e = data.aggregate(agent, s, "");
                row.add(e == null ? "" : Double.isNaN(e.low()) ? ValueFormat.PLAIN.value(e.value())
                        : ValueFormat.PLAIN.interval(new Interval(e.value(), Double.NaN, e.low(), e.high(), 2)));
            }
            rows.add(row);
        }
        StringBuilder note = new StringBuilder("Normalised score: 0 is the uniform random policy's expectation, 1 no "
                + "regret. IQM: the mean of the middle half of all runs' scores; median and mean: of the "
                + "environments' mean scores; optimality gap: the mean shortfall below 1 (lower is better); "
                + "intervals: 95% stratified bootstrap (runs resampled within each environment, "
                + manifest.path("bootstrap_resamples").asText() + " resamples); average rank: over environments' "
                + "mean scores, 1 best (aggregate.csv adds Holm-corrected Wilcoxon signed-rank p values for every "
                + "pair).");
        for (JsonNode n : manifest.path("notes")) {
            note.append(' ').append(n.asText());
        }
        return new Table("Aggregate statistics of the normalised score over all environments and runs", columns, rows)
                .withNote(note.toString());
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
                Map<String, Object> k = new LinkedHashMap<>();
                k.put("agent", s.agent());
                k.put("reason", s.reason());
                skipped.add(k);
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
