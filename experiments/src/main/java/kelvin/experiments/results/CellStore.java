package kelvin.experiments.results;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import kelvin.experiments.Version;
import kelvin.experiments.metric.Recorded;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.run.Moments;
import kelvin.experiments.run.RunRows;
import kelvin.experiments.run.RunStore;
import kelvin.experiments.run.Runner;
import kelvin.experiments.run.Simulation;

/**
 * The cells of a results folder on disk ({@code cells/}): each cell's per-run values as they are
 * made ({@code <hash>.runs}, appended block by block under a temporary name and renamed when the
 * cell is complete) and each finished cell's exact aggregates ({@code <hash>.cell}), so that
 * {@code kelvin run --resume} can skip it and runs.csv is written from disk. A cell's hash covers
 * everything its numbers depend on (environment, seed, runs, steps, checkpoints, metrics, label,
 * the agent's resolved spec and the file format), so a stored cell is reused only when recomputing
 * it would give the same bits; the aggregates are stored as the bit patterns of the doubles, which
 * is why a resumed run ends byte-identical to an uninterrupted one.
 *
 * <p>Nothing on disk is trusted: a {@code .cell} file ends with the CRC-32C of everything before it
 * and holds the cell's hash, and the length and CRC-32C of its {@code .runs} file; a cell whose
 * files fail any of these is recomputed, with a warning naming the file. The store writes only
 * inside a real {@code cells} folder, never through a symbolic link.
 */
public final class CellStore implements RunStore {
    private static final String MAGIC = "kelvin-cell";
    private static final String RUNS_MAGIC = "kelvin-runs";
    private static final int FORMAT = 4;

    private final Path dir;
    private final Experiment experiment;
    private final int columns;
    private final String[] hashes;

    /**
     * The store of a results folder; nothing is read or written until asked.
     *
     * @param resultsDir the results folder, whose {@code cells} subfolder holds the files
     * @param experiment the experiment of the folder's config.yaml, whose cells are stored
     */
    public CellStore(Path resultsDir, Experiment experiment) {
        this.dir = resultsDir.resolve("cells");
        this.experiment = experiment;
        this.columns = Simulation.runColumns(experiment);
        this.hashes = new String[experiment.cells().size()];
        for (Cell c : experiment.cells()) {
            hashes[c.index()] = hash(c);
        }
    }

