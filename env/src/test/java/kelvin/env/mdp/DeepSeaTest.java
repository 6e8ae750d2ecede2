package kelvin.env.mdp;

import static kelvin.env.mdp.GridworldTest.assertOutcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** bsuite's deep sea: the per-run mapping, the dynamics and rewards, and the optimal return 0.99. */
class DeepSeaTest {

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** The mapping drawn from a stream: "right" in each cell, recovered from the model. */
    private static int[] rightActions(DeepSea d, TabularModel m) {
        int n = d.size();
        int[] right = new int[n * n];
        for (int s = 0; s < n * n; s++) {
            // "right" is the action that pays -0.01/N (or 1 - 0.01/N); "left" pays 0
            right[s] = m.reward(m.first(s, 1)) != 0 ? 1 : 0;
        }
        return right;
    }

    @Test
    void mappingIsOneBooleanPerCellInRowMajorOrder() {
        DeepSea d = DeepSea.of(6);
        TabularModel m = d.model(rng(42));
        UniformRandomProvider reference = rng(42);
        int[] expected = new int[36];
        for (int i = 0; i < 36; i++) {
            expected[i] = reference.nextBoolean() ? 1 : 0;
        }
        assertEquals(Arrays.toString(expected), Arrays.toString(rightActions(d, m)));
        assertNotEquals(Arrays.toString(expected), Arrays.toString(rightActions(d, d.model(rng(43)))));
        assertTrue(d.isRandomized());
    }

    /** bsuite's debug mapping (action 1 = right everywhere), N = 4: cost 0.01 / 4 = 0.0025. */
    @Test
    void dynamicsAndRewards() {
        DeepSea d = DeepSea.of(4);
        int[] ones = new int[16];
        Arrays.fill(ones, 1);
        TabularModel m = d.model(ones);
        assertEquals(17, m.states());
        assertEquals(2, m.actions());
        double cost = 0.01 / 4;
        assertOutcome(m, 0, 1, 0, 1.0, 5, -cost, false); // (0,0) right -> (1,1)
        assertOutcome(m, 0, 0, 0, 1.0, 4, 0.0, false); // (0,0) left -> (1,0), clipped
        assertOutcome(m, 5, 0, 0, 1.0, 8, 0.0, false); // (1,1) left -> (2,0)
        assertOutcome(m, 15, 1, 0, 1.0, 16, 1 - cost, true); // bottom-right, right: the treasure
        assertOutcome(m, 15, 0, 0, 1.0, 16, 0.0, true);
        assertOutcome(m, 12, 1, 0, 1.0, 16, -cost, true); // bottom-left, right: ends, no treasure
        assertOutcome(m, 16, 0, 0, 1.0, 16, 0.0, true); // the terminal state's row
        // with the mapping flipped in (0,0), action 0 is right there
        int[] flipped = ones.clone();
        flipped[0] = 0;
        assertOutcome(d.model(flipped), 0, 0, 0, 1.0, 5, -cost, false);
    }

    @Test
    void everyEpisodeLastsExactlyNSteps() {
        DeepSea d = DeepSea.of(9);
        TabularRun run = d.start(rng(5));
        UniformRandomProvider actions = rng(6);
        for (int episode = 0; episode < 50; episode++) {
            run.reset();
            int steps = 0;
            do {
                run.step(actions.nextInt(2));
                steps++;
            } while (!run.terminated());
            assertEquals(9, steps);
            assertEquals(d.terminalState(), run.state());
        }
    }

    @Test
    void optimalReturnIs099ForEverySizeAndMapping() {
        for (int n : new int[] {4, 5, 10, 20, 64}) {
            DeepSea d = DeepSea.of(n);
            for (long seed = 0; seed < 3; seed++) {
                TabularModel m = d.model(rng(seed * 100 + n));
                ValueIteration.Solution sol = ValueIteration.solve(m, 1.0);
                assertEquals(0.99, sol.startValue(), 1e-12, "N = " + n);
                assertEquals(d.optimalReturn(), sol.startValue(), 1e-13, "N = " + n);
                // the optimal action on the diagonal is "right" (whichever index it has there)
                int[] right = rightActions(d, m);
                for (int r = 0; r < n; r++) {
                    int s = r * n + r;
                    assertEquals(right[s], sol.action(s), "N = " + n + " diagonal " + r);
                }
            }
            assertEquals(n * (n + 1) / 2 + 1, d.model(rng(1)).reachableCount(), "lower triangle + terminal");
        }
    }

    @Test
    void sizeIsValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeepSea.of(3));
        assertEquals("deep sea size is not in [4, 64]: 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeepSea.of(65));
        assertEquals("deep-sea-64", DeepSea.of(64).name());
    }
}
