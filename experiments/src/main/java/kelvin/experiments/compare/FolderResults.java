package kelvin.experiments.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import kelvin.experiments.ExperimentException;
import kelvin.experiments.SuiteSession;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.Location;
import kelvin.experiments.results.Mappers;
import kelvin.experiments.results.ResultData;
import kelvin.experiments.results.ResultsFolder;
import kelvin.experiments.results.SuiteWriter;

/**
 * What {@code kelvin compare} reads of a results folder, without building its experiment (so a
 * folder written with plug-ins is read without them): from config.yaml the seed, the runs, the
 * horizon, the environment and which keys of it are swept; from manifest.json the generator, the
 * seeding scheme and each variant's swept values; curves.csv's rows; and, on demand, a variant's
 * per-run final values from runs.csv. The folder is only read, never locked or written, so a
 * reference folder may be read-only.
 */
public final class FolderResults {
    private final Path dir;
    private final JsonNode config;
    private final JsonNode manifest;
    private final List<String> variants;
    private final Map<String, Map<String, String>> params;
    private final List<String> metrics;
    private final Map<String, Sample> curves;
    private final Map<String, TreeSet<Long>> checkpoints;
    private final Map<String, double[][]> finals = new HashMap<>();

    private FolderResults(Path dir, JsonNode config, JsonNode manifest, List<String> variants,
                          Map<String, Map<String, String>> params, List<String> metrics, Map<String, Sample> curves,
                          Map<String, TreeSet<Long>> checkpoints) {
        this.dir = dir;
        this.config = config;
        this.manifest = manifest;
        this.variants = variants;
        this.params = params;
        this.metrics = metrics;
        this.curves = curves;
        this.checkpoints = checkpoints;
    }

