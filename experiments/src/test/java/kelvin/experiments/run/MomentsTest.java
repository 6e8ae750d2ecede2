package kelvin.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

class MomentsTest {

    @Test
    void meanVarianceMinMaxMatchTheTextbookFormulas() {
        double[] xs = {2, 4, 4, 4, 5, 5, 7, 9};
        Moments m = new Moments(1);
        for (double x : xs) {
            m.add(0, x);
        }
        // mean 5, sum of squared deviations 32, sample variance 32 / 7
        assertEquals(8, m.count(0));
        assertEquals(5.0, m.mean(0), 1e-15);
        assertEquals(32.0 / 7, m.variance(0), 1e-14);
        assertEquals(2.0, m.min(0));
        assertEquals(9.0, m.max(0));
    }

    @Test
    void mergingBlocksAgreesWithOneSequentialPass() {
        Moments all = new Moments(2);
        Moments a = new Moments(2);
        Moments b = new Moments(2);
        for (int i = 0; i < 1000; i++) {
            double x = Math.sin(i) * 10 + i * 0.01;
            all.add(i % 2, x);
            (i < 370 ? a : b).add(i % 2, x);
        }
        a.merge(b);
        for (int s = 0; s < 2; s++) {
            assertEquals(all.count(s), a.count(s));
            assertEquals(all.mean(s), a.mean(s), 1e-12);
            assertEquals(all.variance(s), a.variance(s), 1e-10);
            assertEquals(all.min(s), a.min(s));
            assertEquals(all.max(s), a.max(s));
        }
    }

    @Test
    void nanIsSkippedAndEmptySlotsAreNaN() {
        Moments m = new Moments(1);
        m.add(0, Double.NaN);
        assertEquals(0, m.count(0));
        assertEquals(Double.NaN, m.mean(0));
        m.add(0, 3);
        assertEquals(Double.NaN, m.variance(0));
    }

    @Test
    void aWriteReadRoundTripKeepsEverySlotBitForBit() throws Exception {
        Moments a = new Moments(3, 2);
        for (int i = 0; i < 50; i++) {
            a.add(i % 3, Math.expm1(i * 0.1) - 3);
        }
        a.tally(1, 42);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.write(new DataOutputStream(bytes));
        Moments back = Moments.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(3, back.slots());
        assertEquals(42, back.tally(1));
        for (int slot = 0; slot < 3; slot++) {
            assertEquals(a.count(slot), back.count(slot));
            assertEquals(Double.doubleToRawLongBits(a.mean(slot)), Double.doubleToRawLongBits(back.mean(slot)));
            assertEquals(Double.doubleToRawLongBits(a.variance(slot)), Double.doubleToRawLongBits(back.variance(slot)));
            assertEquals(a.min(slot), back.min(slot));
            assertEquals(a.max(slot), back.max(slot));
        }
    }
}
