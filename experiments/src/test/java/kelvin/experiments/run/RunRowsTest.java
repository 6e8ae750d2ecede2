package kelvin.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A block's per-run rows: run order, NaN where a run sets nothing, growth past the first capacity. */
class RunRowsTest {

    @Test
    void rowsKeepRunOrderAndUnsetValuesAreNaN() {
        RunRows rows = new RunRows(2, 3);
        for (int r = 0; r < 70; r++) {
            rows.beginRun();
            rows.set(0, r);
            if (r % 2 == 0) {
                rows.set(1, -r);
            }
        }
        assertEquals(70, rows.runs(), "rows grow past the capacity they were sized for");
        for (int r = 0; r < 70; r++) {
            assertEquals(r, rows.get(r, 0));
            assertEquals(r % 2 == 0 ? -r : Double.NaN, rows.get(r, 1));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> rows.get(70, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> rows.set(2, 1.0));
    }

    @Test
    void theStoreGetsTheRowsOfEachCellInBlockOrder() throws Exception {
        MemoryRunStore store = new MemoryRunStore(2, 1);
        for (int block = 0; block < 3; block++) {
            RunRows rows = new RunRows(1, 2);
            for (int r = 0; r < 2; r++) {
                rows.beginRun();
                rows.set(0, 10 * block + r);
            }
            store.append(1, rows);
        }
        assertEquals("[0.0, 1.0, 10.0, 11.0, 20.0, 21.0]", Arrays.toString(store.column(1, 0)));
        assertEquals(0, store.column(0, 0).length);
    }
}
