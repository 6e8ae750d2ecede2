package kelvin.experiments.shard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import kelvin.experiments.Version;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.Location;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.AtomicFiles;
import kelvin.experiments.results.Mappers;
import kelvin.experiments.results.ResultData.BadResultsException;
import kelvin.experiments.results.ResultWriter;
import kelvin.experiments.results.TreeText;
import kelvin.experiments.run.Block;
import kelvin.experiments.run.Moments;
import kelvin.experiments.run.RunRows;
import kelvin.experiments.run.Runner;

/**
 * A shard's partial results folder, as {@code kelvin run --shard I/N --out DIR} writes it:
 * <pre>
 * DIR/config.yaml                     the resolved config, as a full run writes it
 * DIR/blocks/cell-C-blocks-0-K.block  blocks 0 to K of cell C: their running aggregate, their runs
 * DIR/blocks/cell-C-block-B.block     one block of a cell whose block 0 is another shard's
 * DIR/shard.json                      written last: config hash, I, N, the blocks and spans held
 * </pre>
 * The runner merges a cell's blocks in block order into empty aggregates, so the blocks 0 to K a
 * shard holds of a cell merge into exactly the prefix the plain run computes: they are kept as
 * one {@link Span} in one file, and only the blocks a shard boundary cuts from their cell's block
 * 0 are kept one per file, for the merge to fold one by one onto the prefix ({@link #layout}).
 * shard.json lists the spans, so a folder written another way (Spark's, one span per block) merges
 * the same.
 *
 * <p>A file holds the config's hash, the span's place (cell, first and last block, runs), its
 * compute time, its {@link Moments} as the bit patterns of the doubles, its {@link RunRows}, and
 * last the CRC-32C of everything before it; each is written atomically once its last block
 * finishes (not flushed to disk one by one: the CRC catches what a power failure damages). A
 * prefix in progress is saved the same way, as the span of its blocks merged so far, at most once
 * per checkpoint interval, and that file goes once the whole prefix is written; so a killed shard
 * loses at most an interval of each span in flight, and its rerun keeps every span whose file is
 * whole and of the same config and starts an unfinished prefix from its longest whole saved part
 * ({@link #checkpoint}). A folder with shard.json is a complete shard.
 */
public final class ShardFolder {
    /** The file written last, naming what the folder holds. */
    public static final String SHARD_JSON = "shard.json";
    private static final String BLOCKS = "blocks";
    private static final String MAGIC = "kelvin-block";
    private static final int FORMAT = 2;

    private final Path dir;
    private final String configHash;
    private final int columns;

    /**
     * A shard folder of one config; nothing is read or written until asked.
     *
     * @param dir the folder
     * @param configYaml the text of the config's config.yaml
     * @param columns per-run values of the experiment ({@code Simulation.runColumns})
     */
    public ShardFolder(Path dir, String configYaml, int columns) {
        this.dir = dir;
        this.configHash = ResultWriter.configHash(configYaml);
        this.columns = columns;
    }

    /**
     * The folder.
     *
     * @return where the shard is written
     */
    public Path dir() {
        return dir;
    }

    /**
     * The SHA-256 of the config's config.yaml, which every block file and shard.json carry.
     *
     * @return lower-case hex
     */
    public String configHash() {
        return configHash;
    }

    /**
     * Consecutive blocks of one cell kept in one file: a cell's blocks 0 to {@code last}, or one
     * block that does not follow block 0 in its shard.
     *
     * @param cell the cell's index
     * @param first the first block's position in its cell
     * @param last the last block's position in its cell
     * @param from the first run
     * @param to one past the last run
     */
    public record Span(int cell, int first, int last, int from, int to) {
        /**
         * The span of one block.
         *
         * @param b the block
         * @return the span holding only {@code b}
         */
        public static Span of(Block b) {
            return new Span(b.cell(), b.index(), b.index(), b.from(), b.to());
        }

        /**
         * Whether a block is one of the span's.
         *
         * @param b a block
         * @return true when it is of the span's cell and between its first and last block
         */
        public boolean contains(Block b) {
            return b.cell() == cell && b.index() >= first && b.index() <= last;
        }

        /**
         * The blocks it holds.
         *
         * @return {@code last - first + 1}
         */
        public int blocks() {
            return last - first + 1;
        }

        /**
         * The runs it holds.
         *
         * @return {@code to - from}
         */
        public int runs() {
            return to - from;
        }
    }

