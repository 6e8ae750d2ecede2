package kelvin.agents.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kelvin.agents.bandit.ActionValueAgent;
import kelvin.agents.policy.Boltzmann;
import kelvin.agents.policy.Metropolis;
import kelvin.agents.policy.PolicyRun;
import kelvin.agents.softmax.Softmax;
import kelvin.agents.testing.TestRngs;
import org.junit.jupiter.api.Test;

/** {@link EntropyTarget}: log T &lt;- log T - rate (H(pi_t) - target), clamped to [initial/1e4, initial*1e4]. */
class EntropyTargetTest {

    private static final double[] Z = {2, 1, 0.1}; // DESIGN.md's softmax example

    @Test
    void oneStepByHand() {
        ScheduleRun run = EntropyTarget.of(1.0, 0.5, 0.3).newRun(3);
        assertTrue(run.needsEntropy());
        assertEquals(1.0, run.temperature(0), 0.0);
        double h = Softmax.entropy(Z, 3, 1.0); // 0.832 nats at T = 1: too much, so T falls
        run.observe(123.0, h); // the reward is ignored
        assertEquals(Math.exp(Math.log(1.0) - 0.3 * (h - 0.5)), run.temperature(1), 1e-15);
        assertTrue(run.temperature(1) < 1.0);
        assertEquals(run.temperature(1), run.temperature(7), 0.0); // ahead: no feedback, no change
    }

    @Test
    void onFixedLogitsTheIterationConvergesToTheTemperatureWhoseEntropyIsTheTarget() {
        // H(T) = 0.5 nats on logits (2, 1, 0.1): solve by bisection (H grows with T) ...
        double lo = 0.01;
        double hi = 10;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (Softmax.entropy(Z, 3, mid) < 0.5) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        assertEquals(0.536764, lo, 1e-6);
        // ... and the schedule's iteration, with H computed at the current T, reaches the same T
        for (double rate : new double[] {0.5, 1.0, 2.0}) { // rate * dH/dlogT = rate * 0.652 < 2: converges
            ScheduleRun run = EntropyTarget.of(1.0, 0.5, rate).newRun(3);
            for (long t = 0; t < 300; t++) {
                run.observe(0.0, Softmax.entropy(Z, 3, run.temperature(t)));
            }
            assertEquals(0.536764, run.temperature(300), 1e-5, "rate " + rate);
            assertEquals(lo, run.temperature(300), 1e-12, "rate " + rate);
        }
    }

    @Test
    void theClampHoldsForExtremeTargets() {
        // the largest target, ln 3, against a policy stuck at H = 0: T triples every step,
        // 2 * 3^t, until 2 * 3^9 = 39366 exceeds initial * 1e4 = 2e4, and then stays on that bound
        EntropyTarget high = EntropyTarget.ofFraction(2.0, 1.0, 1.0);
        assertEquals(2e4, high.max(), 0.0);
        ScheduleRun run = high.newRun(3);
        for (long t = 0; t < 100; t++) {
            double expected = Math.min(2e4, 2 * Math.pow(3, t));
            assertEquals(expected, run.temperature(t), expected * 1e-12, "t = " + t);
            run.observe(0, 0.0);
        }
        // a tiny target against a uniform policy (H = ln 3): T = 2 exp(-(ln 3 - 1e-9) t) until initial / 1e4
        EntropyTarget low = EntropyTarget.of(2.0, 1e-9, 1.0);
        assertEquals(2e-4, low.min(), 0.0);
        run = low.newRun(3);
        for (long t = 0; t < 100; t++) {
            double expected = Math.max(2e-4, 2 * Math.exp(-(Math.log(3) - 1e-9) * t));
            assertEquals(expected, run.temperature(t), expected * 1e-12, "t = " + t);
            run.observe(0, Math.log(3));
        }
        // the same extreme targets with the entropy of the softmax at the current T: always in bounds
        for (EntropyTarget s : new EntropyTarget[] {high, low, EntropyTarget.ofFraction(2.0, 1e-12, 50.0)}) {
            run = s.newRun(3);
            for (long t = 0; t < 1000; t++) {
                double temperature = run.temperature(t);
                assertTrue(temperature >= s.min() && temperature <= s.max(), s + " at t = " + t + ": " + temperature);
                run.observe(0, Softmax.entropy(Z, 3, temperature));
            }
        }
        // a step so large that exp overflows to +inf or underflows to 0 still lands on a bound
        run = EntropyTarget.of(1.0, 1.0, Double.MAX_VALUE).newRun(3);
        run.observe(0, 0.0); // exp(+huge) = +inf
        assertEquals(1e4, run.temperature(1), 0.0);
        run.observe(0, Math.log(3)); // exp(-huge) = 0
        assertEquals(1e-4, run.temperature(2), 0.0);
    }

