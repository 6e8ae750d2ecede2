package kelvin.experiments.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random mutations of the example configs (lines deleted, duplicated or swapped, tokens replaced by
 * hostile values, text cut short or spliced with odd characters) either load or fail with a
 * ConfigException: never any other exception, which would reach the user as a stack trace.
 */
class ConfigFuzzProperties {
    private static final List<String> EXAMPLES = load();
    private static final String[] TOKENS = {"-1", "0", "1e308", "-1e308", ".nan", ".inf", "-.inf", "\"\"", "[]", "{}",
        "x", "null", "~", "true", "- a", "{a: 1}", "[1, [2]]", "9999999999999999999999", "0x1F", "1_000", "é",
        "*a", "&a x", "!!binary aGk=", "!!float 1", "? a", "|", ">", "'", "\"", "#", ":", "0.1.2", "1e-400"};

    private static List<String> load() {
        try (Stream<Path> s = Files.list(Paths.get("examples"))) {
            List<String> texts = new ArrayList<>();
            for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                texts.add(Files.readString(p));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 400)
    void mutatedExamplesLoadOrFailWithAConfigException(
            @ForAll @IntRange(min = 0, max = 1000) int example,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> choices) {
        String text = EXAMPLES.get(example % EXAMPLES.size());
        for (int i = 0; i < choices.size(); i++) {
            text = mutate(text, choices.get(i), choices.get((i + 1) % choices.size()));
        }
        try {
            ExperimentLoader.bind(YamlTrees.parse("fuzz.yaml", text), Registry.builtIns());
        } catch (ConfigException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("empty message for:\n" + text);
            }
        } catch (RuntimeException e) {
            throw new AssertionError("not a clean config error for:\n" + text, e);
        }
    }

    private static String mutate(String text, int a, int b) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int n = lines.size();
        int line = a % n;
        switch (a % 7) {
            case 0:
                lines.remove(line);
                break;
            case 1:
                lines.add(line, lines.get(line));
                break;
            case 2:
                java.util.Collections.swap(lines, line, b % n);
                break;
            case 3: {
                String l = lines.get(line);
                String[] words = l.split("(?<=[ :,\\[\\]{}])|(?=[ :,\\[\\]{}])");
                if (words.length > 0) {
                    words[b % words.length] = TOKENS[b % TOKENS.length];
                    lines.set(line, String.join("", words));
                }
                break;
            }
            case 4:
                return text.substring(0, b % (text.length() + 1));
            case 5: {
                int at = b % (text.length() + 1);
                return text.substring(0, at) + TOKENS[a % TOKENS.length] + text.substring(at);
            }
            default:
                lines.set(line, " ".repeat(b % 5) + lines.get(line));
                break;
        }
        return String.join("\n", lines);
    }
}
