package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console table after a run and the tables of report.html print numbers by one rule: no
 * scientific notation in ordinary ranges, digits set by the interval, optimal action in percent,
 * the same text for the same result in both places; the console's headers stand over their columns.
 */
class ReadableNumbersTest {

    /** A number in scientific notation, as %g printed 4.5e+02 or 1.061e+05. */
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d[eE][-+]?\\d");

    @TempDir
    Path tmp;

    @Test
    void consoleAndReportPrintTheQuickstartAlike() throws IOException {
        Path out = tmp.resolve("qs");
        Cli r = Cli.run("run", CliTest.QUICKSTART, "--runs", "20", "--out", out.toString(), "--quiet", "--threads",
                "2");
        assertEquals(0, r.exit(), r.err());

        List<String> lines = r.out().lines().toList();
        List<String> header = cells(lines.get(1));
        int optimal = header.indexOf("optimal-action at t=1000");
        int entropy = header.indexOf("entropy at t=1000");
        assertTrue(optimal > 0 && entropy > 0, r.out());
        List<String> consoleCells = new ArrayList<>();
        String epsRegret = null;
        for (String line : lines.subList(2, lines.size() - 1)) {
            List<String> row = cells(line);
            assertEquals(header.size(), row.size(), line);
            for (String title : header) {
                int at = lines.get(1).indexOf(title);
                assertTrue(line.substring(at - 2).matches("  \\S.*"), "'" + title + "' stands over its values:\n"
                        + lines.get(1) + "\n" + line);
            }
            assertTrue(row.get(optimal).matches("\\d+(\\.\\d+)?% \\[\\d+(\\.\\d+)?, \\d+(\\.\\d+)?]"),
                    "optimal action in percent, as on its chart: " + line);
            for (String cell : row.subList(1, row.size())) {
                assertFalse(SCIENTIFIC.matcher(cell).find(), "no scientific notation: " + line);
                assertFalse(cell.contains("+-"), line);
                if (!cell.equals("-")) {
                    consoleCells.add(cell);
                }
            }
            if (row.get(0).equals("eps-0.1")) {
                // every run of epsilon-greedy has the same policy entropy: round-off, not spread
                assertEquals("0.5003 (no spread)", row.get(entropy), line);
                epsRegret = row.get(1);
            }
        }
        assertTrue(lines.get(lines.size() - 1).startsWith("results: "), r.out());

        List<String> reportCells = new ArrayList<>();
        Matcher td = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(Files.readString(out.resolve("report.html")));
        while (td.find()) {
            reportCells.add(td.group(1));
            assertFalse(SCIENTIFIC.matcher(td.group(1)).find(), "no scientific notation in the report: " + td.group());
        }
        for (String cell : consoleCells) {
            assertTrue(reportCells.contains(cell), "the report prints '" + cell + "' as the console does");
        }

        // the regret's digits, redone from summary.csv: the half-width's second significant digit is
        // the mean's last printed one
        String[] csv = Files.readAllLines(out.resolve("summary.csv")).stream()
                .filter(l -> l.startsWith("eps-0.1,regret,")).findFirst().orElseThrow().split(",");
        double mean = Double.parseDouble(csv[2]);
        double half = Double.parseDouble(csv[5]) - mean;
        String twoDigits = String.format(Locale.ROOT, "%.1e", half);
        int place = Integer.parseInt(twoDigits.substring(twoDigits.indexOf('e') + 1)) - 1;
        String expected = BigDecimal.valueOf(mean).setScale(-place, RoundingMode.HALF_UP).toPlainString();
        assertEquals(expected, epsRegret.substring(0, epsRegret.indexOf(' ')), "h = " + half);
    }

    /** A console table line's cells: columns are set apart by two spaces or more. */
    private static List<String> cells(String line) {
        return List.of(line.strip().split("\\s{2,}"));
    }
}
