package kelvin.experiments.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.env.mdp.BuiltinMap;
import kelvin.env.mdp.TabularTask;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.ConfigNode;
import kelvin.experiments.config.ExperimentLoader;
import kelvin.experiments.config.Registry;
import kelvin.experiments.config.YamlTrees;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.TabularCell;
import kelvin.experiments.plugin.LoadedComponent;

/**
 * The gridworld viewer ({@code /gridworld}): one agent per page session learning live on a map,
 * stepped by the page's requests. The agent and the environment are bound from a config exactly
 * as {@code kelvin run} binds one (the same loader, registry and budget), with the Boltzmann
 * temperature read from the session's {@link GridSlider}.
 *
 * <p>The page polls: it asks for the next N steps or episodes and draws the answer. Polling (not
 * server-sent events) because the page sets the pace: a step button, a speed slider and a pause
 * all map to "send the next request or not", and a slow browser never falls behind a stream.
 *
 * <p>Sessions expire after {@link #IDLE_MILLIS} without a request; at most {@link #MAX_SESSIONS}
 * live at once.
 */
public final class GridworldPage implements LabPage {
    /** The most sessions alive at once. */
    static final int MAX_SESSIONS = 8;
    /** The most steps one request may ask for (also the cap of an episode request). */
    static final int MAX_STEPS = 100_000;
    /** The most episodes one request may ask for. */
    static final int MAX_EPISODES = 1_000;
    /** A session idle this long is dropped, in milliseconds. */
    static final long IDLE_MILLIS = 10 * 60 * 1000L;
    /** Names the env text in messages, so an error reads {@code env:LINE:COLUMN: env.KEY: ...}. */
    private static final String SOURCE = "env";

    private final LabContext context;
    private final LongSupplier clock;
    private final Map<String, GridSession> sessions = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /**
     * The page.
     *
     * @param context the lab's registry and budget
     */
    public GridworldPage(LabContext context) {
        this(context, System::currentTimeMillis);
    }

    GridworldPage(LabContext context, LongSupplier clock) {
        this.context = context;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "gridworld";
    }

    @Override
    public void routes(LabRoutes routes) {
        routes.get("/options", r -> options());
        routes.post("/sessions", this::create);
        routes.post("/step", this::step);
        routes.post("/temperature", this::temperature);
        routes.post("/close", this::closeOne);
    }

    @Override
    public void close() {
        sessions.clear();
    }

    /** A number for JSON: the infinities as "inf" and "-inf". */
    static Object number(double x) {
        if (x == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        return x == Double.NEGATIVE_INFINITY ? "-inf" : x;
    }

    /** The maps of the gridworld's {@code map} key and the tabular agents whose policy is a key. */
    private Map<String, Object> options() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maps", BuiltinMap.names());
        List<String> agents = new ArrayList<>();
        for (Registry.Entry e : context.registry().all(Kind.TABULAR_AGENT)) {
            Component<?> c = e.component();
            if (c.keys().stream().map(Key::name).anyMatch("policy"::equals)) {
                agents.add(c.name());
            }
        }
        m.put("agents", agents);
        m.put("maxSessions", MAX_SESSIONS);
        m.put("maxSteps", MAX_STEPS);
        m.put("maxEpisodes", MAX_EPISODES);
        return m;
    }

