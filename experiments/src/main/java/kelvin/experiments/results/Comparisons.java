package kelvin.experiments.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import kelvin.api.Environment;
import kelvin.experiments.compare.Holm;
import kelvin.experiments.metric.Recorded;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.run.RunStore;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Paired comparisons of variants under common random numbers. Run r of every variant on the same
 * environment draws that environment from the same stream (the same arm means, the same reward
 * noise sequence), so the difference X_a,r - X_b,r cancels the luck both runs shared. The 95%
 * interval of the mean difference is Student's t on those n differences; the unpaired (Welch)
 * interval of the same difference is kept beside it to show how much pairing saves.
 */
public final class Comparisons {
    /** The family-wise error rate of a ranking's pairwise tests. */
    static final double SIGNIFICANCE = 0.05;

    private Comparisons() {
    }

    /**
     * The difference {@code a - b} of two per-run quantities, paired by run.
     *
     * @param difference mean of the per-run differences with its paired 95% t interval
     * @param unpairedHalfWidth half-width of the 95% Welch interval that ignores the pairing
     */
    public record Difference(Interval difference, double unpairedHalfWidth) {

        /**
         * Paired half-width over unpaired half-width.
         *
         * @return below 1 when pairing narrows the interval; NaN when either is undefined
         */
        public double widthRatio() {
            return (difference.high() - difference.mean()) / unpairedHalfWidth;
        }

        /**
         * How the paired interval's width compares with the unpaired one, judged on the ratio as the
         * report prints it (two decimals), so that the report's words agree with its ratio column.
         *
         * @return the comparison, or null when the ratio is undefined (fewer than two runs) or infinite
         */
        public Width width() {
            double ratio = widthRatio();
            if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
                return null;
            }
            long hundredths = Math.round(ratio * 100);
            return hundredths < 100 - Width.MARGIN_PERCENT ? Width.NARROWER
                    : hundredths > 100 + Width.MARGIN_PERCENT ? Width.WIDER : Width.ABOUT_AS_WIDE;
        }

