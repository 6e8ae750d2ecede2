package kelvin.agents.tabular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import kelvin.agents.policy.EpsilonGreedy;
import kelvin.agents.testing.TestRngs;
import kelvin.env.mdp.BuiltinMap;
import kelvin.env.mdp.Gridworld;
import kelvin.env.mdp.TabularRun;
import org.junit.jupiter.api.Test;

/** Q-learning's backup operators (max, mellowmax, soft) by hand, and soft-q-learning as one of them. */
class BackupTest {

    private static final long SEED = 20261207L;

    private static TdLearner learner(Backup backup, double parameter, double initial) {
        return TdAgent.qLearning(0.5, 0.9, initial, EpsilonGreedy.of(1.0)).withBackup(backup, parameter)
            .start(2, 2, TestRngs.seeded(SEED));
    }

    /** Asadi &amp; Littman (2017), equation (1): mm_w(x) = log((1/n) sum_i exp(w x_i)) / w. */
    @Test
    void mellowmaxBootstrapsOnTheMeanOfExponentials() {
        TdLearner l = learner(Backup.MELLOWMAX, 2.0, 0.0);
        l.setValue(1, 0, 1.0);
        l.setValue(1, 1, 3.0);
        l.beginEpisode();
        l.act(0);
        l.learn(0, 0, 1.0, 1, false);
        double mm = Math.log((Math.exp(2.0 * 1.0) + Math.exp(2.0 * 3.0)) / 2) / 2.0;
        assertEquals(0.5 * (1.0 + 0.9 * mm), l.value(0, 0), 1e-15);
        assertEquals(mm, l.backupValue(1), 1e-15);
    }

    @Test
    void softBootstrapsOnLogSumExp() {
        TdLearner l = learner(Backup.SOFT, 0.5, 0.0);
        l.setValue(1, 0, 1.0);
        l.setValue(1, 1, 3.0);
        l.beginEpisode();
        l.act(0);
        l.learn(0, 1, 1.0, 1, false);
        double soft = 0.5 * Math.log(Math.exp(1.0 / 0.5) + Math.exp(3.0 / 0.5));
        assertEquals(0.5 * (1.0 + 0.9 * soft), l.value(0, 1), 1e-15);
    }

    @Test
    void maxIsTheDefaultAndTakesNoParameter() {
        TdAgent agent = TdAgent.qLearning(0.5, 0.9, 0.0, EpsilonGreedy.of(1.0));
        assertEquals(Backup.MAX, agent.backup());
        assertEquals(agent.toString(), agent.withBackup(Backup.MAX, Double.NaN).toString());
        TdLearner l = agent.start(2, 2, TestRngs.seeded(SEED));
        l.setValue(1, 1, 3.0);
        assertEquals(3.0, l.backupValue(1), 0);
        assertEquals(l.maxValue(1), l.backupValue(1), 0);
    }

    @Test
    void onlyQLearningTakesAnotherBackupAndItsParameterMustBePositive() {
        TdAgent sarsa = TdAgent.sarsa(0.5, 0.9, 0.0, EpsilonGreedy.of(1.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> sarsa.withBackup(Backup.MELLOWMAX, 1.0));
        assertEquals("backup mellowmax needs q-learning, not sarsa", e.getMessage());
        TdAgent q = TdAgent.qLearning(0.5, 0.9, 0.0, EpsilonGreedy.of(1.0));
        for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> q.withBackup(Backup.SOFT, bad), "tau " + bad);
            assertThrows(IllegalArgumentException.class, () -> q.withBackup(Backup.MELLOWMAX, bad), "omega " + bad);
        }
    }

    /**
     * soft-q-learning is q-learning with backup: soft. Driven side by side on the 4x4 frozen lake
     * with the same seeds, the two Q tables are identical after every episode, and both match a
     * reference written here from Fox, Pakman &amp; Tishby's update.
     */
    @Test
    void softQLearningIsQLearningWithTheSoftBackup() {
        double tau = 0.3;
        Gridworld lake = BuiltinMap.FROZEN_LAKE_4X4.builder().build();
        TabularLearner named = SoftQLearning.of(0.2, 0.9, 0.0, tau, EpsilonGreedy.of(0.5)).start(16, 4,
            TestRngs.stream(SEED, 0, 1));
        TdLearner keyed = TdAgent.qLearning(0.2, 0.9, 0.0, EpsilonGreedy.of(0.5)).withBackup(Backup.SOFT, tau)
            .start(16, 4, TestRngs.stream(SEED, 0, 1));
        double[] reference = new double[16 * 4];
        TabularRun run = lake.start(TestRngs.stream(SEED, 0, 0));
        for (int e = 0; e < 200; e++) {
            named.beginEpisode();
            keyed.beginEpisode();
            int s = run.reset();
            for (int k = 0; k < 100; k++) {
                int a = named.act(s);
                assertEquals(a, keyed.act(s), "episode " + e + " step " + k);
                int s2 = run.step(a);
                double next = 0;
                if (!run.terminated()) {
                    double sum = 0;
                    for (int b = 0; b < 4; b++) {
                        sum += Math.exp(reference[s2 * 4 + b] / tau);
                    }
                    next = tau * Math.log(sum);
                }
                reference[s * 4 + a] += 0.2 * (run.reward() + 0.9 * next - reference[s * 4 + a]);
                named.learn(s, a, run.reward(), s2, run.terminated());
                keyed.learn(s, a, run.reward(), s2, run.terminated());
                s = s2;
                if (run.terminated()) {
                    break;
                }
            }
            named.endEpisode();
            keyed.endEpisode();
            double[] q = ((TdLearner) named).values();
            assertArrayEquals(q, keyed.values(), "episode " + e);
            assertArrayEquals(reference, q, 1e-12, "episode " + e);
        }
    }
}
