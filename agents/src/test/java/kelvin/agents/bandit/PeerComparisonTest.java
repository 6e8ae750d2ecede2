package kelvin.agents.bandit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import kelvin.agents.policy.Boltzmann;
import kelvin.agents.schedule.Exponential;
import kelvin.agents.schedule.Fixed;
import kelvin.agents.schedule.Schedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.List;

/**
 * Level 2 of the numpy peer comparison (shared/peers/numpy/NOTES.md, "Comparing"): with Kelvin's
 * own streams, the final-step metrics of a sample-average Boltzmann agent on the 10-armed testbed
 * (R = 2000, S = 1000) must agree with the peer's reference table,
 * |java - peer| &lt;= 4 sqrt(se_java^2 + se_peer^2), for average reward, % optimal and mean
 * cumulative pseudo-regret.
 */
class PeerComparisonTest {

    private static final long SEED = 2027L;

    /** Peer values at step 1000, seed 2026: mean and se of reward, optimal fraction, cumulative regret. */
    static List<Arguments> peer() {
        return List.of(
            Arguments.of("fixed T = 0.2", Fixed.of(0.2), new double[] {1.4225, 0.0259, 0.7395, 0.0098, 149.75, 5.01}),
            Arguments.of("exponential 1, 0.995", Exponential.of(1.0, 0.995),
                new double[] {1.5206, 0.0257, 0.9475, 0.0050, 122.89, 0.73}),
            Arguments.of("greedy T = 0", Fixed.of(0.0), new double[] {1.0266, 0.0259, 0.3625, 0.0108, 504.79, 12.62}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peer")
    void boltzmannAgentAgreesWithThePeerStatistically(String name, Schedule schedule, double[] peer) {
        Testbed.Final java = Testbed.run(ActionValueAgent.sampleAverage(0, Boltzmann.of(schedule)), SEED, 2000, 1000);
        assertAgrees(name + " reward", java.reward(), peer[0], peer[1]);
        assertAgrees(name + " optimal", java.optimal(), peer[2], peer[3]);
        assertAgrees(name + " regret", java.regret(), peer[4], peer[5]);
    }

    private static void assertAgrees(String what, Testbed.Estimate java, double peer, double peerSe) {
        double tolerance = 4 * Math.sqrt(java.se() * java.se() + peerSe * peerSe);
        assertTrue(Math.abs(java.mean() - peer) <= tolerance,
            () -> what + ": java " + java + " vs peer " + peer + " +- " + peerSe + " (tolerance " + tolerance + ")");
    }
}
