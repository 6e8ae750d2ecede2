package kelvin.experiments.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import kelvin.experiments.config.Limits;
import kelvin.experiments.config.Registry;
import kelvin.experiments.results.Mappers;

/**
 * A lab served in-process on a free port of 127.0.0.1, and a client that holds its token cookie:
 * what the lab's tests talk to.
 */
public final class LabClient implements AutoCloseable {
    /** The token of every test lab. */
    public static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef";

    private final LabServer server;
    private final LabContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    private final StringWriter errors = new StringWriter();

    /** An answer: its status and body. */
    public record Answer(int status, String body) {
        /**
         * The body as JSON.
         *
         * @return the tree
         */
        public JsonNode json() {
            try {
                return Mappers.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    /**
     * Starts a lab with the built-in components on {@code dir}.
     *
     * @param dir the lab's folder
     * @param pages the pages to serve, made from the lab's context
     * @throws IOException when the server cannot start
     */
    public LabClient(Path dir, Function<LabContext, List<LabPage>> pages) throws IOException {
        this(dir, Registry.builtIns(), pages);
    }

    /**
     * Starts a lab on {@code dir}.
     *
     * @param dir the lab's folder
     * @param registry the components
     * @param pages the pages to serve, made from the lab's context
     * @throws IOException when the server cannot start
     */
    public LabClient(Path dir, Registry registry, Function<LabContext, List<LabPage>> pages) throws IOException {
        this.context = new LabContext(registry, new LabFiles(dir), Limits.Budget.DEFAULT);
        this.server = new LabServer("127.0.0.1", 0, TOKEN, context.files(), pages.apply(context),
                new PrintWriter(errors, true));
        server.start();
    }

    /**
     * The lab's address, e.g. {@code http://127.0.0.1:41234}.
     *
     * @return the base URL, without a trailing slash
     */
    public String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /**
     * The address a user is given: the lab's root with the token.
     *
     * @return the URL
     */
    public String tokenUrl() {
        return base() + "/?token=" + TOKEN;
    }

    /**
     * The context the pages were made with.
     *
     * @return the context
     */
    public LabContext context() {
        return context;
    }

    /**
     * What the server told its error stream (unexpected failures).
     *
     * @return the text
     */
    public String errors() {
        return errors.toString();
    }

    /**
     * A GET with the token cookie.
     *
     * @param path the path and query
     * @return the answer
     */
    public Answer get(String path) {
        return send(request(path).GET().build());
    }

    /**
     * A POST of a JSON body with the token cookie.
     *
     * @param path the path
     * @param json the body
     * @return the answer
     */
    public Answer post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /**
     * A request to the lab with the token cookie, to add headers or a method to.
     *
     * @param path the path and query
     * @return the builder
     */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).header("Cookie", LabGuard.COOKIE + "=" + TOKEN);
    }

    /**
     * Sends a request.
     *
     * @param request the request
     * @return the answer
     */
    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new AssertionError("the lab did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