        /**
         * Whether the difference is detectable.
         *
         * @return true when the paired interval excludes 0 (at the 5% level, uncorrected for multiple
         *     comparisons)
         */
        public boolean decided() {
            return difference.low() > 0 || difference.high() < 0;
        }
    }

    /**
     * The paired interval's width against the unpaired one. A width ratio within
     * {@link #MARGIN_PERCENT} percent of 1 counts as about as wide: the paired t interval has fewer
     * degrees of freedom (n - 1) than Welch's (up to 2n - 2), which alone moves the ratio a few
     * percent with a handful of runs, so a smaller gap says nothing about shared luck.
     */
    public enum Width {
        /** The ratio is below 1 by more than the margin: pairing narrowed the interval. */
        NARROWER("narrower", "than"),
        /** The ratio is within the margin of 1. */
        ABOUT_AS_WIDE("about as wide", "as"),
        /** The ratio is above 1 by more than the margin. */
        WIDER("wider", "than");

        /** How far from 1, in percent, a width ratio may be and still count as about as wide. */
        public static final int MARGIN_PERCENT = 5;

        private final String adjective;
        private final String comparedWith;

        Width(String adjective, String comparedWith) {
            this.adjective = adjective;
            this.comparedWith = comparedWith;
        }

        /**
         * The comparison in a word or three, for a list that has already said what is compared.
         *
         * @return e.g. {@code "about as wide"}
         */
        public String adjective() {
            return adjective;
        }

        /**
         * The comparison in words, to be followed by what is compared with.
         *
         * @return e.g. {@code "narrower than"}
         */
        public String words() {
            return adjective + " " + comparedWith;
        }
    }

    /**
     * {@code a - b} paired by run: runs where either value is NaN are left out.
     *
     * @param a one value per run of the first variant
     * @param b one value per run of the second, in the same run order
     * @return the paired difference with the unpaired (Welch) half-width beside it
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static Difference paired(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired values need equal run counts: " + a.length + " and " + b.length);
        }
        Pairs pairs = new Pairs();
        for (int r = 0; r < a.length; r++) {
            pairs.add(a[r], b[r]);
        }
        return pairs.difference();
    }

    /**
     * {@code a - b} of one per-run column of two cells, paired by run and read from the run store
     * side by side, so that memory does not depend on the number of runs.
     *
     * @param data results whose run store holds both cells
     * @param a the first cell's index
     * @param b the second cell's index
     * @param column the column of the per-run rows (a metric's position, or the regret area's)
     * @return the paired difference with the unpaired (Welch) half-width beside it
     * @throws UncheckedIOException when the per-run values cannot be read back
     */
    public static Difference paired(ResultData data, int a, int b, int column) {
        RunStore store = data.runStore();
        int width = data.experiment().metrics().size() + 1;
        double[] rowA = new double[width];
        double[] rowB = new double[width];
        Pairs pairs = new Pairs();
        try (RunStore.RowReader ra = store.reader(a); RunStore.RowReader rb = store.reader(b)) {
            while (ra.next(rowA) && rb.next(rowB)) {
                pairs.add(rowA[column], rowB[column]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("per-run values cannot be read back: " + e.getMessage(), e);
        }
        return pairs.difference();
    }

    /** The running statistics of a paired difference: of a - b, and of a and b on their own. */
    private static final class Pairs {
        private final SummaryStatistics d = new SummaryStatistics();
        private final SummaryStatistics sa = new SummaryStatistics();
        private final SummaryStatistics sb = new SummaryStatistics();

        /** Adds one run's pair; a run where either value is NaN is left out. */
        void add(double a, double b) {
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return;
            }
            d.addValue(a - b);
            sa.addValue(a);
            sb.addValue(b);
        }

        Difference difference() {
            return new Difference(Interval.of(d.getN(), d.getMean(), d.getVariance()), welchHalfWidth(sa, sb));
        }
    }

    /**
     * Half-width of the 95% Welch interval for a difference of means (Welch 1947; degrees of freedom
     * by the Welch-Satterthwaite equation). When both variances are 0 the half-width is 0.
     */
    static double welchHalfWidth(SummaryStatistics a, SummaryStatistics b) {
        long na = a.getN();
        long nb = b.getN();
        if (na < 2 || nb < 2) {
            return Double.NaN;
        }
        double va = a.getVariance() / na;
        double vb = b.getVariance() / nb;
        double se2 = va + vb;
        if (se2 == 0) {
            return 0;
        }
        return Interval.tQuantile975(Interval.welchDegrees(va, na, vb, nb)) * Math.sqrt(se2);
    }

    /**
     * One variant's place in a ranking.
     *
     * @param cell the variant
     * @param rank 1 plus the number of variants significantly better (Holm-adjusted paired t tests)
     * @param finalValue its regret at the horizon
     * @param area its area under the regret curve, or null when no run has one
     * @param vsLeader its paired difference to the best variant, or null for the best
     */
    public record Place(Cell cell, int rank, Interval finalValue, Interval area, Difference vsLeader) {
    }

    /**
     * Ranks the cells by mean final regret, lower first. Every pair of cells is compared by a paired
     * t test on their per-run final regrets (two-sided), and the p values of all pairs are adjusted
     * together by Holm's step-down method ({@link Holm}), which keeps the chance of any false "better"
     * in the whole table at most 5%. A cell's rank is 1 plus the number of cells significantly better
     * than it (adjusted p below 0.05), so cells that cannot be told apart share a rank (1, 1, 3, ...).
     * Cells without regret are left out. The experiment must record the metric that ranks variants
     * (regret).
     *
     * @param data results of an experiment that records regret
     * @param cells the cells to rank, all on one environment (their runs share random numbers)
     * @return their places, best first; each but the best with its paired difference to the best
     */
    public static List<Place> rank(ResultData data, List<Cell> cells) {
        Recorded regret = data.experiment().metrics().get(data.experiment().rankingMetric());
        List<Cell> sorted = new ArrayList<>();
        for (Cell c : cells) {
            if (data.last(c.index(), regret) != null) {
                sorted.add(c);
            }
        }
        sorted.sort(Comparator.comparingDouble((Cell c) -> data.last(c.index(), regret).mean())
                .thenComparingInt(Cell::index));
        int n = sorted.size();
        int column = data.experiment().metrics().indexOf(regret);
        // each pair streams its runs from the run store, so memory does not grow with the runs
        double[] p = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                p[k++] = pValue(paired(data, sorted.get(i).index(), sorted.get(j).index(), column).difference());
            }
        }
        double[] adjusted = Holm.adjust(p);
        int[] better = new int[n];
        k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (adjusted[k++] < SIGNIFICANCE && data.last(sorted.get(i).index(), regret).mean()
                        < data.last(sorted.get(j).index(), regret).mean()) {
                    better[j]++;
                }
            }
        }
        List<Place> places = new ArrayList<>();
        Cell best = n == 0 ? null : sorted.get(0);
        for (int i = 0; i < n; i++) {
            Cell c = sorted.get(i);
            places.add(new Place(c, 1 + better[i], data.last(c.index(), regret), areaInterval(data, c),
                    c == best ? null : paired(data, c.index(), best.index(), column)));
        }
        return places;
    }

    /**
     * The two-sided p value of the t test of a paired difference: t = mean / standard error on
     * n - 1 degrees of freedom. NaN when fewer than two runs have both values or the differences are
     * all 0; 0 when they are all one non-zero value.
     */
    static double pValue(Interval d) {
        if (d.n() < 2 || Double.isNaN(d.mean()) || Double.isNaN(d.stderr())) {
            return Double.NaN;
        }
        if (d.stderr() == 0) {
            return d.mean() == 0 ? Double.NaN : 0.0;
        }
        double t = Math.abs(d.mean() / d.stderr());
        return 2 * new TDistribution(null, d.n() - 1).cumulativeProbability(-t);
    }

    /** The mean area under the regret curve with its 95% interval; null if regret is not recorded. */
    static Interval areaInterval(ResultData data, Cell c) {
        if (data.experiment().rankingMetric() < 0) {
            return null;
        }
        int column = data.experiment().metrics().size();
        SummaryStatistics s = new SummaryStatistics();
        try {
            data.runStore().rows(c.index(), (run, row) -> {
                if (!Double.isNaN(row[column])) {
                    s.addValue(row[column]);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("per-run values of " + c.label() + " cannot be read back: "
                    + e.getMessage(), e);
        }
        return s.getN() == 0 ? null : Interval.of(s.getN(), s.getMean(), s.getVariance());
    }

    /**
     * The experiment's cells grouped by the environment they ran on, in config order: only cells on
     * the same environment share their random numbers, so only they are compared.
     *
     * @param e the experiment whose cells to group
     * @return the groups, each in config order
     */
    public static List<List<Cell>> byEnvironment(Experiment e) {
        Map<Environment, List<Cell>> groups = new IdentityHashMap<>();
        List<List<Cell>> ordered = new ArrayList<>();
        for (Cell c : e.cells()) {
            List<Cell> group = groups.get(c.environment());
            if (group == null) {
                group = new ArrayList<>();
                groups.put(c.environment(), group);
                ordered.add(group);
            }
            group.add(c);
        }
        return ordered;
    }
}
