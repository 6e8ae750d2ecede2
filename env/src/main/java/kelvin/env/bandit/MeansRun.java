package kelvin.env.bandit;

/**
 * What every bandit run shares: the current arm means and the best of them, read by the runner
 * before each pull. Subclasses draw the rewards (and, for drifting bandits, move the means and call
 * {@link #setBest(double)}).
 */
abstract class MeansRun implements BanditRun {
    /** The current means, owned by this run. */
    final double[] mu;
    private double best;

    MeansRun(double[] mu) {
        this.mu = mu;
        this.best = BanditMath.max(mu);
    }

    /** Records the largest current mean after the means moved. */
    final void setBest(double best) {
        this.best = best;
    }

    @Override
    public final int arms() {
        return mu.length;
    }

    @Override
    public final double mean(int arm) {
        return mu[arm];
    }

    @Override
    public final double bestMean() {
        return best;
    }

    @Override
    public final boolean isOptimal(int arm) {
        return mu[arm] == best;
    }
}
