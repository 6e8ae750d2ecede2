package kelvin.experiments.shard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.Limits;
import kelvin.experiments.config.Location;
import kelvin.experiments.config.Registry;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.CellStore;
import kelvin.experiments.results.ResultWriter;
import kelvin.experiments.run.Block;
import kelvin.experiments.run.Moments;
import kelvin.experiments.run.RunRows;
import kelvin.experiments.run.RunStore;
import kelvin.experiments.run.Runner;
import kelvin.experiments.run.Simulation;

/**
 * The shards of one config, checked to fit together, and their merge: every block in the global
 * order, each cell's blocks merged into one {@link Moments} exactly as {@link Runner} merges them
 * and their rows stored in run order, so the results folder written from it is byte-identical to
 * that of {@code kelvin run} for any split and any order of the parts. A cell's prefix kept as one
 * span (its blocks 0 to K, already merged in order) goes into the empty aggregates as the exact
 * copy that merging into empty aggregates makes; the blocks after it are merged onto it one by one.
 *
 * <p>Everything is checked before anything is written: each part is a complete shard folder
 * (shard.json), of the same config (config_sha256, and its config.yaml hashes to it), lists only
 * blocks the config has, shares none with another part, and every block file it lists is whole.
 * A block no part holds is refused unless missing blocks are allowed; the merge then covers what
 * exists and the runs of absent blocks are empty rows.
 */
public final class ShardMerge {
    private final Experiment experiment;
    private final String configYaml;
    private final List<Block> blocks;
    private final Map<Block, Owner> owners;
    private final Map<String, String> notes;

    private ShardMerge(Experiment experiment, String configYaml, List<Block> blocks, Map<Block, Owner> owners,
                       Map<String, String> notes) {
        this.experiment = experiment;
        this.configYaml = configYaml;
        this.blocks = blocks;
        this.owners = owners;
        this.notes = notes;
    }

    /** The part that holds a block, and the span of its file. */
    private record Owner(ShardFolder folder, ShardFolder.Span span) {
    }

    /** One part as its shard.json describes it. */
    private record Part(Path dir, String hash, int shard, int shards, List<Block> blocks,
                        List<ShardFolder.Span> spans) {
    }

    /**
     * Reads and checks the parts.
     *
     * @param dirs the shard folders, in any order
     * @param registry the components the config may name (plug-ins included)
     * @param allowMissing whether blocks that no part holds are allowed
     * @return the merge, ready to {@link #compute}
     * @throws ConfigException (exit 2) naming the part at fault and what is wrong, or the missing
     *     shards
     * @throws IOException when a part cannot be read
     */
    public static ShardMerge open(List<Path> dirs, Registry registry, boolean allowMissing) throws IOException {
        List<Part> parts = new ArrayList<>();
        Map<Path, Path> given = new HashMap<>();
        for (Path dir : dirs) {
            Part p = part(dir);
            Path same = given.putIfAbsent(dir.toRealPath(), dir);
            if (same != null) {
                throw refuse(dir, "is given twice" + (same.equals(dir) ? "" : " (as " + same + ")")
                        + "; give each shard once");
            }
            parts.add(p);
        }
        Part first = parts.get(0);
        Path config = first.dir().resolve("config.yaml");
        if (!Files.isRegularFile(config, LinkOption.NOFOLLOW_LINKS)) {
            throw refuse(first.dir(), "has no config.yaml; it is not a shard folder");
        }
        String configYaml = Files.readString(config, StandardCharsets.UTF_8);
        if (!ResultWriter.configHash(configYaml).equals(first.hash())) {
            throw refuse(first.dir(), "its config.yaml does not hash to the config_sha256 of its shard.json");
        }
        Experiment e = Experiment.load(config, List.of(), registry, Limits.Budget.UNLIMITED);
        if (!ResultWriter.configYaml(e).equals(configYaml)) {
            throw refuse(first.dir(), "its config.yaml does not read back as the config it was written from");
        }
        int columns = Simulation.runColumns(e);
        ShardPlan plan = ShardPlan.of(e, 1);
        Map<Block, Owner> owners = new HashMap<>();
        Map<Block, Path> ownerDirs = new HashMap<>();
        Set<Block> all = new HashSet<>(plan.blocks());
        for (Part p : parts) {
            if (!p.hash().equals(first.hash())) {
                throw refuse(p.dir(), "holds a shard of another config (config_sha256 " + p.hash().substring(0, 12)
                        + "..., " + first.dir() + " holds " + first.hash().substring(0, 12) + "...)");
            }
            ShardFolder folder = new ShardFolder(p.dir(), configYaml, columns);
            for (Block b : p.blocks()) {
                if (!all.contains(b)) {
                    throw refuse(p.dir(), "lists cell " + b.cell() + " block " + b.index() + " (runs " + b.from()
                            + "-" + b.to() + "), which the config does not have");
                }
                Path other = ownerDirs.putIfAbsent(b, p.dir());
                if (other != null) {
                    throw refuse(p.dir(), "holds cell " + b.cell() + " block " + b.index() + ", which "
                            + (other.equals(p.dir()) ? "its shard.json lists twice" : other + " holds too")
                            + "; give each shard once");
                }
            }
            int k = 0;
            checkSpans(p);
            for (ShardFolder.Span s : p.spans()) {
                try {
                    folder.verify(s);
                } catch (NoSuchFileException gone) {
                    throw refuse(p.dir(), "lists cell " + s.cell() + " block " + s.first() + ", whose file "
                            + gone.getFile() + " is missing");
                } catch (IOException bad) {
                    throw refuse(p.dir(), bad.getMessage());
                }
                for (; k < p.blocks().size() && s.contains(p.blocks().get(k)); k++) {
                    owners.put(p.blocks().get(k), new Owner(folder, s));
                }
            }
        }
        List<Block> missing = plan.blocks().stream().filter(b -> !owners.containsKey(b)).toList();
        Map<String, String> notes = new LinkedHashMap<>();
        if (owners.isEmpty()) {
            throw refuse(first.dir(), "no part holds any block; there is nothing to merge");
        }
        if (!missing.isEmpty()) {
            String what = describeMissing(e, parts, missing, plan.blocks().size());
            if (!allowMissing) {
                throw new ConfigException(Location.of("merge"), "", what + "; give every shard's folder, or "
                        + "--allow-missing to merge what exists");
            }
            notes.put("Missing", what + "; the tables and charts cover the blocks that exist");
        }
        return new ShardMerge(e, configYaml, plan.blocks(), owners, notes);
    }

