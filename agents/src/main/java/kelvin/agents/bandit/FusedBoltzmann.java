package kelvin.agents.bandit;

import java.util.Arrays;
import kelvin.agents.policy.Boltzmann;
import kelvin.agents.schedule.Fixed;
import kelvin.agents.softmax.CertifiedWeights;
import kelvin.agents.softmax.Softmax;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The {@link GaussianRunner} of the commonest experiment: an {@code action-value} agent with a plain
 * {@code boltzmann} policy (no top-k, top-p or floor) at a fixed temperature on stationary Gaussian
 * arms, the 10-armed testbed and its sweeps. It gives exactly the numbers of
 * {@link ActionValueAgent.Learner} driven step by step: the same draws in the same order, the same
 * arithmetic for Q and rewards, and the actions of {@link Softmax#sample}, as
 * {@link kelvin.agents.softmax.SoftmaxSampler} gives them.
 *
 * <p>Why a second loop: the generic one crosses three interfaces per step (learner, policy,
 * sampler), and the sampler's draw is too big for the JIT to inline into the runner's loop, so
 * every step made a call that spilled the loop's registers and reloaded the sampler's state from
 * its fields. Here one method holds select, pull and update, the sampler's state (weights, total,
 * anchor) lives in local variables, and the uniforms come from the concrete generator class. Only
 * a fixed temperature is fused: with a schedule, its calls and feedback in the loop cost the fixed
 * case about a sixth of its speed, and annealing re-weighs every arm each step anyway, which the
 * generic {@link kelvin.agents.softmax.SoftmaxSampler} already does.
 *
 * <p>Selection follows {@link kelvin.agents.softmax.SoftmaxSampler} at a fixed temperature: the
 * index is guessed by a scan of the weights before the last update (so the scan's unpredictable
 * branches do not wait for the update's division and exp), then the updated arm is re-weighed, the
 * guess's partial sums and the total are adjusted by the change, and the guess is taken only when
 * {@link CertifiedWeights#certifies} holds. Otherwise (the first step, a draw near a boundary, an
 * anchor or total out of range, every {@link CertifiedWeights#RESUM} updates) the loop returns to
 * {@link #carefully}: fresh weights or an exact total, a certified inversion, or
 * {@link Softmax#sample} itself; T = 0 and T = +infinity always end there. The weights obey the
 * rules of {@link CertifiedWeights}, so its proof covers this loop.
 *
 * <p>One instance serves one block of runs on one thread; nothing is allocated per step.
 */
final class FusedBoltzmann implements GaussianRunner {

    private static final int RESUM = CertifiedWeights.RESUM;
    private static final double LOW_TOTAL = CertifiedWeights.LOW_TOTAL;

    private final int k;
    private final double initial;
    /** The constant step size; NaN for sample averages. */
    private final double alpha;
    private final boolean sampleAverage;
    /** The fixed temperature T. */
    private final double temperatureValue;
    private final double margin;

    private final double[] q;
    private final long[] n;
    /** v_i ~ exp((q_i - anchor) * beta), in [e^-700, e^64]. */
    private final double[] weights;
    private final double[] scratch;

    // The sampler's state between calls of advance(), which keeps it in local variables.
    /** Whether the weights describe Q at T: not before a run's first step, never for T = 0 or +infinity. */
    private boolean weighed;
    private double beta;
    private double anchor;
    /** V, the total of the weights. */
    private double total;
    /** The largest total since the last exact sum. */
    private double peak;
    /** Re-weighed entries since the last exact sum. */
    private int updates;
    /** The arm whose value changed after the weights were computed, or -1. */
    private int pending;

    // The current run, between calls of advance().
    private XoRoShiRo128PlusPlus rng;
    private ZigguratSampler.NormalizedGaussian gaussian;
    private double[] means;
    private double noise;
    private int[] marks;
    private Checkpoints checkpoints;
    private double best;
    /** The next step to take. */
    private int step;
    /** The next checkpoint's position, and its 0-based step (-1 after the last). */
    private int next;
    private int mark;
    private double regret;
    private double area;
    private double rewards;
    /** The uniform advance() drew for the step it left to carefully(). */
    private double stepUniform;

    private FusedBoltzmann(int k, ActionValueAgent agent, Boltzmann policy) {
        this.k = k;
        this.initial = agent.initial();
        this.alpha = agent.alpha();
        this.sampleAverage = agent.isSampleAverage();
        this.temperatureValue = ((Fixed) policy.temperature()).value();
        this.margin = CertifiedWeights.margin(k);
        this.q = new double[k];
        this.n = new long[k];
        this.weights = new double[k];
        this.scratch = new double[k];
    }

    /**
     * The fused loop for this agent on K arms, or null when it does not apply: a policy other than
     * Boltzmann, a Boltzmann policy with options or with a temperature schedule other than
     * {@code fixed}.
     *
     * @param agent the agent
     * @param k the number of arms
     * @return the loop, or null
     */
    static FusedBoltzmann of(ActionValueAgent agent, int k) {
        if (!(agent.policy() instanceof Boltzmann b) || b.reshapes(k) || !(b.temperature() instanceof Fixed)) {
            return null;
        }
        return new FusedBoltzmann(k, agent, b);
    }

    /**
     * {@inheritDoc} As {@code agent.start(K, rng)} driven step by step: one uniform of {@code rng}
     * per step.
     */
    @Override
    public double run(double[] means, double noise, ZigguratSampler.NormalizedGaussian normals,
                      XoRoShiRo128PlusPlus rng, int horizon, int[] marks, Checkpoints checkpoints) {
        double top = means[0];
        for (int i = 1; i < k; i++) {
            if (means[i] > top) {
                top = means[i];
            }
        }
        best = top; // stationary: the first largest mean, as a bandit run reports it
        this.means = means;
        this.noise = noise;
        this.gaussian = normals;
        this.rng = rng;
        this.marks = marks;
        this.checkpoints = checkpoints;
        Arrays.fill(q, initial);
        Arrays.fill(n, 0);
        weighed = false;
        pending = -1;
        step = 0;
        next = 0;
        mark = marks[0] - 1;
        regret = 0;
        area = 0;
        rewards = 0;
        advance(-1, horizon);
        while (step < horizon) {
            advance(carefully(stepUniform), horizon);
        }
        this.rng = null;
        this.gaussian = null;
        this.means = null;
        this.checkpoints = null;
        return area;
    }
    /**
     * Runs steps from {@link #step} until the horizon, or until a step's arm cannot be certified
     * here; then it returns with {@link #step} at that step and its uniform in
     * {@link #stepUniform} (drawn, not yet used), for {@link #carefully}. {@code first} is the arm
     * of the first step when the caller has chosen it, else -1. The run's state lives in fields
     * between calls and in local variables within one, and the loop calls nothing but the
     * checkpoint listener: a call in it for the rare careful path, even one that never ran, made
     * the JIT keep the loop's values in memory.
     */
    private void advance(int first, int horizon) {
        final XoRoShiRo128PlusPlus rng = this.rng;
        final ZigguratSampler.NormalizedGaussian gaussian = this.gaussian;
        final double[] q = this.q;
        final long[] n = this.n;
        final double[] v = this.weights;
        final double[] mu = this.means;
        final int[] marks = this.marks;
        final Checkpoints checkpoints = this.checkpoints;
        final int last = k - 1;
        final boolean weighed = this.weighed;
        final boolean sampleAverage = this.sampleAverage;
        final double alpha = this.alpha;
        final double margin = this.margin;
        final double noise = this.noise;
        final double best = this.best;
        double w = total;
        double wPeak = peak;
        final double c = anchor;
        final double b = beta;
        int wUpdates = updates;
        int p = pending;
        int t = step;
        int next = this.next;
        int mark = this.mark;
        double regret = this.regret;
        double area = this.area;
        double rewards = this.rewards;
        int a = first;
        for (; t < horizon; t++) {
            if (a < 0) {
                double u = rng.nextDouble();
                if (weighed) {
                    double x = u * w;
                    double lo = 0;
                    double hi = v[0];
                    int g = 0;
                    while (g < last && hi <= x) {
                        lo = hi;
                        hi += v[++g];
                    }
                    boolean ok = true;
                    if (p >= 0) {
                        double zi = q[p];
                        double s = (zi - c) * b;
                        if (CertifiedWeights.admits(zi, s)) {
                            double wi = CertifiedWeights.weight(s);
                            double d = wi - v[p];
                            v[p] = wi;
                            w += d;
                            lo += p < g ? d : 0;
                            hi += p <= g ? d : 0;
                            p = -1;
                            if (w > wPeak) {
                                wPeak = w;
                            }
                            wUpdates++; // before the checks: a failed one sends carefully() to an exact sum
                            ok = w >= 0.25 * wPeak && w >= LOW_TOTAL && wUpdates < RESUM;
                            x = u * w;
                        } else {
                            ok = false;
                        }
                    }
                    if (ok && CertifiedWeights.certifies(x, lo, hi, g, w, margin)) {
                        a = g;
                    }
                }
                if (a < 0) {
                    stepUniform = u;
                    break;
                }
            }
            double mean = mu[a];
            regret += best - mean;
            area += regret;
            double reward = mean + noise * gaussian.sample();
            rewards += reward;
            if (t == mark) {
                checkpoints.checkpoint(next, t, a, mean == best, reward, rewards, regret);
                next++;
                mark = next < marks.length ? marks[next] - 1 : -1;
            }
            // ActionValueAgent.Learner.update (a fixed schedule wants neither entropy nor feedback)
            long pulls = ++n[a];
            if (sampleAverage) {
                q[a] += (reward - q[a]) / pulls;
            } else {
                q[a] += alpha * (reward - q[a]);
            }
            p = a;
            a = -1;
        }
        total = w;
        peak = wPeak;
        updates = wUpdates;
        pending = p;
        step = t;
        this.next = next;
        this.mark = mark;
        this.regret = regret;
        this.area = area;
        this.rewards = rewards;
    }

    @Override
    public double entropy() {
        return Softmax.entropy(q, k, temperatureValue);
    }

    @Override
    public double temperature() {
        return temperatureValue;
    }

    /**
     * The arm for uniform u from fresh weights (or an exact total) where needed, an inversion and
     * the certificate; the plain path when the certificate fails or the weights cannot be formed.
     */
    private int carefully(double u) {
        if (!weighed || pending >= 0) {
            if (!rebuild()) {
                return Softmax.sample(q, k, temperatureValue, u, scratch);
            }
        } else if (updates > 0) {
            exactTotal(CertifiedWeights.sum(weights, k));
        }
        if (!(total >= LOW_TOTAL)) {
            rebuild(); // cannot fail: Q and T passed before
        }
        int a = CertifiedWeights.certifiedIndex(weights, k, total, u, margin);
        return a >= 0 ? a : Softmax.sample(q, k, temperatureValue, u, scratch);
    }

    /**
     * Every weight of Q at T with the anchor at max Q, summed; false (weights invalid) for T = 0,
     * +infinity, an inverse that is not a normal double or a value beyond the limit.
     */
    private boolean rebuild() {
        double b = CertifiedWeights.beta(temperatureValue);
        double m = b == b ? CertifiedWeights.anchor(q, k) : Double.NaN;
        weighed = m == m;
        if (!weighed) {
            return false;
        }
        exactTotal(CertifiedWeights.weigh(q, k, m, b, weights));
        pending = -1;
        beta = b;
        anchor = m;
        return true;
    }

    /** Takes an exact sum of the weights as the total. */
    private void exactTotal(double sum) {
        total = sum;
        peak = sum;
        updates = 0;
    }
}
