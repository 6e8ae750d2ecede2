package kelvin.env.bandit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Tests of {@link BernoulliBandit}: seeding, draw order, reward frequencies, validation. */
class BernoulliBanditTest {

    /** Fixed seed: the statistical checks are deterministic. */
    private static final long SEED = 20260102L;

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    @Test
    void sameSeedGivesIdenticalRewardsAndDifferentSeedDiffers() {
        BernoulliBandit env = BernoulliBandit.of(0.1, 0.5, 0.9);
        BanditRun a = env.start(rng(SEED));
        BanditRun b = env.start(rng(SEED));
        BanditRun c = env.start(rng(SEED + 1));
        int differences = 0;
        for (int t = 0; t < 1000; t++) {
            double ra = a.pull(1);
            assertEquals(ra, b.pull(1), 0.0, "step " + t);
            differences += ra != c.pull(1) ? 1 : 0;
        }
        // two independent fair-coin sequences differ in about half of 1000 places
        assertTrue(differences > 400, "differences: " + differences);
    }

    /** One uniform per pull whatever the arm: reward = u_t < mu_a ? 1 : 0 with u_t from the run's stream. */
    @Test
    void everyPullDrawsExactlyOneUniform() {
        double[] mu = {0.2, 0.7, 0.5};
        BanditRun run = BernoulliBandit.of(mu).start(rng(SEED));
        UniformRandomProvider reference = rng(SEED);
        UniformRandomProvider armChooser = rng(5);
        for (int t = 0; t < 1000; t++) {
            int arm = armChooser.nextInt(3);
            double u = reference.nextDouble();
            assertEquals(u < mu[arm] ? 1.0 : 0.0, run.pull(arm), 0.0, "step " + t);
        }
    }

    @Test
    void successFrequencyMatchesMeanWithinFourStandardErrors() {
        double p = 0.3;
        BanditRun run = BernoulliBandit.of(0.9, p).start(rng(SEED));
        int n = 100_000;
        double sum = 0;
        for (int t = 0; t < n; t++) {
            sum += run.pull(1);
        }
        assertEquals(p, sum / n, 4 * Math.sqrt(p * (1 - p) / n));
    }

    @Test
    void meansZeroAndOneAreDeterministic() {
        BanditRun run = BernoulliBandit.of(0.0, 1.0).start(rng(SEED));
        for (int t = 0; t < 1000; t++) {
            assertEquals(0.0, run.pull(0), 0.0);
            assertEquals(1.0, run.pull(1), 0.0);
        }
    }

    @Test
    void bestMeanAndOptimalArmsCountTies() {
        BernoulliBandit env = BernoulliBandit.of(0.4, 0.6, 0.6);
        BanditRun run = env.start(rng(SEED));
        assertEquals(3, env.arms());
        assertEquals(0.6, run.bestMean(), 0.0);
        assertFalse(run.isOptimal(0));
        assertTrue(run.isOptimal(1));
        assertTrue(run.isOptimal(2));
        assertEquals(0.4, run.mean(0), 0.0);
        assertArrayEquals(new double[] {0.4, 0.6, 0.6}, env.means(), 0.0);
    }

    @Test
    void validationMessagesNameTheParameterAndValue() {
        assertMessage("means is empty: a bandit needs at least 1 arm", BernoulliBandit::of);
        assertMessage("means[1] is not in [0, 1]: 1.5", () -> BernoulliBandit.of(0.5, 1.5));
        assertMessage("means[0] is not in [0, 1]: -0.1", () -> BernoulliBandit.of(-0.1));
        assertMessage("means[2] is not in [0, 1]: NaN", () -> BernoulliBandit.of(0, 1, Double.NaN));
    }

    private static void assertMessage(String expected, Runnable factory) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, factory::run);
        assertEquals(expected, e.getMessage());
    }
}
