package kelvin.experiments.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kelvin.experiments.config.ConfigNode.ListNode;
import kelvin.experiments.config.ConfigNode.MapNode;
import kelvin.experiments.config.ConfigNode.ScalarNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Reads YAML (and therefore JSON) into {@link ConfigNode} trees with the location of every key and
 * value. Duplicate keys are errors, not silent overwrites, and hostile documents (alias bombs, deep
 * nesting, huge files) are refused before they cost memory.
 */
public final class YamlTrees {

    /** Largest config file read, in bytes; real configs are a few kilobytes. */
    public static final long MAX_BYTES = 1 << 20;
    private static final int MAX_DEPTH = 64;
    private static final int MAX_ALIASES = 50;

    /** The longest key YAML reads (SnakeYAML's fixed limit on a key written without {@code ?}). */
    static final int MAX_KEY_CHARS = 1024;

    private static final YAMLFactory FACTORY = new StyledFactory(YAMLFactory.builder()
            .loaderOptions(loaderOptions()));

    private YamlTrees() {
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit((int) MAX_BYTES);
        options.setAllowDuplicateKeys(true); // reported by us, with both locations
        return options;
    }

    /**
     * Reads and parses a config file.
     *
     * @param file a YAML or JSON file
     * @return the document, every node with its location
     * @throws ConfigException when the file cannot be read or is not valid YAML
     */
    public static ConfigNode read(Path file) {
        String source = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new ConfigException(Location.of(source), "", "is a directory, not a config file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ConfigException(Location.of(source), "",
                        "file is " + size + " bytes; configs are limited to " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(Location.of(source), "", "no such file");
        } catch (IOException e) {
            throw new ConfigException(Location.of(source), "", "cannot be read: " + e.getMessage());
        }
        return parse(source, new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * Parses config text.
     *
     * @param source names the text in messages (a file name, {@code --set})
     * @param text YAML or JSON
     * @return the document, every node with its location
     * @throws ConfigException when the text is not valid YAML
     */
    public static ConfigNode parse(String source, String text) {
        if (text.isBlank()) {
            throw new ConfigException(new Location(source, 1, 1), "",
                    "the file is empty; a config is a mapping with at least name, runs, env and agents");
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ConfigException(new Location(source, 1, 1), "",
                        "the file is empty (nothing but comments); a config is a mapping with at least name, runs, "
                                + "env and agents");
            }
            ConfigNode root = readValue(parser, source, 0, "");
            if (parser.nextToken() != null) {
                throw new ConfigException(location(source, parser.currentTokenLocation()), "",
                        "more than one document; a config is a single mapping");
            }
            return root;
        } catch (JsonProcessingException e) {
            ConfigException longKey = longKey(text, problemLocation(source, e));
            if (longKey != null) {
                throw longKey;
            }
            throw new ConfigException(location(source, e.getLocation()), "",
                    "not valid YAML: " + Echo.plain(firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new ConfigException(Location.of(source), "", "cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof ConfigException) {
                throw e;
            }
            // SnakeYAML reports its own limits (aliases, depth, size) as unchecked exceptions.
            throw new ConfigException(Location.of(source), "", "refused: " + Echo.plain(firstLine(e.getMessage())));
        }
    }

    /**
     * Where YAML found the problem: SnakeYAML's problem mark when it gives one. Messages name
     * Jackson's location, the start of what could not be read, but a key too long is found where
     * YAML gave up on it.
     */
    private static Location problemLocation(String source, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            return new Location(source, mark.getLine() + 1, mark.getColumn() + 1);
        }
        return location(source, e.getLocation());
    }

    /**
     * The error to give instead of YAML's when the text before the error ends in a key longer than
     * YAML reads ({@link #MAX_KEY_CHARS}): YAML then says "mapping values are not allowed here" or
     * "could not find expected ':'", which name neither the key nor the limit. Null when the error
     * has another cause.
     */
    private static ConfigException longKey(String text, Location at) {
        if (at.line() <= 0 || at.column() <= MAX_KEY_CHARS) {
            return null;
        }
        String line = text.lines().skip(at.line() - 1L).findFirst().orElse("");
        int end = Math.min(line.length(), at.column() - 1);
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        int start;
        if (end > 1 && (line.charAt(end - 1) == '"' || line.charAt(end - 1) == '\'')) {
            start = line.lastIndexOf(line.charAt(end - 1), end - 2) + 1;
            end--;
        } else {
            start = Math.max(line.lastIndexOf('{', end - 1), line.lastIndexOf(',', end - 1)) + 1;
            while (start < end && (Character.isWhitespace(line.charAt(start)) || line.charAt(start) == '-'
                    || line.charAt(start) == '?')) {
                start++;
            }
        }
        if (end - start <= MAX_KEY_CHARS || line.substring(start, end).contains(": ")) {
            return null; // short, or a value holding ': ', which YAML refuses for that reason
        }
        return new ConfigException(new Location(at.source(), at.line(), start + 1), "", "the key "
                + Echo.quoted(line.substring(start, end)) + " is too long; YAML reads keys of at most "
                + MAX_KEY_CHARS + " characters (and agent names are at most 60)");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown parse error";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }

    private static Location location(String source, JsonLocation loc) {
        if (loc == null || loc.getLineNr() <= 0) {
            return Location.of(source);
        }
        return new Location(source, loc.getLineNr(), Math.max(1, loc.getColumnNr()));
    }

    private static ConfigNode readValue(JsonParser parser, String source, int depth, String path) throws IOException {
        JsonToken token = parser.currentToken();
        Location here = location(source, parser.currentTokenLocation());
        if (parser instanceof YAMLParser && ((YAMLParser) parser).isCurrentAlias()) {
            // Jackson hands an alias over as its anchor's name, which would silently become a string.
            throw new ConfigException(here, path, "YAML aliases (*name) are not supported; write the value out");
        }
        if (depth > MAX_DEPTH) {
            throw new ConfigException(here, path, "nested more than " + MAX_DEPTH + " levels deep");
        }
        switch (token) {
            case START_OBJECT:
                return readMap(parser, source, depth, here, path);
            case START_ARRAY: {
                List<ConfigNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, source, depth + 1, path + "[" + items.size() + "]"));
                }
                return new ListNode(here, items);
            }
            case VALUE_NUMBER_INT:
                return new ScalarNode(here, ScalarNode.Kind.INTEGER, decimal(parser));
            case VALUE_NUMBER_FLOAT:
                return new ScalarNode(here, ScalarNode.Kind.FLOAT, parser.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                // YAML 1.1 also reads yes/no/on/off as booleans; keep the value YAML gave, not the spelling.
                return new ScalarNode(here, ScalarNode.Kind.BOOLEAN, Boolean.toString(token == JsonToken.VALUE_TRUE));
            case VALUE_NULL:
                return new ScalarNode(here, ScalarNode.Kind.NULL, "null");
            default:
                return new ScalarNode(here, ScalarNode.Kind.STRING, parser.getText(),
                        !(parser instanceof StyledParser styled) || styled.plainScalar());
        }
    }

    /**
     * A YAML integer's text in decimal: 0x1f, 0b101 and 0o17 as the number they stand for; decimal
     * text as written (1_000 and +5 included), so messages repeat what the config says.
     */
    private static String decimal(JsonParser parser) throws IOException {
        String text = parser.getText();
        if (text.replace("_", "").matches("[-+]?[0-9]+")) {
            return text;
        }
        return parser.getBigIntegerValue().toString();
    }

    private static MapNode readMap(JsonParser parser, String source, int depth, Location here, String path)
            throws IOException {
        Map<String, ConfigNode.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() != JsonToken.END_OBJECT) {
            String key = parser.currentName();
            Location keyLocation = location(source, parser.currentTokenLocation());
            parser.nextToken();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            ConfigNode value = readValue(parser, source, depth + 1, keyPath);
            ConfigNode.Entry previous = entries.get(key);
            if (previous != null) {
                throw new ConfigException(keyLocation, keyPath, "duplicate key (first written at line "
                        + previous.keyLocation().line() + "); write each key once");
            }
            entries.put(key, new ConfigNode.Entry(keyLocation, value));
        }
        return new MapNode(here, entries);
    }