    private Object create(LabRequest request) throws IOException {
        long now = clock.getAsLong();
        expire(now);
        if (sessions.size() >= MAX_SESSIONS) {
            throw new LabException(400, "at most " + MAX_SESSIONS + " gridworld sessions may run at once; close a "
                    + "gridworld page or wait 10 minutes for an idle one to expire");
        }
        GridForm form = GridForm.read(request.json());
        GridSlider slider = new GridSlider(form.temperature());
        Registry registry = context.registry().with(List.of(new LoadedComponent(slider.declaration(),
                "the lab's temperature slider")));
        Experiment experiment;
        try {
            ConfigNode env = envNode(form);
            ConfigNode root = ((ConfigNode.MapNode) YamlTrees.parse("the lab's form", form.config(true)))
                    .with("env", env);
            experiment = ExperimentLoader.bind(root, registry, context.budget());
        } catch (ConfigException e) {
            throw new LabException(400, e.getMessage());
        }
        TabularCell cell = experiment.cells().get(0) instanceof TabularCell c ? c : null;
        if (cell == null) {
            throw new LabException(400, "env: the gridworld viewer needs a tabular environment (a map), not a bandit");
        }
        TabularTask task = cell.environment();
        if (task.mdp().layout() == null) {
            throw new LabException(400, "env: " + task.mdp() + " has no grid layout to draw; choose a gridworld map");
        }
        String id = "g" + ids.incrementAndGet();
        GridSession session = new GridSession(id, experiment, slider, form.config(false), now);
        sessions.put(id, session);
        Map<String, Object> m = new LinkedHashMap<>(session.describe());
        m.putAll(session.view(0));
        return m;
    }

    /** The env section: the pasted text (or its {@code env} entry), else the chosen built-in map. */
    private static ConfigNode envNode(GridForm form) {
        if (form.envText() == null) {
            return YamlTrees.parse(SOURCE, "{type: gridworld, map: " + form.map() + "}");
        }
        ConfigNode node = YamlTrees.parse(SOURCE, form.envText());
        if (node instanceof ConfigNode.MapNode map && map.entries().size() == 1 && map.has("env")) {
            return map.get("env");
        }
        return node;
    }

    private Object step(LabRequest request) throws IOException {
        JsonNode body = request.json();
        GridSession session = session(body);
        int from = body.path("from").asInt(0);
        int steps = body.path("steps").asInt(0);
        int episodes = body.path("episodes").asInt(0);
        if ((steps > 0) == (episodes > 0)) {
            throw new LabException(400, "give steps (1 to " + MAX_STEPS + ") or episodes (1 to " + MAX_EPISODES
                    + "), one of them");
        }
        if (steps > MAX_STEPS || body.path("steps").asLong(0) > MAX_STEPS) {
            throw new LabException(400, "steps " + body.path("steps").asText() + " is above the limit of "
                    + MAX_STEPS + " per request");
        }
        if (episodes > MAX_EPISODES || body.path("episodes").asLong(0) > MAX_EPISODES) {
            throw new LabException(400, "episodes " + body.path("episodes").asText() + " is above the limit of "
                    + MAX_EPISODES + " per request");
        }
        synchronized (session) {
            try {
                if (steps > 0) {
                    session.steps(steps);
                } else {
                    session.episodes(episodes, MAX_STEPS);
                }
            } catch (IllegalArgumentException e) {
                throw new LabException(400, "the agent stopped at episode " + (session.episodes() + 1) + ": "
                        + e.getMessage());
            }
            return session.view(from);
        }
    }

    private Object temperature(LabRequest request) throws IOException {
        JsonNode body = request.json();
        GridSession session = session(body);
        double t = GridForm.temperature(body.path("temperature"));
        synchronized (session) {
            session.slider().set(t);
            return Map.of("temperature", number(session.slider().value()));
        }
    }

    private Object closeOne(LabRequest request) throws IOException {
        String id = request.json().path("id").asText("");
        return Map.of("closed", sessions.remove(id) != null);
    }

    private GridSession session(JsonNode body) {
        long now = clock.getAsLong();
        expire(now);
        String id = body.path("id").asText("");
        GridSession session = sessions.get(id);
        if (session == null) {
            throw new LabException(400, "no gridworld session '" + id + "': it was closed or expired after 10 idle "
                    + "minutes; press Reset to start a new one");
        }
        session.touch(now);
        return session;
    }

    private void expire(long now) {
        sessions.values().removeIf(s -> now - s.lastUsed() > IDLE_MILLIS);
    }

    /**
     * How many sessions are alive.
     *
     * @return the count, after dropping expired ones
     */
    int live() {
        expire(clock.getAsLong());
        return sessions.size();
    }
}
