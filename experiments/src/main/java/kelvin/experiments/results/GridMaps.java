package kelvin.experiments.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kelvin.env.mdp.DeepSea;
import kelvin.env.mdp.Gridworld;
import kelvin.env.mdp.RiverSwim;
import kelvin.env.mdp.TabularEnv;
import kelvin.env.mdp.ValueIteration;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Environment;
import kelvin.experiments.model.Experiment;
import kelvin.plots.GridMap;

/**
 * The pictures of a tabular experiment, per variant: where the agent went (share of all state
 * visits over every run and episode, log colour scale) and what it learned (the greedy action most
 * runs end training with, its arrow as opaque as the share of runs that agree, over V* shading).
 */
final class GridMaps {

    /** A map to draw, its file name (without extension) and its caption. */
    record Map(GridMap map, String file, String caption) {
    }

    /** Beyond this many variants the maps would drown the report; the curves still show them all. */
    static final int MAX_VARIANTS = 12;

    private GridMaps() {
    }

    static List<Map> of(ResultData data) {
        Experiment e = data.experiment();
        List<Map> maps = new ArrayList<>();
        if (e.cells().size() > MAX_VARIANTS) {
            return maps;
        }
        for (Cell cell : e.cells()) {
            Environment.Tabular environment = (Environment.Tabular) cell.environment();
            TabularEnv env = environment.env();
            List<String> layout = layout(env);
            if (layout == null) {
                continue;
            }
            int rows = layout.size();
            int columns = layout.get(0).length();
            int actions = env.actions();
            int n = env.states();
            long total = 0;
            for (int s = 0; s < rows * columns; s++) {
                total += data.tally(cell.index(), s);
            }
            double[][] visits = new double[rows][columns];
            int[][] arrows = new int[rows][columns];
            double[][] agreement = new double[rows][columns];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    int s = r * columns + c;
                    visits[r][c] = total == 0 ? Double.NaN : (double) data.tally(cell.index(), s) / total;
                    long best = -1;
                    int bestAction = GridMap.NO_ACTION;
                    long sum = 0;
                    for (int a = 0; a < actions; a++) {
                        long count = data.tally(cell.index(), n + s * actions + a);
                        sum += count;
                        if (count > best) {
                            best = count;
                            bestAction = a;
                        }
                    }
                    boolean open = layout.get(r).charAt(c) == GridMap.FREE || layout.get(r).charAt(c) == GridMap.START;
                    arrows[r][c] = open && sum > 0 && actions == 4 ? bestAction : GridMap.NO_ACTION;
                    agreement[r][c] = arrows[r][c] == GridMap.NO_ACTION ? Double.NaN : (double) best / sum;
                }
            }
            String safe = cell.label().replaceAll("[^A-Za-z0-9._-]", "_");
            maps.add(new Map(GridMap.of(cell.label() + ": share of visits", layout)
                    .withValues(visits, "share of all visits", true),
                    "visits-" + safe + "-" + cell.index(), String.format(Locale.ROOT, "Where %s went: the share of "
                            + "all state visits over %d runs x %d episodes (log colour scale; white = never).",
                            cell.label(), e.runs(), e.horizon())));
            GridMap policy = GridMap.of(cell.label() + ": greedy policy after training", layout)
                    .withArrows(arrows, agreement, "share of runs agreeing");
            double[][] optimal = optimalValues(environment, rows, columns);
            if (optimal != null) {
                policy = policy.withValues(optimal, "V*(s)", false);
            }
            maps.add(new Map(policy, "policy-" + safe + "-" + cell.index(), String.format(Locale.ROOT,
                    "What %s learned: in each cell the greedy action most of the %d runs end training with; an "
                            + "arrow is as opaque as the share of runs that agree%s.", cell.label(), e.runs(),
                    optimal != null ? "; shading is V* (gamma " + environment.gamma() + ")" : "")));
        }
        return maps;
    }

    /** The cells of the map as GridMap kinds, or null for MDPs that are not drawn as grids. */
    static List<String> layout(TabularEnv env) {
        List<String> rows = new ArrayList<>();
        if (env instanceof Gridworld) {
            Gridworld g = (Gridworld) env;
            for (int r = 0; r < g.rows(); r++) {
                StringBuilder sb = new StringBuilder();
                for (int c = 0; c < g.columns(); c++) {
                    char k = g.cell(g.state(r, c));
                    sb.append(k == 'F' ? GridMap.FREE : k);
                }
                rows.add(sb.toString());
            }
            return rows;
        }
        if (env instanceof DeepSea) {
            int size = ((DeepSea) env).size();
            for (int r = 0; r < size; r++) {
                StringBuilder sb = new StringBuilder(".".repeat(size));
                if (r == 0) {
                    sb.setCharAt(0, GridMap.START);
                }
                if (r == size - 1) {
                    sb.setCharAt(size - 1, GridMap.GOAL);
                }
                rows.add(sb.toString());
            }
            return rows;
        }
        if (env instanceof RiverSwim) {
            rows.add(".".repeat(RiverSwim.STATES));
            return rows;
        }
        return null;
    }

    /** V* per cell for fixed gridworlds (deep sea's model is drawn per run, so it has no single V*). */
    private static double[][] optimalValues(Environment.Tabular environment, int rows, int columns) {
        if (!(environment.env() instanceof Gridworld)) {
            return null;
        }
        Gridworld g = (Gridworld) environment.env();
        double[] v;
        try {
            v = ValueIteration.solve(g.model(), environment.gamma()).values();
        } catch (IllegalStateException | IllegalArgumentException ex) {
            return null; // no finite V* (e.g. a loop at gamma = 1): draw the policy alone
        }
        double[][] out = new double[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int s = r * columns + c;
                char k = g.cell(s);
                out[r][c] = k == '#' || k == 'G' || k == 'H' || k == 'C' || !Double.isFinite(v[s]) ? Double.NaN : v[s];
            }
        }
        return out;
    }
}
