package kelvin.experiments.lab;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Opens an address in the user's browser with the desktop's own opener, as Jupyter does. */
public final class LabBrowser {
    private LabBrowser() {
    }

    /**
     * Asks the desktop to open {@code url}; where there is no desktop (a server, a container), says
     * to open it by hand.
     *
     * @param url the address
     * @param err told one line when no browser could be started
     */
    public static void open(String url, PrintWriter err) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url)
                : os.contains("mac") ? List.of("open", url) : List.of("xdg-open", url);
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException noDesktop) {
            err.println("kelvin lab: no browser could be opened here; open the address above in one");
            err.flush();
        }
    }
}
