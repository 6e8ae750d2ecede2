package kelvin.experiments.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kelvin.experiments.cli.RecordedMetrics;
import kelvin.experiments.compare.CompareReport;
import kelvin.experiments.compare.Comparer;
import kelvin.experiments.compare.FolderArgument;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.ExperimentLoader;
import kelvin.experiments.config.Limits;
import kelvin.experiments.config.Registry;
import kelvin.experiments.config.YamlTrees;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.Mappers;
import kelvin.experiments.results.ResultData;

/**
 * The results folders of the lab's folder: listed, their curves read back from curves.csv, and two
 * of them compared by the code of {@code kelvin compare}. Every path a page sends goes through
 * {@link LabFiles}, and messages name folders relative to the lab's folder.
 */
final class ExperimentResults {
    /** How deep below the lab's folder results folders are looked for (results/NAME/envs/ENV). */
    private static final int DEPTH = 4;
    private static final int MAX_LISTED = 200;

    private final LabFiles files;
    private final Registry registry;

    ExperimentResults(LabContext context) {
        this.files = context.files();
        this.registry = context.registry();
    }

    /**
     * Every results folder (one with manifest.json), newest first.
     *
     * @return name, folder, variants, finished date, and whether it has report.html
     * @throws IOException when the folder cannot be listed
     */
    List<Map<String, Object>> list() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(files.root(), DEPTH)) {
            for (Path manifest : (Iterable<Path>) walk.filter(p -> p.getFileName().toString().equals("manifest.json"))
                    .filter(p -> !files.relative(p).startsWith(".") && !files.relative(p).contains("/."))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))::iterator) {
                Map<String, Object> one = entry(manifest);
                if (one != null) {
                    out.add(one);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.sort(Comparator.comparing((Map<String, Object> m) -> (String) m.get("finished")).reversed()
                .thenComparing(m -> (String) m.get("folder")));
        return out.size() > MAX_LISTED ? out.subList(0, MAX_LISTED) : out;
    }

    private Map<String, Object> entry(Path manifest) {
        JsonNode m;
        try {
            m = Mappers.JSON.readTree(manifest.toFile());
        } catch (IOException e) {
            return null;
        }
        if (!m.isObject()) {
            return null;
        }
        Path dir = manifest.getParent();
        List<String> variants = new ArrayList<>();
        for (JsonNode c : m.path("cells")) {
            variants.add(c.path("label").asText());
        }
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("folder", files.relative(dir));
        one.put("name", m.path("name").asText(dir.getFileName().toString()));
        one.put("variants", variants);
        one.put("finished", m.path("finished").asText(""));
        one.put("curves", Files.isRegularFile(dir.resolve("curves.csv")));
        one.put("report", Files.isRegularFile(dir.resolve("report.html")));
        return one;
    }

    /**
     * The curves of a results folder, as curves.csv holds them.
     *
     * @param folder the folder relative to the lab's folder
     * @return the axes and one entry per variant
     * @throws IOException when a file cannot be read
     * @throws LabException 403 outside the lab's folder, 404 when it is no results folder, 400 when its
     *     files do not fit its config
     */
    Map<String, Object> curves(String folder) throws IOException {
        Path dir = folder(folder);
        if (!Files.isRegularFile(dir.resolve("curves.csv"))) {
            throw new LabException(404, folder + " has no curves.csv (a suite's curves are in its envs/NAME folders)");
        }
        String name = files.relative(dir.resolve("config.yaml"));
        try {
            Experiment e = ExperimentLoader.bind(YamlTrees.parse(name,
                    Files.readString(dir.resolve("config.yaml"), StandardCharsets.UTF_8)), registry,
                    Limits.Budget.UNLIMITED);
            ResultData data = ResultData.read(dir, e, Map.of());
            List<Map<String, Object>> cells = new ArrayList<>();
            for (var cell : e.cells()) {
                cells.add(ExperimentCurves.cell(e, cell,
                        (k, i) -> data.interval(cell.index(), e.metrics().get(k), i)));
            }
            Map<String, Object> out = new LinkedHashMap<>(ExperimentCurves.axes(e));
            out.put("folder", files.relative(dir));
            out.put("cells", cells);
            return out;
        } catch (ConfigException | ResultData.BadResultsException e) {
            throw new LabException(400, hide(e.getMessage()));
        }
    }

    /**
     * The verdicts of {@code kelvin compare A B}, as its {@code --json} writes them, collected into
     * {@code comparisons} (objects with a verdict) and {@code notes} (the other lines).
     *
     * @param a folder A relative to the lab's folder
     * @param variantA one variant of A, or null for all
     * @param b folder B
     * @param variantB one variant of B, or null for all
     * @return the comparison
     * @throws IOException when its text cannot be read back
     */
    JsonNode compare(String a, String variantA, String b, String variantB) throws IOException {
        FolderArgument first = argument(a, variantA);
        FolderArgument second = argument(b, variantB);
        StringWriter text = new StringWriter();
        try {
            Comparer.Result result = Comparer.compare(new Comparer.Request(first, second, List.of(), List.of(),
                    List.of(), null), name -> RecordedMetrics.direction(registry, name));
            try (PrintWriter w = new PrintWriter(text)) {
                CompareReport.json(result, w, name -> RecordedMetrics.format(registry, name));
            }
        } catch (ConfigException | ResultData.BadResultsException e) {
            throw new LabException(400, hide(e.getMessage()));
        }
        // kelvin compare --json writes one object per line: a comparison, or a note on what was skipped
        ArrayNode comparisons = Mappers.JSON.createArrayNode();
        ArrayNode notes = Mappers.JSON.createArrayNode();
        for (String line : text.toString().split("\n")) {
            if (!line.isBlank()) {
                JsonNode one = Mappers.JSON.readTree(line);
                (one.has("verdict") ? comparisons : notes).add(one);
            }
        }
        ObjectNode out = Mappers.JSON.createObjectNode();
        out.put("a", first.text());
        out.put("b", second.text());
        out.set("comparisons", comparisons);
        out.set("notes", notes);
        return out;
    }

    private FolderArgument argument(String folder, String variant) {
        Path dir = folder(folder);
        String rel = files.relative(dir);
        boolean one = variant != null && !variant.isEmpty();
        return new FolderArgument(one ? rel + ":" + variant : rel, dir, one ? variant : null);
    }

    /** A results folder the page names, inside the lab's folder. */
    private Path folder(String folder) {
        if (folder == null || folder.isEmpty()) {
            throw new LabException(400, "name a results folder");
        }
        Path dir = files.resolve(folder);
        if (!Files.isRegularFile(dir.resolve("manifest.json"))) {
            throw new LabException(404, folder + " is not a results folder (it has no manifest.json)");
        }
        return dir;
    }

    private String hide(String message) {
        return hide(files, message);
    }

    /**
     * A message with the lab's folder left out, so the page sees paths relative to it.
     *
     * @param files the lab's folder
     * @param message a message that may name files inside it by their full paths
     * @return the message with those paths relative
     */
    static String hide(LabFiles files, String message) {
        String root = files.root().toString();
        return message == null ? "" : message.replace(root + "/", "").replace(root, ".");
    }
}
