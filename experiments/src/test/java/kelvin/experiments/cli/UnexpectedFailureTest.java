package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A failure Kelvin did not expect is still one line in the user's words: its message without the
 * class names Java puts in messages, or what it means when it has none, and a pointer to --debug;
 * running out of memory says what ran out and how to give the JVM more.
 */
class UnexpectedFailureTest {

    @Test
    void theLineKeepsTheMessageAndDropsClassNames() {
        assertEquals("unexpected failure: disk full (run again with --debug for the stack trace)",
                KelvinCommand.unexpected(new RuntimeException(new IOException("disk full")), false));
        assertEquals("unexpected failure: disk full",
                KelvinCommand.unexpected(new UncheckedIOException(new IOException("disk full")), true));
        assertEquals("unexpected failure: class String cannot be cast to class Double (run again with --debug for the "
                + "stack trace)", KelvinCommand.unexpected(new ClassCastException(
                        "class java.lang.String cannot be cast to class java.lang.Double"), false));
        String npe;
        try {
            List<String> missing = null;
            npe = Integer.toString(missing.size());
        } catch (NullPointerException e) {
            npe = KelvinCommand.unexpected(e, false);
        }
        assertTrue(npe.startsWith("unexpected failure: Cannot invoke \"List.size()\""), npe);
        assertEquals("unexpected failure: the call stack overflowed (a recursion too deep)",
                KelvinCommand.unexpected(new StackOverflowError(), true));
        assertEquals("unexpected failure: an internal error without a message",
                KelvinCommand.unexpected(new IllegalStateException(), true));
    }

    @Test
    void outOfMemorySaysWhatRanOutAndHowToGiveMore() {
        String line = KelvinCommand.unexpected(new OutOfMemoryError("Java heap space"), false);
        long mb = Runtime.getRuntime().maxMemory() >> 20;
        assertTrue(line.startsWith("out of memory (Java heap space) with a maximum heap of " + mb + " MB; "), line);
        assertTrue(line.matches(".*JAVA_OPTS=-Xmx\\d+g .*"), line);
        Cli.assertNoInternals(new String[0], line);
    }
}
