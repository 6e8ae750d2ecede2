package kelvin.experiments.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kelvin.env.mdp.TabularEnv;
import kelvin.env.mdp.TabularTask;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.TabularCell;
import kelvin.plots.GridMap;

/**
 * The pictures of a tabular experiment, per variant: where the agent went (share of all state
 * visits over every run and episode, log colour scale) and what it learned (the greedy action most
 * runs end training with, its arrow as opaque as the share of runs that agree, over V* shading).
 */
final class GridMaps {

    /**
     * A map to draw, its file name (without extension) and its caption.
     *
     * @param map the visits or policy map of one variant
     * @param file its file name in plots/, without extension
     * @param caption the text under it in the report
     */
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
            TabularTask environment = ((TabularCell) cell).environment();
            TabularEnv env = environment.mdp();
            List<String> layout = env.layout();
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
            double[][] optimal = optimalValues(environment, layout);
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

    /** V* per open cell of the layout, when the MDP has a single finite V*. */
    private static double[][] optimalValues(TabularTask environment, List<String> layout) {
        double[] v = environment.optimalValues();
        if (v == null) {
            return null;
        }
        int columns = layout.get(0).length();
        double[][] out = new double[layout.size()][columns];
        for (int r = 0; r < layout.size(); r++) {
            for (int c = 0; c < columns; c++) {
                char k = layout.get(r).charAt(c);
                double value = v[r * columns + c];
                out[r][c] = (k == GridMap.FREE || k == GridMap.START) && Double.isFinite(value) ? value : Double.NaN;
            }
        }
        return out;
    }
}
