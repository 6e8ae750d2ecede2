package kelvin.experiments.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kelvin.experiments.Version;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.run.RunStore;
import kelvin.experiments.run.Runner;
import kelvin.experiments.run.Streams;
import kelvin.plots.LineChart;

/**
 * Writes a results folder: config.yaml, curves.csv, summary.csv, runs.csv, states.csv (tabular
 * environments), the plots and report.html, and last manifest.json (with the config's SHA-256 and
 * the list of files), so a folder with a manifest is a complete one; result files of an earlier run
 * that this one did not write are deleted before the manifest lands. Every file is written
 * atomically.
 */
public final class ResultWriter {
    private final Experiment experiment;
    private final Runner.Result result;
    private final RunStore runs;
    private final double wallSeconds;
    private final int threads;
    private final Map<String, String> notes;

    /**
     * A writer of one finished session's results; nothing is written until {@link #write} is called.
     *
     * @param experiment what was run
     * @param result every cell's aggregates
     * @param runs where the per-run values were kept
     * @param wallSeconds the session's wall time
     * @param threads the worker threads it used
     */
    public ResultWriter(Experiment experiment, Runner.Result result, RunStore runs, double wallSeconds, int threads) {
        this(experiment, result, runs, wallSeconds, threads, Map.of());
    }

    private ResultWriter(Experiment experiment, Runner.Result result, RunStore runs, double wallSeconds, int threads,
                         Map<String, String> notes) {
        this.experiment = experiment;
        this.result = result;
        this.runs = runs;
        this.wallSeconds = wallSeconds;
        this.threads = threads;
        this.notes = notes;
    }

    /**
     * The same writer, whose report header and manifest.json ({@code notes}) also show {@code notes}.
     *
     * @param notes facts by name, in order; empty for none
     * @return a writer with these notes
     */
    public ResultWriter noting(Map<String, String> notes) {
        return new ResultWriter(experiment, result, runs, wallSeconds, threads, new LinkedHashMap<>(notes));
    }

