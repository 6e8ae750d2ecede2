package kelvin.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTML report is self-contained, escaped, and shows every figure and table value. */
class ReportRendererTest {

    private static final String SCRIPT = "<script>alert('x')</script>";
    private static final Pattern DATA_URI = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    private static byte[] pngA;
    private static byte[] pngB;

    @BeforeAll
    static void renderCharts() {
        ChartRenderer renderer = new ChartRenderer(600, 400);
        pngA = renderer.png(LineChart.of("A", "step", "regret",
            List.of(Series.line("a", new double[] {1, 2}, new double[] {1, 2}, 0))));
        pngB = renderer.png(new Heatmap("B", new double[][] {{1, 2}}, "visits", false));
    }

    private static Report report() {
        return Report.builder("run " + SCRIPT)
            .fact("seed", "2026")
            .fact("machine " + SCRIPT, "2 cores & 24 GiB")
            .config("name: demo\nnote: \"" + SCRIPT + "\"\n")
            .figure(Figure.of("Regret " + SCRIPT, "caption " + SCRIPT, pngA).withSvgLink("plots/regret a.svg"))
            .figure(Figure.of("Visits", "", pngB))
            .table(new Table("Summary " + SCRIPT, List.of("variant", "mean", "ci95"),
                List.of(List.of("boltzmann " + SCRIPT, "1036.2", "[1028.1, 1044.3]"),
                    List.of("eps-greedy", "552.6", "—"))))
            .build();
    }

    @Test
    void everythingFromTheReportIsEscaped() {
        String html = ReportRenderer.html(report());
        assertFalse(html.contains("<script"), "no script element, from any field");
        assertFalse(html.contains(SCRIPT));
        String escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;";
        // title (twice: <title> and <h1>), fact key, config, figure title (TOC, heading, alt), caption, table
        assertTrue(count(html, escaped) >= 8, "escaped occurrences: " + count(html, escaped));
        assertTrue(html.contains("2 cores &amp; 24 GiB"));
    }

    @Test
    void everyFigureIsEmbeddedAsADataUri() {
        String html = ReportRenderer.html(report());
        Matcher m = DATA_URI.matcher(html);
        List<byte[]> images = new ArrayList<>();
        while (m.find()) {
            images.add(Base64.getDecoder().decode(m.group(1)));
        }
        assertEquals(2, images.size());
        assertArrayEquals(pngA, images.get(0));
        assertArrayEquals(pngB, images.get(1));
        assertTrue(html.contains("width=\"600\" height=\"400\""), "intrinsic size from the PNG header");
    }

    @Test
    void pageIsSelfContainedHtml5() {
        String html = ReportRenderer.html(report());
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
        assertTrue(html.contains("<meta name=\"viewport\""));
        assertTrue(html.trim().endsWith("</html>"));
        for (String external : List.of("<link", "<script", "http://", "https://", "@import", "url(")) {
            assertFalse(html.contains(external), "no external resource: " + external);
        }
        assertTrue(html.contains("max-width: 100%"), "images shrink to fit");
        assertTrue(html.contains("href=\"plots/regret%20a.svg\""), "relative SVG link");
    }

    @Test
    void tableValuesAppearAndNumericColumnsAreRightAligned() {
        String html = ReportRenderer.html(report());
        for (String value : List.of("1036.2", "552.6", "[1028.1, 1044.3]", "eps-greedy", "—")) {
            assertTrue(html.contains(value), value);
        }
        assertTrue(html.contains("<td class=\"num\">1036.2</td>"));
        assertTrue(html.contains("<td class=\"num\">[1028.1, 1044.3]</td>"));
        assertTrue(html.contains("<td>eps-greedy</td>"));
    }

    @Test
    void contentsLinkToEverySection() {
        String html = ReportRenderer.html(report());
        for (String anchor : List.of("tables", "table-1", "figures", "figure-1", "figure-2", "configuration")) {
            assertTrue(html.contains("href=\"#" + anchor + "\""), anchor);
            assertTrue(html.contains("id=\"" + anchor + "\""), anchor);
        }
        assertTrue(html.contains("<details>"), "config is collapsed");
    }

    @Test
    void emptyReportRenders() {
        String html = ReportRenderer.html(Report.builder("nothing").build());
        assertTrue(html.contains("<h1>nothing</h1>"));
        assertFalse(html.contains("<nav"));
        assertFalse(html.contains("<details>"));
    }

    @Test
    void sameReportGivesTheSameText() {
        assertEquals(ReportRenderer.html(report()), ReportRenderer.html(report()));
    }

    @Test
    void figureAcceptsOnlyPngAndRelativeLinks() {
        assertThrows(IllegalArgumentException.class, () -> Figure.of("t", "c", new byte[] {1, 2, 3}));
        Figure ok = Figure.of("t", "c", pngA);
        assertThrows(IllegalArgumentException.class, () -> ok.withSvgLink("javascript:alert(1)"));
        assertThrows(IllegalArgumentException.class, () -> ok.withSvgLink("https://example.org/a.svg"));
        assertThrows(IllegalArgumentException.class, () -> ok.withSvgLink("/etc/a.svg"));
        assertEquals("plots/a.svg", ok.withSvgLink("plots/a.svg").svgLink());
    }

    @Test
    void controlCharactersCannotBreakThePage() {
        assertEquals("a\uFFFDb\tc", Html.escape("a\u0000b\tc"));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
