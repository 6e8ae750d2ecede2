package kelvin.experiments.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import kelvin.experiments.ExperimentSession;
import kelvin.experiments.SessionOptions;
import kelvin.experiments.model.Experiment;
import kelvin.plots.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The note under the paired-differences table says narrower, about as wide or wider only where
 * the width ratios it describes are so, as the table prints them.
 */
class PairingNoteTest {

    @TempDir
    Path tmp;

    /** Runs that rise and fall together: b spreads widely, a - b barely moves. */
    private static final Comparisons.Difference TOGETHER = Comparisons.paired(
            new double[] {11, 22, 31, 42, 51, 62}, new double[] {10, 20, 30, 40, 50, 60});

    /** Runs that move against each other: a rises where b falls. */
    private static final Comparisons.Difference OPPOSED = Comparisons.paired(
            new double[] {1, 2, 3, 4, 5, 6}, new double[] {6, 5, 4, 3, 2, 1});

    /** Runs with zero sample covariance, 40 of them, so both t quantiles are close to 2. */
    private static final Comparisons.Difference UNRELATED = Comparisons.paired(repeat(1, 2, 3, 4),
            repeat(1, 2, 2, 1));

    private static double[] repeat(double... pattern) {
        double[] values = new double[10 * pattern.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = pattern[i % pattern.length];
        }
        return values;
    }

    @Test
    void theThreeKindsOfRunsGiveTheThreeWidths() {
        // a - b = 1, 2, 1, 2, 1, 2: sd 0.5477, paired half-width t(5) 2.5706 * 0.5477 / sqrt 6 = 0.5748,
        // against a Welch half-width near 2.23 * sqrt(2 * 350 / 6) = 24: ratio about 0.02.
        assertTrue(TOGETHER.widthRatio() < 0.05, Double.toString(TOGETHER.widthRatio()));
        assertEquals(Comparisons.Width.NARROWER, TOGETHER.width());
        // a - b = -5, -3, -1, 1, 3, 5: variance 14 = var a + var b - 2 cov = 3.5 + 3.5 + 7, so the paired
        // standard error is sqrt(2) times Welch's, and its t(5) 2.5706 exceeds Welch's t(10) 2.2281:
        // ratio sqrt(2) * 2.5706 / 2.2281 = 1.632.
        assertEquals(Math.sqrt(2) * 2.570582 / 2.228139, OPPOSED.widthRatio(), 1e-5);
        assertEquals(Comparisons.Width.WIDER, OPPOSED.width());
        // Zero covariance: the standard errors agree, and only the t quantiles differ, t(39) 2.0227
        // against Welch's (df about 53) 2.006: ratio about 1.01.
        assertEquals(1.0, UNRELATED.widthRatio(), 0.02);
        assertEquals(Comparisons.Width.ABOUT_AS_WIDE, UNRELATED.width());
    }

    @Test
    void theMarginIsJudgedOnTheRatioAsPrinted() {
        assertEquals(Comparisons.Width.NARROWER, withRatio(0.944).width(), "printed 0.94");
        assertEquals(Comparisons.Width.ABOUT_AS_WIDE, withRatio(0.946).width(), "printed 0.95");
        assertEquals(Comparisons.Width.ABOUT_AS_WIDE, withRatio(1.0).width());
        assertEquals(Comparisons.Width.ABOUT_AS_WIDE, withRatio(1.054).width(), "printed 1.05");
        assertEquals(Comparisons.Width.WIDER, withRatio(1.056).width(), "printed 1.06");
        assertNull(Comparisons.paired(new double[] {1}, new double[] {2}).width(), "one run has no interval");
        assertNull(Comparisons.paired(new double[] {1, 1}, new double[] {2, 2}).width(), "0 / 0 has no ratio");
    }

    /** A difference whose paired half-width is {@code ratio} times its unpaired one. */
    private static Comparisons.Difference withRatio(double ratio) {
        Interval iv = Interval.of(10, 1.0, 4.0);
        return new Comparisons.Difference(iv, (iv.high() - iv.mean()) / ratio);
    }

