package kelvin.plots;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finishes the SVG text that XChart's encoder writes.
 *
 * <ul>
 *   <li>XChart draws every glyph as an outline, so the document holds no searchable text; a
 *       {@code <title>} and {@code <desc>} give screen readers, search and tests the chart's
 *       title, axis labels and series labels.
 *   <li>Coordinates are written with up to 17 significant digits; two decimals (a hundredth of a
 *       pixel) look identical and make the file about half as large.
 *   <li>The SVG 1.1 DOCTYPE points at a DTD on the web, which a naive XML parser would try to
 *       download; SVG needs no DOCTYPE, so it is removed.
 *   <li>Clip-path ids are derived from object hash codes and change from run to run; numbering them
 *       in order of appearance makes the same chart give the same bytes.
 * </ul>
 */
final class SvgText {

    private static final Pattern LONG_DECIMAL = Pattern.compile("(\\d\\.\\d{2})\\d+");
    private static final Pattern CLIP_ID = Pattern.compile("\\bclip(-?\\d+)\\b");
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>]*>\\s*");
    private static final Pattern SVG_START = Pattern.compile("<svg\\b[^>]*>");

    private SvgText() {
    }

    /**
     * Applies the finishing steps.
     *
     * @param svg the encoder's output (UTF-8)
     * @param title the document title
     * @param description a one-paragraph description
     * @return the finished document (UTF-8)
     */
    static byte[] finish(byte[] svg, String title, String description) {
        String text = new String(svg, StandardCharsets.UTF_8);
        text = DOCTYPE.matcher(text).replaceFirst("");
        text = LONG_DECIMAL.matcher(text).replaceAll("$1");
        text = renumberClipIds(text);
        Matcher start = SVG_START.matcher(text);
        if (start.find()) {
            String meta = "\n  <title>" + Html.escape(title) + "</title>\n  <desc>" + Html.escape(description)
                + "</desc>";
            text = text.substring(0, start.end()) + meta + text.substring(start.end());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String renumberClipIds(String text) {
        Map<String, String> ids = new LinkedHashMap<>();
        Matcher m = CLIP_ID.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String id = ids.computeIfAbsent(m.group(1), k -> Integer.toString(ids.size() + 1));
            m.appendReplacement(out, "clip" + id);
        }
        m.appendTail(out);
        return out.toString();
    }
}