    /**
     * The files a shard's blocks are kept in: each cell's blocks from block 0 on (consecutive in the
     * list) as one span, every other block as a span of its own.
     *
     * @param blocks a shard's blocks, in the global order
     * @return the spans, in the same order, together holding every block once
     */
    public static List<Span> layout(List<Block> blocks) {
        List<Span> spans = new ArrayList<>();
        Span prefix = null;
        for (Block b : blocks) {
            if (prefix != null && b.cell() == prefix.cell() && b.index() == prefix.last() + 1
                    && b.from() == prefix.to()) {
                prefix = new Span(prefix.cell(), 0, b.index(), 0, b.to());
                spans.set(spans.size() - 1, prefix);
            } else {
                Span s = Span.of(b);
                prefix = b.index() == 0 && b.from() == 0 ? s : null;
                spans.add(s);
            }
        }
        return spans;
    }

    /** A span as its file holds it. */
    record Stored(Span span, Moments moments, RunRows rows, long nanos) {
    }

    /** A block file that is damaged, foreign or missing, with the reason in words. */
    static final class BadBlock extends IOException {
        BadBlock(Path file, String why) {
            super(file + " " + why);
        }
    }

    /**
     * The file of a span.
     *
     * @param s the span
     * @return where it is kept
     */
    public Path file(Span s) {
        String name = s.blocks() == 1 ? "-block-" + s.first() : "-blocks-" + s.first() + "-" + s.last();
        return dir.resolve(BLOCKS).resolve("cell-" + s.cell() + name + ".block");
    }

    /**
     * Checks, before anything is written, that {@code dir} may take shard {@code shard}/{@code shards}
     * of this config: it is missing, holds no results folder, and holds no shard of another config
     * or split ({@code force} lets those be replaced).
     *
     * @param configYaml the config.yaml text of the shard about to run
     * @param shard I
     * @param shards N
     * @param force whether {@code --force} was given
     * @throws IOException when the folder cannot be read
     * @throws ConfigException (exit 2) naming {@code --out}, when the folder may not be used
     */
    public void checkPlace(String configYaml, int shard, int shards, boolean force) throws IOException {
        if (Files.exists(dir.resolve("manifest.json"), LinkOption.NOFOLLOW_LINKS)) {
            throw new ConfigException(Location.of("--out"), "", dir + " holds a full results folder, not a shard; "
                    + "choose another --out");
        }
        if (force) {
            return;
        }
        Path config = dir.resolve("config.yaml");
        if (Files.isRegularFile(config, LinkOption.NOFOLLOW_LINKS)
                && !Files.readString(config, StandardCharsets.UTF_8).equals(configYaml)) {
            throw new ConfigException(Location.of("--out"), "", dir + " holds a shard of another config; choose "
                    + "another --out, or --force to replace it");
        }
        Path json = dir.resolve(SHARD_JSON);
        if (Files.isRegularFile(json, LinkOption.NOFOLLOW_LINKS)) {
            JsonNode node = readJson(json);
            if (node.path("shard").asInt(-1) != shard || node.path("shards").asInt(-1) != shards) {
                throw new ConfigException(Location.of("--out"), "", dir + " holds shard " + node.path("shard")
                        .asText("?") + "/" + node.path("shards").asText("?") + " of this config, not " + shard + "/"
                        + shards + "; choose another --out, or --force to replace it");
            }
        }
    }

