package kelvin.experiments.compare;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A side of {@code kelvin compare}: {@code DIR} (every variant of a results folder) or
 * {@code DIR:VARIANT} (one of them). An argument that names an existing folder is a folder, colons
 * and all; otherwise it is split at the first colon whose left part is an existing folder, so a
 * variant label may itself hold colons.
 *
 * @param text the argument as given
 * @param dir the results folder
 * @param variant the variant's label, or null for every variant
 */
public record FolderArgument(String text, Path dir, String variant) {

    /**
     * Reads an argument.
     *
     * @param text {@code DIR} or {@code DIR:VARIANT}
     * @return the folder and the variant; a folder that does not exist is reported when it is read
     */
    public static FolderArgument parse(String text) {
        if (!Files.isDirectory(Path.of(text))) {
            for (int i = text.indexOf(':'); i > 0; i = text.indexOf(':', i + 1)) {
                String dir = text.substring(0, i);
                if (Files.isDirectory(Path.of(dir)) && i + 1 < text.length()) {
                    return new FolderArgument(text, Path.of(dir), text.substring(i + 1));
                }
            }
        }
        return new FolderArgument(text, Path.of(text), null);
    }
}
