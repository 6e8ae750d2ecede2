package kelvin.experiments.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kelvin.agents.tabular.TabularLearner;
import kelvin.agents.tabular.TdLearner;
import kelvin.env.mdp.GridAction;
import kelvin.env.mdp.Gridworld;
import kelvin.env.mdp.TabularEnv;
import kelvin.env.mdp.TabularModel;
import kelvin.env.mdp.TabularRun;
import kelvin.env.mdp.TabularTask;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.TabularCell;
import kelvin.experiments.run.Streams;

/**
 * One agent learning live on one map: run 0 of the config's only cell, with the streams, the model
 * and the learner that {@code kelvin run} gives that run, stepped in the order of its tabular loop
 * (begin episode, reset, then act, step, learn until termination or max-steps, end episode). So
 * with the temperature untouched the episodes are those of {@code kelvin run}, run 0.
 *
 * <p>Callers hold the session's lock ({@code synchronized} on it) around every call.
 */
final class GridSession {
    /** The most states of the episode path kept for drawing; a longer episode keeps its last ones. */
    static final int MAX_PATH = 4096;

    private final String id;
    private final Experiment experiment;
    private final TabularTask task;
    private final TabularModel model;
    private final TabularRun run;
    private final TabularLearner learner;
    private final GridSlider slider;
    private final List<String> layout;
    private final int columns;
    private final long[] visits;
    private final int[] path = new int[MAX_PATH];
    private final String config;
    private int pathStart;
    private int pathLength;
    private int[] lastPath = new int[0];
    private double[] returns = new double[64];
    private int[] lengths = new int[64];
    private int episodes;
    private long steps;
    private boolean inEpisode;
    private int state;
    private double episodeReturn;
    private int episodeSteps;
    private volatile long lastUsed;

    /**
     * Starts run 0 of an experiment's first cell.
     *
     * @param id the session's id
     * @param experiment a validated experiment on a tabular MDP with a grid layout
     * @param slider the schedule the cell's policy reads
     * @param config the equivalent config for {@code kelvin run}, shown on the page
     * @param now the time of creation, in milliseconds
     */
    GridSession(String id, Experiment experiment, GridSlider slider, String config, long now) {
        this.id = id;
        this.experiment = experiment;
        this.slider = slider;
        this.config = config;
        TabularCell cell = (TabularCell) experiment.cells().get(0);
        this.task = cell.environment();
        TabularEnv env = task.mdp();
        // as TabularSimulation.runBlock builds run 0
        var envRng = Streams.environment(experiment.seed(), 0);
        this.model = env.isRandomized() ? env.model(envRng) : env.model(null);
        this.run = TabularRun.of(model, envRng);
        this.learner = cell.agent().start(model.states(), model.actions(),
                Streams.agent(experiment.seed(), cell.label(), 0));
        this.layout = env.layout();
        this.columns = layout.get(0).length();
        this.visits = new long[model.states()];
        this.state = model.startCount() > 0 ? model.startState(0) : 0;
        this.lastUsed = now;
    }

    String id() {
        return id;
    }

    long lastUsed() {
        return lastUsed;
    }

    void touch(long now) {
        lastUsed = now;
    }

    GridSlider slider() {
        return slider;
    }

    int episodes() {
        return episodes;
    }

    /**
     * Takes up to {@code n} steps, across episode ends.
     *
     * @param n the steps, at least 1
     */
    void steps(int n) {
        for (int i = 0; i < n; i++) {
            step();
        }
    }

    /**
     * Runs until {@code count} episodes have ended (the current one counts if it is under way), or
     * until {@code maxSteps} steps have been taken.
     *
     * @param count the episodes, at least 1
     * @param maxSteps the most steps to take
     */
    void episodes(int count, long maxSteps) {
        int target = episodes + count;
        for (long i = 0; i < maxSteps && episodes < target; i++) {
            step();
        }
    }

    private void step() {
        if (!inEpisode) {
            learner.beginEpisode();
            state = run.reset();
            visits[state]++;
            pathStart = 0;
            pathLength = 0;
            remember(state);
            episodeReturn = 0;
            episodeSteps = 0;
            inEpisode = true;
        }
        int a = learner.act(state);
        int s2 = run.step(a);
        double reward = run.reward();
        boolean terminated = run.terminated();
        episodeReturn += reward;
        episodeSteps++;
        steps++;
        visits[s2]++;
        remember(s2);
        learner.learn(state, a, reward, s2, terminated);
        state = s2;
        if (terminated || episodeSteps >= task.maxSteps()) {
            learner.endEpisode();
            endEpisode();
        }
    }

