package kelvin.experiments.lab;

import java.io.IOException;

/** Where a {@link LabPage} registers the handlers of its API. */
public interface LabRoutes {

    /** Answers a request with a value written as JSON (a map, list, record, array or number). */
    @FunctionalInterface
    interface Handler {
        /**
         * Answers.
         *
         * @param request the request, already past the token, Host and Origin checks
         * @return the JSON answer
         * @throws IOException when a file cannot be read or written
         * @throws LabException when the request is refused
         */
        Object handle(LabRequest request) throws IOException;
    }

    /** Answers a request with a stream of server-sent events, until it returns or the page goes. */
    @FunctionalInterface
    interface StreamHandler {
        /**
         * Streams.
         *
         * @param request the request
         * @param events where events are sent
         * @throws IOException when the page has gone (a write fails) or a file cannot be read
         */
        void stream(LabRequest request, EventSink events) throws IOException;
    }

    /** The open event stream of one page. */
    interface EventSink {
        /**
         * Sends one event now.
         *
         * @param event the event's name
         * @param data its data, written as one line of JSON
         * @throws IOException when the page has gone
         */
        void send(String event, Object data) throws IOException;
    }

    /**
     * Adds a GET route.
     *
     * @param path the path after the page's prefix, starting with {@code /}
     * @param handler its handler
     */
    void get(String path, Handler handler);

    /**
     * Adds a POST route; its body is JSON of at most {@link LabRequest#MAX_BODY} bytes.
     *
     * @param path the path after the page's prefix, starting with {@code /}
     * @param handler its handler
     */
    void post(String path, Handler handler);

    /**
     * Adds a GET route answered with server-sent events.
     *
     * @param path the path after the page's prefix, starting with {@code /}
     * @param handler its handler
     */
    void events(String path, StreamHandler handler);
}
