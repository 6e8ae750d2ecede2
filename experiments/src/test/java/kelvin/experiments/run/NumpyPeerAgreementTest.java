package kelvin.experiments.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import kelvin.experiments.config.ExperimentLoader;
import kelvin.experiments.config.Registry;
import kelvin.experiments.config.YamlTrees;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.Interval;
import kelvin.experiments.results.Tables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kelvin's testbed against the numpy peer (shared/peers/numpy, NOTES.md "Reference values": seed 2026,
 * 2000 runs x 1000 steps, per-run streams). The streams differ, so the comparison is statistical:
 * |kelvin - peer| <= 4 sqrt(se_kelvin^2 + se_peer^2) at step 1000 for average reward, % optimal
 * action and mean cumulative regret.
 */
class NumpyPeerAgreementTest {

    static Stream<Arguments> peerValues() {
        // temperature spec, then (mean, se) for reward, % optimal, regret, copied from the peer's table.
        return Stream.of(
                Arguments.of("0", new double[] {1.0266, 0.0259, 36.25, 1.08, 504.79, 12.62}),
                Arguments.of("0.2", new double[] {1.4225, 0.0259, 73.95, 0.98, 149.75, 5.01}),
                Arguments.of("1.0", new double[] {0.7921, 0.0301, 31.85, 1.04, 737.11, 3.94}),
                Arguments.of("inf", new double[] {0.0096, 0.0320, 10.20, 0.68, 1526.64, 11.13}),
                Arguments.of("{schedule: exponential, initial: 1.0, decay: 0.995, min: 0.01}",
                        new double[] {1.5207, 0.0257, 94.95, 0.49, 122.90, 0.73}));
    }

    @ParameterizedTest
    @MethodSource("peerValues")
    void agreesWithThePeerWithinFourStandardErrors(String temperature, double[] peer) throws InterruptedException {
        String yaml = "name: peer\nseed: 99\nruns: 2000\nsteps: 1000\nenv: {type: gaussian-bandit, arms: 10}\n"
                + "agents:\n  b: {type: action-value, policy: {type: boltzmann, temperature: " + temperature + "}}\n"
                + "metrics: [reward, optimal-action, regret]\nrecord: {points: 10}\n";
        Experiment e = ExperimentLoader.bind(YamlTrees.parse("peer.yaml", yaml), Registry.builtIns());
        Runner.Result result = new Runner(e, 2, ProgressListener.NONE).run();
        int last = e.checkpoints().length - 1;
        String[] metrics = {"reward", "optimal-action", "regret"};
        double[] scale = {1, 100, 1};
        for (int m = 0; m < 3; m++) {
            Interval iv = Tables.interval(e, result.cells().get(0), e.metricIndex(metrics[m]), last);
            double ours = iv.mean() * scale[m];
            double ourSe = iv.stderr() * scale[m];
            double tolerance = 4 * Math.hypot(ourSe, peer[2 * m + 1]);
            assertTrue(Math.abs(ours - peer[2 * m]) <= tolerance, String.format(
                    "T=%s %s: kelvin %.4f +- %.4f, peer %.4f +- %.4f, tolerance %.4f", temperature,
                    metrics[m], ours, ourSe, peer[2 * m], peer[2 * m + 1], tolerance));
        }
    }
}