    /** Appends a state to the path, a ring that keeps the last {@link #MAX_PATH}. */
    private void remember(int s) {
        path[(pathStart + pathLength) % MAX_PATH] = s;
        if (pathLength < MAX_PATH) {
            pathLength++;
        } else {
            pathStart = (pathStart + 1) % MAX_PATH;
        }
    }

    private int[] currentPath() {
        int[] out = new int[pathLength];
        for (int i = 0; i < pathLength; i++) {
            out[i] = path[(pathStart + i) % MAX_PATH];
        }
        return out;
    }

    private void endEpisode() {
        if (episodes == returns.length) {
            returns = Arrays.copyOf(returns, episodes * 2);
            lengths = Arrays.copyOf(lengths, episodes * 2);
        }
        returns[episodes] = episodeReturn;
        lengths[episodes] = episodeSteps;
        episodes++;
        lastPath = currentPath();
        inEpisode = false;
    }

    /**
     * What the page draws.
     *
     * @param from the first episode whose return and length to include
     * @return the session's state as JSON-ready values
     */
    Map<String, Object> view(int from) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("temperature", GridworldPage.number(slider.value()));
        m.put("episodes", episodes);
        m.put("steps", steps);
        m.put("inEpisode", inEpisode);
        m.put("position", state);
        m.put("lastReturn", episodes > 0 ? returns[episodes - 1] : null);
        m.put("lastLength", episodes > 0 ? lengths[episodes - 1] : null);
        m.put("path", inEpisode ? currentPath() : lastPath);
        int start = Math.max(0, Math.min(from, episodes));
        m.put("from", start);
        m.put("returns", Arrays.copyOfRange(returns, start, episodes));
        m.put("lengths", Arrays.copyOfRange(lengths, start, episodes));
        int cells = layout.size() * columns;
        long[] v = Arrays.copyOf(visits, Math.min(cells, visits.length));
        m.put("visits", v);
        m.put("values", values(cells));
        m.put("arrows", arrows(cells));
        return m;
    }

    /** The map and what does not change while the agent learns. */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layout", layout);
        m.put("rows", layout.size());
        m.put("columns", columns);
        m.put("states", model.states());
        m.put("actions", model.actions());
        m.put("map", task.mdp().toString());
        m.put("maxSteps", task.maxSteps());
        m.put("gamma", task.gamma());
        m.put("agent", experiment.cells().get(0).label());
        m.put("seed", experiment.seed());
        m.put("hasValues", learner instanceof TdLearner);
        m.put("config", config);
        return m;
    }

    /** max_a Q(s, a) per drawn cell, or null when the learner does not expose its values. */
    private double[] values(int cells) {
        if (!(learner instanceof TdLearner td)) {
            return null;
        }
        double[] out = new double[Math.min(cells, model.states())];
        for (int s = 0; s < out.length; s++) {
            out[s] = td.maxValue(s);
        }
        return out;
    }

    /**
     * The greedy action of each drawn cell as a move {dRow, dColumn}: a gridworld's action
     * direction, else where the action's most probable outcome leads on the grid; null when the
     * values tie (nothing learnt yet) or the move leaves the drawing.
     */
    private List<int[]> arrows(int cells) {
        List<int[]> out = new ArrayList<>();
        boolean grid = task.mdp() instanceof Gridworld && model.actions() == GridAction.values().length;
        int n = Math.min(cells, model.states());
        for (int s = 0; s < n; s++) {
            int a = learner.greedyAction(s);
            if (tied(s)) {
                out.add(null);
            } else if (grid) {
                GridAction g = GridAction.of(a);
                out.add(new int[] {g.dRow(), g.dColumn()});
            } else {
                out.add(move(s, a, cells));
            }
        }
        return out;
    }

    private boolean tied(int s) {
        if (!(learner instanceof TdLearner td)) {
            return false;
        }
        double best = td.maxValue(s);
        int n = 0;
        for (int a = 0; a < model.actions(); a++) {
            if (td.value(s, a) == best) {
                n++;
            }
        }
        return n > 1;
    }

    private int[] move(int s, int a, int cells) {
        int best = -1;
        double p = -1;
        for (int i = model.first(s, a); i < model.end(s, a); i++) {
            if (model.probability(i) > p) {
                p = model.probability(i);
                best = model.next(i);
            }
        }
        if (best < 0 || best >= cells || best == s) {
            return null;
        }
        return new int[] {best / columns - s / columns, best % columns - s % columns};
    }
}
