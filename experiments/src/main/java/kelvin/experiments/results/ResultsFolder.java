package kelvin.experiments.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.Location;

/**
 * The rules of a results folder. A run may write into a folder that is missing, empty (or holds
 * only a killed run's leftovers) or holds the same config; another config's results need
 * {@code --resume} (reuse what still matches) or {@code --force} (replace them). Kelvin writes
 * and deletes only the names it owns ({@link #OWNED}, the {@code cells} and {@code plots} folders
 * and its hidden temporary files), never through a symbolic link, and leaves anything else in the
 * folder alone. {@code --force} moves the old run's files aside (manifest.json first) and deletes
 * them before anything new is written, so a folder never holds parts of two runs, and
 * {@code kelvin plot} draws only a folder whose files are the one complete run its manifest.json
 * describes.
 */
public final class ResultsFolder {
    /** The result files Kelvin writes at the top of a results folder. */
    static final Set<String> OWNED = Set.of("config.yaml", "manifest.json", "curves.csv", "summary.csv", "runs.csv",
            "states.csv", "report.html", "plots", "cells");
    private static final Set<String> FOLDERS = Set.of("plots", "cells");

    private ResultsFolder() {
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }

    private static boolean isTemporary(Path p) {
        String n = name(p);
        return n.startsWith(".") && n.endsWith(".tmp");
    }

    private static boolean isOwnLeftover(Path p) {
        String n = name(p);
        return isTemporary(p) || n.equals(FolderLock.NAME)
                || (n.equals("cells") && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * What to say about a symbolic link found where Kelvin writes.
     *
     * @param link the link
     * @return the one-line problem, with what to do
     */
    static String linkProblem(Path link) {
        return link + " is a symbolic link; Kelvin never writes or deletes through a link in a results folder: "
                + "remove the link, or use --out to write elsewhere";
    }

    /**
     * Checks, before anything is created, that {@code dir} can be a results folder: it has a name,
     * and neither it nor a folder above it is a file.
     *
     * @param dir the results folder asked for
     * @throws ConfigException (exit 2) naming the problem
     */
    public static void checkPlace(Path dir) {
        if (dir.toString().isBlank()) {
            throw new ConfigException(Location.of("--out"), "", "the results folder's name is empty; give a folder "
                    + "name (the current folder is never used as one)");
        }
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new ConfigException(Location.of("--out"), "", p + (p.equals(dir.toAbsolutePath()) ? "" : " (in "
                        + dir + ")") + " exists and is not a folder; choose another --out");
            }
        }
    }

