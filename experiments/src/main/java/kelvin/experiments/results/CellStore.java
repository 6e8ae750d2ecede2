package kelvin.experiments.results;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kelvin.experiments.Version;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.Metric;
import kelvin.experiments.run.Moments;
import kelvin.experiments.run.Runner;

/**
 * Finished cells on disk ({@code cells/<hash>.cell} in the results folder), so that
 * {@code kelvin run --resume} can skip them. A cell's hash covers everything its numbers depend on
 * (environment, seed, runs, steps, checkpoints, metrics, label, the agent's resolved spec and the
 * file format), so a stored cell is reused only when recomputing it would give the same bits. The
 * aggregates are stored exactly (the bit patterns of the doubles), which is why a resumed run ends
 * byte-identical to an uninterrupted one.
 */
public final class CellStore {
    private static final String MAGIC = "kelvin-cell";
    private static final int FORMAT = 2;

    private final Path dir;
    private final Experiment experiment;

    public CellStore(Path resultsDir, Experiment experiment) {
        this.dir = resultsDir.resolve("cells");
        this.experiment = experiment;
    }

    /** The hash that names a cell's file. */
    public String hash(Cell cell) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("format", FORMAT);
        key.put("env", experiment.resolved().get("env"));
        key.put("seed", experiment.seed());
        key.put("runs", experiment.runs());
        key.put("steps", experiment.horizon());
        key.put("checkpoints", experiment.checkpoints());
        key.put("metrics", experiment.metrics().stream().map(Metric::key).toList());
        key.put("label", cell.label());
        key.put("agent", cell.resolved());
        return ResultWriter.configHash(TreeText.json(key));
    }

    /** Stored results of every cell whose hash matches, by cell index; unreadable files are ignored. */
    public Map<Integer, Runner.Result> load() {
        Map<Integer, Runner.Result> found = new LinkedHashMap<>();
        for (Cell cell : experiment.cells()) {
            Runner.Result r = read(file(cell), hash(cell));
            if (r != null) {
                found.put(cell.index(), r);
            }
        }
        return found;
    }

    /** Saves a finished cell atomically. */
    public void save(Cell cell, Moments moments, double seconds) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(hash(cell));
            out.writeUTF(Version.get());
            out.writeDouble(seconds);
            moments.write(out);
        }
        AtomicFiles.write(file(cell), bytes.toByteArray());
    }

    /** Deletes stored cells that belong to no cell of this experiment (a changed config's leftovers). */
    public void removeOthers() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Set<String> keep = new HashSet<>();
        for (Cell cell : experiment.cells()) {
            keep.add(file(cell).getFileName().toString());
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.cell")) {
            for (Path f : files) {
                if (!keep.contains(f.getFileName().toString())) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private Path file(Cell cell) {
        return dir.resolve(hash(cell).substring(0, 32) + ".cell");
    }

    private Runner.Result read(Path file, String hash) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT || !hash.equals(in.readUTF())) {
                return null;
            }
            in.readUTF(); // the version that wrote it: informative only
            double seconds = in.readDouble();
            Moments m = Moments.read(in);
            int slots = experiment.metrics().size() * experiment.checkpoints().length;
            if (m.slots() != slots || m.runs() != experiment.runs()
                    || m.columns() != experiment.metrics().size() + 1 || in.available() != 0) {
                return null;
            }
            return new Runner.Result(List.of(m), new double[] {seconds});
        } catch (IOException e) {
            return null; // a damaged file is recomputed, never trusted
        }
    }
}
