package kelvin.experiments.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a config writes for a value (any characters, any length up to 20,000, quoted, as a key
 * or in a sweep list), a message about it is one line of at most a few hundred characters, and a
 * value is repeated, if at all, cut to {@link Echo#MAX_CHARS} characters.
 */
class EchoProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHORT = 400;
    private static final String[] PLACES = {
        "name: %s\nruns: 10\nsteps: 100\nenv: {type: gaussian-bandit}\nagents:\n  a: {type: ucb1}\n",
        "name: t\nruns: %s\nsteps: 100\nenv: {type: gaussian-bandit}\nagents:\n  a: {type: ucb1}\n",
        "name: t\nruns: 10\nsteps: 100\nenv: {type: gaussian-bandit}\nagents:\n  a: {type: ucb1, c: %s}\n",
        "name: t\nruns: 10\nsteps: 100\nenv: {type: %s}\nagents:\n  a: {type: ucb1}\n",
        "name: t\nruns: 10\nsteps: 100\nenv: {type: gaussian-bandit}\nagents:\n  %s: {type: ucb1}\n",
        "name: t\nruns: 10\nsteps: 100\nenv: {type: gaussian-bandit}\nagents:\n  a: {type: ucb1}\nsweep: {c: [%s]}\n",
        "name: t\nruns: 10\nsteps: 100\nenv: {type: gaussian-bandit}\nagents:\n  a: {type: ucb1, %s: 1}\n",
    };

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> long1 = Arbitraries.strings().withChars("ab:/ \n\t\"'").ofMinLength(1000).ofMaxLength(20_000);
        Arbitrary<String> word = Arbitraries.strings().alpha().ofMinLength(81).ofMaxLength(5000);
        return Arbitraries.oneOf(any, long1, word);
    }

    @Property(tries = 300)
    void aMessageIsOneShortLine(@ForAll("values") String value, @ForAll int place) throws JsonProcessingException {
        String yaml = String.format(PLACES[Math.floorMod(place, PLACES.length)], JSON.writeValueAsString(value));
        try {
            ExperimentLoader.bind(YamlTrees.parse("p.yaml", yaml), Registry.builtIns());
        } catch (ConfigException e) {
            String m = e.getMessage();
            if (m.length() > SHORT || m.lines().count() != 1) {
                throw new AssertionError(m.length() + " characters, " + m.lines().count() + " lines: "
                        + m.substring(0, Math.min(m.length(), SHORT)));
            }
            if (value.length() > 2 * Echo.MAX_CHARS && m.contains(value)) {
                throw new AssertionError("repeats the whole value: " + m.substring(0, SHORT));
            }
        }
    }
}
