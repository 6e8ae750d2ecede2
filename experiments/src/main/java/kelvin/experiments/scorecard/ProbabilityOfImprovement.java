package kelvin.experiments.scorecard;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The probability of improvement of agent X over agent Y (Agarwal et al. 2021, section 4; rliable's
 * {@code metrics.probability_of_improvement}): per environment e the Mann-Whitney form
 * P_e(X &gt; Y) = (1 / (n_X n_Y)) sum_{i,j} S(x_{e,i}, y_{e,j}) with S(a, b) = 1 if a &gt; b, 1/2 if
 * a = b and 0 otherwise (scipy's U statistic of {@code mannwhitneyu} over n_X n_Y), then the
 * plain mean over the E environments, P(X &gt; Y) = (1 / E) sum_e P_e. It follows that
 * P(Y &gt; X) = 1 - P(X &gt; Y), and identical scores give 1/2.
 *
 * <p>Its interval resamples the runs of X and of Y independently within each environment, as rliable
 * does (a pair of score matrices goes to {@code StratifiedIndependentBootstrap}, which draws separate
 * run indices for each input): the statistic compares every run of X with every run of Y, not run r
 * with run r, so the pairing of common random numbers is not part of it. Random draws: resample
 * b = 1..B, environment e in row order, then n_X draws {@code rng.nextInt(n_X)} for X and n_Y draws
 * {@code rng.nextInt(n_Y)} for Y, run indices in the table's order.
 *
 * <p>Implementation note: with each side's runs sorted once, a resample only counts how often each run
 * was drawn; the pairs above and tied are then prefix sums of Y's counts at positions found before
 * the loop, so a resample costs O(n_X + n_Y) per environment instead of O(n_X n_Y), with the half
 * counts of ties kept exact as integers (2U).
 */
public final class ProbabilityOfImprovement {

    private ProbabilityOfImprovement() {
    }

    /**
     * P(X &gt; Y) of two tables.
     *
     * @param x agent X's scores
     * @param y agent Y's scores, on the same environments
     * @return the mean over environments of the Mann-Whitney fraction
     * @throws IllegalArgumentException if the environments differ
     */
    public static double of(ScoreTable x, ScoreTable y) {
        checkSameEnvironments(x, y);
        double sum = 0;
        for (int e = 0; e < x.environmentCount(); e++) {
            sum += environment(x.rows()[e], y.rows()[e]);
        }
        return sum / x.environmentCount();
    }

    /**
     * P_e(X &gt; Y) on one environment: the fraction of run pairs where X scores more, ties counted 1/2.
     *
     * @param x X's runs
     * @param y Y's runs
     * @return a number in [0, 1]
     */
    public static double environment(double[] x, double[] y) {
        long twiceU = 0;
        for (double a : x) {
            for (double b : y) {
                twiceU += a > b ? 2 : a == b ? 1 : 0;
            }
        }
        return twiceU / (2.0 * x.length * y.length);
    }

    /**
     * P(X &gt; Y) with its stratified bootstrap interval.
     *
     * @param x agent X's scores
     * @param y agent Y's scores, on the same environments
     * @param bootstrap resamples and level
     * @param rng the source of the resamples, drawn as the class comment says
     * @return the estimate
     * @throws IllegalArgumentException if the environments differ
     */
    public static Estimate of(ScoreTable x, ScoreTable y, StratifiedBootstrap bootstrap, UniformRandomProvider rng) {
        double value = of(x, y);
        int envs = x.environmentCount();
        Pairs[] pairs = new Pairs[envs];
        for (int e = 0; e < envs; e++) {
            pairs[e] = new Pairs(x.rows()[e], y.rows()[e]);
        }
        double[] replicates = new double[bootstrap.resamples()];
        for (int b = 0; b < replicates.length; b++) {
            double sum = 0;
            for (Pairs p : pairs) {
                sum += p.resampled(rng);
            }
            replicates[b] = sum / envs;
        }
        return bootstrap.estimate(value, replicates);
    }

    private static void checkSameEnvironments(ScoreTable x, ScoreTable y) {
        if (!x.environments().equals(y.environments())) {
            throw new IllegalArgumentException("probability of improvement: the agents' environments differ: "
                    + x.environments() + " and " + y.environments());
        }
    }

    /** One environment's runs, arranged so that a resample is counted in linear time. */
    private static final class Pairs {
        /** Position in increasing score order of each run of X, and of Y. */
        private final int[] rankX;
        private final int[] rankY;
        /** For X's run at sorted position i: how many runs of Y score less, and at most as much. */
        private final int[] belowY;
        private final int[] atMostY;
        private final int[] countX;
        private final int[] countY;
        private final long[] prefixY;

        Pairs(double[] x, double[] y) {
            rankX = positions(x);
            rankY = positions(y);
            double[] xs = x.clone();
            double[] ys = y.clone();
            Arrays.sort(xs);
            Arrays.sort(ys);
            belowY = new int[xs.length];
            atMostY = new int[xs.length];
            int lo = 0;
            int hi = 0;
            for (int i = 0; i < xs.length; i++) {
                while (lo < ys.length && ys[lo] < xs[i]) {
                    lo++;
                }
                while (hi < ys.length && ys[hi] <= xs[i]) {
                    hi++;
                }
                belowY[i] = lo;
                atMostY[i] = hi;
            }
            countX = new int[xs.length];
            countY = new int[ys.length];
            prefixY = new long[ys.length + 1];
        }

        /** P_e(X* &gt; Y*) of one resample, drawing X's runs and then Y's. */
        double resampled(UniformRandomProvider rng) {
            int nx = countX.length;
            int ny = countY.length;
            Arrays.fill(countX, 0);
            Arrays.fill(countY, 0);
            for (int k = 0; k < nx; k++) {
                countX[rankX[rng.nextInt(nx)]]++;
            }
            for (int k = 0; k < ny; k++) {
                countY[rankY[rng.nextInt(ny)]]++;
            }
            for (int j = 0; j < ny; j++) {
                prefixY[j + 1] = prefixY[j] + countY[j];
            }
            long twiceU = 0;
            for (int i = 0; i < nx; i++) {
                if (countX[i] != 0) {
                    twiceU += countX[i] * (prefixY[belowY[i]] + prefixY[atMostY[i]]);
                }
            }
            return twiceU / (2.0 * nx * ny);
        }

        /** position[r] = the place of run r when the runs are sorted by score (ties by run index). */
        private static int[] positions(double[] values) {
            int[] order = IntStream.range(0, values.length).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(r -> values[r]).thenComparingInt(r -> r))
                    .mapToInt(Integer::intValue).toArray();
            int[] position = new int[values.length];
            for (int i = 0; i < order.length; i++) {
                position[order[i]] = i;
            }
            return position;
        }
    }
}
