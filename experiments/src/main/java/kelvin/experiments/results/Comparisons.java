package kelvin.experiments.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import kelvin.api.Environment;
import kelvin.experiments.metric.Recorded;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Paired comparisons of variants under common random numbers. Run r of every variant on the same
 * environment draws that environment from the same stream (the same arm means, the same reward
 * noise sequence), so the difference X_a,r - X_b,r cancels the luck both runs shared. The 95%
 * interval of the mean difference is Student's t on those n differences; the unpaired (Welch)
 * interval of the same difference is kept beside it to show how much pairing saves.
 */
public final class Comparisons {

    private Comparisons() {
    }

    /**
     * The difference {@code a - b} of two per-run quantities, paired by run.
     *
     * @param difference mean of the per-run differences with its paired 95% t interval
     * @param unpairedHalfWidth half-width of the 95% Welch interval that ignores the pairing
     */
    public record Difference(Interval difference, double unpairedHalfWidth) {

        /** Paired half-width over unpaired half-width: below 1 when pairing narrows the interval. */
        public double widthRatio() {
            return (difference.high() - difference.mean()) / unpairedHalfWidth;
        }

        /** True when the interval excludes 0 (at the 5% level, uncorrected for multiple comparisons). */
        public boolean decided() {
            return difference.low() > 0 || difference.high() < 0;
        }
    }

    /**
     * {@code a - b} paired by run: runs where either value is NaN are left out.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static Difference paired(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired values need equal run counts: " + a.length + " and " + b.length);
        }
        SummaryStatistics d = new SummaryStatistics();
        SummaryStatistics sa = new SummaryStatistics();
        SummaryStatistics sb = new SummaryStatistics();
        for (int r = 0; r < a.length; r++) {
            if (Double.isNaN(a[r]) || Double.isNaN(b[r])) {
                continue;
            }
            d.addValue(a[r] - b[r]);
            sa.addValue(a[r]);
            sb.addValue(b[r]);
        }
        Interval paired = Interval.of(d.getN(), d.getMean(), d.getVariance());
        return new Difference(paired, welchHalfWidth(sa, sb));
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
        double df = se2 * se2 / (va * va / (na - 1) + vb * vb / (nb - 1));
        return Interval.tQuantile975(df) * Math.sqrt(se2);
    }

    /** One variant's place in a ranking. */
    public record Place(Cell cell, int rank, Interval finalValue, Interval area, Difference vsLeader) {
    }

    /**
     * Ranks the cells by mean final regret, lower first, with ties: walking down the sorted list, a
     * variant shares the rank of the current group's leader (the best variant of the group) when
     * the paired interval of its difference to the leader contains 0; otherwise it starts a new
     * group whose rank is its position (competition ranking: 1, 1, 3, ...). Cells without regret
     * are left out. The experiment must record the metric that ranks variants (regret).
     *
     * @param data the results
     * @param cells the cells to rank
     * @return their places, best first
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
        List<Place> places = new ArrayList<>();
        Cell leader = null;
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Cell c = sorted.get(i);
            Difference vsLeader = leader == null ? null
                    : paired(data.finals(c.index(), regret), data.finals(leader.index(), regret));
            if (vsLeader == null || vsLeader.decided()) {
                leader = c;
                rank = i + 1;
            }
            places.add(new Place(c, rank, data.last(c.index(), regret), areaInterval(data, c),
                    c == leader ? null : vsLeader));
        }
        return places;
    }

    /** The mean area under the regret curve with its 95% interval; null if regret is not recorded. */
    static Interval areaInterval(ResultData data, Cell c) {
        double[] area = data.regretArea(c.index());
        if (area == null) {
            return null;
        }
        SummaryStatistics s = new SummaryStatistics();
        for (double v : area) {
            if (!Double.isNaN(v)) {
                s.addValue(v);
            }
        }
        return s.getN() == 0 ? null : Interval.of(s.getN(), s.getMean(), s.getVariance());
    }

    /**
     * The experiment's cells grouped by the environment they ran on, in config order: only cells on
     * the same environment share their random numbers, so only they are compared.
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
