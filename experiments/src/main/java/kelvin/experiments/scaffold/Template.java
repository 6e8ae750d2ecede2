package kelvin.experiments.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text resource under {@code kelvin/new/} with {@code {{KEY}}} placeholders, the form every file
 * {@code kelvin new} writes starts from.
 */
final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z]+)}}");

    private final String resource;
    private final String text;

    private Template(String resource, String text) {
        this.resource = resource;
        this.text = text;
    }

    /**
     * Reads a template.
     *
     * @param name the file name under {@code kelvin/new/}, e.g. {@code schedule.java.txt}
     * @return the template
     * @throws IllegalStateException when Kelvin's jar lacks it
     */
    static Template load(String name) {
        String resource = "kelvin/new/" + name;
        try (InputStream in = Template.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Kelvin's template " + resource + " is missing from its jar");
            }
            return new Template(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Kelvin's template " + resource, e);
        }
    }

    /**
     * The template's raw text, placeholders included.
     *
     * @return the text
     */
    String text() {
        return text;
    }

    /**
     * The text with every placeholder replaced.
     *
     * @param values the text of each placeholder, by its name without braces
     * @return the filled-in text
     * @throws IllegalStateException when the template holds a placeholder without a value
     */
    String fill(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("Kelvin's template " + resource + " has no value for " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
