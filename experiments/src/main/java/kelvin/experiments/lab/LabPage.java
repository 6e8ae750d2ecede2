package kelvin.experiments.lab;

/**
 * One page of the lab: its HTML file under {@code kelvin/lab/static/} and the API routes its
 * script calls, all under {@code /api/NAME/}. The HTML holds {@code <!-- lab-head -->} in its head
 * and {@code <!-- lab-nav -->} at the top of its body, which the server replaces by the lines every
 * page shares ({@code kelvin/lab/parts/}).
 */
public interface LabPage {

    /**
     * The page's name: its address {@code /NAME}, its file {@code NAME.html} and its API prefix.
     *
     * @return lower-case letters
     */
    String name();

    /**
     * Registers the page's API routes.
     *
     * @param routes where routes are added, already prefixed with {@code /api/NAME}
     */
    void routes(LabRoutes routes);

    /** Stops what the page still runs (an experiment, a learning agent) as the lab shuts down. */
    default void close() {
    }
}