    /**
     * The hash that names a cell's files.
     *
     * @param cell a cell of the experiment
     * @return the SHA-256 of what its numbers depend on
     */
    public String hash(Cell cell) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("format", FORMAT);
        key.put("env", experiment.resolved().get("env"));
        key.put("seed", experiment.seed());
        key.put("runs", experiment.runs());
        key.put("steps", experiment.horizon());
        key.put("checkpoints", experiment.checkpoints());
        key.put("metrics", experiment.metrics().stream().map(Recorded::key).toList());
        key.put("label", cell.label());
        key.put("agent", cell.resolved());
        return ResultWriter.configHash(TreeText.json(key));
    }

    /**
     * The stored results of every cell whose files are complete and verified, by cell index; other
     * cells are left to be recomputed, silently.
     *
     * @return each restored cell as a one-cell result, in cell order; empty when none can be reused
     */
    public Map<Integer, Runner.Result> load() {
        return load(warning -> { });
    }

    /**
     * The stored results of every cell whose files are complete and verified (checksums, cell hash,
     * sizes), by cell index. A cell never finished is simply absent; a finished cell whose files fail
     * a check is absent too, and {@code warnings} is told which file and why.
     *
     * @param warnings told one line per damaged or foreign cell file, starting with {@code warning:}
     * @return each restored cell as a one-cell result, in cell order; empty when none can be reused
     */
    public Map<Integer, Runner.Result> load(Consumer<String> warnings) {
        Map<Integer, Runner.Result> found = new LinkedHashMap<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return found;
        }
        for (Cell cell : experiment.cells()) {
            Verdict v = read(cell.index());
            if (v.result() != null) {
                found.put(cell.index(), v.result());
            } else if (v.problem() != null) {
                warnings.accept("warning: " + v.problem() + "; recomputing variant " + cell.label());
            }
        }
        return found;
    }

    /** A stored cell's result, or why it cannot be used (both null: the cell was never finished). */
    private record Verdict(Runner.Result result, String problem) {
        static Verdict damaged(Path file, String why) {
            return new Verdict(null, file + " " + why);
        }
    }

    @Override
    public void append(int cell, RunRows rows) throws IOException {
        Files.createDirectories(dir);
        if (Files.isSymbolicLink(dir)) {
            throw new IOException(dir + " is a symbolic link; Kelvin never writes through one");
        }
        Path part = partFile(cell);
        boolean first = !Files.exists(part);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(part,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)))) {
            if (first) {
                out.writeUTF(RUNS_MAGIC);
                out.writeInt(FORMAT);
                out.writeInt(columns);
            }
            for (int r = 0; r < rows.runs(); r++) {
                for (int c = 0; c < columns; c++) {
                    out.writeDouble(rows.get(r, c));
                }
            }
        }
    }

    /**
     * {@inheritDoc} Renames the cell's runs into place, then writes its aggregates, the runs' length
     * and CRC-32C, and the CRC-32C of all that, atomically.
     */
    @Override
    public void finish(int cell, Moments moments, double seconds) throws IOException {
        Path part = partFile(cell);
        long length = Files.size(part);
        int runsCrc = crc(part);
        Files.move(part, runsFile(cell), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(hashes[cell]);
            out.writeUTF(Version.get());
            out.writeDouble(seconds);
            moments.write(out);
            out.writeLong(length);
            out.writeInt(runsCrc);
            CRC32C crc = new CRC32C();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        }
        AtomicFiles.write(cellFile(cell), bytes.toByteArray());
    }

    private static int crc(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        try (InputStream in = new CheckedInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), crc)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return (int) crc.getValue();
    }

    /**
     * Deletes a cell's partial runs (a resumed run recomputes the cell from its first block).
     *
     * @param cell the cell's index
     * @throws IOException when the file cannot be deleted
     */
    public void discardPartial(int cell) throws IOException {
        Files.deleteIfExists(partFile(cell));
    }

    /**
     * Deletes a finished cell's files, so that a resume recomputes it (a partial merge's cell that
     * misses blocks: its files hold what exists, not the cell).
     *
     * @param cell the cell's index
     * @throws IOException when a file cannot be deleted
     */
    public void forget(int cell) throws IOException {
        Files.deleteIfExists(cellFile(cell));
        Files.deleteIfExists(runsFile(cell));
    }

    @Override
    public double[] column(int cell, int column) throws IOException {
        double[] values = new double[experiment.runs()];
        rows(cell, (run, row) -> values[run] = row[column]);
        return values;
    }

    @Override
    public void rows(int cell, RowVisitor visitor) throws IOException {
        try (RowReader in = reader(cell)) {
            double[] row = new double[columns];
            for (int r = 0; in.next(row); r++) {
                visitor.row(r, row);
            }
        }
    }

    @Override
    public RowReader reader(int cell) throws IOException {
        Path file = runsFile(cell);
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        try {
            if (!RUNS_MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT || in.readInt() != columns) {
                throw new IOException(file + " is not this experiment's per-run file");
            }
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new RowReader() {
            private int run;

            @Override
            public boolean next(double[] row) throws IOException {
                if (run >= experiment.runs()) {
                    return false;
                }
                for (int c = 0; c < columns; c++) {
                    row[c] = in.readDouble();
                }
                run++;
                return true;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /**
     * Deletes stored cells that belong to no cell of this experiment (a changed config's leftovers).
     *
     * @throws IOException when the folder cannot be listed or a file deleted
     */
    public void removeOthers() throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Set<String> keep = new HashSet<>();
        for (int c = 0; c < hashes.length; c++) {
            keep.add(cellFile(c).getFileName().toString());
            keep.add(runsFile(c).getFileName().toString());
        }
        for (String pattern : List.of("*.cell", "*.runs")) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, pattern)) {
                for (Path f : files) {
                    if (!keep.contains(f.getFileName().toString())) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        }
    }

    private String stem(int cell) {
        return hashes[cell].substring(0, 32);
    }

    private Path cellFile(int cell) {
        return dir.resolve(stem(cell) + ".cell");
    }

    private Path runsFile(int cell) {
        return dir.resolve(stem(cell) + ".runs");
    }

    /** The runs being written; named like AtomicFiles' temporary files, so a killed run's are cleaned up. */
    private Path partFile(int cell) {
        return dir.resolve("." + stem(cell) + ".runs.part.tmp");
    }

    private long runsLength() {
        return 2 + RUNS_MAGIC.length() + 4 + 4 + 8L * columns * experiment.runs();
    }

    private Verdict read(int cell) {
        Path file = cellFile(cell);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Verdict(null, null);
        } catch (IOException e) {
            return Verdict.damaged(file, "cannot be read");
        }
        Integer format = format(bytes);
        if (format != null && format != FORMAT) {
            return Verdict.damaged(file, "was written in cell format " + format + ", this Kelvin reads format "
                    + FORMAT);
        }
        int body = bytes.length - 4;
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, Math.max(body, 0));
        if (body < 0 || ByteBuffer.wrap(bytes, body, 4).getInt() != (int) crc.getValue()) {
            return Verdict.damaged(file, "is damaged (its CRC-32C does not match its content)");
        }
        long runsLength;
        int runsCrc;
        Moments m;
        double seconds;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, body))) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT) {
                return Verdict.damaged(file, "is not a Kelvin cell file");
            }
            if (!hashes[cell].equals(in.readUTF())) {
                return Verdict.damaged(file, "holds another variant or config (its cell hash differs)");
            }
            in.readUTF(); // the version that wrote it: informative only
            seconds = in.readDouble();
            m = Moments.read(in);
            runsLength = in.readLong();
            runsCrc = in.readInt();
            int slots = experiment.metrics().size() * experiment.checkpoints().length;
            if (m.slots() != slots || ((InputStream) in).available() != 0) {
                return Verdict.damaged(file, "does not fit this config's metrics and checkpoints");
            }
        } catch (IOException | RuntimeException e) {
            return Verdict.damaged(file, "is damaged (it ends early or holds impossible sizes)");
        }
        Path runs = runsFile(cell);
        try {
            if (!Files.isRegularFile(runs, LinkOption.NOFOLLOW_LINKS)) {
                return Verdict.damaged(runs, "is missing");
            }
            if (Files.size(runs) != runsLength || runsLength != runsLength() || crc(runs) != runsCrc) {
                return Verdict.damaged(runs, "is damaged (its length or CRC-32C differs from what "
                        + file.getFileName() + " records)");
            }
        } catch (IOException e) {
            return Verdict.damaged(runs, "cannot be read");
        }
        return new Verdict(new Runner.Result(List.of(m), new double[] {seconds}), null);
    }

    /** The format number of a file that starts like a cell file, else null. */
    private static Integer format(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return MAGIC.equals(in.readUTF()) ? in.readInt() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