    /**
     * Starts writing: removes shard.json (the folder reads as unfinished until it lands again), a
     * killed run's temporary files, and with {@code force} every block file; writes config.yaml.
     *
     * @param configYaml the config.yaml text
     * @param force whether the folder's old blocks are dropped
     * @throws IOException when the folder cannot be written
     */
    public void begin(String configYaml, boolean force) throws IOException {
        Files.deleteIfExists(dir.resolve(SHARD_JSON));
        Path blocks = dir.resolve(BLOCKS);
        if (Files.isSymbolicLink(blocks)) {
            throw new IOException(blocks + " is a symbolic link; Kelvin never writes through one");
        }
        Files.createDirectories(blocks);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(blocks, force ? "*" : ".*.tmp")) {
            for (Path f : files) {
                Files.delete(f);
            }
        }
        AtomicFiles.write(dir.resolve("config.yaml"), configYaml);
    }

    /**
     * The spans of {@code wanted} whose files are whole and of this config; a damaged or foreign
     * file is told to {@code warnings} and its blocks left to be recomputed.
     *
     * @param wanted the shard's spans ({@link #layout})
     * @param warnings told one line per unusable file, starting with {@code warning:}
     * @return the spans that need not run again
     */
    public List<Span> finished(List<Span> wanted, Consumer<String> warnings) {
        List<Span> done = new ArrayList<>();
        for (Span b : wanted) {
            try {
                read(b);
                done.add(b);
            } catch (NoSuchFileException e) {
                // never finished
            } catch (IOException e) {
                warnings.accept("warning: " + e.getMessage() + "; recomputing it");
            }
        }
        return done;
    }

    /**
     * The longest saved part of a prefix span in progress: the file of its blocks 0 to J (J below
     * its last block) with the largest J that is whole and of this config. A damaged one is told to
     * {@code warnings} and the next shorter one tried.
     *
     * @param prefix a span from its cell's block 0
     * @param warnings told one line per unusable file, starting with {@code warning:}
     * @return the saved part, or empty when there is none to start from
     * @throws IOException when the folder cannot be listed
     */
    public Optional<Stored> checkpoint(Span prefix, Consumer<String> warnings) throws IOException {
        if (prefix.first() != 0 || prefix.blocks() < 3) {
            return Optional.empty();
        }
        String head = "cell-" + prefix.cell() + "-blocks-0-";
        TreeSet<Integer> lasts = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir.resolve(BLOCKS), head + "*.block")) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                try {
                    int last = Integer.parseInt(n.substring(head.length(), n.length() - ".block".length()));
                    if (last > 0 && last < prefix.last()) {
                        lasts.add(last);
                    }
                } catch (NumberFormatException notOurs) {
                    // another file: left alone
                }
            }
        }
        for (int last : lasts.descendingSet()) {
            // a block before the prefix's last is a whole one, so the saved part ends where it does
            int to = Block.of(prefix.cell(), last, prefix.to()).to();
            try {
                return Optional.of(read(new Span(prefix.cell(), 0, last, prefix.from(), to)));
            } catch (IOException e) {
                warnings.accept("warning: " + e.getMessage() + "; not resuming from it");
            }
        }
        return Optional.empty();
    }

    /**
     * Deletes a span's file, if there is one (a saved part of a prefix, once the whole prefix is
     * written).
     *
     * @param s the span
     * @throws IOException when the file cannot be deleted
     */
    public void delete(Span s) throws IOException {
        Files.deleteIfExists(file(s));
    }

    /**
     * Writes one finished span's file, atomically.
     *
     * @param s the span
     * @param moments its blocks' aggregates merged in block order
     * @param rows its blocks' per-run values, in block order
     * @param nanos its compute time
     * @throws IOException when the file cannot be written
     */
    public void write(Span s, Moments moments, List<RunRows> rows, long nanos) throws IOException {
        put(s, encode(s, moments, rows, nanos));
    }

    /**
     * A span's file content, as {@link #write} writes it: what a machine without this folder (a
     * Spark executor) hands back to the one that has it.
     *
     * @param s the span
     * @param moments its blocks' aggregates merged in block order
     * @param rows its blocks' per-run values, in block order
     * @param nanos its compute time
     * @return the bytes of its file, CRC-32C last
     * @throws IOException never in practice (the bytes are kept in memory)
     */
    public byte[] encode(Span s, Moments moments, List<RunRows> rows, long nanos) throws IOException {
        int runs = rows.stream().mapToInt(RunRows::runs).sum();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 40 * moments.slots() + 8 * moments.tallies()
                + 8 * runs * columns);
        CRC32C crc = new CRC32C();
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(bytes, crc),
                1 << 16));
        out.writeUTF(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(configHash);
        out.writeUTF(Version.get());
        out.writeInt(s.cell());
        out.writeInt(s.first());
        out.writeInt(s.last());
        out.writeInt(s.from());
        out.writeInt(s.to());
        out.writeLong(nanos);
        moments.write(out);
        out.writeInt(columns);
        out.writeInt(runs);
        for (RunRows r : rows) {
            for (int run = 0; run < r.runs(); run++) {
                for (int c = 0; c < columns; c++) {
                    out.writeDouble(r.get(run, c));
                }
            }
        }
        out.flush();
        new DataOutputStream(bytes).writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }

    /**
     * Writes a span's file, atomically, from the bytes {@link #encode} gave; a merge checks its
     * CRC-32C, config hash and place before it reads it.
     *
     * @param s the span
     * @param encoded the bytes of its file
     * @throws IOException when the file cannot be written
     */
    public void put(Span s, byte[] encoded) throws IOException {
        AtomicFiles.writeChecked(file(s), encoded);
    }

    /**
     * Reads one span's file and checks it against this config and the span's place.
     *
     * @param b the span
     * @return its content
     * @throws NoSuchFileException when the span has no file
     * @throws IOException (a {@link BadBlock}) naming the file and what is wrong with it
     */
    Stored read(Span b) throws IOException {
        Path file = file(b);
        try (DataInputStream in = open(b)) {
            long nanos = in.readLong();
            Moments m = Moments.read(in);
            if (in.readInt() != columns) {
                throw new BadBlock(file, "does not fit this config's metrics");
            }
            int runs = in.readInt();
            if (runs != b.runs()) {
                throw new BadBlock(file, "holds " + runs + " runs, not the " + b.runs() + " of its blocks");
            }
            RunRows rows = new RunRows(columns, runs);
            for (int r = 0; r < runs; r++) {
                rows.beginRun();
                for (int c = 0; c < columns; c++) {
                    rows.set(c, in.readDouble());
                }
            }
            if (in.available() != 0) {
                throw new BadBlock(file, "is longer than its content");
            }
            return new Stored(b, m, rows, nanos);
        } catch (BadBlock | NoSuchFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BadBlock(file, "is damaged (it ends early or holds impossible sizes)");
        }
    }

    /**
     * Checks a span's file without reading its content: its CRC-32C, config hash and place (what a
     * merge checks of every part before it writes anything).
     *
     * @param b the span
     * @throws NoSuchFileException when the span has no file
     * @throws IOException (a {@link BadBlock}) naming the file and what is wrong with it
     */
    void verify(Span b) throws IOException {
        open(b).close();
    }

    /** The span's file checked up to its place, positioned after it. */
    private DataInputStream open(Span b) throws IOException {
        Path file = file(b);
        if (Files.isSymbolicLink(file)) {
            throw new BadBlock(file, "is a symbolic link");
        }
        byte[] bytes = Files.readAllBytes(file);
        int body = bytes.length - 4;
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, Math.max(body, 0));
        if (body < 0 || ByteBuffer.wrap(bytes, body, 4).getInt() != (int) crc.getValue()) {
            throw new BadBlock(file, "is damaged (its CRC-32C does not match its content)");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, body));
        try {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT) {
                throw new BadBlock(file, "is not a Kelvin block file of this format");
            }
            if (!configHash.equals(in.readUTF())) {
                throw new BadBlock(file, "holds another config's block (its config hash differs)");
            }
            in.readUTF(); // the version that wrote it: informative only
            if (in.readInt() != b.cell() || in.readInt() != b.first() || in.readInt() != b.last()
                    || in.readInt() != b.from() || in.readInt() != b.to()) {
                throw new BadBlock(file, "holds other blocks than its name says");
            }
            return in;
        } catch (BadBlock e) {
            throw e;
        } catch (IOException e) {
            throw new BadBlock(file, "is damaged (it ends early)");
        }
    }

    /**
     * Writes shard.json, last: the folder is then a complete shard.
     *
     * @param e the experiment
     * @param shard I
     * @param shards N
     * @param blocks the blocks the folder holds, in the global order
     * @param spans the files that hold them ({@link #layout}, or one per block)
     * @param computeSeconds the compute time of those blocks (restored ones included)
     * @param wallSeconds the wall time of this session
     * @throws IOException when the file cannot be written
     */
    public void finish(Experiment e, int shard, int shards, List<Block> blocks, List<Span> spans,
                       double computeSeconds, double wallSeconds) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kelvin_version", Version.get());
        m.put("name", e.name());
        m.put("config_sha256", configHash);
        m.put("shard", shard);
        m.put("shards", shards);
        m.put("runs_per_block", Runner.BLOCK);
        m.put("agent_steps", blocks.stream().mapToLong(b -> (long) b.runs() * e.horizon()).sum());
        m.put("compute_seconds", Math.round(computeSeconds * 1000) / 1000.0);
        m.put("wall_seconds", Math.round(wallSeconds * 1000) / 1000.0);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Block b : blocks) {
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("cell", b.cell());
            bm.put("block", b.index());
            bm.put("from", b.from());
            bm.put("to", b.to());
            list.add(bm);
        }
        m.put("blocks", list);
        List<Map<String, Object>> files = new ArrayList<>();
        for (Span sp : spans) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("cell", sp.cell());
            sm.put("first", sp.first());
            sm.put("last", sp.last());
            sm.put("from", sp.from());
            sm.put("to", sp.to());
            files.add(sm);
        }
        m.put("spans", files);
        AtomicFiles.write(dir.resolve(SHARD_JSON), TreeText.json(m) + "\n");
    }

    /**
     * The compute nanoseconds a span's file records.
     *
     * @param b a span whose file {@link #finished} accepted
     * @return its compute time
     * @throws IOException when the file cannot be read again
     */
    public long nanos(Span b) throws IOException {
        return read(b).nanos();
    }

    /**
     * Reads a shard.json.
     *
     * @param file the file
     * @return its tree
     * @throws BadResultsException (exit 2) when it cannot be read as JSON
     */
    static JsonNode readJson(Path file) {
        try {
            return Mappers.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadResultsException(file, 0, "is not a readable shard.json (" + e.getMessage().lines()
                    .findFirst().orElse("") + ")");
        }
    }
}