    @Test
    void narrowerEverywhereIsSaidWithTheRange() {
        Comparisons.Difference other = withRatio(0.42);
        String note = Reports.pairingNote(List.of(TOGETHER, other));
        assertTrue(note.contains(String.format(Locale.ROOT,
                "Here the paired interval is narrower than the unpaired one for both variants (ratio %.2f to 0.42), "
                        + "so pairing saves runs here.", TOGETHER.widthRatio())), note);
        assertFalse(note.contains("wider") || note.contains("about as wide"), note);
    }

    @Test
    void aboutAsWideIsNotCalledNarrower() {
        // The quickstart's two ratios.
        String note = Reports.pairingNote(List.of(withRatio(1.02), withRatio(1.01)));
        assertTrue(note.contains("Here the paired interval is about as wide as the unpaired one for both variants "
                + "(ratio 1.01 to 1.02), so pairing gains little here."), note);
        assertFalse(note.contains("narrower than the unpaired one for") || note.contains("wider"), note);
        assertTrue(note.startsWith(Reports.PAIRING_EXPLANATION), "the explanation of common random numbers stays");
        assertTrue(note.endsWith("Intervals are not corrected for multiple comparisons."), note);
    }

    @Test
    void widerIsSaid() {
        String note = Reports.pairingNote(List.of(OPPOSED));
        assertTrue(note.contains("Here the paired interval is wider than the unpaired one for the one variant "
                + "with a ratio (ratio 1.63), so pairing does not pay off here."), note);
    }

    @Test
    void mixedRowsAreCountedPerKind() {
        String note = Reports.pairingNote(List.of(TOGETHER, withRatio(0.61), UNRELATED, withRatio(1.21),
                withRatio(0.5), Comparisons.paired(new double[] {1}, new double[] {2})));
        assertTrue(note.contains(String.format(Locale.ROOT,
                "Here the paired interval is narrower than the unpaired one for 3 of 5 variants (ratio %.2f to 0.61), "
                        + "about as wide for 1 (ratio %.2f) and wider for 1 (ratio 1.21); no ratio for 1 of 6 "
                        + "variants", TOGETHER.widthRatio(), UNRELATED.widthRatio())), note);
        assertFalse(note.contains("pairing saves runs"), "a mixed table draws no single conclusion: " + note);
    }

    @Test
    void noRatioNoClaim() {
        String note = Reports.pairingNote(List.of(Comparisons.paired(new double[] {1}, new double[] {2})));
        assertEquals(Reports.PAIRING_EXPLANATION + " Intervals are not corrected for multiple comparisons.", note);
        assertEquals(Reports.PAIRING_EXPLANATION + " Intervals are not corrected for multiple comparisons.",
                Reports.pairingNote(Collections.emptyList()));
    }

    @Test
    void theNoteUnderAReportsTableAgreesWithItsRatioColumn() throws Exception {
        // A random agent's regret follows each run's arm gaps, on which the epsilon-greedy baseline's
        // regret also depends in the same run: the pairing narrows the interval (ComparisonsTest).
        Path config = tmp.resolve("pairs.yaml");
        Files.writeString(config, String.join("\n",
                "name: pairs", "seed: 7", "runs: 200", "steps: 300",
                "env: {type: gaussian-bandit, arms: 10}",
                "agents:",
                "  eps: {type: action-value, policy: {type: epsilon-greedy, epsilon: 0.1}}",
                "  random: {type: action-value, policy: {type: epsilon-greedy, epsilon: 1.0}}",
                "metrics: [regret]", ""));
        Experiment e = Experiment.load(config);
        ResultData data = ExperimentSession.of(e).run(SessionOptions.inMemory().withThreads(1));
        Table paired = Reports.comparisons(data, "eps").get(1);
        assertEquals(1, paired.rows().size());
        double ratio = Double.parseDouble(paired.rows().get(0).get(3));
        Comparisons.Width expected = ratio < 0.95 ? Comparisons.Width.NARROWER
                : ratio > 1.05 ? Comparisons.Width.WIDER : Comparisons.Width.ABOUT_AS_WIDE;
        assertTrue(paired.note().contains("Here the paired interval is " + expected.words()
                + " the unpaired one for the one variant with a ratio (ratio " + paired.rows().get(0).get(3) + ")"),
                paired.note());
        assertEquals(Comparisons.Width.NARROWER, expected, "random against eps shares the arm gaps: " + ratio);
    }
}
