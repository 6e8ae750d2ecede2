package kelvin.experiments.run;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * Kelvin's seeding scheme: every random stream is a pure function of the master seed and the
 * stream's coordinates, so any run can be rebuilt alone and thread scheduling never matters.
 *
 * <ul>
 *   <li>environment stream of run r: key (seed, ENV, 0, r), shared by every cell: common random
 *       numbers, so run r of every variant meets the same arm means and the same noise;</li>
 *   <li>agent stream of cell c, run r: key (seed, AGENT, hash(label of c), r). The cell enters by
 *       the FNV-1a 64 hash of its label, not its position, so adding or reordering variants does
 *       not change the numbers of the others.</li>
 * </ul>
 *
 * <p>The key is folded through the SplitMix64 finaliser (Steele, Lea &amp; Flood 2014,
 * "Fast splittable pseudorandom number generators", OOPSLA), one round per coordinate, and two
 * further finalised words seed a XoRoShiRo128++ generator (Blackman &amp; Vigna 2021, "Scrambled
 * linear pseudorandom number generators", ACM TOMS 47(4)), Commons RNG's
 * {@code RandomSource.XO_RO_SHI_RO_128_PP}. Distinct keys give statistically independent streams.
 */
public final class Streams {
    /** The generator every stream uses, as named in manifest.json. */
    public static final String GENERATOR = "XO_RO_SHI_RO_128_PP";
    /** The scheme, as named in manifest.json. */
    public static final String SCHEME = "splitmix64(seed, kind, cell-label FNV-1a 64, run) -> XoRoShiRo128++";

    private static final long ENVIRONMENT = 0x656e7669726f6eL;
    private static final long AGENT = 0x6167656e74L;
    private static final long SCORECARD = 0x73636f7265L;
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private Streams() {
    }

    /**
     * The environment stream of run {@code run}, the same for every cell.
     *
     * @param seed the master seed
     * @param run the 0-based run
     * @return a generator of its own, at the start of that stream
     */
    public static UniformRandomProvider environment(long seed, int run) {
        return create(key(seed, ENVIRONMENT, 0, run));
    }

    /**
     * The agent stream of the cell labelled {@code cellLabel}, run {@code run}.
     *
     * @param seed the master seed
     * @param cellLabel the cell's label ({@code agent[key=value,...]})
     * @param run the 0-based run
     * @return a generator of its own, at the start of that stream
     */
    public static UniformRandomProvider agent(long seed, String cellLabel, int run) {
        return agentGenerator(seed, cellLabel, run);
    }

    /**
     * The stream of one bootstrap job of a suite's scorecard ("aggregate A", "improvement A B", ...),
     * apart from every run's streams, so an agent's intervals do not move when another agent joins.
     *
     * @param seed the master seed
     * @param job the job's label
     * @return a generator of its own, at the start of that stream
     */
    public static UniformRandomProvider scorecard(long seed, String job) {
        return create(key(seed, SCORECARD, labelHash(job), 0));
    }

    /**
     * {@link #agent} as its concrete generator, for the fused loop: a draw through the class
     * inlines without the type check an interface call needs.
     */
    static XoRoShiRo128PlusPlus agentGenerator(long seed, String cellLabel, int run) {
        return create(key(seed, AGENT, labelHash(cellLabel), run));
    }

    static long key(long seed, long kind, long cell, long run) {
        long h = mix(seed + GOLDEN_GAMMA);
        h = mix(h ^ kind);
        h = mix(h ^ cell);
        return mix(h ^ run);
    }

    private static XoRoShiRo128PlusPlus create(long key) {
        long s0 = mix(key + GOLDEN_GAMMA);
        long s1 = mix(key + 2 * GOLDEN_GAMMA);
        if ((s0 | s1) == 0) {
            s1 = GOLDEN_GAMMA; // the all-zero state is the generator's only forbidden state
        }
        return new XoRoShiRo128PlusPlus(s0, s1);
    }

    /** SplitMix64's output function (Stafford's Mix13). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a 64 over the label's UTF-8 bytes. */
    static long labelHash(String label) {
        long h = 0xcbf29ce484222325L;
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
