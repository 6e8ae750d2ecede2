package kelvin.experiments.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The one folder the lab reads and writes ({@code DIR} of {@code kelvin lab}): every path a page
 * sends is resolved here, and one that would leave it (absolute, {@code ..}, a symbolic link
 * pointing out) is refused with 403.
 */
public final class LabFiles {
    private final Path root;

    /**
     * The lab's folder.
     *
     * @param root the folder; it must exist
     * @throws IOException when it does not exist or cannot be resolved
     */
    public LabFiles(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    /**
     * The folder, resolved to its real path.
     *
     * @return the root
     */
    public Path root() {
        return root;
    }

    /**
     * Resolves a path a page sent, relative to the folder.
     *
     * @param relative a relative path with {@code /} separators; empty means the folder itself
     * @return the path inside the folder (it need not exist)
     * @throws LabException 403 when the path leaves the folder, 400 when it is not a path
     */
    public Path resolve(String relative) {
        Path p;
        try {
            p = Path.of(relative);
        } catch (InvalidPathException e) {
            throw new LabException(400, "'" + relative + "' is not a path");
        }
        if (p.isAbsolute() || relative.startsWith("/") || relative.startsWith("\\")) {
            throw outside(relative);
        }
        for (Path part : p) {
            if (part.toString().equals("..")) {
                throw outside(relative);
            }
        }
        Path resolved = root.resolve(p).normalize();
        if (!resolved.startsWith(root)) {
            throw outside(relative);
        }
        // A symbolic link inside the folder may point out of it: check the deepest part that exists.
        Path existing = resolved;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing != null) {
            try {
                if (!existing.toRealPath().startsWith(root)) {
                    throw outside(relative);
                }
            } catch (IOException e) {
                throw outside(relative);
            }
        }
        return resolved;
    }

    /**
     * The path of a file inside the folder as a page names it.
     *
     * @param p a path inside the folder
     * @return it relative to the folder, with {@code /} separators
     */
    public String relative(Path p) {
        return root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static LabException outside(String relative) {
        return new LabException(403, "'" + relative + "' is outside the lab's folder; the lab reads and writes "
                + "only inside the folder it was started with");
    }
}
