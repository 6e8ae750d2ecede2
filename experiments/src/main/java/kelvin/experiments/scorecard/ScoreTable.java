package kelvin.experiments.scorecard;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One agent's normalised scores on a suite: scores[env][run], environments named and in a fixed
 * order. Run counts may differ between environments; every environment has at least one run and
 * every score is finite. Immutable: the factory copies its arrays.
 */
public final class ScoreTable {
    private final List<String> environments;
    private final double[][] scores;
    private final int size;

    private ScoreTable(List<String> environments, double[][] scores, int size) {
        this.environments = environments;
        this.scores = scores;
        this.size = size;
    }

    /**
     * A validated copy of the scores.
     *
     * @param environments the environment names, one per row of {@code scores}, distinct and not blank
     * @param scores scores[env][run]
     * @return the table
     * @throws IllegalArgumentException if there are no environments, the names and rows do not match,
     *     a name is blank or repeated, an environment has no runs, or a score is NaN or infinite
     */
    public static ScoreTable of(List<String> environments, double[][] scores) {
        if (environments == null || scores == null) {
            throw new IllegalArgumentException("score table: environments and scores are required");
        }
        if (environments.isEmpty()) {
            throw new IllegalArgumentException("score table: no environments");
        }
        if (environments.size() != scores.length) {
            throw new IllegalArgumentException("score table: " + environments.size() + " environment names but "
                    + scores.length + " rows of scores");
        }
        Set<String> seen = new HashSet<>();
        double[][] copy = new double[scores.length][];
        int size = 0;
        for (int e = 0; e < scores.length; e++) {
            String name = environments.get(e);
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("score table: environment " + e + " has no name");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("score table: environment \"" + name + "\" appears twice");
            }
            if (scores[e] == null || scores[e].length == 0) {
                throw new IllegalArgumentException("score table: environment \"" + name + "\" has no runs");
            }
            copy[e] = scores[e].clone();
            for (int r = 0; r < copy[e].length; r++) {
                if (!Double.isFinite(copy[e][r])) {
                    throw new IllegalArgumentException("score table: environment \"" + name + "\", run " + r
                            + ": score is not finite: " + copy[e][r]);
                }
            }
            size += copy[e].length;
        }
        return new ScoreTable(List.copyOf(environments), copy, size);
    }

    /**
     * The environment names, in row order.
     *
     * @return an unmodifiable list
     */
    public List<String> environments() {
        return environments;
    }

    /**
     * How many environments.
     *
     * @return the number of rows
     */
    public int environmentCount() {
        return scores.length;
    }

    /**
     * How many runs an environment has.
     *
     * @param env the 0-based environment
     * @return at least 1
     */
    public int runs(int env) {
        return scores[env].length;
    }

    /**
     * The scores of one environment.
     *
     * @param env the 0-based environment
     * @return a copy, one score per run
     */
    public double[] scores(int env) {
        return scores[env].clone();
    }

    /**
     * How many (environment, run) scores in all.
     *
     * @return the sum of the run counts
     */
    public int size() {
        return size;
    }

    /**
     * The mean score of each environment over its runs.
     *
     * @return one mean per environment, in row order
     */
    public double[] environmentMeans() {
        double[] means = new double[scores.length];
        for (int e = 0; e < scores.length; e++) {
            means[e] = mean(scores[e]);
        }
        return means;
    }

    /** The rows themselves, for the loops of this package, which never write to them. */
    double[][] rows() {
        return scores;
    }

    /** Copies the rows one after another into {@code into}; returns how many values that is. */
    static int pool(double[][] rows, double[] into) {
        int n = 0;
        for (double[] row : rows) {
            System.arraycopy(row, 0, into, n, row.length);
            n += row.length;
        }
        return n;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
