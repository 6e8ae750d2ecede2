package kelvin.agents.testing;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The generators of the agents' tests.
 *
 * <p>When to use which: statistical checks use {@link #seeded(long)} or {@link #stream(long, int,
 * int)} with a named seed constant, so a failure is reproducible and a pass is not re-rolled; edge
 * cases use {@link #replaying(double...)}, which forces the exact uniforms the code under test
 * sees (ties, the round-off fallback, the numpy peer's golden traces). No test uses an unseeded
 * generator.
 */
public final class TestRngs {

    private TestRngs() {
    }

    /** A seeded XoRoShiRo128++ generator. */
    public static UniformRandomProvider seeded(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /**
     * An independent stream for (seed, run, kind), e.g. kind 0 = environment and 1 = agent: the
     * three numbers are mixed into one 64-bit seed by two rounds of the SplitMix64 finaliser, so
     * neighbouring runs get unrelated seeds.
     */
    public static UniformRandomProvider stream(long seed, int run, int kind) {
        long s = mix(mix(seed ^ 0x9E3779B97F4A7C15L * (run + 1L)) + kind);
        return seeded(s);
    }

    /** The SplitMix64 finaliser (Steele, Lea and Flood 2014, "Fast splittable pseudorandom number generators"). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The long that makes Commons RNG's default {@code nextDouble()} = (nextLong() &gt;&gt;&gt; 11) *
     * 2^-53 return exactly {@code u}, for any u = j * 2^-53 with integer j in [0, 2^53) (numpy's
     * {@code random()} produces exactly such values).
     *
     * @throws IllegalArgumentException if u is not of that form, so a replay can never be inexact
     */
    public static long longForUniform(double u) {
        double scaled = u * 0x1.0p53; // exact: multiplying by a power of two
        long j = (long) scaled;
        if (!(u >= 0 && u < 1) || j != scaled) {
            throw new IllegalArgumentException("u is not a multiple of 2^-53 in [0, 1): " + u);
        }
        long bits = j << 11;
        if ((bits >>> 11) * 0x1.0p-53 != u) {
            throw new AssertionError("replay of " + u + " is not exact");
        }
        return bits;
    }

    /**
     * A generator whose {@code nextDouble()} returns exactly {@code u[0], u[1], ...}; asking for more
     * than given is an error. {@link Replay#draws()} tells how many values were taken.
     */
    public static Replay replaying(double... u) {
        long[] longs = new long[u.length];
        for (int i = 0; i < u.length; i++) {
            longs[i] = longForUniform(u[i]);
        }
        return new Replay(longs);
    }

    /** A scripted generator over fixed longs, counting how many were drawn. */
    public static final class Replay implements UniformRandomProvider {
        private final long[] longs;
        private int next;

        Replay(long[] longs) {
            this.longs = longs;
        }

        @Override
        public long nextLong() {
            int i = next++;
            if (i >= longs.length) {
                throw new IllegalStateException("replay exhausted after " + longs.length + " values");
            }
            return longs[i];
        }

        /** How many longs have been drawn. */
        public int draws() {
            return next;
        }
    }

    /** Wraps a generator and counts its {@code nextLong()} calls (every default method goes through it). */
    public static final class Counting implements UniformRandomProvider {
        private final UniformRandomProvider delegate;
        private long calls;

        public Counting(UniformRandomProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public long nextLong() {
            calls++;
            return delegate.nextLong();
        }

        /** How many longs have been drawn. */
        public long calls() {
            return calls;
        }
    }
}
