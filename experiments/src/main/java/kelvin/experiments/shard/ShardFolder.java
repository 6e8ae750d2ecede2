package kelvin.experiments.shard;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.function.Consumer;
import java.util.zip.CRC32C;
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
 * DIR/config.yaml                 the resolved config, as a full run writes it
 * DIR/blocks/cell-C-block-B.block one finished block: exact aggregates and per-run values
 * DIR/shard.json                  written last: config hash, I, N, the blocks held
 * </pre>
 * A block file holds the config's hash, the block's place (cell, block, runs), its compute time,
 * its {@link Moments} as the bit patterns of the doubles, its {@link RunRows}, and last the CRC-32C
 * of everything before it; each is written atomically as its block finishes (not flushed to disk
 * one by one: the CRC catches what a power failure damages), so a killed shard
 * loses only the blocks in flight, and its rerun keeps every block whose file is whole and of the
 * same config. A folder with shard.json is a complete shard.
 */
public final class ShardFolder {
    /** The file written last, naming what the folder holds. */
    public static final String SHARD_JSON = "shard.json";
    private static final String BLOCKS = "blocks";
    private static final String MAGIC = "kelvin-block";
    private static final int FORMAT = 1;

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

    /** A block as its file holds it. */
    record Stored(Block block, Moments moments, RunRows rows, long nanos) {
    }

    /** A block file that is damaged, foreign or missing, with the reason in words. */
    static final class BadBlock extends IOException {
        BadBlock(Path file, String why) {
            super(file + " " + why);
        }
    }

    private Path file(Block b) {
        return dir.resolve(BLOCKS).resolve("cell-" + b.cell() + "-block-" + b.index() + ".block");
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
     * The blocks of {@code wanted} whose files are whole and of this config; a damaged or foreign
     * file is told to {@code warnings} and its block left to be recomputed.
     *
     * @param wanted the shard's blocks
     * @param warnings told one line per unusable block file, starting with {@code warning:}
     * @return the blocks that need not run again
     */
    public List<Block> finished(List<Block> wanted, Consumer<String> warnings) {
        List<Block> done = new ArrayList<>();
        for (Block b : wanted) {
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
     * Writes one finished block's file, atomically.
     *
     * @param b the block
     * @param moments its aggregates
     * @param rows its per-run values
     * @param nanos its compute time
     * @throws IOException when the file cannot be written
     */
    public void write(Block b, Moments moments, RunRows rows, long nanos) throws IOException {
        put(b, encode(b, moments, rows, nanos));
    }

    /**
     * A block's file content, as {@link #write} writes it: what a machine without this folder (a
     * Spark executor) hands back to the one that has it.
     *
     * @param b the block
     * @param moments its aggregates
     * @param rows its per-run values
     * @param nanos its compute time
     * @return the bytes of its file, CRC-32C last
     * @throws IOException never in practice (the bytes are kept in memory)
     */
    public byte[] encode(Block b, Moments moments, RunRows rows, long nanos) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(configHash);
            out.writeUTF(Version.get());
            out.writeInt(b.cell());
            out.writeInt(b.index());
            out.writeInt(b.from());
            out.writeInt(b.to());
            out.writeLong(nanos);
            moments.write(out);
            out.writeInt(rows.columns());
            out.writeInt(rows.runs());
            for (int r = 0; r < rows.runs(); r++) {
                for (int c = 0; c < rows.columns(); c++) {
                    out.writeDouble(rows.get(r, c));
                }
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        }
        return bytes.toByteArray();
    }

    /**
     * Writes a block's file, atomically, from the bytes {@link #encode} gave; a merge checks its
     * CRC-32C, config hash and place before it reads it.
     *
     * @param b the block
     * @param encoded the bytes of its file
     * @throws IOException when the file cannot be written
     */
    public void put(Block b, byte[] encoded) throws IOException {
        AtomicFiles.writeChecked(file(b), encoded);
    }

    /**
     * Reads one block's file and checks it against this config and the block's place.
     *
     * @param b the block
     * @return its content
     * @throws NoSuchFileException when the block has no file
     * @throws IOException (a {@link BadBlock}) naming the file and what is wrong with it
     */
    Stored read(Block b) throws IOException {
        Path file = file(b);
        try (DataInputStream in = open(b)) {
            long nanos = in.readLong();
            Moments m = Moments.read(in);
            if (in.readInt() != columns) {
                throw new BadBlock(file, "does not fit this config's metrics");
            }
            int runs = in.readInt();
            if (runs != b.runs()) {
                throw new BadBlock(file, "holds " + runs + " runs, not the block's " + b.runs());
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
     * Checks a block's file without reading its content: its CRC-32C, config hash and place (what a
     * merge checks of every part before it writes anything).
     *
     * @param b the block
     * @throws NoSuchFileException when the block has no file
     * @throws IOException (a {@link BadBlock}) naming the file and what is wrong with it
     */
    void verify(Block b) throws IOException {
        open(b).close();
    }

    /** The block's file checked up to its place, positioned after it. */
    private DataInputStream open(Block b) throws IOException {
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
            if (in.readInt() != b.cell() || in.readInt() != b.index() || in.readInt() != b.from()
                    || in.readInt() != b.to()) {
                throw new BadBlock(file, "holds another block than its name says");
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
     * @param computeSeconds the compute time of those blocks (restored ones included)
     * @param wallSeconds the wall time of this session
     * @throws IOException when the file cannot be written
     */
    public void finish(Experiment e, int shard, int shards, List<Block> blocks, double computeSeconds,
                       double wallSeconds) throws IOException {
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
        AtomicFiles.write(dir.resolve(SHARD_JSON), TreeText.json(m) + "\n");
    }

    /**
     * The compute nanoseconds a block's file records.
     *
     * @param b a block whose file {@link #finished} accepted
     * @return its compute time
     * @throws IOException when the file cannot be read again
     */
    public long nanos(Block b) throws IOException {
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
