package kelvin.plots;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A figure of a {@link Report}: a PNG image (embedded in the page, so the report is one
 * self-contained file), its title and caption, and optionally a relative link to a vector (SVG)
 * version of the same chart.
 *
 * @param title heading shown above the image and used as its alternative text
 * @param caption sentence(s) below the image saying what is shown (may be empty)
 * @param png PNG bytes, e.g. from {@link ChartRenderer#png(LineChart)}
 * @param svgLink relative URL of the SVG version (e.g. {@code "plots/regret.svg"}), or null
 */
public record Figure(String title, String caption, byte[] png, String svgLink) {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** A URL scheme such as {@code https:} or {@code javascript:}. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    /**
     * A figure, with the image checked to be a PNG and copied.
     *
     * @param title heading shown above the image and used as its alternative text
     * @param caption sentence(s) below the image saying what is shown (may be empty)
     * @param png PNG bytes (copied), at least the 8-byte signature and the IHDR header
     * @param svgLink relative URL of the SVG version, or null for none
     * @throws NullPointerException if title, caption or png is null
     * @throws IllegalArgumentException if {@code png} is not a PNG image, or {@code svgLink} is
     *     blank or absolute (has a scheme or starts with {@code /}): the report must open offline,
     *     next to its files, wherever the results folder is moved
     */
    public Figure {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(png, "png");
        if (png.length < 24 || !Arrays.equals(png, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
            throw new IllegalArgumentException("figure '" + title + "': png is not a PNG image (" + png.length
                + " bytes)");
        }
        if (svgLink != null && (svgLink.isBlank() || svgLink.startsWith("/") || SCHEME.matcher(svgLink).find())) {
            throw new IllegalArgumentException("figure '" + title + "': svgLink must be a relative path: " + svgLink);
        }
        png = png.clone();
    }

    /**
     * A figure without an SVG link.
     *
     * @param title heading and alternative text
     * @param caption text below the image
     * @param png PNG bytes
     * @return the figure
     */
    public static Figure of(String title, String caption, byte[] png) {
        return new Figure(title, caption, png, null);
    }

    /**
     * This figure with a link to its SVG version.
     *
     * @param link relative URL, e.g. {@code "plots/regret.svg"}
     * @return a copy with the link
     */
    public Figure withSvgLink(String link) {
        return new Figure(title, caption, png, Objects.requireNonNull(link, "link"));
    }

    /**
     * The PNG image embedded in the report.
     *
     * @return a copy of the PNG bytes
     */
    @Override
    public byte[] png() {
        return png.clone();
    }

    /** Width in pixels from the PNG header (IHDR), read without decoding the image. */
    int pixelWidth() {
        return readInt(16);
    }

    /** Height in pixels from the PNG header (IHDR). */
    int pixelHeight() {
        return readInt(20);
    }

    private int readInt(int offset) {
        return ((png[offset] & 0xFF) << 24) | ((png[offset + 1] & 0xFF) << 16) | ((png[offset + 2] & 0xFF) << 8)
            | (png[offset + 3] & 0xFF);
    }

    /** The image bytes without copying, for the renderer. */
    byte[] pngBytes() {
        return png;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Figure f && title.equals(f.title) && caption.equals(f.caption)
            && Arrays.equals(png, f.png) && Objects.equals(svgLink, f.svgLink);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(title, caption, svgLink) + Arrays.hashCode(png);
    }

    @Override
    public String toString() {
        return "Figure[title=" + title + ", png=" + png.length + " bytes, svgLink=" + svgLink + "]";
    }
}