    /**
     * The results of a session that writes no folder.
     *
     * @param experiment what was run
     * @param result every cell's aggregates
     * @param runs where the per-run values were kept
     * @param wallSeconds the session's wall time
     * @param threads the worker threads it used
     * @return the results, with the report header's facts of this session
     */
    public static ResultData inMemory(Experiment experiment, Runner.Result result, RunStore runs, double wallSeconds,
                                      int threads) {
        return ResultData.of(experiment, result, runs, facts(experiment, Version.get(), wallSeconds, threads, machine(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    }

    /**
     * Writes the folder.
     *
     * @param dir the results folder
     * @param plots whether to draw the charts and report.html
     * @param configYaml the experiment's {@link #configYaml}
     * @return the results, as the files hold them
     * @throws IOException when a file cannot be written
     */
    public ResultData write(Path dir, boolean plots, String configYaml) throws IOException {
        Files.createDirectories(dir);
        Instant finished = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> facts = facts(experiment, Version.get(), wallSeconds, threads, machine(), finished);
        facts.putAll(notes);
        ResultData data = ResultData.of(experiment, result, runs, facts);
        AtomicFiles.write(dir.resolve("config.yaml"), configYaml);
        List<String> files = writeTables(dir, data);
        if (plots) {
            files.addAll(new ReportWriter(data, configYaml, ReportOptions.of(experiment)).write(dir));
        }
        ResultsFolder.removeStale(dir, files);
        files.add("manifest.json");
        AtomicFiles.write(dir.resolve("manifest.json"), TreeText.json(manifest(configYaml, files, finished)) + "\n");
        return data;
    }

    /**
     * Redraws the charts and report.html of a results folder from its CSV files ({@code kelvin plot}),
     * removes the charts that {@code options} do not draw and updates the manifest's file list. The
     * header facts (wall time, machine, version) are those of the run, from manifest.json.
     *
     * @param dir the results folder
     * @param experiment the experiment of its config.yaml
     * @param options which metrics, baseline and time axis to draw
     * @return the files written, relative to {@code dir}
     * @throws IOException when a file cannot be read or written
     * @throws ResultData.BadResultsException when a file is missing or does not fit config.yaml
     */
    public static List<String> replot(Path dir, Experiment experiment, ReportOptions options) throws IOException {
        Path manifestFile = dir.resolve("manifest.json");
        ObjectNode manifest;
        try {
            manifest = (ObjectNode) Mappers.JSON.readTree(manifestFile.toFile());
        } catch (IOException | ClassCastException e) {
            throw new ResultData.BadResultsException(manifestFile, 0, "missing or unreadable (" + e.getMessage()
                    + "); kelvin run writes it last, so the run may not have finished");
        }
        Instant finished;
        try {
            finished = Instant.parse(manifest.path("finished").asText());
        } catch (DateTimeParseException e) {
            throw new ResultData.BadResultsException(manifestFile, 0, "'finished' is not an ISO-8601 instant");
        }
        Map<String, String> facts = facts(experiment, manifest.path("kelvin_version").asText("unknown"),
                manifest.path("wall_seconds").asDouble(Double.NaN), manifest.path("threads").asInt(0),
                manifest.path("machine").asText("unknown"), finished);
        manifest.path("notes").fields().forEachRemaining(n -> facts.put(n.getKey(), n.getValue().asText()));
        ResultData data = ResultData.read(dir, experiment, facts);
        String configYaml = Files.readString(dir.resolve("config.yaml"), StandardCharsets.UTF_8);
        List<String> drawn = new ReportWriter(data, configYaml, options).write(dir);
        List<String> files = new ArrayList<>();
        for (JsonNode f : manifest.path("files")) {
            String name = f.asText();
            if (drawn.contains(name) || name.equals("manifest.json")) {
                continue;
            }
            if (name.startsWith("plots/")) {
                if (ResultsFolder.isChartName(name)) {
                    Files.deleteIfExists(dir.resolve(name)); // a chart the current options do not draw
                }
            } else {
                files.add(name);
            }
        }
        files.addAll(drawn);
        files.add("manifest.json");
        ArrayNode list = manifest.putArray("files");
        files.forEach(list::add);
        AtomicFiles.write(manifestFile, Mappers.JSON.writeValueAsString(manifest) + "\n");
        return drawn;
    }

    /** Writes curves.csv, summary.csv, runs.csv and (tabular environments) states.csv; returns their names. */
    static List<String> writeTables(Path dir, ResultData data) throws IOException {
        List<String> files = new ArrayList<>(List.of("config.yaml", "curves.csv", "summary.csv", "runs.csv"));
        AtomicFiles.write(dir.resolve("curves.csv"), Tables.curves(data));
        AtomicFiles.write(dir.resolve("summary.csv"), Tables.summary(data));
        AtomicFiles.write(dir.resolve("runs.csv"), out -> Tables.runs(data, out));
        if (data.experiment().episodic()) {
            AtomicFiles.write(dir.resolve("states.csv"), Tables.states(data));
            files.add("states.csv");
        }
        return files;
    }

    /**
     * The chart with readable ticks on its log axes (decades, 1-2-5 steps).
     *
     * @param chart a chart, with or without log axes
     * @return a copy with ticks on each log axis that has data; {@code chart} itself when none has
     */
    public static LineChart readableTicks(LineChart chart) {
        return AxisTicks.apply(chart);
    }

    /**
     * The fully resolved config, as YAML that {@code kelvin run} accepts again.
     *
     * @param e a validated experiment
     * @return the YAML text of config.yaml
     */
    public static String configYaml(Experiment e) {
        return TreeText.yaml(e.resolved());
    }

    /**
     * SHA-256 of the resolved config: equal hashes mean equal results.
     *
     * @param configYaml the text of config.yaml
     * @return the hash in lower-case hex
     */
    public static String configHash(String configYaml) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(configYaml.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the report header shows: the run as a record. */
    static Map<String, String> facts(Experiment experiment, String version, double wallSeconds, int threads,
                                     String machine, Instant finished) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Seed", Long.toString(experiment.seed()));
        f.put("Runs per variant", Integer.toString(experiment.runs()));
        f.put(experiment.episodic() ? "Episodes" : "Steps", Integer.toString(experiment.horizon()));
        f.put("Variants", Integer.toString(experiment.cells().size()));
        f.put("Kelvin", version);
        // From the value manifest.json keeps, so `kelvin plot` redraws the same header.
        f.put("Wall time", String.format(Locale.ROOT, "%.2f s on %d thread%s", round3(wallSeconds), threads,
                threads == 1 ? "" : "s"));
        f.put("Machine", machine);
        f.put("Finished", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                .withZone(ZoneOffset.UTC).format(finished));
        return f;
    }

    static String machine() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
    }

    private Map<String, Object> manifest(String configYaml, List<String> files, Instant finished) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kelvin_version", Version.get());
        m.put("name", experiment.name());
        m.put("config_sha256", configHash(configYaml));
        m.put("seed", experiment.seed());
        m.put("runs", experiment.runs());
        m.put(experiment.episodic() ? "episodes" : "steps", experiment.horizon());
        m.put("checkpoints", experiment.checkpoints().length);
        m.put("generator", Streams.GENERATOR);
        m.put("seeding", Streams.SCHEME);
        m.put("runs_per_block", Runner.BLOCK);
        m.put("threads", threads);
        m.put("wall_seconds", round3(wallSeconds));
        m.put("machine", machine());
        m.put("finished", finished.toString());
        List<Map<String, Object>> cells = new ArrayList<>();
        for (Cell c : experiment.cells()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("label", c.label());
            cm.put("agent", c.agentName());
            cm.put("params", new LinkedHashMap<>(c.params()));
            cm.put("compute_seconds", round3(result.cellSeconds()[c.index()]));
            cells.add(cm);
        }
        m.put("cells", cells);
        if (!notes.isEmpty()) {
            m.put("notes", notes);
        }
        m.put("files", files);
        return m;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
