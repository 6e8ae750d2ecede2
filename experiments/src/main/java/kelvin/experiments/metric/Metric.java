package kelvin.experiments.metric;

import kelvin.env.bandit.BanditRun;
import kelvin.env.mdp.TabularModel;

/**
 * A quantity recorded at every checkpoint of every run and aggregated over runs (mean, 95%
 * interval). A metric is defined on bandits (read from each {@link BanditStep}), on tabular MDPs
 * (read from each {@link Episode}) or both; it also says how charts show it.
 *
 * <p>Each run asks for a recorder ({@link #startBandit}, {@link #startEpisodes}); a recorder that
 * keeps state per run is a fresh object, a stateless one may be the metric itself. Its value at the
 * run's last checkpoint is the run's final value (runs.csv, paired comparisons). NaN values are
 * skipped by the aggregates.
 */
public interface Metric {

    /** One run's recorder on a bandit. */
    interface BanditRecorder {
        /**
         * Every step of the run, when the metric {@link Metric#observesEveryStep() asks for it}.
         *
         * @param step the step just taken, valid only during this call
         */
        default void step(BanditStep step) {
            // stateless recorders read only checkpoints
        }

        /**
         * The value at a checkpoint step.
         *
         * @param step the checkpoint step, already given to {@link #step} when the metric observes every step
         * @return the value, NaN for none
         */
        double value(BanditStep step);

        /**
         * The step quantity {@link #value} returns, when it is one of them. The simulation then reads
         * that quantity itself at each checkpoint: on the fused loop a checkpoint comes every few
         * steps, and a call through the recorders of several metric classes would be its largest cost.
         *
         * @return the quantity, or null when the value is anything else
         */
        default BanditStep.Quantity quantity() {
            return null;
        }
    }

    /** One run's recorder on a tabular MDP. */
    interface EpisodeRecorder {
        /**
         * Every episode of the run, before {@link #value} at recorded ones.
         *
         * @param episode the episode just ended
         */
        default void episode(Episode episode) {
            // stateless recorders read only checkpoints
        }

        /**
         * The value at a checkpoint episode.
         *
         * @param episode the episode just ended
         * @return the value, NaN for none
         */
        double value(Episode episode);
    }

    /**
     * The chart title.
     *
     * @return e.g. "Cumulative regret"
     */
    String title();

    /**
     * The y axis label.
     *
     * @return e.g. "cumulative regret"
     */
    String axisLabel();

    /**
     * Which values are good.
     *
     * @return lower, higher or neither
     */
    Better better();

    /**
     * The report's caption under the metric's chart, before the note on means and bands.
     *
     * @param episodic whether the experiment runs episodes of a tabular MDP
     * @return one or two sentences
     */
    String caption(boolean episodic);

    /**
     * Whether the metric is defined on bandits.
     *
     * @return true when {@link #startBandit} gives a recorder
     */
    boolean onBandits();

    /**
     * Whether the metric is defined on tabular MDPs.
     *
     * @return true when {@link #startEpisodes} gives a recorder
     */
    boolean onEpisodes();

    /**
     * A recorder for one bandit run.
     *
     * @param run the run's bandit, before its first step
     * @return a fresh recorder when it keeps state per run, else possibly a shared one
     * @throws UnsupportedOperationException when the metric is not defined on bandits
     */
    default BanditRecorder startBandit(BanditRun run) {
        throw new UnsupportedOperationException("not a bandit metric");
    }

    /**
     * A recorder for one run on a tabular MDP.
     *
     * @param model the run's MDP
     * @return a fresh recorder when it keeps state per run, else possibly a shared one
     * @throws UnsupportedOperationException when the metric is not defined on tabular MDPs
     */
    default EpisodeRecorder startEpisodes(TabularModel model) {
        throw new UnsupportedOperationException("not a metric of tabular MDPs");
    }

    /**
     * Whether a config that lists no metrics records this one.
     *
     * @return false by default (plug-ins are recorded when a config names them)
     */
    default boolean recordedByDefault() {
        return false;
    }

    /**
     * Whether the bandit recorder sees every step, not only checkpoints; such a metric takes the
     * run off the fused fast path.
     *
     * @return false by default
     */
    default boolean observesEveryStep() {
        return false;
    }

    /**
     * Whether tabular runs must track the entropy of every choice of recorded episodes.
     *
     * @return false by default
     */
    default boolean needsEpisodeEntropy() {
        return false;
    }

    /**
     * Whether tabular runs must add up the temperature of every step of recorded episodes.
     *
     * @return false by default
     */
    default boolean needsStepTemperatures() {
        return false;
    }

    /**
     * The factor charts multiply values by (100 for a share shown in percent).
     *
     * @return 1 by default
     */
    default double chartScale() {
        return 1;
    }

    /**
     * The y axis label of the metric's curve chart, in the chart's scale.
     *
     * @return {@link #axisLabel()} by default
     */
    default String chartAxisLabel() {
        return axisLabel();
    }

    /**
     * Whether charts use a log y axis (temperatures span decades).
     *
     * @return false by default
     */
    default boolean logScale() {
        return false;
    }

    /**
     * Whether the chart's default y range may leave out the first episodes' means when they dwarf
     * the rest: per-episode values such as a return, whose first episodes of random wandering can
     * be a hundred times the later ones and would flatten every later difference. The range is then
     * that of the later 90% of the time axis, and a note says what is cut (see
     * {@code results.CurveView}).
     *
     * @return false by default
     */
    default boolean trimsEarlyTransient() {
        return false;
    }

    /**
     * Where the metric's chart comes in the report: lower first, ties in the config's order. Regret,
     * temperature and entropy come first, so a reader sees how each schedule explores beside what
     * it cost.
     *
     * @return 100 by default
     */
    default int reportRank() {
        return 100;
    }

    /**
     * Whether this is the metric variants are ranked and compared by (paired differences, the area
     * under its curve in runs.csv): cumulative regret.
     *
     * @return false by default
     */
    default boolean ranksVariants() {
        return false;
    }
}
