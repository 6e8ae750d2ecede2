package kelvin.agents.softmax;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * The mellowmax operator and its maximum-entropy policy (Asadi &amp; Littman 2017).
 *
 * <p>mm_w(x) = log((1/n) sum_i exp(w x_i)) / w, for w &gt; 0: a soft maximum between the mean
 * (w -&gt; 0) and the maximum (w -&gt; infinity) that, unlike Boltzmann softmax, is a non-expansion,
 * so value iteration and TD backups with it converge to a unique fixed point. It is computed as
 * max + log1p((1/n) sum_i expm1(w (x_i - max))) / w, which cannot overflow and keeps its digits
 * as w -&gt; 0, where the plain form would round every term to 1 and return the maximum.
 *
 * <p>The maximum-entropy mellowmax policy is pi(a) proportional to exp(beta x_a), where beta
 * &gt;= 0 solves sum_a exp(beta (x_a - mm)) (x_a - mm) = 0 (the paper's equation for the policy
 * whose expected value is mm_w(x) and whose entropy is largest among such policies). The left side
 * is increasing in beta (its derivative is sum_a (x_a - mm)^2 exp(...) &gt; 0), at most 0 at
 * beta = 0 (mm is at least the mean) and positive for large beta (mm is below the maximum), so the
 * root is unique; Commons Math's Brent solver finds it in a bracket [0, b] doubled until the sign
 * changes. Values that all tie give beta = 0, the uniform policy.
 *
 * <p>Reference: K. Asadi and M. L. Littman, "An alternative softmax operator for reinforcement
 * learning", ICML 2017, section 3 (definition and non-expansion) and section 5 (maximum-entropy
 * mellowmax policy).
 *
 * <p>An instance holds the solver and its function, so it serves one thread; {@link #beta} then
 * allocates nothing of its own.
 */
public final class Mellowmax {

    /** Largest beta the bracket grows to: exp(beta * gap) underflows long before for any real gap. */
    private static final double MAX_BETA = 1e300;

    /** Brent's absolute accuracy on beta, relative to the bracket found. */
    private static final double RELATIVE_ACCURACY = 1e-12;

    private static final int MAX_EVALUATIONS = 1_000;

    private final double omega;
    private final BrentSolver solver = new BrentSolver(RELATIVE_ACCURACY, Double.MIN_NORMAL);
    private final Equation equation = new Equation();

    /**
     * The operator for one omega.
     *
     * @param omega w, finite and &gt; 0
     * @throws IllegalArgumentException if omega is not finite and positive
     */
    public Mellowmax(double omega) {
        this.omega = checkOmega(omega);
    }

    /**
     * Checks an omega.
     *
     * @param omega w
     * @return omega, when finite and &gt; 0
     * @throws IllegalArgumentException otherwise
     */
    public static double checkOmega(double omega) {
        if (!(omega > 0) || Double.isInfinite(omega)) {
            throw new IllegalArgumentException("mellowmax omega must be finite and > 0, got " + omega);
        }
        return omega;
    }

    /**
     * mm_w of the first k values.
     *
     * @param x the values (the first k are used), finite
     * @param k the number of values, at least 1
     * @param omega w, &gt; 0
     * @return mm_w(x), between the mean and the maximum of the values
     */
    public static double value(double[] x, int k, double omega) {
        double max = max(x, k);
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += Math.expm1(omega * (x[i] - max));
        }
        return max + Math.log1p(sum / k) / omega;
    }

    /**
     * The inverse temperature beta of the maximum-entropy mellowmax policy over the first k values.
     *
     * @param x the values (the first k are used), finite
     * @param k the number of values, at least 1
     * @return beta &gt;= 0; 0 (uniform) when the values all tie
     */
    public double beta(double[] x, int k) {
        double mm = value(x, k, omega);
        double max = max(x, k);
        equation.set(x, k, mm, max);
        if (!(equation.value(0) < 0)) {
            return 0;
        }
        double high = 1 / Math.max(max - mm, Double.MIN_NORMAL);
        while (equation.value(high) < 0 && high < MAX_BETA) {
            high *= 2;
        }
        return solver.solve(MAX_EVALUATIONS, equation, 0, high);
    }

    private static double max(double[] x, int k) {
        double m = x[0];
        for (int i = 1; i < k; i++) {
            m = Math.max(m, x[i]);
        }
        return m;
    }

    /**
     * sum_a exp(beta (x_a - max)) (x_a - mm): the paper's equation scaled by exp(-beta max), which
     * keeps every exponential at most 1 and has the same root.
     */
    private static final class Equation implements UnivariateFunction {
        private double[] x;
        private int k;
        private double mm;
        private double max;

        void set(double[] values, int count, double mellow, double maximum) {
            x = values;
            k = count;
            mm = mellow;
            max = maximum;
        }

        @Override
        public double value(double beta) {
            double sum = 0;
            for (int i = 0; i < k; i++) {
                sum += Math.exp(beta * (x[i] - max)) * (x[i] - mm);
            }
            return sum;
        }
    }
}
