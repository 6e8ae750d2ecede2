package kelvin.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void perRunRowsKeepRunOrderAcrossMergesAndSurviveAWriteReadRoundTrip() throws Exception {
        Moments a = new Moments(1, 0, 2);
        Moments b = new Moments(1, 0, 2);
        for (int r = 0; r < 70; r++) {
            Moments m = r < 3 ? a : b;
            m.beginRun();
            m.setRunValue(0, r);
            if (r % 2 == 0) {
                m.setRunValue(1, -r);
            }
        }
        a.merge(b);
        assertEquals(70, a.runs());
        for (int r = 0; r < 70; r++) {
            assertEquals(r, a.runValue(r, 0));
            assertEquals(r % 2 == 0 ? -r : Double.NaN, a.runValue(r, 1));
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        a.write(new java.io.DataOutputStream(bytes));
        Moments back = Moments.read(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(70, back.runs());
        assertEquals(2, back.columns());
        for (int r = 0; r < 70; r++) {
            assertEquals(Double.doubleToRawLongBits(a.runValue(r, 1)), Double.doubleToRawLongBits(back.runValue(r, 1)));
        }
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> back.runValue(70, 0));
    }
}
