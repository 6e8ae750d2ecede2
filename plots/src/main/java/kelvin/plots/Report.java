package kelvin.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The content of an HTML report, as plain data; {@link ReportRenderer#html(Report)} lays it out.
 *
 * <p>Sections appear in a fixed order: the title and header facts, a table of contents, the
 * tables (the short answer: summary and ranking), the figures, and the configuration. Within each
 * section items keep the order given. Empty sections are left out.
 *
 * @param title page title, e.g. the experiment name
 * @param facts header facts such as seed, runs, version, wall time and machine, in order
 * @param config the resolved configuration text, shown verbatim in a collapsed block; null or
 *     empty for none
 * @param figures figures, in order
 * @param tables tables, in order
 */
public record Report(String title, List<Fact> facts, String config, List<Figure> figures, List<Table> tables) {

    /**
     * One header fact, optionally a link to a file beside the report.
     *
     * @param key what it is, e.g. {@code "seed"}
     * @param value its value, already formatted, e.g. {@code "2026"}
     * @param href a relative path the value links to (e.g. {@code envs/testbed/report.html}), or null
     */
    public record Fact(String key, String value, String href) {

        /**
         * A header fact; a link must be a relative path of plain characters, so a report never
         * links out of its folder's tree or to a script.
         *
         * @param key what it is, e.g. {@code "seed"}
         * @param value its value, already formatted, e.g. {@code "2026"}
         * @param href a relative path, or null
         * @throws NullPointerException if key or value is null
         * @throws IllegalArgumentException if href is not a relative path of A-Z a-z 0-9 . _ + - /
         */
        public Fact {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (href != null && (!href.matches("[A-Za-z0-9._+/-]+") || href.startsWith("/") || href.contains(".."))) {
                throw new IllegalArgumentException("not a relative link: " + href);
            }
        }

        /**
         * A header fact without a link.
         *
         * @param key what it is
         * @param value its formatted value
         */
        public Fact(String key, String value) {
            this(key, value, null);
        }
    }

    /**
     * A report, with the lists copied.
     *
     * @param title page title, e.g. the experiment name
     * @param facts header facts, in order (copied)
     * @param config the resolved configuration text, shown verbatim in a collapsed block; null or
     *     empty for none
     * @param figures figures, in order (copied)
     * @param tables tables, in order (copied)
     * @throws NullPointerException if the title, a list or an element is null
     */
    public Report {
        Objects.requireNonNull(title, "title");
        facts = List.copyOf(facts);
        figures = List.copyOf(figures);
        tables = List.copyOf(tables);
    }

    /**
     * Starts a report.
     *
     * @param title page title
     * @return a builder
     */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** Collects the parts of a {@link Report}; not thread-safe. */
    public static final class Builder {

        private final String title;
        private final List<Fact> facts = new ArrayList<>();
        private final List<Figure> figures = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();
        private String config;

        private Builder(String title) {
            this.title = Objects.requireNonNull(title, "title");
        }

        /**
         * Adds a header fact.
         *
         * @param key what it is
         * @param value its formatted value
         * @return this builder
         */
        public Builder fact(String key, String value) {
            facts.add(new Fact(key, value));
            return this;
        }

        /**
         * Adds a header fact that links to a file beside the report.
         *
         * @param key what it is
         * @param value its formatted value, the link's text
         * @param href the relative path it links to
         * @return this builder
         */
        public Builder link(String key, String value, String href) {
            facts.add(new Fact(key, value, Objects.requireNonNull(href, "href")));
            return this;
        }

        /**
         * Sets the resolved configuration text.
         *
         * @param text the text, shown verbatim
         * @return this builder
         */
        public Builder config(String text) {
            this.config = text;
            return this;
        }

        /**
         * Adds a figure.
         *
         * @param figure the figure
         * @return this builder
         */
        public Builder figure(Figure figure) {
            figures.add(Objects.requireNonNull(figure, "figure"));
            return this;
        }

        /**
         * Adds a table.
         *
         * @param table the table
         * @return this builder
         */
        public Builder table(Table table) {
            tables.add(Objects.requireNonNull(table, "table"));
            return this;
        }

        /**
         * Builds the report.
         *
         * @return the report
         */
        public Report build() {
            return new Report(title, facts, config, figures, tables);
        }
    }
}