    @Test
    void aFractionOfLnKNeedsTheNumberOfArms() {
        EntropyTarget s = EntropyTarget.ofFraction(1.0, 0.5, 1.0);
        assertEquals(0.5 * Math.log(3), s.targetFor(3), 0.0);
        ScheduleRun run = s.newRun(3);
        run.observe(0, 0.5 * Math.log(3)); // exactly on target: exp(0) = 1, T unchanged
        assertEquals(1.0, run.temperature(1), 0.0);
        IllegalStateException e = assertThrows(IllegalStateException.class, s::newRun);
        assertEquals("entropy-target with target-fraction = 0.5 needs the number of actions: start it with "
            + "newRun(arms)", e.getMessage());
        assertEquals("entropy-target(initial=1.0, target-fraction=0.5, rate=1.0)", s.toString());
        assertEquals("entropy-target(initial=1.0, target=0.5, rate=1.0)", EntropyTarget.of(1, 0.5, 1).toString());
        assertEquals(1.0, s.temperature(1_000_000), 0.0); // the preview does not move
    }

    @Test
    void policiesPassTheNumberOfArmsAndCheckTheTarget() {
        EntropyTarget fraction = EntropyTarget.ofFraction(1.0, 0.5, 1.0);
        PolicyRun boltzmann = Boltzmann.of(fraction).start(4, TestRngs.seeded(1));
        assertTrue(boltzmann.needsEntropy());
        Metropolis.of(fraction).start(4, TestRngs.seeded(1));
        // 1.5 nats is above ln 3 = 1.0986 but not above ln 5 = 1.609
        EntropyTarget nats = EntropyTarget.of(1.0, 1.5, 1.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Boltzmann.of(nats).start(3, TestRngs.seeded(1)));
        assertEquals("entropy target is not in (0, ln K] = (0, " + Math.log(3) + "] for K = 3 arms: target = 1.5 nats",
            e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Metropolis.of(nats).start(3, TestRngs.seeded(1)));
        Boltzmann.of(nats).start(5, TestRngs.seeded(1));
    }

    @Test
    void anActionValueAgentFeedsItTheEntropyOfThePolicyThatChose() {
        // Q_0 = 0 for all 4 arms: the first distribution is uniform, H = ln 4
        ActionValueAgent.Learner learner = ActionValueAgent.sampleAverage(0, Boltzmann.of(EntropyTarget.of(1.0, 0.5, 0.2)))
            .start(4, TestRngs.seeded(7));
        learner.update(learner.select(), 1.0);
        assertEquals(Math.exp(-0.2 * (Math.log(4) - 0.5)), learner.temperature(), 1e-15);
    }

    @Test
    void aNanEntropyIsAnError() {
        ScheduleRun run = EntropyTarget.of(1.0, 0.5, 1.0).newRun(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run.observe(1.0, Double.NaN));
        assertEquals("entropy is NaN: entropy-target needs the entropy of the distribution that chose the action",
            e.getMessage());
    }
}