    /** Creates {@link StyledParser}s, with the factory's settings. */
    private static final class StyledFactory extends YAMLFactory {
        private static final long serialVersionUID = 1L;

        StyledFactory(YAMLFactoryBuilder builder) {
            super(builder);
        }

        @Override
        protected YAMLParser _createParser(Reader reader, IOContext context) {
            return new StyledParser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec,
                    reader);
        }

        @Override
        protected YAMLParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable) {
            return _createParser(new CharArrayReader(data, offset, length), context);
        }
    }

    /**
     * A YAML parser that also tells how the current scalar was written: Jackson hands over a quoted
     * {@code "0.1"} and a plain {@code inf} alike as strings, and Kelvin must take the second as a
     * number and refuse the first.
     */
    private static final class StyledParser extends YAMLParser {
        StyledParser(IOContext context, int features, int yamlFeatures, LoaderOptions options, ObjectCodec codec,
                     Reader reader) {
            super(context, features, yamlFeatures, options, codec, reader);
        }

        /** Whether the current scalar was written plain: no quotes, no tag, no block style. */
        boolean plainScalar() {
            Event event = _lastEvent; // getEvent() would read the next event
            return event instanceof ScalarEvent scalar && scalar.isPlain()
                    && scalar.getImplicit().canOmitTagInPlainScalar();
        }
    }
}
