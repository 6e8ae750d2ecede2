package kelvin.plots;

import java.util.Base64;
import java.util.List;

/**
 * Writes a {@link Report} as one self-contained HTML5 page.
 *
 * <p>The page opens offline from anywhere: images are embedded as {@code data:} URIs, the style
 * sheet is inline, and there are no scripts, web fonts or other external resources; the only
 * links are the optional relative links to SVG files next to the report. All text from the report
 * is HTML-escaped, so labels and config text can hold any characters, {@code <script>} included.
 *
 * <p>Layout: header facts as a grid of cards; a table of contents; tables, with numeric columns
 * right-aligned (see {@link Table#isNumericColumn(int)}); figures in two columns on wide screens
 * (1500 CSS pixels and more, where each chart is still shown at about 60% of its size or larger)
 * and one on narrower ones, each of which can be widened to the full page through its "full width"
 * link (a CSS {@code :target} rule, so no script); the configuration in a collapsed
 * {@code <details>} block. The output depends only on the report, so the same report gives the
 * same bytes.
 */
public final class ReportRenderer {

    private static final String STYLE = """
        :root { color-scheme: light; --text: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa;
          --accent: #0a5fb4; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #fff; color: var(--text);
          font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        .page { max-width: 1800px; margin: 0 auto; padding: 24px clamp(12px, 3vw, 40px) 48px; }
        h1 { font-size: 1.9rem; margin: 0 0 16px; overflow-wrap: anywhere; }
        h2 { font-size: 1.35rem; margin: 0 0 16px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        h3 { font-size: 1.05rem; margin: 0 0 8px; }
        a { color: var(--accent); text-decoration: none; }
        a:hover, a:focus { text-decoration: underline; }
        dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 10px; margin: 0; }
        dl.facts div { padding: 8px 12px; border: 1px solid var(--line); border-radius: 6px; background: var(--soft); }
        dl.facts dt { font-size: .75rem; letter-spacing: .04em; text-transform: uppercase; color: var(--muted); }
        dl.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
        nav.toc { margin: 28px 0; padding: 12px 18px; border-left: 3px solid var(--accent); background: var(--soft); }
        nav.toc h2 { font-size: 1rem; margin: 0 0 4px; padding: 0; border: 0; }
        nav.toc ol { margin: 0; padding-left: 1.3em; }
        nav.toc ol ol { padding-left: 1.1em; columns: 24em; column-gap: 2em; list-style: none; }
        nav.toc li { break-inside: avoid; }
        section { margin-top: 40px; }
        .table { margin: 0 0 28px; }
        .table-scroll { overflow-x: auto; }
        .table-note { max-width: 60rem; margin: 8px 0 0; font-size: .9rem; color: var(--muted); }
        table { border-collapse: collapse; font-size: .95rem; }
        .table h3 { font-size: 1rem; margin: 0 0 6px; }
        th, td { padding: 6px 14px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        thead th { background: var(--soft); border-bottom: 2px solid #8c959f; white-space: nowrap; }
        tbody tr:nth-child(even) { background: #fafbfc; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td { white-space: nowrap; }
        .figures { display: grid; grid-template-columns: minmax(0, 1fr); gap: 24px; }
        @media (min-width: 1500px) { .figures { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
        .figures figure { margin: 0; padding: 12px 14px; border: 1px solid var(--line); border-radius: 8px; }
        .figures figure:target { grid-column: 1 / -1; border-color: var(--accent); }
        .figure-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between;
          gap: 4px 14px; }
        .figure-links { font-size: .85rem; white-space: nowrap; }
        .figure-links a + a { margin-left: 12px; }
        img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
        figcaption { margin-top: 8px; font-size: .92rem; color: var(--muted); }
        details { padding: 8px 14px; border: 1px solid var(--line); border-radius: 6px; }
        summary { cursor: pointer; font-weight: 600; }
        pre { margin: 10px 0 4px; padding: 12px; overflow-x: auto; background: var(--soft); border-radius: 6px;
          font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; tab-size: 4; }
        .empty { color: var(--muted); font-style: italic; }
        footer { margin-top: 48px; font-size: .85rem; color: var(--muted); }
        @media print {
          nav.toc, .figure-links { display: none; }
          .figures { grid-template-columns: minmax(0, 1fr); }
          figure, .table { break-inside: avoid; }
        }
        """;

    private ReportRenderer() {
    }

