package kelvin.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.Limits;
import kelvin.experiments.config.Location;
import kelvin.experiments.lab.LabBrowser;
import kelvin.experiments.lab.LabContext;
import kelvin.experiments.lab.LabFiles;
import kelvin.experiments.lab.LabPage;
import kelvin.experiments.lab.LabPages;
import kelvin.experiments.lab.LabServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kelvin lab}: a local web server with live pages on the softmax, schedules, experiments
 * and a learning gridworld agent, until Ctrl-C.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Start the lab: live pages on softmax, schedules, experiments and a learning gridworld agent, "
                + "in the browser, on this machine only. Stop with Ctrl-C.")
public final class LabCommand implements Callable<Integer> {
    /** The port tried first; the next ones are tried while it is taken. */
    static final int DEFAULT_PORT = 8177;
    private static final int PORTS_TRIED = 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "The folder the lab reads and writes results in (default: the working directory); "
                    + "it never touches a file outside it.")
    Path dir = Path.of(".");

    @Option(names = "--port", paramLabel = "N", description = "The port (default " + DEFAULT_PORT + ", or the next "
            + "free one; 0 = any free port).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "The address to listen on (default 127.0.0.1, "
            + "this machine only). Another address lets other machines reach the lab: they still need the token.")
    String host = "127.0.0.1";

    @Option(names = "--no-browser", description = "Do not open the browser; only print the address.")
    boolean noBrowser;

    @Option(names = "--budget", paramLabel = "DURATION|unlimited", converter = CommonOptions.BudgetConverter.class,
            description = "Work a config run from the lab may ask for, as kelvin run --budget (default 1h).")
    Limits.Budget budget = Limits.Budget.DEFAULT;

    @Mixin
    PluginOptions plugins;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(Location.of("DIR"), "", dir + " is not a folder");
        }
        LabContext context = new LabContext(plugins.registry(), new LabFiles(dir), budget);
        List<LabPage> pages = LabPages.all(context);
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        LabServer server = bind(token, context, pages, err);
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            err.println("warning: the lab listens on " + host + ", not only on this machine; anyone who can reach it "
                    + "and has the token can run experiments and read the files in " + context.files().root());
        }
        String url = server.localBase() + "/?token=" + token;
        server.start();
        out.println("Kelvin lab, working in " + context.files().root());
        out.println("  " + url);
        out.println("Stop it with Ctrl-C.");
        out.flush();
        if (!noBrowser) {
            LabBrowser.open(url, err);
        }
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        } finally {
            server.stop();
        }
        out.println("kelvin lab: stopped");
        out.flush();
        return 0;
    }

    private LabServer bind(String token, LabContext context, List<LabPage> pages, PrintWriter err)
            throws IOException {
        int first = port == null ? DEFAULT_PORT : port;
        int tries = port == null ? PORTS_TRIED : 1;
        for (int p = first; ; p++) {
            try {
                return new LabServer(host, p, token, context.files(), pages, err);
            } catch (BindException taken) {
                if (p - first + 1 >= tries) {
                    throw new ConfigException(Location.of("--port"), "", "cannot listen on " + host + ":"
                            + (tries == 1 ? String.valueOf(first) : first + " to " + p) + " (" + taken.getMessage()
                            .toLowerCase(Locale.ROOT) + "); give another --port, or --port 0 for any free one");
                }
            } catch (SocketException | IllegalArgumentException bad) {
                throw new ConfigException(Location.of("--host"), "", "cannot listen on " + host + " ("
                        + bad.getMessage() + "); give an address of this machine, e.g. 127.0.0.1");
            }
        }
    }
}
