package kelvin.experiments.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * The object mappers of the commands that read JSON or print records ({@code kelvin plot},
 * {@code schema}, {@code bench --json} and the like), in a class of their own so that
 * {@code kelvin run}, which only writes plain trees ({@link TreeText}), never builds one.
 */
public final class Mappers {
    /** YAML as config.yaml is written. */
    public static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());
    /** Indented JSON as manifest.json is written. */
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Mappers() {
    }
}
