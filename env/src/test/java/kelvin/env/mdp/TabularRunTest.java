package kelvin.env.mdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The per-run simulator: seeding, one uniform per reset and step, protocol errors. */
class TabularRunTest {

    private static final long SEED = 20260301L;

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** Counts nextLong() calls (nextDouble() uses exactly one). */
    private static final class Counting implements UniformRandomProvider {
        private final UniformRandomProvider delegate;
        long calls;

        Counting(UniformRandomProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public long nextLong() {
            calls++;
            return delegate.nextLong();
        }
    }

    /** A random-action rollout of {@code steps} steps, resetting on termination; the trace as a hash. */
    private static long rollout(TabularEnv env, long envSeed, long actionSeed, int steps) {
        TabularRun run = env.start(rng(envSeed));
        UniformRandomProvider actions = rng(actionSeed);
        long hash = run.reset();
        for (int t = 0; t < steps; t++) {
            int s2 = run.step(actions.nextInt(env.actions()));
            hash = 31 * hash + s2;
            hash = 31 * hash + Double.hashCode(run.reward());
            if (run.terminated()) {
                hash = 31 * hash + run.reset();
            }
        }
        return hash;
    }

    @Test
    void sameSeedSameRolloutDifferentSeedDifferent() {
        TabularEnv[] envs = {BuiltinMap.create("frozen-lake-8x8"), BuiltinMap.create("deep-sea-10"),
            RiverSwim.of(RiverSwim.Variant.STREHL_LITTMAN), BuiltinMap.create("cliff-walking")};
        for (TabularEnv env : envs) {
            assertEquals(rollout(env, SEED, 7, 2000), rollout(env, SEED, 7, 2000), env.toString());
            if (env != envs[3]) { // cliff walking is deterministic: only the actions matter
                assertTrue(rollout(env, SEED, 7, 2000) != rollout(env, SEED + 1, 7, 2000), env.toString());
            }
        }
    }

    @Test
    void exactlyOneUniformPerResetAndPerStep() {
        for (TabularEnv env : new TabularEnv[] {BuiltinMap.create("frozen-lake-4x4"), BuiltinMap.create("open-10x10"),
            RiverSwim.of(RiverSwim.Variant.OSBAND)}) {
            Counting c = new Counting(rng(SEED));
            TabularRun run = env.start(c);
            UniformRandomProvider actions = rng(3);
            run.reset();
            long expected = 1;
            for (int t = 0; t < 500; t++) {
                run.step(actions.nextInt(env.actions()));
                expected++;
                if (run.terminated()) {
                    run.reset();
                    expected++;
                }
                assertEquals(expected, c.calls, env + " step " + t);
            }
        }
    }

    /** The simulator uses u_t from the run's stream to invert the table: replaying the stream predicts it. */
    @Test
    void stepSamplesTheTableWithTheStreamsUniforms() {
        TabularModel m = BuiltinMap.FROZEN_LAKE_8X8.builder().build().model();
        TabularRun run = TabularRun.of(m, rng(SEED));
        UniformRandomProvider reference = rng(SEED);
        UniformRandomProvider actions = rng(11);
        int s = run.reset();
        reference.nextDouble();
        for (int t = 0; t < 1000; t++) {
            int a = actions.nextInt(4);
            int i = m.sample(s, a, reference.nextDouble());
            s = run.step(a);
            assertEquals(m.next(i), s);
            assertEquals(i, run.outcome());
            if (run.terminated()) {
                s = run.reset();
                reference.nextDouble();
            }
        }
    }

    /** RiverSwim strehl-littman starts in 1 or 2 with probability 1/2 each (4 standard errors). */
    @Test
    void startDistributionIsSampled() {
        TabularRun run = RiverSwim.of(RiverSwim.Variant.STREHL_LITTMAN).start(rng(SEED));
        int n = 20_000;
        int ones = 0;
        for (int i = 0; i < n; i++) {
            int s = run.reset();
            assertTrue(s == 1 || s == 2);
            ones += s == 1 ? 1 : 0;
        }
        assertEquals(0.5, ones / (double) n, 4 * Math.sqrt(0.25 / n));
    }

    @Test
    void protocolErrors() {
        TabularRun run = Gridworld.builder("SG").build().start(rng(SEED));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run.step(0));
        assertEquals("step() before reset()", e.getMessage());
        assertEquals(0, run.reset());
        assertEquals(1, run.step(1));
        assertTrue(run.terminated());
        assertEquals(1.0, run.reward());
        e = assertThrows(IllegalStateException.class, () -> run.step(0));
        assertEquals("step() after termination; call reset()", e.getMessage());
        run.reset();
        assertFalse(run.terminated());
        assertEquals(1, run.steps());
    }
}
