package kelvin.experiments.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.Location;

/**
 * Decides whether a run may write into a results folder. An empty or missing folder is fine; a
 * folder holding the same config is fine (a rerun, or a resume); a folder holding another config's
 * results, or anything that is not a Kelvin results folder, is refused unless the user says
 * {@code --resume} (reuse what still matches) or {@code --force} (overwrite).
 */
public final class ResultsFolder {

    private ResultsFolder() {
    }

    private static boolean isOwnLeftover(Path p) {
        String name = p.getFileName().toString();
        return (name.startsWith(".") && name.endsWith(".tmp")) || (name.equals("cells") && Files.isDirectory(p));
    }

    /**
     * Deletes the temporary files a killed run may have left ({@code .NAME.*.tmp}, written by
     * {@link AtomicFiles}) in the folder and its {@code cells} and {@code plots} subfolders.
     *
     * @param dir the results folder (nothing happens when it does not exist)
     * @throws IOException when a folder cannot be listed or a file deleted
     */
    public static void removeTemporaryFiles(Path dir) throws IOException {
        for (Path d : new Path[] {dir, dir.resolve("cells"), dir.resolve("plots")}) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(d, ".*.tmp")) {
                for (Path f : files) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /**
     * Checks that a run may write into {@code dir}: it is absent, empty (or holds only a killed run's
     * leftovers), or holds results of the same config; a different config's results need
     * {@code resume} (keep the cells that still match) or {@code force} (overwrite).
     *
     * @param dir the results folder
     * @param configYaml the config.yaml text of the run about to write
     * @param resume whether {@code --resume} was given
     * @param force whether {@code --force} was given
     * @throws IOException when the folder cannot be read
     * @throws ConfigException (exit 2) when the folder may not be used as asked
     */
    public static void check(Path dir, String configYaml, boolean resume, boolean force) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(Location.of("--out"), "", dir
                    + " exists and is not a folder; choose another --out");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            // A run killed before its first file landed leaves only temporary files and cells/.
            if (entries.allMatch(p -> isOwnLeftover(p))) {
                return;
            }
        }
        if (force) {
            return;
        }
        Path config = dir.resolve("config.yaml");
        if (!Files.isRegularFile(config)) {
            throw new ConfigException(Location.of("--out"), "", dir + " is not empty and holds no Kelvin results "
                    + "(no config.yaml); choose another folder with --out, or --force to write into it anyway");
        }
        String existing = Files.readString(config, StandardCharsets.UTF_8);
        if (!existing.equals(configYaml) && !resume) {
            throw new ConfigException(Location.of("--out"), "", dir + " holds results of a different config "
                    + "(its config.yaml differs); use --resume to keep the cells that still match, --force to "
                    + "overwrite, or --out to write elsewhere");
        }
    }
}
