package kelvin.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import kelvin.experiments.model.Checkpoints;
import org.junit.jupiter.api.Test;

class CheckpointsTest {

    @Test
    void linearSpacingRunsFromOneToTheHorizon() {
        assertArrayEquals(new int[] {1, 4, 7, 10}, Checkpoints.of(10, 4, Checkpoints.Spacing.LINEAR));
    }

    @Test
    void asManyPointsAsStepsRecordsEveryStep() {
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, Checkpoints.of(5, 200, Checkpoints.Spacing.LOG));
    }

    @Test
    void logSpacingIsGeometricAndDeduplicated() {
        int[] t = Checkpoints.of(10000, 5, Checkpoints.Spacing.LOG);
        assertArrayEquals(new int[] {1, 10, 100, 1000, 10000}, t);
        int[] dense = Checkpoints.of(1000, 200, Checkpoints.Spacing.LOG);
        assertEquals(1, dense[0]);
        assertEquals(1000, dense[dense.length - 1]);
        for (int i = 1; i < dense.length; i++) {
            assertEquals(true, dense[i] > dense[i - 1]);
        }
    }

    @Test
    void onePointIsTheHorizon() {
        assertArrayEquals(new int[] {50}, Checkpoints.of(50, 1, Checkpoints.Spacing.LINEAR));
    }
}
