package kelvin.experiments.lab;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import kelvin.experiments.results.Mappers;

/**
 * The lab's web server: the JDK's own HttpServer, bound to one address, serving the pages and
 * their API from the jar and the files of the lab's folder, every request checked by a
 * {@link LabGuard} first.
 *
 * <p>The JDK's server rather than a framework: the lab has a dozen routes, one origin and no
 * templates, and the JDK's server adds nothing to the jar or to the start-up of every other
 * command. Server-sent events need no more than a chunked response that is flushed per event.
 */
public final class LabServer {
    private static final String STATIC = "/kelvin/lab/static/";
    private static final String PARTS = "/kelvin/lab/parts/";
    private static final String HEAD_MARK = "<!-- lab-head -->\n";
    private static final String NAV_MARK = "<!-- lab-nav -->\n";
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final Pattern STATIC_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|css|js|svg|png)");
    /** Scripts, styles, images and requests only from the lab itself: no request leaves the machine. */
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
    private static final ObjectWriter JSON = Mappers.JSON.writer()
            .without(SerializationFeature.INDENT_OUTPUT)
            .with(JsonWriteFeature.WRITE_NAN_AS_STRINGS);
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml", "png", "image/png",
            "csv", "text/csv; charset=utf-8", "json", "application/json", "yaml", "text/plain; charset=utf-8",
            "txt", "text/plain; charset=utf-8");

    private final HttpServer server;
    private final String host;
    private final ExecutorService executor;
    private final LabGuard guard;
    private final LabFiles files;
    private final PrintWriter err;
    private final Map<String, LabPage> pages = new HashMap<>();
    private final Map<String, LabRoutes.Handler> gets = new HashMap<>();
    private final Map<String, LabRoutes.Handler> posts = new HashMap<>();
    private final Map<String, LabRoutes.StreamHandler> streams = new HashMap<>();

    /**
     * Binds the server and registers the pages; nothing is served until {@link #start}.
     *
     * @param host the address to bind, e.g. 127.0.0.1
     * @param port the port, or 0 for any free one
     * @param token the access token
     * @param files the lab's folder
     * @param pages the pages
     * @param err where unexpected failures are told, one line each
     * @throws IOException when the address cannot be bound
     */
    public LabServer(String host, int port, String token, LabFiles files, List<LabPage> pages, PrintWriter err)
            throws IOException {
        // Without TCP_NODELAY a small answer written after its headers waits for the client's delayed
        // ACK (about 40 ms on Linux): every API call would take that long. The JDK's server reads the
        // property once, when its first server is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
        this.host = host;
        this.guard = new LabGuard(token, host, server.getAddress().getPort());
        this.files = files;
        this.err = err;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "kelvin-lab-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (LabPage page : pages) {
            this.pages.put(page.name(), page);
            String prefix = "/api/" + page.name();
            page.routes(new LabRoutes() {
                @Override
                public void get(String path, Handler handler) {
                    gets.put(prefix + path, handler);
                }

                @Override
                public void post(String path, Handler handler) {
                    posts.put(prefix + path, handler);
                }

                @Override
                public void events(String path, StreamHandler handler) {
                    streams.put(prefix + path, handler);
                }
            });
        }
        server.createContext("/", this::serve);
        server.setExecutor(executor);
    }

    /** Starts serving. */
    public void start() {
        server.start();
    }

    /**
     * The port the server listens on.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The address a browser on this machine opens: the bound address, or 127.0.0.1 when the lab
     * listens on every address (browsers refuse to open 0.0.0.0).
     *
     * @return e.g. {@code http://127.0.0.1:8177}, without a trailing slash
     */
    public String localBase() {
        return "http://" + (LabGuard.everyAddress(host) ? "127.0.0.1" : LabGuard.literal(host)) + ":" + port();
    }

    /** Stops serving and ends open event streams. */
    public void stop() {
        pages.values().forEach(LabPage::close);
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange ex) {
        try (ex) {
            try {
                Headers h = ex.getResponseHeaders();
                h.set("Content-Security-Policy", CSP);
                h.set("X-Content-Type-Options", "nosniff");
                h.set("X-Frame-Options", "DENY");
                h.set("Referrer-Policy", "no-referrer");
                h.set("Cache-Control", "no-store");
                guard.checkSite(ex);
                LabRequest request = new LabRequest(ex);
                String path = ex.getRequestURI().getPath();
                String method = ex.getRequestMethod();
                if (guard.firstVisit(request.query("token"))) {
                    h.add("Set-Cookie", guard.setCookie());
                    if (method.equals("GET") && !path.startsWith("/api/")) {
                        // the raw path keeps its encoding (no line break reaches the header) and one leading
                        // slash, so that "//host" cannot send the browser to another site
                        h.set("Location", "/" + ex.getRequestURI().getRawPath().replaceFirst("^/+", ""));
                        ex.sendResponseHeaders(303, -1);
                        return;
                    }
                } else if (!guard.admits(null, ex.getRequestHeaders().getFirst("Cookie"))) {
                    throw new LabException(403, "this lab needs its access token: open the address kelvin lab "
                            + "printed (it ends in ?token=...)");
                }
                route(ex, request, method, path);
            } catch (LabException e) {
                fail(ex, e.status(), e.getMessage());
            } catch (IOException e) {
                // the page went away mid-answer, or a file could not be read
                fail(ex, 500, "could not answer: " + e.getMessage());
            } catch (RuntimeException e) {
                err.println("kelvin lab: unexpected failure answering " + ex.getRequestURI().getPath() + ": " + e);
                err.flush();
                fail(ex, 500, "unexpected failure: " + e.getMessage());
            }
        }
    }

    private void route(HttpExchange ex, LabRequest request, String method, String path) throws IOException {
        if (path.startsWith("/api/")) {
            LabRoutes.Handler handler = (method.equals("POST") ? posts : gets).get(path);
            LabRoutes.StreamHandler stream = method.equals("GET") ? streams.get(path) : null;
            if (stream != null) {
                events(ex, request, stream);
            } else if (handler != null) {
                if (method.equals("POST")) {
                    request.json();
                }
                send(ex, 200, "application/json", JSON.writeValueAsBytes(handler.handle(request)));
            } else if (gets.containsKey(path) || posts.containsKey(path) || streams.containsKey(path)) {
                throw new LabException(405, method + " is not allowed on " + path);
            } else {
                throw new LabException(404, "no such API: " + path);
            }
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new LabException(405, method + " is not allowed on " + path);
        }
        if (path.equals("/")) {
            resource(ex, STATIC + "index.html");
        } else if (path.startsWith("/static/") && STATIC_NAME.matcher(path.substring(8)).matches()) {
            resource(ex, STATIC + path.substring(8));
        } else if (path.equals("/vendor/uplot.js")) {
            resource(ex, UPLOT + "uPlot.iife.min.js");
        } else if (path.equals("/vendor/uplot.css")) {
            resource(ex, UPLOT + "uPlot.min.css");
        } else if (path.startsWith("/files/")) {
            file(ex, files.resolve(path.substring(7)));
        } else if (pages.containsKey(path.substring(1))) {
            resource(ex, STATIC + path.substring(1) + ".html");
        } else {
            throw new LabException(404, "no such page: " + path);
        }
    }

    private void resource(HttpExchange ex, String name) throws IOException {
        byte[] bytes = bytes(name);
        if (bytes == null) {
            throw new LabException(404, "no such file: " + name.substring(name.lastIndexOf('/') + 1));
        }
        if (name.endsWith(".html")) {
            bytes = new String(bytes, StandardCharsets.UTF_8).replace(HEAD_MARK, part("head.html"))
                    .replace(NAV_MARK, part("nav.html")).getBytes(StandardCharsets.UTF_8);
        }
        send(ex, 200, type(name), bytes);
    }

    /** A shared piece of every page ({@code <head>} lines, the navigation bar), kept in one file each. */
    private static String part(String name) throws IOException {
        byte[] bytes = bytes(PARTS + name);
        if (bytes == null) {
            throw new IOException("the jar lacks the lab's " + name);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = LabServer.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private void file(HttpExchange ex, Path p) throws IOException {
        if (Files.isDirectory(p)) {
            p = p.resolve("report.html");
        }
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new LabException(404, "no such file in the lab's folder: " + files.relative(p));
        }
        send(ex, 200, type(p.getFileName().toString()), Files.readAllBytes(p));
    }

    private static String type(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void fail(HttpExchange ex, int status, String message) {
        try {
            boolean api = ex.getRequestURI().getPath().startsWith("/api/");
            byte[] body = api ? JSON.writeValueAsBytes(Map.of("error", message))
                    : (message + "\n").getBytes(StandardCharsets.UTF_8);
            send(ex, status, api ? "application/json" : "text/plain; charset=utf-8", body);
        } catch (IOException | IllegalStateException gone) {
            // headers were sent already, or the page went away: nothing more can be said
        }
    }

    private static void events(HttpExchange ex, LabRequest request, LabRoutes.StreamHandler handler)
            throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        handler.stream(request, (event, data) -> {
            String text = "event: " + event + "\ndata: " + JSON.writeValueAsString(data) + "\n\n";
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        });
        out.close();
    }
}
