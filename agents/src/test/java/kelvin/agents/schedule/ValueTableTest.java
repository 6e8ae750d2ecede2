package kelvin.agents.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The pure schedules whose formula costs a pow, log or cos hand their runs a shared table of values
 * ({@link ValueTable}): a run must read, bit for bit, what {@link Schedule#temperature(long)} gives,
 * whatever the order of the indices, past the table's limit, and from several threads at once.
 */
class ValueTableTest {

    private static final List<Schedule> TABULATED = List.of(
        Exponential.of(1.0, 0.9995, 0.01),
        Exponential.of(5.0, 0.9),
        StepSchedule.of(2.0, 0.5, 100, 0.001),
        Cosine.of(1.0, 0.05, 5000),
        Logarithmic.of(3.0));

    @Test
    void runsReadTheFormulaBitForBit() {
        for (Schedule s : TABULATED) {
            ScheduleRun run = s.newRun();
            for (long t = 0; t < ValueTable.LIMIT + 100; t++) {
                assertEquals(Double.doubleToRawLongBits(s.temperature(t)), Double.doubleToRawLongBits(run.temperature(t)),
                    s + " at t = " + t);
            }
        }
    }

    @Test
    void indicesInAnyOrderAndBeyondTheTable() {
        long[] order = {5_000_000_000L, 70_000, ValueTable.LIMIT - 1, ValueTable.LIMIT, 3, 0, 1023, 1024, 40_000, 2};
        for (Schedule s : TABULATED) {
            ScheduleRun run = s.newRun();
            for (long t : order) {
                assertEquals(s.temperature(t), run.temperature(t), 0.0, s + " at t = " + t);
            }
        }
    }

    @Test
    void negativeIndicesAreRejectedLikeTheFormula() {
        for (Schedule s : TABULATED) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.newRun().temperature(-1));
            assertEquals("t is negative: -1", e.getMessage());
        }
    }

    @Test
    void runsOnSeveralThreadsReadTheSameValues() throws Exception {
        Schedule s = Exponential.of(1.0, 0.999, 0.0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                final int stride = 1 + i;
                results.add(pool.submit(() -> {
                    ScheduleRun run = s.newRun();
                    double[] v = new double[20_000];
                    for (int t = 0; t < v.length; t += stride) { // different growth patterns per thread
                        v[t] = run.temperature(t);
                    }
                    for (int t = 0; t < v.length; t++) {
                        v[t] = run.temperature(t);
                    }
                    return v;
                }));
            }
            for (Future<double[]> f : results) {
                double[] v = f.get();
                for (int t = 0; t < v.length; t++) {
                    assertEquals(s.temperature(t), v[t], 0.0, "t = " + t);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
