package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the command line in-process and captures what it prints. Every test that runs Kelvin's
 * command line goes through {@link #run}, so every message the test suite provokes is checked:
 * without {@code --debug}, nothing printed may show Kelvin's insides (a Java package such as
 * {@code java.lang.}, an exception's class name or a stack frame).
 *
 * @param exit the exit code
 * @param out what went to standard output
 * @param err what went to standard error
 */
public record Cli(int exit, String out, String err) {

    /** What a user should never see: a JDK package, an exception's class name, a stack frame. */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\bjava\\.(lang|io|nio|util)\\.|\\b[A-Z]\\w*(Exception|Error)\\b|^\\s*at [\\w$.]+\\(|\\bat [\\w$]+(\\.[\\w$]+)+"
                    + "\\([\\w$]+\\.java:\\d+\\)|Caused by: |Exception in thread ", Pattern.MULTILINE);

    /**
     * Runs {@code kelvin ARGS} and checks what it printed (see {@link #assertNoInternals}).
     *
     * @param args the command line
     * @return the exit code and the output
     */
    public static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        Cli result = new Cli(exit, out.toString(), err.toString());
        assertNoInternals(args, result.out, result.err);
        return result;
    }

    /**
     * Fails when the output of {@code kelvin ARGS} without {@code --debug} shows a JDK package, an
     * exception's class name or a stack frame.
     *
     * @param args the command line that printed it
     * @param texts what it printed
     */
    public static void assertNoInternals(String[] args, String... texts) {
        if (Arrays.asList(args).contains("--debug")) {
            return;
        }
        for (String text : texts) {
            Matcher m = INTERNALS.matcher(text);
            assertFalse(m.find(), () -> "kelvin " + String.join(" ", args) + " printed '" + m.group().strip()
                    + "' in:\n" + text);
        }
    }
}
