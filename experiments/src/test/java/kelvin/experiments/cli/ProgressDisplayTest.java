package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import kelvin.experiments.run.Runner;
import org.junit.jupiter.api.Test;

/** The progress line's rate and times, on a clock the test moves. */
class ProgressDisplayTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(5 * SECOND);

    private void advance(double seconds) {
        clock.addAndGet(Math.round(seconds * SECOND));
    }

    @Test
    void afterSomeRunsTheRateAndBothTimesAreKnown() {
        ProgressDisplay.Line line = new ProgressDisplay.Line("testbed", clock::get);
        advance(1);
        line.runsDone(Runner.BLOCK, 2000);
        advance(9);
        line.runsDone(640, 2000);
        String text = line.times(640, 2000);
        // 640 runs in 10 s: 64 a second, and 1360 runs left take 21.25 s
        assertEquals("64 runs/s  0:10 elapsed  0:22 left", text);
        assertFalse(text.contains("?"), text);
        assertFalse(text.contains(" 0:00 "), text);
    }

    @Test
    void theTimesMoveOnBetweenReports() {
        ProgressDisplay.Line line = new ProgressDisplay.Line("testbed", clock::get);
        advance(2);
        line.runsDone(Runner.BLOCK, 2000);
        assertEquals("32 runs/s  0:02 elapsed  1:01 left", line.times(Runner.BLOCK, 2000));
        advance(2);
        assertEquals("16 runs/s  0:04 elapsed  2:01 left", line.times(Runner.BLOCK, 2000));
    }

    @Test
    void aResumedRunsReusedRunsDoNotCountAsSpeed() {
        ProgressDisplay.Line line = new ProgressDisplay.Line("testbed", clock::get);
        advance(1);
        line.runsDone(1000 + Runner.BLOCK, 2000);
        advance(4);
        line.runsDone(1320, 2000);
        // 320 runs in 5 s, 680 left
        assertEquals("64 runs/s  0:05 elapsed  0:11 left", line.times(1320, 2000));
    }

    @Test
    void hoursMinutesAndSlowRates() {
        ProgressDisplay.Line line = new ProgressDisplay.Line("gridworld", clock::get);
        advance(3725);
        line.runsDone(50, 230);
        // 50 runs in 3725 s; 180 runs left
        assertEquals("0.0134 runs/s  1:02:05 elapsed  3:43:30 left", line.times(50, 230));
    }

    @Test
    void theTimesStopWhenTheLastRunHasFinished() {
        ProgressDisplay.Line line = new ProgressDisplay.Line("testbed", clock::get);
        advance(1);
        line.runsDone(Runner.BLOCK, 2000);
        advance(9);
        line.runsDone(2000, 2000);
        advance(3);
        assertEquals("200 runs/s  0:10 elapsed  0:00 left", line.times(2000, 2000));
    }

    @Test
    void beforeTheFirstRunNothingIsGuessed() {
        ProgressDisplay.Line line = new ProgressDisplay.Line("testbed", clock::get);
        advance(3);
        assertEquals("? runs/s  0:03 elapsed  ? left", line.times(0, 2000));
    }

    @Test
    void theLineFitsItsWidthAndTheBarShowsTheFraction() {
        ProgressDisplay.Line line = new ProgressDisplay.Line("testbed", clock::get);
        line.runsDone(Runner.BLOCK, 2000);
        advance(10);
        line.runsDone(1000, 2000);
        String text = line.text(1000, 2000, 100);
        assertTrue(text.length() <= 100, text);
        assertTrue(text.startsWith("testbed  50% ["), text);
        String bar = text.substring(text.indexOf('[') + 1, text.indexOf(']'));
        assertEquals(bar.length() / 2, bar.chars().filter(c -> c == '=').count(), text);
        assertTrue(text.contains("] 1000/2000  100 runs/s  0:10 elapsed  0:10 left"), text);

        String name = "a-very-long-experiment-name-that-would-push-the-times-off-the-end-of-the-line";
        String longLine = new ProgressDisplay.Line(name, clock::get).text(1000, 2000, 100);
        assertTrue(longLine.length() <= 100, longLine);
        assertTrue(longLine.startsWith(name.substring(0, 20)) && longLine.contains("...  50% ["), longLine);
        assertTrue(longLine.endsWith(" left"), longLine);
    }

    @Test
    void theDrawnBarShowsTimesFromTheRunsStart() {
        StringWriter err = new StringWriter();
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(err), "testbed", clock::get, 60_000);
        advance(0.5);
        display.runsDone(Runner.BLOCK, 2000);
        assertEquals("", err.toString(), "a run shorter than a second shows no bar");
        advance(9.5);
        display.runsDone(640, 2000);
        display.runsDone(576, 2000);
        display.close();
        String drawn = err.toString();
        String last = drawn.substring(drawn.lastIndexOf('\r') + 1).strip();
        assertTrue(last.startsWith("testbed  32% ["), drawn);
        assertTrue(last.endsWith("]  640/2000  64 runs/s  0:10 elapsed  0:22 left"), drawn);
        assertTrue(drawn.endsWith("\n"), "the bar's line ends before the summary");
    }

    @Test
    void theBarEndsItsLineWithTheLastRun() {
        StringWriter err = new StringWriter();
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(err), "testbed", clock::get, 60_000);
        advance(2);
        display.runsDone(Runner.BLOCK, 128);
        advance(2);
        display.runsDone(128, 128);
        String drawn = err.toString();
        assertTrue(drawn.strip().endsWith("] 128/128  32 runs/s  0:04 elapsed  0:00 left"), drawn);
        assertTrue(drawn.endsWith("\n"), drawn);
        advance(5);
        display.close();
        assertEquals(drawn, err.toString(), "nothing is drawn after the last run");
    }
}
