package kelvin.plots;

/** HTML text escaping, for element content and double-quoted attribute values alike. */
final class Html {

    private Html() {
    }

    /**
     * Escapes text so it shows verbatim and can never open a tag, entity or attribute.
     * Control characters that HTML forbids become U+FFFD, so the page stays valid whatever the
     * input.
     *
     * @param text any text
     * @return the escaped text
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\t', '\n', '\r' -> out.append(c);
                default -> out.append(c < 0x20 || c == 0x7F ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
