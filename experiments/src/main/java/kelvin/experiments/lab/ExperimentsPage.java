package kelvin.experiments.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.YamlTrees;
import kelvin.experiments.results.ResultsFolder;
import kelvin.experiments.results.SuiteWriter;

/**
 * The experiments page: a config editor validated as {@code kelvin validate} validates, a run of
 * it as {@code kelvin run} runs it into a results folder of the lab's folder with its progress and
 * curves streamed to the page, and the earlier results folders, reopened and compared.
 */
public final class ExperimentsPage implements LabPage {
    /** How long the lab waits, as it shuts down, for a cancelled run to keep its finished cells. */
    private static final long CLOSE_MILLIS = 10_000;
    private static final long TICK_MILLIS = 250;
    private static final int CONFIG_DEPTH = 3;
    private static final String STARTER = "/kelvin/lab/examples/quickstart.yaml";

    private final LabContext context;
    private final ExperimentResults results;
    private ExperimentRun run;

    /**
     * The page.
     *
     * @param context the lab's registry, folder and budget
     */
    public ExperimentsPage(LabContext context) {
        this.context = context;
        this.results = new ExperimentResults(context);
    }

    @Override
    public String name() {
        return "experiments";
    }

    @Override
    public void routes(LabRoutes routes) {
        routes.get("/starter", r -> starter());
        routes.get("/configs", r -> configs());
        routes.get("/config", r -> config(r.query("path")));
        routes.post("/validate", r -> validate(r.json()));
        routes.post("/run", r -> start(r.json()));
        routes.post("/cancel", r -> cancel());
        routes.get("/status", r -> status());
        routes.events("/events", this::events);
        routes.get("/results", r -> Map.of("root", ".", "results", results.list()));
        routes.get("/curves", r -> results.curves(r.query("folder")));
        routes.post("/compare", r -> {
            JsonNode j = r.json();
            return results.compare(j.path("a").asText(""), j.path("variantA").asText(""), j.path("b").asText(""),
                    j.path("variantB").asText(""));
        });
    }

