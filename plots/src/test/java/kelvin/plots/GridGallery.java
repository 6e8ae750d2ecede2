package kelvin.plots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders example grid maps into a folder, for looking at them by eye. Not a test (the surefire
 * pattern does not match it): run it with {@code java -cp ... kelvin.plots.GridGallery /tmp/plots-grid}.
 */
public final class GridGallery {

    private GridGallery() {
    }

    /**
     * Writes the gallery.
     *
     * @param args the output folder (default /tmp/plots-grid)
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/plots-grid");
        Files.createDirectories(out);
        ChartRenderer renderer = new ChartRenderer();
        write(out, "cliff", renderer, Maps.cliff());
        write(out, "cliff-layout", renderer, GridMap.of("Cliff walking (layout only)", Maps.CLIFF));
        write(out, "four-rooms", renderer, Maps.fourRooms());
        write(out, "frozen-lake", renderer, Maps.frozenLake());
        write(out, "deep-sea-40", renderer, Maps.deepSea(40));
        write(out, "deep-sea-64", renderer, Maps.deepSea(64));
        write(out, "grid-150", renderer, GridMap.of("150 x 150 (arrows hidden)", Maps.deepSea(150).layout())
            .withArrows(Maps.deepSea(150).actions()));
        write(out, "one-cell", renderer, GridMap.of("One cell", List.of("S"))
            .withValues(new double[][] {{-1}}, "V*(s)", false).withArrows(new int[][] {{GridMap.RIGHT}})
            .withTexts(new String[][] {{"-1"}}));
    }

    private static void write(Path out, String name, ChartRenderer renderer, GridMap map) throws IOException {
        Files.write(out.resolve(name + ".png"), renderer.png(map));
        Files.write(out.resolve(name + ".svg"), renderer.svg(map));
    }

    /** Realistic example maps shaped like Kelvin's gridworlds; shared with the tests. */
    static final class Maps {

        /** Cliff walking, Sutton and Barto (2018), Example 6.6: 4 x 12, start and goal at the bottom. */
        static final List<String> CLIFF = List.of(
            "............",
            "............",
            "............",
            "SCCCCCCCCCCG");

        /** Four rooms, Sutton, Precup and Singh (1999), inside its outer wall: 11 x 11. */
        static final List<String> FOUR_ROOMS = List.of(
            "S....#.....",
            ".....#.....",
            "...........",
            ".....#.....",
            ".....#.....",
            "#.####.....",
            ".....###.##",
            ".....#.....",
            ".....#..G..",
            "...........",
            ".....#.....");

        /** Gymnasium's 8 x 8 frozen lake ('F' written as '.'). */
        static final List<String> FROZEN_LAKE = List.of(
            "S.......",
            "........",
            "...H....",
            ".....H..",
            "...H....",
            ".HH...H.",
            ".H..H.H.",
            "...H...G");

        private Maps() {
        }