    /**
     * Renders a report as an HTML5 document; encode it as UTF-8 when writing it.
     *
     * @param report the report
     * @return the complete HTML text
     */
    public static String html(Report report) {
        StringBuilder out = new StringBuilder(4096 + estimatedImageChars(report.figures()));
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<meta name=\"generator\" content=\"Kelvin\">\n")
            .append("<title>").append(Html.escape(report.title())).append("</title>\n")
            .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<div class=\"page\">\n");
        header(out, report);
        contents(out, report);
        out.append("<main>\n");
        tables(out, report.tables());
        figures(out, report.figures());
        config(out, report.config());
        if (report.tables().isEmpty() && report.figures().isEmpty() && !hasConfig(report.config())) {
            out.append("<p class=\"empty\">This report has no tables, figures or configuration.</p>\n");
        }
        out.append("</main>\n<footer>Generated by Kelvin.</footer>\n</div>\n</body>\n</html>\n");
        return out.toString();
    }

    private static int estimatedImageChars(List<Figure> figures) {
        long total = 0;
        for (Figure f : figures) {
            total += 4L * (f.pngBytes().length + 2) / 3 + 256;
        }
        return (int) Math.min(Integer.MAX_VALUE - 8192, total);
    }

    private static boolean hasConfig(String config) {
        return config != null && !config.isBlank();
    }

    private static void header(StringBuilder out, Report report) {
        out.append("<header>\n<h1>").append(Html.escape(report.title())).append("</h1>\n");
        if (!report.facts().isEmpty()) {
            out.append("<dl class=\"facts\">\n");
            for (Report.Fact fact : report.facts()) {
                out.append("<div><dt>").append(Html.escape(fact.key())).append("</dt><dd>");
                if (fact.href() != null) {
                    out.append("<a href=\"").append(Html.escape(fact.href())).append("\">")
                        .append(Html.escape(fact.value())).append("</a>");
                } else {
                    out.append(Html.escape(fact.value()));
                }
                out.append("</dd></div>\n");
            }
            out.append("</dl>\n");
        }
        out.append("</header>\n");
    }

    private static void contents(StringBuilder out, Report report) {
        boolean config = hasConfig(report.config());
        if (report.tables().isEmpty() && report.figures().isEmpty() && !config) {
            return;
        }
        out.append("<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n");
        if (!report.tables().isEmpty()) {
            out.append("<li><a href=\"#tables\">Tables</a>\n<ol>\n");
            for (int i = 0; i < report.tables().size(); i++) {
                out.append("<li><a href=\"#table-").append(i + 1).append("\">Table ").append(i + 1).append(". ")
                    .append(Html.escape(report.tables().get(i).caption())).append("</a></li>\n");
            }
            out.append("</ol></li>\n");
        }
        if (!report.figures().isEmpty()) {
            out.append("<li><a href=\"#figures\">Figures</a>\n<ol>\n");
            for (int i = 0; i < report.figures().size(); i++) {
                out.append("<li><a href=\"#figure-").append(i + 1).append("\">Figure ").append(i + 1).append(". ")
                    .append(Html.escape(report.figures().get(i).title())).append("</a></li>\n");
            }
            out.append("</ol></li>\n");
        }
        if (config) {
            out.append("<li><a href=\"#configuration\">Configuration</a></li>\n");
        }
        out.append("</ol>\n</nav>\n");
    }

    private static void tables(StringBuilder out, List<Table> tables) {
        if (tables.isEmpty()) {
            return;
        }
        out.append("<section id=\"tables\">\n<h2>Tables</h2>\n");
        for (int i = 0; i < tables.size(); i++) {
            table(out, tables.get(i), i + 1);
        }
        out.append("</section>\n");
    }

    private static void table(StringBuilder out, Table table, int number) {
        int columns = table.columns().size();
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            numeric[c] = table.isNumericColumn(c);
        }
        // the caption sits outside the scroll box so a narrow screen scrolls the cells, not the caption
        out.append("<div class=\"table\" id=\"table-").append(number).append("\">\n<h3 id=\"table-").append(number)
            .append("-caption\">Table ").append(number).append(". ").append(Html.escape(table.caption()))
            .append("</h3>\n<div class=\"table-scroll\">\n<table aria-labelledby=\"table-").append(number)
            .append("-caption\">\n<thead><tr>");
        for (int c = 0; c < columns; c++) {
            out.append("<th scope=\"col\"").append(numeric[c] ? " class=\"num\"" : "").append('>')
                .append(Html.escape(table.columns().get(c))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            out.append("<tr>");
            for (int c = 0; c < columns; c++) {
                out.append(numeric[c] ? "<td class=\"num\">" : "<td>").append(Html.escape(row.get(c))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n</div>\n");
        if (table.note() != null) {
            out.append("<p class=\"table-note\">").append(Html.escape(table.note())).append("</p>\n");
        }
        out.append("</div>\n");
    }

    private static void figures(StringBuilder out, List<Figure> figures) {
        if (figures.isEmpty()) {
            return;
        }
        out.append("<section id=\"figures\">\n<h2>Figures</h2>\n<div class=\"figures\">\n");
        for (int i = 0; i < figures.size(); i++) {
            figure(out, figures.get(i), i + 1);
        }
        out.append("</div>\n</section>\n");
    }

    private static void figure(StringBuilder out, Figure figure, int number) {
        String id = "figure-" + number;
        String title = Html.escape(figure.title());
        out.append("<figure id=\"").append(id).append("\">\n<div class=\"figure-head\"><h3>Figure ").append(number)
            .append(". ").append(title).append("</h3><span class=\"figure-links\"><a href=\"#").append(id)
            .append("\">full width</a>");
        if (figure.svgLink() != null) {
            out.append("<a href=\"").append(Html.escape(figure.svgLink().replace(" ", "%20"))).append("\">SVG</a>");
        }
        out.append("</span></div>\n<img alt=\"").append(title).append("\" width=\"").append(figure.pixelWidth())
            .append("\" height=\"").append(figure.pixelHeight()).append("\" src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(figure.pngBytes())).append("\">\n");
        if (!figure.caption().isBlank()) {
            out.append("<figcaption>").append(Html.escape(figure.caption())).append("</figcaption>\n");
        }
        out.append("</figure>\n");
    }

    private static void config(StringBuilder out, String config) {
        if (!hasConfig(config)) {
            return;
        }
        out.append("<section id=\"configuration\">\n<h2>Configuration</h2>\n<details>\n")
            .append("<summary>Resolved configuration</summary>\n<pre><code>").append(Html.escape(config))
            .append("</code></pre>\n</details>\n</section>\n");
    }
}
