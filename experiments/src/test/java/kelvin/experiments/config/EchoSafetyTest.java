package kelvin.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A message repeats at most about 80 characters of what a config wrote, with its length, on one
 * line: a megabyte-long value, a key too long for YAML, or a file that was never a config is not
 * copied into the error whole.
 */
class EchoSafetyTest {

    private static final String REST = "runs: 10\nsteps: 100\nenv: {type: gaussian-bandit}\n"
            + "agents:\n  a: {type: action-value, policy: {type: greedy}}\n";
    /** Longer than any message about one value needs: location, path, 80 characters, what is allowed. */
    private static final int SHORT = 400;

    @TempDir
    Path tmp;

    private static ConfigException refused(String yaml) {
        return assertThrows(ConfigException.class,
                () -> ExperimentLoader.bind(YamlTrees.parse("c.yaml", yaml), Registry.builtIns()));
    }

    private static void assertShortOneLine(String message) {
        assertTrue(message.length() < SHORT,
                () -> message.length() + " characters: " + message.substring(0, Math.min(message.length(), SHORT)));
        assertEquals(1, message.lines().count(), message);
    }

    @Test
    void echoCutsLongValuesAndSaysTheirLength() {
        assertEquals("0.1", Echo.plain("0.1"));
        assertEquals("\"0.1\"", Echo.quoted("0.1"));
        String a = "a".repeat(1_000_000);
        assertEquals("\"" + "a".repeat(Echo.MAX_CHARS) + "...\" (1000000 characters)", Echo.quoted(a));
        assertEquals("a".repeat(Echo.MAX_CHARS) + "... (1000000 characters)", Echo.plain(a));
        assertEquals("\"one\\ntwo\\tthree\\u0007\"", Echo.quoted("one\ntwo\tthree\u0007"));
        assertEquals("agents." + "b".repeat(Echo.MAX_CHARS) + "... (500 characters).alpha",
                Echo.path("agents." + "b".repeat(500) + ".alpha"));
    }

    @Test
    void aComponentsOwnMessageIsCutToo() {
        ConfigException e = refused("name: t\nruns: 10\nepisodes: 10\nenv: {type: gridworld, map: " + "m".repeat(50_000)
                + "}\nagents:\n  q: {type: q-learning, policy: {type: greedy}}\n");
        assertShortOneLine(e.getMessage());
        assertEquals("env.map", e.path());
        assertTrue(e.problem().startsWith("unknown map 'mmm"), e.problem());
        assertTrue(e.problem().contains("m... (50003 characters) known: [open-10x10"), e.problem());
    }

    @Test
    void aMegabyteNameIsNotEchoedWhole() {
        ConfigException e = refused("name: " + "x/".repeat(500_000) + "\n" + REST);
        assertShortOneLine(e.getMessage());
        assertEquals("name", e.path());
        assertTrue(e.problem().startsWith("\"x/x/"), e.problem());
        assertTrue(e.problem().contains("...\" (1000000 characters) is not allowed; expected a folder name"),
                e.problem());
    }

    @Test
    void aKeyLongerThanYamlReadsIsNamedTooLong() {
        String name = "k".repeat(500_000);
        ConfigException e = refused("name: t\n" + REST + "  " + name + ": {type: action-value, policy: {type: greedy}}\n");
        assertShortOneLine(e.getMessage());
        assertEquals("c.yaml:7:3: the key \"" + "k".repeat(80) + "...\" (500000 characters) is too long; YAML reads "
                + "keys of at most 1024 characters (and agent names are at most 60)", e.getMessage());
    }

    @Test
    void aLongJsonKeyIsNamedTooLongToo() {
        String json = "{\"name\": \"t\", \"" + "j".repeat(2000) + "\": 1}";
        ConfigException e = refused(json);
        assertTrue(e.getMessage().startsWith("c.yaml:1:16: the key \"jjj"), e.getMessage());
        assertTrue(e.getMessage().contains("(2000 characters) is too long"), e.getMessage());
    }