    @Override
    public void close() {
        ExperimentRun current = current();
        if (current != null && current.state() == ExperimentRun.State.RUNNING) {
            current.cancel();
            try {
                current.join(CLOSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized ExperimentRun current() {
        return run;
    }

    private static Map<String, Object> starter() throws IOException {
        try (InputStream in = ExperimentsPage.class.getResourceAsStream(STARTER)) {
            if (in == null) {
                throw new LabException(500, "the starter config is missing from the jar");
            }
            return Map.of("name", ExperimentConfig.DEFAULT_NAME, "text",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The config files of the lab's folder, not those inside results folders. */
    private Map<String, Object> configs() throws IOException {
        LabFiles files = context.files();
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(files.root(), CONFIG_DEPTH)) {
            walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> p.getFileName().toString().matches(".*\\.(yaml|yml|json)"))
                    .filter(p -> !Files.exists(p.resolveSibling("manifest.json")))
                    .filter(p -> !Files.exists(p.resolveSibling(SuiteWriter.MANIFEST)))
                    .map(files::relative)
                    .filter(rel -> !rel.startsWith(".") && !rel.contains("/."))
                    .sorted().limit(500).forEach(out::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return Map.of("configs", out);
    }

    private Map<String, Object> config(String path) throws IOException {
        if (path == null || path.isEmpty()) {
            throw new LabException(400, "name a config file of the lab's folder");
        }
        Path p = context.files().resolve(path);
        if (!Files.isRegularFile(p)) {
            throw new LabException(404, "no such file in the lab's folder: " + context.files().relative(p));
        }
        if (Files.size(p) > YamlTrees.MAX_BYTES) {
            throw new LabException(400, context.files().relative(p) + ": file is " + Files.size(p)
                    + " bytes; configs are limited to " + YamlTrees.MAX_BYTES + " bytes");
        }
        return Map.of("name", context.files().relative(p), "text", Files.readString(p, StandardCharsets.UTF_8));
    }

    private Map<String, Object> validate(JsonNode body) {
        String name = ExperimentConfig.name(body.path("name").asText(null));
        try {
            return ExperimentConfig.parse(name, body.path("text").asText(""), context).verdict(name);
        } catch (ConfigException e) {
            return ExperimentConfig.problem(e);
        }
    }

    private Map<String, Object> start(JsonNode body) throws IOException {
        String name = ExperimentConfig.name(body.path("name").asText(null));
        ExperimentConfig config;
        try {
            config = ExperimentConfig.parse(name, body.path("text").asText(""), context);
        } catch (ConfigException e) {
            throw new LabException(400, "error: " + e.getMessage());
        }
        String mode = body.path("mode").asText("new");
        if (!List.of("new", "replace", "resume").contains(mode)) {
            throw new LabException(400, "mode must be new, replace or resume, not '" + mode + "'");
        }
        String folder = body.path("folder").asText("").strip();
        Path dir = context.files().resolve(folder.isEmpty() ? "results/" + config.title() : folder);
        String rel = context.files().relative(dir);
        if (rel.isEmpty()) {
            throw new LabException(400, "the results folder cannot be the lab's folder itself; name a folder in it");
        }
        try {
            ResultsFolder.checkPlace(dir);
        } catch (ConfigException e) {
            throw new LabException(400, ExperimentResults.hide(context.files(), e.problem()));
        }
        if (mode.equals("new") && Files.isDirectory(dir) && !empty(dir)) {
            throw new LabException(409, rel + " holds results already: Replace them (like kelvin run --force), "
                    + "Resume (like --resume), or give another folder");
        }
        boolean suiteFolder = SuiteWriter.isSuite(dir);
        if (!mode.equals("replace") && config.suite() == null && suiteFolder) {
            throw new LabException(409, rel + " holds the results of a suite, not of one experiment; Replace them, "
                    + "or give another folder");
        }
        if (!mode.equals("replace") && config.suite() != null && Files.isRegularFile(dir.resolve("config.yaml"))) {
            throw new LabException(409, rel + " holds the results of an experiment, not a suite; Replace them, "
                    + "or give another folder");
        }
        synchronized (this) {
            if (run != null && run.state() == ExperimentRun.State.RUNNING) {
                throw new LabException(409, "an experiment is running already (" + run.config().title()
                        + "); wait for it to finish or cancel it");
            }
            run = ExperimentRun.start(config, context.files(), dir, mode.equals("resume"), mode.equals("replace"));
            return run.status();
        }
    }

    private static boolean empty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private Map<String, Object> cancel() {
        ExperimentRun current = current();
        if (current == null || current.state() != ExperimentRun.State.RUNNING) {
            throw new LabException(409, "no experiment is running");
        }
        current.cancel();
        try {
            current.join(CLOSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return current.status();
    }

    private Map<String, Object> status() {
        ExperimentRun current = current();
        if (current == null) {
            Map<String, Object> idle = new LinkedHashMap<>();
            idle.put("state", "idle");
            return idle;
        }
        return current.status();
    }

    /**
     * Streams the current run: {@code start} with its axes, {@code progress} as runs finish,
     * {@code cell} with each variant's curves as it finishes, then {@code end}; {@code idle} when
     * nothing has run.
     */
    private void events(LabRequest request, LabRoutes.EventSink events) throws IOException {
        ExperimentRun current = current();
        if (current == null) {
            events.send("idle", status());
            return;
        }
        Map<String, Object> head = new LinkedHashMap<>(current.status());
        if (current.config().experiment() != null) {
            head.put("axes", ExperimentCurves.axes(current.config().experiment()));
        }
        events.send("start", head);
        Set<Integer> sent = new HashSet<>();
        Map<String, Object> last = null;
        while (true) {
            boolean running = current.state() == ExperimentRun.State.RUNNING;
            Map<String, Object> status = current.status();
            if (!status.equals(last)) {
                events.send("progress", status);
                last = status;
            }
            for (Map<String, Object> cell : current.finishedCurves()) {
                Integer index = (Integer) cell.get("index");
                if (!running || sent.add(index)) {
                    events.send("cell", cell);
                }
            }
            if (!running) {
                events.send("end", current.status());
                return;
            }
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
