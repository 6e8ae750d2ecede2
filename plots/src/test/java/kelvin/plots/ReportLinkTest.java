package kelvin.plots;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Header facts that link to files beside the report (a suite's environment reports). */
class ReportLinkTest {

    @Test
    void aLinkedFactIsAnAnchorToARelativePath() {
        String html = ReportRenderer.html(Report.builder("suite").link("testbed", "report of testbed",
                "envs/testbed/report.html").fact("seed", "1").build());
        assertTrue(html.contains("<dt>testbed</dt><dd><a href=\"envs/testbed/report.html\">report of testbed</a></dd>"),
                html);
        assertTrue(html.contains("<dt>seed</dt><dd>1</dd>"), html);
    }

    @Test
    void onlyRelativePathsInsideTheFolderAreLinks() {
        for (String bad : new String[] {"../x.html", "/etc/passwd", "javascript:alert(1)", "a b.html"}) {
            assertThrows(IllegalArgumentException.class, () -> new Report.Fact("k", "v", bad), bad);
        }
    }
}
