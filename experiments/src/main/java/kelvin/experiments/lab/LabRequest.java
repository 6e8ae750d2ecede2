package kelvin.experiments.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import kelvin.experiments.results.Mappers;

/** A request to the lab's API after the security checks: its query and its size-limited body. */
public final class LabRequest {
    /** The largest request body the lab reads, in bytes; a longer one is refused with 413. */
    public static final int MAX_BODY = 1 << 20;
    /** How much of a refused body is read and dropped so that the client receives the refusal. */
    private static final long DRAINED = 64L << 20;

    private final HttpExchange exchange;
    private final Map<String, String> query;
    private JsonNode json;

    LabRequest(HttpExchange exchange) {
        this.exchange = exchange;
        this.query = parseQuery(exchange.getRequestURI().getRawQuery());
    }

    /**
     * The request path, without the query.
     *
     * @return the decoded path
     */
    public String path() {
        return exchange.getRequestURI().getPath();
    }

    /**
     * A query parameter.
     *
     * @param name its name
     * @return its decoded value, or null when absent
     */
    public String query(String name) {
        return query.get(name);
    }

    /**
     * The body read as JSON; an empty body reads as a missing node.
     *
     * @return the tree
     * @throws IOException when the body cannot be read
     * @throws LabException 413 when the body is longer than {@link #MAX_BODY}, 400 when it is not JSON
     */
    public JsonNode json() throws IOException {
        if (json == null) {
            byte[] body = body(exchange.getRequestBody());
            if (body.length == 0) {
                json = MissingNode.getInstance();
            } else {
                try {
                    json = Mappers.JSON.readTree(body);
                } catch (IOException e) {
                    throw new LabException(400, "the request body is not JSON");
                }
            }
        }
        return json;
    }

    /**
     * Reads a body of at most {@link #MAX_BODY} bytes, refusing a longer one (a bounded part of its rest is
     * read and dropped).
     *
     * @param in the body
     * @return its bytes
     * @throws IOException when it cannot be read
     * @throws LabException 413 when it is too long
     */
    static byte[] body(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            // Closing on unread bytes makes TCP reset the connection, and the client loses the 413 while it
            // still sends; a bounded rest is read and dropped so that the answer arrives.
            byte[] sink = new byte[1 << 16];
            long left = DRAINED;
            for (int n = 0; left > 0 && n >= 0; n = in.read(sink, 0, (int) Math.min(sink.length, left))) {
                left -= n;
            }
            throw new LabException(413, "the request body is longer than " + (MAX_BODY >> 10) + " KiB");
        }
        return bytes;
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                m.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new LabException(400, "the query is not URL-encoded");
            }
        }
        return m;
    }
}