    @Test
    void aLongValueHoldingAColonIsNotCalledAKey() {
        ConfigException e = refused("name: " + "v".repeat(2000) + ": x\n" + REST);
        assertShortOneLine(e.getMessage());
        assertEquals("c.yaml:1:2007: not valid YAML: mapping values are not allowed here", e.getMessage());
    }

    @Test
    void aLongKeyYamlReadsIsCutInThePath() {
        String name = "n".repeat(1000);
        ConfigException e = refused("name: t\n" + REST + "  " + name + ": {type: action-value, policy: {type: greedy}}\n");
        assertShortOneLine(e.getMessage());
        assertEquals("agents." + "n".repeat(80) + "... (1000 characters)", Echo.path(e.path()));
        assertTrue(e.getMessage().contains("agent names are 1 to 60 characters"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"type", "alpha", "policy"})
    void longValuesOfEveryKindAreCut(String key) {
        String value = "\"" + "v".repeat(100_000) + "\"";
        String agent = switch (key) {
            case "type" -> "{type: " + value + "}";
            case "alpha" -> "{type: action-value, policy: {type: greedy}, alpha: " + value + "}";
            default -> "{type: action-value, policy: {type: " + value + "}}";
        };
        ConfigException e = refused("name: t\nruns: 10\nsteps: 100\nenv: {type: gaussian-bandit}\nagents:\n  a: "
                + agent + "\n");
        assertShortOneLine(e.getMessage());
        assertTrue(e.getMessage().contains("(100000 characters)"), e.getMessage());
    }

    @Test
    void aStringWithLineBreaksStaysOnOneLine() {
        ConfigException e = refused("name: t\nruns: \"ten\\nor\\neleven\"\n" + REST.substring(REST.indexOf("steps")));
        assertEquals("expected a whole number from 1 to 10000000, found the string \"ten\\nor\\neleven\"", e.problem());
        assertEquals(1, e.getMessage().lines().count());
    }

    /** Shapes of files a config path may point to by mistake: a password table, a hosts file, a script. */
    @ParameterizedTest
    @ValueSource(strings = {"passwd", "hosts", "script", "binary"})
    void aSymlinkToAFileThatIsNoConfigNeverEchoesItsContent(String shape) throws IOException {
        String content = switch (shape) {
            case "passwd" -> "root:x:0:0:root:/root:/bin/bash\n".repeat(45);
            case "hosts" -> "127.0.0.1\tlocalhost\n::1\tip6-localhost ip6-loopback\n".repeat(30);
            case "script" -> "#!/bin/sh\nset -e\nexec java -jar app.jar \"$@\" # secret-token-1234567890\n".repeat(20);
            default -> new String(new byte[] {0, 1, 2, (byte) 0xff, 'a', ':', ' ', 'b'}, StandardCharsets.ISO_8859_1)
                    .repeat(200);
        };
        Path target = tmp.resolve(shape);
        Files.writeString(target, content);
        Path link = Files.createSymbolicLink(tmp.resolve(shape + ".yaml"), target);
        ConfigException e = assertThrows(ConfigException.class,
                () -> ExperimentLoader.load(link, List.of(), Registry.builtIns()));
        String message = e.getMessage().replace(link.toString(), "");
        assertShortOneLine(message);
        for (String line : content.split("\n")) {
            assertFalse(line.length() > Echo.MAX_CHARS && message.contains(line), "echoes a whole line: " + message);
        }
        assertFalse(message.contains(content.substring(0, Math.min(content.length(), 2 * Echo.MAX_CHARS))), message);
    }

    @Test
    void aLongSetValueIsCut() throws IOException {
        Path file = tmp.resolve("c.yaml");
        Files.writeString(file, "name: t\n" + REST);
        ConfigException e = assertThrows(ConfigException.class, () -> ExperimentLoader.load(file,
                List.of("name=" + "z".repeat(200_000)), Registry.builtIns()));
        assertShortOneLine(e.getMessage());
        assertTrue(e.getMessage().contains("(200000 characters) is not allowed"), e.getMessage());
    }
}