    private static ConfigException refuse(Path dir, String problem) {
        return new ConfigException(Location.of(dir.toString()), "", problem);
    }

    private static Part part(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw refuse(dir, "is not a folder");
        }
        Path json = dir.resolve(ShardFolder.SHARD_JSON);
        if (!Files.isRegularFile(json, LinkOption.NOFOLLOW_LINKS)) {
            throw refuse(dir, "is not a complete shard folder (no " + ShardFolder.SHARD_JSON + ", which kelvin run "
                    + "--shard writes last): run or rerun its shard first");
        }
        JsonNode node = ShardFolder.readJson(json);
        String hash = node.path("config_sha256").asText("");
        int shard = node.path("shard").asInt(-1);
        int shards = node.path("shards").asInt(-1);
        if (hash.length() != 64 || shards < 1 || shard < 0 || shard >= shards || !node.path("blocks").isArray()
                || !node.path("spans").isArray()) {
            throw refuse(json, "lacks config_sha256, shard, shards, blocks or spans; it is not a shard.json of this "
                    + "Kelvin version");
        }
        List<Block> blocks = new ArrayList<>();
        for (JsonNode b : node.path("blocks")) {
            blocks.add(new Block(b.path("cell").asInt(-1), b.path("block").asInt(-1), b.path("from").asInt(-1),
                    b.path("to").asInt(-1)));
        }
        List<ShardFolder.Span> spans = new ArrayList<>();
        for (JsonNode f : node.path("spans")) {
            spans.add(new ShardFolder.Span(f.path("cell").asInt(-1), f.path("first").asInt(-1),
                    f.path("last").asInt(-1), f.path("from").asInt(-1), f.path("to").asInt(-1)));
        }
        return new Part(dir, hash, shard, shards, blocks, spans);
    }

    /**
     * Checks that a part's spans hold its blocks, in order, each once, and that a span of more than
     * one block starts at its cell's block 0: only such a prefix merges exactly as one aggregate.
     */
    private static void checkSpans(Part p) {
        int k = 0;
        for (ShardFolder.Span s : p.spans()) {
            boolean prefix = s.first() == 0 && s.from() == 0;
            if (s.last() < s.first() || (s.blocks() > 1 && !prefix)) {
                throw refuse(p.dir(), "lists a span of cell " + s.cell() + " blocks " + s.first() + "-" + s.last()
                        + " that is not a cell's prefix; it is not a shard Kelvin wrote");
            }
            int to = s.from();
            for (int i = s.first(); i <= s.last(); i++, k++) {
                Block b = k < p.blocks().size() ? p.blocks().get(k) : null;
                if (b == null || b.cell() != s.cell() || b.index() != i || b.from() != to) {
                    throw refuse(p.dir(), "its spans do not hold its blocks in order (cell " + s.cell() + " block "
                            + i + "); it is not a shard Kelvin wrote");
                }
                to = b.to();
            }
            if (to != s.to()) {
                throw refuse(p.dir(), "its span of cell " + s.cell() + " blocks " + s.first() + "-" + s.last()
                        + " does not end at run " + s.to() + "; it is not a shard Kelvin wrote");
            }
        }
        if (k != p.blocks().size()) {
            throw refuse(p.dir(), "lists blocks that no span holds; it is not a shard Kelvin wrote");
        }
    }

    /** Which shards (when the parts agree on N) and how many blocks are absent. */
    private static String describeMissing(Experiment e, List<Part> parts, List<Block> missing, int total) {
        String blocks = missing.size() + " of " + total + " blocks have no part";
        TreeSet<Integer> counts = parts.stream().map(Part::shards).collect(Collectors.toCollection(TreeSet::new));
        if (counts.size() != 1) {
            return blocks;
        }
        int n = counts.first();
        ShardPlan plan = ShardPlan.of(e, n);
        TreeSet<Integer> absent = missing.stream().map(plan::shardOf).collect(Collectors.toCollection(TreeSet::new));
        return blocks + " (shard" + (absent.size() == 1 ? " " : "s ") + absent.stream().map(s -> s + "/" + n)
                .collect(Collectors.joining(", ")) + " absent)";
    }

    /**
     * The merged experiment, read from the parts' config.yaml.
     *
     * @return the experiment
     */
    public Experiment experiment() {
        return experiment;
    }

    /**
     * What the report header says about the merge: which blocks and shards are absent, if any.
     *
     * @return facts by name; empty for a complete merge
     */
    public Map<String, String> notes() {
        return notes;
    }

    /**
     * Whether every block of a cell is held by a part.
     *
     * @param cell the cell's index
     * @return false when some of its runs are absent
     */
    public boolean complete(int cell) {
        return blocks.stream().filter(b -> b.cell() == cell).allMatch(owners::containsKey);
    }

    /**
     * Merges every cell: its blocks' rows appended to {@code store} in run order, its blocks'
     * aggregates merged in block order, the cell then finished; an absent block's runs are rows of
     * NaN and add nothing to the aggregates.
     *
     * @param store the results folder's cell store
     * @return every cell's aggregates and compute seconds
     * @throws IOException when a block cannot be read or the store written
     */
    public Runner.Result compute(RunStore store) throws IOException {
        int columns = Simulation.runColumns(experiment);
        int cells = experiment.cells().size();
        Owner any = owners.values().iterator().next();
        Moments shape = any.folder().read(any.span()).moments();
        List<Moments> result = new ArrayList<>();
        double[] seconds = new double[cells];
        int k = 0;
        for (int c = 0; c < cells; c++) {
            Moments total = new Moments(shape.slots(), shape.tallies());
            long nanos = 0;
            for (; k < blocks.size() && blocks.get(k).cell() == c; k++) {
                Block b = blocks.get(k);
                Owner owner = owners.get(b);
                if (owner == null) {
                    RunRows empty = new RunRows(columns, b.runs());
                    for (int r = 0; r < b.runs(); r++) {
                        empty.beginRun();
                    }
                    store.append(c, empty);
                    continue;
                }
                if (b.index() != owner.span().first()) {
                    continue; // merged with the span's first block
                }
                ShardFolder.Stored stored = owner.folder().read(owner.span());
                store.append(c, stored.rows());
                total.merge(stored.moments());
                nanos += stored.nanos();
            }
            seconds[c] = nanos / 1e9;
            store.finish(c, total, seconds[c]);
            result.add(total);
        }
        return new Runner.Result(result, seconds);
    }

    /**
     * After the folder is written: forgets the cells that miss blocks, so {@code kelvin run --resume}
     * on the merged folder computes them whole rather than reusing what exists.
     *
     * @param store the results folder's cell store
     * @throws IOException when a cell's files cannot be deleted
     */
    public void forgetIncomplete(CellStore store) throws IOException {
        for (int c = 0; c < experiment.cells().size(); c++) {
            if (!complete(c)) {
                store.forget(c);
            }
        }
    }

    /**
     * The config.yaml text the parts share.
     *
     * @return the resolved config
     */
    public String configYaml() {
        return configYaml;
    }
}
