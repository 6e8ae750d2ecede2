package kelvin.experiments.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The console's result tables: left-aligned columns, two spaces in front of each. */
final class Tables {

    private Tables() {
    }

    /**
     * Prints rows as columns as wide as their header and values (at least 22 for values, 7 for the
     * first column), so every header stands over its values.
     *
     * @param w where to print
     * @param rows the header row first, every row as long as the header
     */
    static void print(PrintWriter w, List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int k = 0; k < widths.length; k++) {
                widths[k] = Math.max(widths[k], Math.max(k == 0 ? 7 : 22, row.get(k).length()));
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < row.size(); k++) {
                line.append(String.format(Locale.ROOT, "  %-" + widths[k] + "s", row.get(k)));
            }
            w.println(line.toString().stripTrailing());
        }
    }
}