    /**
     * Reads a complete results folder ({@link ResultsFolder#checkComplete}).
     *
     * @param dir the folder
     * @param argument how the command line named it, for messages
     * @return its results
     * @throws ConfigException (exit 2) when it is missing, not a results folder, or malformed
     * @throws ResultData.BadResultsException (exit 2) when it does not hold one complete run
     */
    public static FolderResults read(Path dir, String argument) {
        if (argument.isBlank()) {
            throw new ConfigException(null, "", "a results folder's name is empty; give a folder written by "
                    + "kelvin run");
        }
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(Location.of(argument), "", Files.exists(dir) ? "is a file, not a results folder"
                    : "no such folder; give a folder written by kelvin run");
        }
        if (SuiteWriter.isSuite(dir)) {
            throw new ConfigException(Location.of(argument), "", "holds a suite; give one environment's folder, "
                    + "e.g. " + SuiteSession.environmentFolder(dir, "NAME") + " (its suite.json lists them)");
        }
        if (!Files.isRegularFile(dir.resolve("config.yaml"))) {
            throw new ConfigException(Location.of(argument), "", "is not a Kelvin results folder: it has no "
                    + "config.yaml (kelvin run writes one into every results folder)");
        }
        try {
            ResultsFolder.checkComplete(dir);
            JsonNode config = Mappers.YAML.readTree(dir.resolve("config.yaml").toFile());
            JsonNode manifest = Mappers.JSON.readTree(dir.resolve("manifest.json").toFile());
            List<String> variants = new ArrayList<>();
            Map<String, Map<String, String>> params = new LinkedHashMap<>();
            for (JsonNode cell : manifest.path("cells")) {
                String label = cell.path("label").asText();
                variants.add(label);
                Map<String, String> p = new LinkedHashMap<>();
                cell.path("params").fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
                params.put(label, p);
            }
            List<String> metrics = new ArrayList<>();
            config.path("metrics").forEach(m -> metrics.add(m.asText()));
            Map<String, Sample> curves = new HashMap<>();
            Map<String, TreeSet<Long>> checkpoints = new HashMap<>();
            Path file = dir.resolve("curves.csv");
            forEachRow(file, (line, row) -> {
                String variant = row.get("variant");
                String metric = row.get("metric");
                long t = (long) number(file, line, row, "t");
                curves.put(key(variant, metric, t), Sample.ofStandardError(number(file, line, row, "mean"),
                        number(file, line, row, "stderr"), (long) number(file, line, row, "n")));
                checkpoints.computeIfAbsent(variant + '\0' + metric, k -> new TreeSet<>()).add(t);
            });
            return new FolderResults(dir, config, manifest, variants, params, metrics, curves, checkpoints);
        } catch (IOException e) {
            throw new ExperimentException(dir + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The folder.
     *
     * @return its path as given
     */
    public Path dir() {
        return dir;
    }

    /**
     * The experiment's name (config.yaml).
     *
     * @return the name
     */
    public String name() {
        return config.path("name").asText();
    }

    /**
     * The master seed (config.yaml).
     *
     * @return the seed
     */
    public long seed() {
        return config.path("seed").asLong();
    }

    /**
     * Runs per variant (config.yaml).
     *
     * @return the runs
     */
    public long runs() {
        return config.path("runs").asLong();
    }

    /**
     * The horizon: steps on a bandit, episodes on a tabular MDP (config.yaml).
     *
     * @return the horizon, the last checkpoint
     */
    public long horizon() {
        return config.has("episodes") ? config.path("episodes").asLong() : config.path("steps").asLong();
    }

    /**
     * What the horizon counts.
     *
     * @return {@code steps} or {@code episodes}
     */
    public String horizonUnit() {
        return config.has("episodes") ? "episodes" : "steps";
    }

    /**
     * The environment as config.yaml resolves it, every default filled in.
     *
     * @return the {@code env} tree
     */
    public JsonNode environment() {
        return config.path("env");
    }

    /**
     * The generator and seeding scheme of every random stream (manifest.json).
     *
     * @return e.g. {@code XO_RO_SHI_RO_128_PP / splitmix64(...)}
     */
    public String seeding() {
        return manifest.path("generator").asText() + " / " + manifest.path("seeding").asText();
    }

    /**
     * The values of the environment's swept keys in a variant: the top-level sweep's {@code env.*}
     * paths, by their last segment as a variant's label and manifest.json name them.
     *
     * @param variant a variant's label
     * @return key to value text; empty when the environment is not swept
     */
    public Map<String, String> environmentParams(String variant) {
        Map<String, String> out = new LinkedHashMap<>();
        Iterator<String> paths = config.path("sweep").fieldNames();
        while (paths.hasNext()) {
            String path = paths.next();
            if (path.startsWith("env.")) {
                String key = path.substring(path.lastIndexOf('.') + 1);
                out.put(key, params.getOrDefault(variant, Map.of()).get(key));
            }
        }
        return out;
    }

    /**
     * The variants, in the config's order.
     *
     * @return their labels
     */
    public List<String> variants() {
        return variants;
    }

    /**
     * The recorded metrics, in the config's order.
     *
     * @return their names
     */
    public List<String> metrics() {
        return metrics;
    }

    /**
     * A row of curves.csv.
     *
     * @param variant the variant's label
     * @param metric the metric's name
     * @param t the checkpoint
     * @return its mean, standard deviation and count, or null when the folder has no such row (no run had a
     *     value there, or t is not a checkpoint)
     */
    public Sample curve(String variant, String metric, long t) {
        return curves.get(key(variant, metric, t));
    }

    /**
     * The checkpoints with a row of curves.csv.
     *
     * @param variant the variant's label
     * @param metric the metric's name
     * @return the steps or episodes, ascending; empty when no run had a value
     */
    public TreeSet<Long> checkpoints(String variant, String metric) {
        return checkpoints.getOrDefault(variant + '\0' + metric, new TreeSet<>());
    }

    /**
     * Each run's final value of a metric (runs.csv: its value at the last checkpoint).
     *
     * @param variant the variant's label
     * @param metric a recorded metric
     * @return one value per run in run order, NaN where a run has none
     * @throws ConfigException (exit 2) naming the file and line when runs.csv is malformed
     */
    public double[] finals(String variant, String metric) {
        double[][] columns = finals.computeIfAbsent(variant, this::readFinals);
        return columns[metrics.indexOf(metric)];
    }

    private double[][] readFinals(String variant) {
        int runs = (int) runs();
        double[][] out = new double[metrics.size()][runs];
        for (double[] column : out) {
            Arrays.fill(column, Double.NaN);
        }
        Path file = dir.resolve("runs.csv");
        try {
            forEachRow(file, (line, row) -> {
                if (!variant.equals(row.get("variant"))) {
                    return;
                }
                double run = number(file, line, row, "run");
                if (!(run >= 1 && run <= runs) || run != Math.rint(run)) {
                    throw problem(file, line, "run " + row.get("run") + " is not between 1 and " + runs);
                }
                for (int k = 0; k < metrics.size(); k++) {
                    out[k][(int) run - 1] = number(file, line, row, metrics.get(k));
                }
            });
        } catch (IOException e) {
            throw new ExperimentException(file + " cannot be read: " + e.getMessage(), e);
        }
        return out;
    }

    private static String key(String variant, String metric, long t) {
        return variant + '\0' + metric + '\0' + t;
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(long line, Map<String, String> row);
    }

    private static void forEachRow(Path file, RowHandler handler) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            long line = 1; // the header; Kelvin's rows hold no line breaks, so row k is on line k + 1
            while (rows.hasNextValue()) {
                handler.row(++line, rows.nextValue());
            }
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof ConfigException) {
                throw (ConfigException) e;
            }
            throw problem(file, 0, "not a Kelvin results table: " + ExperimentException.describe(e));
        }
    }

    /** A number of a row; an empty field is NaN (a value no run had). */
    private static double number(Path file, long line, Map<String, String> row, String column) {
        String text = row.get(column);
        if (text == null) {
            throw problem(file, line, "has no column " + column);
        }
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw problem(file, line, column + " is '" + text + "', not a number");
        }
    }

    private static ConfigException problem(Path file, long line, String what) {
        return new ConfigException(Location.of(file + (line > 0 ? ":" + line : "")), "", what);
    }
}
