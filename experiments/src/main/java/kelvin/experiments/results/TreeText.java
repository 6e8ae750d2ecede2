package kelvin.experiments.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

/**
 * Plain trees (maps, collections, primitive arrays, strings, numbers, booleans, null) as the YAML
 * of config.yaml and the indented JSON of manifest.json and the cell hashes, through Jackson's
 * streaming generators. The bytes are those {@link Mappers#YAML} and {@link Mappers#JSON} give for
 * the same tree (a test checks it); what this saves is jackson-databind: building an ObjectMapper
 * and its serializers costs about 50 ms of a {@code kelvin run}, which writes nothing else.
 */
public final class TreeText {
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();
    private static final JsonFactory JSON = new JsonFactory();

    private TreeText() {
    }

    /**
     * The tree as block-style YAML, quotes only where a plain scalar would read back differently.
     *
     * @param tree maps, lists, strings, numbers, booleans and nulls
     * @return the YAML text
     */
    public static String yaml(Object tree) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = YAML.createGenerator(out)) {
            write(g, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The tree as JSON indented by Jackson's default pretty printer.
     *
     * @param tree maps, lists, strings, numbers, booleans and nulls
     * @return the JSON text
     */
    public static String json(Object tree) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            write(g, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof Integer i) {
            g.writeNumber(i);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof Double d) {
            g.writeNumber(d);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof int[] ints) {
            g.writeStartArray();
            for (int i : ints) {
                g.writeNumber(i);
            }
            g.writeEndArray();
        } else if (value instanceof long[] longs) {
            g.writeStartArray();
            for (long l : longs) {
                g.writeNumber(l);
            }
            g.writeEndArray();
        } else if (value instanceof double[] doubles) {
            g.writeStartArray();
            for (double d : doubles) {
                g.writeNumber(d);
            }
            g.writeEndArray();
        } else {
            // A new kind of value in a resolved config: add it here, and to TreeTextTest.
            throw new IllegalArgumentException("no plain-tree form for " + value.getClass().getName());
        }
    }
}