        /**
         * V*(s) = -(steps to the goal) with reward -1 per step; arrows along the optimal path: up
         * from S, right along row 2, down into G (rows 0 and 1 also go right, then down).
         */
        static GridMap cliff() {
            double[][] v = new double[4][12];
            int[][] a = new int[4][12];
            double[][] agree = new double[4][12];
            String[][] texts = new String[4][12];
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 12; c++) {
                    char k = CLIFF.get(r).charAt(c);
                    v[r][c] = k == 'C' ? Double.NaN : k == 'G' ? 0 : k == 'S' ? -13 : -((3 - r) + (11 - c));
                    a[r][c] = k == 'C' || k == 'G' ? GridMap.NO_ACTION : k == 'S' ? GridMap.UP
                        : c == 11 ? GridMap.DOWN : GridMap.RIGHT;
                    agree[r][c] = a[r][c] == GridMap.NO_ACTION ? Double.NaN
                        : r >= 2 || k == 'S' ? 1.0 : 0.35 + 0.05 * c;
                    texts[r][c] = Double.isNaN(v[r][c]) ? null : String.format(Locale.ROOT, "%.0f", v[r][c]);
                }
            }
            return GridMap.of("Cliff walking: optimal values and greedy actions", CLIFF)
                .withValues(v, "V*(s)", false)
                .withArrows(a, agree, "share of runs agreeing")
                .withTexts(texts);
        }

        /** Share of visits of an agent that mostly stays in the first room, on a log scale. */
        static GridMap fourRooms() {
            int n = 11;
            double[][] share = new double[n][n];
            double total = 0;
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    char k = FOUR_ROOMS.get(r).charAt(c);
                    if (k == '#') {
                        share[r][c] = Double.NaN;
                        continue;
                    }
                    boolean farRoom = r > 5 && c > 5;
                    share[r][c] = farRoom && r + c > 17 && k != 'G' ? 0 : Math.exp(-0.45 * (r + c));
                    total += share[r][c];
                }
            }
            for (double[] row : share) {
                for (int c = 0; c < n; c++) {
                    row[c] /= total;
                }
            }
            return GridMap.of("Four rooms: share of visits (eps-greedy, 200 episodes)", FOUR_ROOMS)
                .withValues(share, "share of visits", true);
        }

        /**
         * Slippery frozen lake: V* and greedy actions by value iteration with gamma = 0.99 (each
         * move goes the intended way or to either side, 1/3 each).
         */
        static GridMap frozenLake() {
            int n = 8;
            double gamma = 0.99;
            double[][] v = new double[n][n];
            int[][] best = new int[n][n];
            int[] dr = {-1, 0, 1, 0};
            int[] dc = {0, 1, 0, -1};
            for (int sweep = 0; sweep < 1000; sweep++) {
                double[][] next = new double[n][n];
                for (int r = 0; r < n; r++) {
                    for (int c = 0; c < n; c++) {
                        char k = FROZEN_LAKE.get(r).charAt(c);
                        best[r][c] = GridMap.NO_ACTION;
                        if (k == 'H' || k == 'G') {
                            continue;
                        }
                        double top = Double.NEGATIVE_INFINITY;
                        for (int a = 0; a < 4; a++) {
                            double q = 0;
                            for (int slip : new int[] {a, (a + 1) % 4, (a + 3) % 4}) {
                                int r2 = Math.max(0, Math.min(n - 1, r + dr[slip]));
                                int c2 = Math.max(0, Math.min(n - 1, c + dc[slip]));
                                char k2 = FROZEN_LAKE.get(r2).charAt(c2);
                                double reward = k2 == 'G' ? 1 : 0;
                                q += (reward + (k2 == 'G' || k2 == 'H' ? 0 : gamma * v[r2][c2])) / 3;
                            }
                            if (q > top + 1e-12) {
                                top = q;
                                best[r][c] = a;
                            }
                        }
                        next[r][c] = top;
                    }
                }
                v = next;
            }
            String[][] texts = new String[n][n];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    char k = FROZEN_LAKE.get(r).charAt(c);
                    if (k == 'G') {
                        v[r][c] = Double.NaN; // terminal: no value worth showing (V = 0 by definition)
                    } else if (k != 'H') {
                        texts[r][c] = String.format(Locale.ROOT, "%.2f", v[r][c]);
                    }
                }
            }
            return GridMap.of("Frozen lake 8x8 (slippery): V* and greedy action, gamma = 0.99", FROZEN_LAKE)
                .withValues(v, "V*(s)", false)
                .withArrows(best)
                .withTexts(texts);
        }

        /**
         * Deep sea (Osband et al. 2019, bsuite): the agent starts top left and moves one row down
         * per step, left or right; the treasure is bottom right. Share of visits of a dithering
         * agent (log scale) and the greedy action with the share of runs agreeing.
         */
        static GridMap deepSea(int n) {
            List<String> layout = new ArrayList<>();
            double[][] share = new double[n][n];
            int[][] actions = new int[n][n];
            double[][] agree = new double[n][n];
            for (int r = 0; r < n; r++) {
                StringBuilder row = new StringBuilder();
                for (int c = 0; c < n; c++) {
                    row.append(r == 0 && c == 0 ? 'S' : r == n - 1 && c == n - 1 ? 'G' : '.');
                    boolean reachable = c <= r;
                    share[r][c] = reachable ? Math.exp(-0.35 * c) * Math.pow(0.5, c == r ? 0 : 0) / n : Double.NaN;
                    if (reachable && c > 0 && c > r / 2) {
                        share[r][c] = 0;
                    }
                    actions[r][c] = reachable ? (c >= r - 2 ? GridMap.RIGHT : GridMap.LEFT) : GridMap.NO_ACTION;
                    agree[r][c] = reachable ? 0.5 + 0.5 * Math.cos(0.37 * r + 0.91 * c) * 0.9 : Double.NaN;
                }
                layout.add(row.toString());
            }
            return GridMap.of("Deep sea " + n + " x " + n + ": share of visits and greedy action", layout)
                .withValues(share, "share of visits", true)
                .withArrows(actions, agree, "share of runs agreeing");
        }
    }
}