    /**
     * Deletes what a killed run may have left: temporary files ({@code .NAME.*.tmp}, written by
     * {@link AtomicFiles}) in the folder and its {@code cells} and {@code plots} subfolders, and the
     * hidden folder of a {@code --force} that was killed while deleting the old run. Links are
     * deleted, never followed.
     *
     * @param dir the results folder (nothing happens when it does not exist)
     * @throws IOException when a folder cannot be listed or a file deleted
     */
    public static void removeTemporaryFiles(Path dir) throws IOException {
        for (Path d : new Path[] {dir, dir.resolve("cells"), dir.resolve("plots")}) {
            if (!Files.isDirectory(d) || (d != dir && Files.isSymbolicLink(d))) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(d, ".*.tmp")) {
                for (Path f : files) {
                    deleteTree(f);
                }
            }
        }
    }

    /**
     * Checks that a run may write into {@code dir}: it is absent, empty (or holds only a killed run's
     * leftovers), or holds results of the same config; a different config's results need
     * {@code resume} (keep the cells that still match) or {@code force} (replace them). Without
     * {@code force}, a link or a file where Kelvin writes is refused.
     *
     * @param dir the results folder
     * @param configYaml the config.yaml text of the run about to write
     * @param resume whether {@code --resume} was given
     * @param force whether {@code --force} was given
     * @throws IOException when the folder cannot be read
     * @throws ConfigException (exit 2) when the folder may not be used as asked
     */
    public static void check(Path dir, String configYaml, boolean resume, boolean force) throws IOException {
        checkPlace(dir);
        if (!Files.exists(dir)) {
            return;
        }
        if (!force) {
            checkOwnedEntries(dir);
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            boolean leftoversOnly = true;
            for (Path p : entries) {
                leftoversOnly &= isOwnLeftover(p);
            }
            // A run killed before its first file landed leaves only temporary files and cells/.
            if (leftoversOnly) {
                return;
            }
        }
        Path config = dir.resolve("config.yaml");
        boolean kelvins = Files.exists(config, LinkOption.NOFOLLOW_LINKS)
                || Files.exists(dir.resolve("manifest.json"), LinkOption.NOFOLLOW_LINKS);
        if (force) {
            // --force replaces a run; in someone else's folder, a plots/ or report.html is theirs.
            for (String n : OWNED.stream().sorted().toList()) {
                if (!kelvins && Files.exists(dir.resolve(n), LinkOption.NOFOLLOW_LINKS)) {
                    throw new ConfigException(Location.of("--out"), "", dir + " holds no Kelvin results (no "
                            + "config.yaml) but has " + n + ", which --force would replace; move it away or "
                            + "choose another --out");
                }
            }
            return;
        }
        if (!Files.isRegularFile(config)) {
            throw new ConfigException(Location.of("--out"), "", dir + " is not empty and holds no Kelvin results "
                    + "(no config.yaml); choose another folder with --out, or --force to write into it anyway");
        }
        String existing = Files.readString(config, StandardCharsets.UTF_8);
        if (!existing.equals(configYaml) && !resume) {
            throw new ConfigException(Location.of("--out"), "", dir + " holds results of a different config "
                    + "(its config.yaml differs); use --resume to keep the cells that still match, --force to "
                    + "replace them, or --out to write elsewhere");
        }
    }

    /** Refuses a link, or a file where Kelvin keeps a folder, among the names Kelvin writes. */
    private static void checkOwnedEntries(Path dir) throws IOException {
        for (String n : OWNED) {
            Path p = dir.resolve(n);
            if (Files.isSymbolicLink(p)) {
                throw new ConfigException(null, "", linkProblem(p));
            }
            if (FOLDERS.contains(n) && Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p)) {
                throw new ConfigException(null, "", p + " is a file where Kelvin keeps a folder; remove it, or use "
                        + "--force to replace it");
            }
        }
        for (String n : FOLDERS) {
            Path sub = dir.resolve(n);
            if (!Files.isDirectory(sub, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(sub)) {
                for (Path f : files) {
                    if (Files.isSymbolicLink(f)) {
                        throw new ConfigException(null, "", linkProblem(f));
                    }
                }
            }
        }
    }

    /**
     * Before a run writes anything into a folder that holds another run ({@code --force}): moves
     * every name Kelvin owns into a hidden folder, manifest.json first so that a run killed
     * mid-way leaves a folder {@code kelvin plot} refuses rather than a mix, then deletes that
     * folder. Links are moved and deleted themselves, never followed; the user's other files stay.
     *
     * @param dir the results folder, locked by this process
     * @param keepCells keep {@code cells/} (a resume reuses what still matches)
     * @throws IOException when a file cannot be moved or deleted; nothing new has been written then
     */
    public static void replaceOld(Path dir, boolean keepCells) throws IOException {
        List<String> names = new ArrayList<>(List.of("manifest.json"));
        boolean cellsKept = keepCells && Files.isDirectory(dir.resolve("cells"), LinkOption.NOFOLLOW_LINKS);
        OWNED.stream().filter(n -> !n.equals("manifest.json") && !(cellsKept && n.equals("cells"))).sorted()
                .forEach(names::add);
        Path aside = dir.resolve(".replaced." + ProcessHandle.current().pid() + "-"
                + Long.toHexString(System.nanoTime()) + ".tmp");
        boolean made = false;
        for (String n : names) {
            Path p = dir.resolve(n);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (!made) {
                Files.createDirectory(aside);
                made = true;
            }
            Files.move(p, aside.resolve(n), LinkOption.NOFOLLOW_LINKS);
        }
        if (made) {
            deleteTree(aside);
        }
    }

    /**
     * Before a run that changes a folder's config writes anything: deletes manifest.json, so the
     * folder reads as unfinished until the new manifest lands.
     *
     * @param dir the results folder, locked by this process
     * @param configYaml the config.yaml text of the run about to write
     * @throws IOException when the folder cannot be read or the manifest deleted
     */
    public static void beginWriting(Path dir, String configYaml) throws IOException {
        Path config = dir.resolve("config.yaml");
        boolean same = Files.isRegularFile(config, LinkOption.NOFOLLOW_LINKS)
                && Files.readString(config, StandardCharsets.UTF_8).equals(configYaml);
        if (!same) {
            Files.deleteIfExists(dir.resolve("manifest.json"));
        }
    }

    /**
     * Deletes the result files and charts Kelvin owns that the run about to finish did not write (a
     * previous run's states.csv, charts, report.html), so the manifest lists every one of them.
     *
     * @param dir the results folder
     * @param files the files this run wrote, relative to {@code dir}
     * @throws IOException when a file cannot be deleted
     */
    static void removeStale(Path dir, Collection<String> files) throws IOException {
        for (String n : OWNED) {
            if (!FOLDERS.contains(n) && !n.equals("manifest.json") && !files.contains(n)) {
                Files.deleteIfExists(dir.resolve(n));
            }
        }
        Path plots = dir.resolve("plots");
        if (Files.isDirectory(plots, LinkOption.NOFOLLOW_LINKS)) {
            boolean empty = true;
            try (DirectoryStream<Path> charts = Files.newDirectoryStream(plots)) {
                for (Path f : charts) {
                    if (!files.contains("plots/" + name(f)) && !isTemporary(f)) {
                        Files.delete(f);
                    } else {
                        empty = false;
                    }
                }
            }
            if (empty) {
                Files.delete(plots);
            }
        }
    }

    /**
     * Checks that a folder holds one complete run: its manifest.json (written last) is there and
     * records the SHA-256 of its config.yaml, every table it lists is present, and every file Kelvin
     * owns is listed by it. Charts and report.html may be missing (they are redrawn).
     *
     * @param dir a results folder
     * @throws ResultData.BadResultsException (exit 2) naming the file that is missing or foreign
     * @throws ConfigException (exit 2) when a name Kelvin writes is a link
     * @throws IOException when the folder cannot be read
     */
    public static void checkComplete(Path dir) throws IOException {
        checkOwnedEntries(dir);
        Path manifestFile = dir.resolve("manifest.json");
        JsonNode manifest;
        try {
            manifest = Files.isRegularFile(manifestFile) ? Mappers.JSON.readTree(manifestFile.toFile()) : null;
        } catch (IOException e) {
            manifest = null;
        }
        if (manifest == null || !manifest.isObject()) {
            throw new ResultData.BadResultsException(manifestFile, 0, "missing or unreadable; kelvin run writes it "
                    + "last, so the run that wrote this folder did not finish (kelvin run CONFIG --resume --out "
                    + dir + " completes it)");
        }
        byte[] config = Files.isRegularFile(dir.resolve("config.yaml"))
                ? Files.readAllBytes(dir.resolve("config.yaml")) : null;
        if (config == null) {
            throw new ResultData.BadResultsException(dir.resolve("config.yaml"), 0, "is missing (manifest.json "
                    + "lists it)");
        }
        if (!ResultWriter.configHash(new String(config, StandardCharsets.UTF_8))
                .equals(manifest.path("config_sha256").asText())) {
            throw new ResultData.BadResultsException(dir.resolve("config.yaml"), 0, "does not match manifest.json's "
                    + "config_sha256: it was edited after the run or belongs to another run; run the config "
                    + "again (kelvin run CONFIG --out " + dir + " --force)");
        }
        Set<String> listed = new HashSet<>();
        for (JsonNode f : manifest.path("files")) {
            listed.add(f.asText());
        }
        for (String n : listed) {
            boolean redrawn = n.startsWith("plots/") || n.equals("report.html");
            if (!redrawn && !Files.isRegularFile(dir.resolve(n))) {
                throw new ResultData.BadResultsException(dir.resolve(n), 0, "is missing (manifest.json lists it)");
            }
        }
        List<String> present = new ArrayList<>();
        for (String n : OWNED) {
            if (!FOLDERS.contains(n) && Files.exists(dir.resolve(n), LinkOption.NOFOLLOW_LINKS)) {
                present.add(n);
            }
        }
        Path plots = dir.resolve("plots");
        if (Files.isDirectory(plots, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> charts = Files.newDirectoryStream(plots)) {
                for (Path f : charts) {
                    if (!isTemporary(f)) {
                        present.add("plots/" + name(f));
                    }
                }
            }
        }
        for (String n : present.stream().sorted().toList()) {
            if (!listed.contains(n)) {
                throw new ResultData.BadResultsException(dir.resolve(n), 0, "is not one of the files of the run "
                        + "manifest.json describes (a leftover of another run); remove it, or run the config again "
                        + "with --force");
            }
        }
    }

    /**
     * Whether a name from manifest.json is a chart directly in {@code plots/}, so deleting it stays
     * inside the folder whatever the manifest says.
     */
    static boolean isChartName(String n) {
        String file = n.substring(n.indexOf('/') + 1);
        return n.startsWith("plots/") && !file.isEmpty() && file.indexOf('/') < 0 && file.indexOf('\\') < 0
                && !file.equals(".") && !file.equals("..");
    }

    /** Deletes a file, a link (not its target) or a folder with everything in it, following no link. */
    private static void deleteTree(Path root) throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(root);
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
