package kelvin.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class StreamsTest {

    private static long[] draw(UniformRandomProvider rng) {
        long[] out = new long[8];
        for (int i = 0; i < out.length; i++) {
            out[i] = rng.nextLong();
        }
        return out;
    }

    @Test
    void sameCoordinatesGiveTheSameStream() {
        assertEquals(java.util.Arrays.toString(draw(Streams.environment(1, 5))),
                java.util.Arrays.toString(draw(Streams.environment(1, 5))));
        assertEquals(java.util.Arrays.toString(draw(Streams.agent(1, "a", 5))),
                java.util.Arrays.toString(draw(Streams.agent(1, "a", 5))));
    }

    @Test
    void anyDifferentCoordinateGivesADifferentStream() {
        String base = java.util.Arrays.toString(draw(Streams.agent(1, "a", 5)));
        assertNotEquals(base, java.util.Arrays.toString(draw(Streams.agent(2, "a", 5))));
        assertNotEquals(base, java.util.Arrays.toString(draw(Streams.agent(1, "b", 5))));
        assertNotEquals(base, java.util.Arrays.toString(draw(Streams.agent(1, "a", 6))));
        assertNotEquals(java.util.Arrays.toString(draw(Streams.environment(1, 5))),
                java.util.Arrays.toString(draw(Streams.environment(1, 6))));
    }

    @Test
    void fnv1aMatchesThePublishedTestVector() {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (Fowler, Noll & Vo reference test suite).
        assertEquals(0xaf63dc4c8601ec8cL, Streams.labelHash("a"));
        assertEquals(0xcbf29ce484222325L, Streams.labelHash(""));
    }
}
